import { slugify } from '../ingest/text.ts';
import type { UnitRow } from '../schemas/tables.ts';
import type { UnitIndex } from '../domain/units.ts';
import { isListPage } from './lists.ts';

// Permanent URLs. Slugs come from official names in ASCII; every other spelling in `ten_khac`
// gets a redirect page, so correcting a name (and keeping the old one as an alias) breaks no link.
//
// A unit's URL depends only on its own code and name (and its commune's URL for a village) and on
// the published-URL lock, never on the order of rows. When several units (or other spellings) give
// the same path, in this order:
//   1. a path recorded in the lock keeps the unit it was published for, as long as that unit has a
//      page: if its name no longer gives that path (renamed, or its commune renamed), the path
//      redirects to its page; but if another unit's official name now gives that path, the lock and
//      the data disagree and the check refuses them (`contested`) until the old name is declared;
//   2. otherwise the page goes to the unit with the smallest code (ordinal comparison);
//   3. the other units' pages get `<slug>-<code slug>`; an other spelling that loses is not served
//      and reported, naming both units (two units' other spellings alone: neither is served).

/** The longest path segment written: far under file-system limits (255 bytes per name). */
export const SEGMENT_MAX = 80;

/** A short, stable tag for a code: its slug when short, otherwise a hash of the code (FNV-1a, base 36). */
function codeTag(code: string): string {
  const slug = slugify(code);
  if (slug.length <= 12) return slug;
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/**
 * One path segment from a slug, at most SEGMENT_MAX characters: a longer slug is cut at a word
 * boundary and ends with the code's tag, so two long names that start alike still differ.
 */
export function pathSegment(slug: string, code: string): string {
  const base = slug || slugify(code);
  if (base.length <= SEGMENT_MAX) return base;
  const tag = codeTag(code);
  const room = SEGMENT_MAX - tag.length - 1;
  const cut = base.slice(0, room);
  const atWord = base[room] === '-' ? cut : cut.replace(/-[^-]*$/, '');
  return `${atWord || cut}-${tag}`;
}

const PREFIX = /^(xa|thi tran|phuong|thon|ban|to dan pho) /;
/** "Xã Sì Lở Lầu" → "si-lo-lau"; "Thị trấn Phong Thổ" keeps its kind: "thi-tran-phong-tho". */
function unitSlug(name: string, keepKind: boolean): string {
  const slug = slugify(name);
  return keepKind ? slug : slugify(slug.replace(/-/g, ' ').replace(PREFIX, ''));
}

export interface Alias {
  from: string;
  to: string;
  unitId: string;
}

/** An other spelling that is not served because another unit holds its path. */
export interface AliasConflict {
  unitId: string;
  alias: string;
  path: string;
  /** The unit whose page or other spelling holds the path. */
  otherId: string;
}

/**
 * A locked path whose unit no longer claims it by any name while another unit's own name gives it: the
 * lock and the data disagree (a renamed unit without its old name in ten_khac, or a hand-edited lock).
 */
export interface ContestedPath {
  path: string;
  /** The unit the lock says the path was published for. */
  ownerId: string;
  /** The unit whose official name now gives the path. */
  claimantId: string;
}

export interface UnitPaths {
  /** The page of a unit; the district's page is the overview. */
  of(unitId: string): string | null;
  /** Old URLs (from other spellings) that redirect to a unit's page. */
  aliases: Alias[];
  conflicts: AliasConflict[];
  contested: ContestedPath[];
}

/**
 * A path of the site ("/xa/si-lo-lau/") as served under the base path the site is published at
 * ("/" or "/chung-tay/", from `dia_chi_trang`). Every link and asset goes through here; an address of
 * another site, a fragment or a mail link is returned as it is.
 */
export function withBase(base: string, path: string): string {
  return path.startsWith('/') && !path.startsWith('//') ? `${base}${path.slice(1)}` : path;
}

/** The absolute URL of a path of the site, under its address (`dia_chi_trang`, ending in "/"). */
export const absoluteUrl = (address: string, path: string): string => withBase(address, path);

export const awardPath = (id: string) => `/vinh-danh/${pathSegment(slugify(id), id)}/`;
export const storyPath = (slug: string) => `/dien-hinh/${slug}/`;
/** A commune's own downloads, by code: a code never changes, so these files never move with a rename. */
export const communeFilesPath = (code: string) => `/du-lieu/xa/${pathSegment(slugify(code), code)}/`;
/**
 * A commune's one-page A4 sheet: /in/xa/<xa>/ for /xa/<xa>/. Outside the units' folders, so no village name
 * ("Bản In") can take its path, and it follows the commune's path when the commune is renamed.
 */
export const printSheetPath = (communePath: string) => `/in${communePath}`;
export const COMMUNE_FILES = ['danh-gia', 'ket-qua-ra-soat'].flatMap((name) =>
  ['csv', 'json', 'xlsx'].map((format) => `${name}.${format}`),
);

interface Claim {
  unit: UnitRow;
  /** null for the unit's page, else the other spelling. */
  alias: string | null;
}

/** Ordinal order of codes: the same in every locale and on every machine. */
const byCode = (a: Claim, b: Claim) => {
  const [x, y] = [a.unit.ma_don_vi, b.unit.ma_don_vi];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * URLs of every unit page and other spelling. `locked` maps a published path to the code of the
 * unit it was published for (from the lock file).
 */
export function unitPaths(index: UnitIndex, locked: ReadonlyMap<string, string> = new Map()): UnitPaths {
  const paths = new Map<string, string>();
  const served: { from: string; unitId: string }[] = [];
  const conflicts: AliasConflict[] = [];
  const contested: ContestedPath[] = [];
  const { movementCommunes, currentCommunes } = index;
  const withPage = new Set(
    [...movementCommunes.flatMap((c) => [c, ...index.villagesOf(c.ma_don_vi)]), ...currentCommunes].map(
      (u) => u.ma_don_vi,
    ),
  );
  /** The unit the lock keeps a path for, if it still has a page. */
  const ownerOf = (path: string) => {
    const owner = locked.get(path);
    return owner !== undefined && withPage.has(owner) ? owner : undefined;
  };

  /**
   * Settle one folder of sibling units; `at(slug)` gives the path of a slug in that folder. `list` is the folder's
   * own list when it comes in numbered pages, whose paths no unit may take.
   */
  const settle = (
    units: readonly UnitRow[],
    at: (slug: string) => string,
    keepKind: (u: UnitRow) => boolean,
    list?: string,
  ) => {
    const listed = (path: string) => list !== undefined && isListPage(list, path);
    const pathOf = (u: UnitRow, name: string) => at(pathSegment(unitSlug(name, keepKind(u)), u.ma_don_vi));
    // The slug of the unit's own name is given when known, so it is computed once per unit.
    const codedPath = (u: UnitRow, own = unitSlug(u.ten_don_vi, keepKind(u))) => {
      const code = slugify(u.ma_don_vi);
      return at(pathSegment(`${own || code}-${code}`, u.ma_don_vi));
    };
    const claims = new Map<string, Claim[]>();
    const claim = (path: string, c: Claim) => claims.set(path, [...(claims.get(path) ?? []), c]);
    for (const unit of units) {
      const slug = unitSlug(unit.ten_don_vi, keepKind(unit));
      const page = at(pathSegment(slug, unit.ma_don_vi));
      // A unit published at its coded path (it lost a collision once) stays there.
      const coded = codedPath(unit, slug);
      if (locked.get(coded) === unit.ma_don_vi) paths.set(unit.ma_don_vi, coded);
      // "Xã Tràng 2" cannot be "/xa-moi/trang-2/", page 2 of the list: it takes its coded path.
      else if (listed(page)) paths.set(unit.ma_don_vi, coded);
      else claim(page, { unit, alias: null });
      const own = new Set([page]);
      for (const alias of unit.ten_khac ?? []) {
        const from = pathOf(unit, alias);
        // An other spelling on a path of the list is not served: the path belongs to the list.
        if (own.has(from) || listed(from)) continue;
        own.add(from);
        claim(from, { unit, alias });
      }
    }
    for (const path of [...claims.keys()].sort()) {
      const all = (claims.get(path) ?? []).sort(byCode);
      const owner = ownerOf(path);
      const single = new Set(all.map((c) => c.unit)).size === 1;
      const winner =
        owner !== undefined
          ? all.find((c) => c.unit.ma_don_vi === owner)
          : (all.find((c) => c.alias === null) ?? (single ? all[0] : undefined));
      const claimant = all.find((c) => c.alias === null);
      if (owner !== undefined && !winner && claimant)
        contested.push({ path, ownerId: owner, claimantId: claimant.unit.ma_don_vi });
      if (winner?.alias === null) paths.set(winner.unit.ma_don_vi, path);
      else if (winner) served.push({ from: path, unitId: winner.unit.ma_don_vi });
      for (const c of all) {
        if (c === winner) continue;
        if (c.alias === null) paths.set(c.unit.ma_don_vi, codedPath(c.unit));
        else {
          const otherId = owner ?? (winner ?? all.find((o) => o.unit !== c.unit))?.unit.ma_don_vi ?? '';
          conflicts.push({ unitId: c.unit.ma_don_vi, alias: c.alias, path, otherId });
        }
      }
    }
  };

  paths.set(index.district.ma_don_vi, '/');
  settle(
    movementCommunes,
    (s) => `/xa/${s}/`,
    (c) => c.cap === 'thi_tran',
  );
  for (const c of movementCommunes) {
    const base = paths.get(c.ma_don_vi) ?? '/';
    settle(
      index.villagesOf(c.ma_don_vi),
      (s) => `${base}${s}/`,
      (v) => v.cap === 'to_dan_pho',
    );
  }
  settle(
    currentCommunes,
    (s) => `/xa-moi/${s}/`,
    (c) => c.cap === 'phuong',
    '/xa-moi/',
  );
  // A locked path its owner no longer claims stays free: the lock check redirects it to the owner's page.
  const aliases = served.map(({ from, unitId }) => ({ from, to: paths.get(unitId) ?? '/', unitId }));
  return { of: (id) => paths.get(id) ?? null, aliases, conflicts, contested };
}
