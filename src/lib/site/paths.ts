import { slugify } from '../ingest/text.ts';
import type { UnitRow } from '../schemas/tables.ts';
import type { UnitIndex } from '../domain/units.ts';

// Permanent URLs. Slugs come from official names in ASCII; every other spelling in `ten_khac`
// gets a redirect page, so correcting a name (and keeping the old one as an alias) breaks no link.

const PREFIX = /^(xa|thi tran|phuong|thon|ban|to dan pho) /;
/** "Xã Sì Lở Lầu" → "si-lo-lau"; "Thị trấn Phong Thổ" keeps its kind: "thi-tran-phong-tho". */
function unitSlug(name: string, keepKind: boolean): string {
  const slug = slugify(name);
  return keepKind ? slug : slugify(slug.replace(/-/g, ' ').replace(PREFIX, ''));
}

export interface UnitPaths {
  /** The page of a unit; the district's page is the overview. */
  of(unitId: string): string | null;
  /** Old URLs (from other spellings) that redirect to a unit's page. */
  aliases: { from: string; to: string }[];
}

export const awardPath = (id: string) => `/vinh-danh/${slugify(id)}/`;
export const storyPath = (slug: string) => `/dien-hinh/${slug}/`;

export function unitPaths(index: UnitIndex): UnitPaths {
  const paths = new Map<string, string>();
  const aliases: { from: string; to: string }[] = [];
  const taken = new Set<string>();
  const claim = (unit: UnitRow, make: (name: string) => string) => {
    let path = make(unit.ten_don_vi);
    if (taken.has(path)) path = make(`${unit.ten_don_vi} ${unit.ma_don_vi}`);
    taken.add(path);
    paths.set(unit.ma_don_vi, path);
    for (const alias of unit.ten_khac ?? []) {
      const from = make(alias);
      if (!taken.has(from)) {
        taken.add(from);
        aliases.push({ from, to: path });
      }
    }
  };
  paths.set(index.district.ma_don_vi, '/');
  for (const c of index.movementCommunes) {
    claim(c, (name) => `/xa/${unitSlug(name, c.cap === 'thi_tran')}/`);
    const base = paths.get(c.ma_don_vi) ?? '/';
    for (const v of index.villagesOf(c.ma_don_vi)) claim(v, (name) => `${base}${unitSlug(name, v.cap === 'to_dan_pho')}/`);
  }
  for (const c of index.currentCommunes) claim(c, (name) => `/xa-moi/${unitSlug(name, c.cap === 'phuong')}/`);
  return { of: (id) => paths.get(id) ?? null, aliases };
}
