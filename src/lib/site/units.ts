import { VERDICT_RESULTS, type VerdictResult } from '../domain/criteria.ts';
import { isVillageLevel } from '../domain/units.ts';
import { datesInText, formatCount, formatDate, formatPercent } from '../format/vi.ts';
import { REGIONS, type UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import type { AwardView } from './awards.ts';
import { nameInSentence } from '../format/names.ts';
import {
  answerFirst,
  criteriaFor,
  figuresRows,
  latestYear,
  levelName,
  trendCharts,
  type Answer,
  type ChartView,
  type CriterionView,
  type FiguresRow,
} from './common.ts';
import { unitDownloads, type UnitDownloads } from '../open-data.ts';
import { COMMUNES_ON_ONE_PAGE, paginate, type ListPage } from './lists.ts';
import { storyPath, type UnitPaths } from './paths.ts';
import { frozenNotes, type FrozenNote } from './rounds.ts';

// The page of a commune of the movement, a village, or a commune of today.

export interface Link {
  name: string;
  path: string;
}

export interface VillageRow extends Link {
  base: string;
  latest: string;
  reduction: string;
  result: VerdictResult;
  label: string;
}

export interface UnitPageView {
  id: string;
  name: string;
  /** The name as written mid-sentence: "xã Bản Lang". */
  nameInSentence: string;
  /** The verdicts of the latest round in words, the data status and its date: shown first. */
  answer: Answer;
  kind: string;
  path: string;
  breadcrumbs: Link[];
  notices: string[];
  /** Frozen rounds that published this unit's figures or verdicts otherwise than today. */
  frozen: FrozenNote[];
  successor: (Link & { nameInSentence: string }) | null;
  facts: { label: string; value: string }[];
  figures: FiguresRow[];
  charts: ChartView[];
  criteria: CriterionView[];
  villages: VillageRow[] | null;
  formerUnits: Link[] | null;
  awards: AwardView[];
  /** A commune of the movement: its honour roll with its rounds to print (/vinh-danh/xa/<xa>/). */
  honourRoll: string | null;
  stories: Link[];
  /** A commune of the movement and its villages: the commune's and its villages' figures and verdicts, as files. */
  downloads: UnitDownloads | null;
}

const link = (paths: UnitPaths, u: UnitRow): Link => ({ name: u.ten_don_vi, path: paths.of(u.ma_don_vi) ?? '/' });

function villageRows(site: SiteData, paths: UnitPaths, villages: UnitRow[]): VillageRow[] {
  const base = site.settings.nam_goc;
  const year = latestYear(site);
  const scale = (id: string, y: number) => {
    const f = site.figures(id, y);
    return f ? f.so_ho_ngheo + f.so_ho_can_ngheo : null;
  };
  return villages.map((v) => {
    const b = scale(v.ma_don_vi, base);
    const t = scale(v.ma_don_vi, year);
    const verdict = site.verdictOf(v.ma_don_vi, 'TC_THON', year);
    const result = verdict?.ket_qua ?? 'khong_ap_dung';
    return {
      ...link(paths, v),
      base: b === null ? '–' : formatCount(b),
      latest: t === null ? '–' : formatCount(t),
      reduction: b && t !== null ? formatPercent((100 * (b - t)) / b) : '–',
      result,
      label: VERDICT_RESULTS[result],
    };
  });
}

function facts(site: SiteData, u: UnitRow): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [{ label: 'Loại đơn vị', value: levelName(u) }];
  if (u.ma_hanh_chinh) out.push({ label: 'Mã hành chính', value: u.ma_hanh_chinh });
  const regions = [...site.index.regionsOf(u.ma_don_vi)].sort((a, b) => a.tu_nam - b.tu_nam);
  if (regions.length) {
    out.push({
      label: 'Khu vực',
      value: regions
        .map(
          (r) => `${REGIONS[r.khu_vuc]} (${r.tu_nam}${r.den_nam === null ? ' trở đi' : `–${r.den_nam}`}, ${r.can_cu})`,
        )
        .join('; '),
    });
  }
  if (u.vung_cao_bien_gioi_dbkk) out.push({ label: 'Diện', value: 'Xã vùng cao, biên giới đặc biệt khó khăn' });
  if (u.bien_gioi) out.push({ label: 'Biên giới', value: 'Có đường biên giới quốc gia' });
  if (u.dac_biet_kho_khan !== null) {
    out.push({
      label: 'Đặc biệt khó khăn',
      value: !u.dac_biet_kho_khan
        ? 'Không thuộc diện đặc biệt khó khăn đầu kỳ'
        : u.nam_thoat_dbkk !== null
          ? `Thuộc diện đầu kỳ; đã thoát diện năm ${u.nam_thoat_dbkk} (${u.quyet_dinh_thoat_dbkk ?? ''})`
          : 'Thuộc diện đặc biệt khó khăn; chưa có quyết định thoát diện',
    });
  }
  return out;
}

/** Items grouped by unit once per build (keyed by the list they come from), each with its place in that list. */
function groupedByUnit<T>(
  cache: WeakMap<object, Map<string, [number, T][]>>,
  key: object,
  items: readonly T[],
  unitOf: (item: T) => string,
) {
  let groups = cache.get(key);
  if (!groups) {
    groups = new Map();
    items.forEach((item, i) => {
      const list = groups?.get(unitOf(item));
      if (list) list.push([i, item]);
      else groups?.set(unitOf(item), [[i, item]]);
    });
    cache.set(key, groups);
  }
  return groups;
}

const awardGroups = new WeakMap<object, Map<string, [number, AwardView][]>>();
const awardsByUnit = (views: readonly AwardView[]) => groupedByUnit(awardGroups, views, views, (a) => a.unitId);
const storyGroups = new WeakMap<object, Map<string, [number, SiteData['stories'][number]][]>>();
const storiesByUnit = (site: SiteData) => groupedByUnit(storyGroups, site.stories, site.stories, (s) => s.ma_don_vi);

/** The items of these units, in the order of their list. */
function inFileOrder<T>(units: ReadonlySet<UnitRow>, groups: ReadonlyMap<string, [number, T][]>): T[] {
  return [...units]
    .flatMap((u) => groups.get(u.ma_don_vi) ?? [])
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);
}

/** The date today's communes began (the reorganisation), as shown on pages. */
export function reorganisationDate(site: SiteData): string {
  const first = site.index.currentCommunes
    .map((c) => c.hieu_luc_tu)
    .filter((d) => d !== null)
    .sort()[0];
  return first ? formatDate(first) : '';
}

export function unitPage(
  site: SiteData,
  paths: UnitPaths,
  awardViews: readonly AwardView[],
  unitId: string,
): UnitPageView {
  const u = site.index.byId.get(unitId);
  if (!u) throw new Error(`unitPage: unknown unit ${unitId}`);
  const path = paths.of(unitId) ?? '/';
  const parent = u.ma_don_vi_cha ? site.index.byId.get(u.ma_don_vi_cha) : undefined;
  const successor = site.index.successorOf(unitId);
  const current = site.index.isCurrentCommune(unitId);
  const notices: string[] = [];
  if (successor) {
    const since = successor.hieu_luc_tu
      ? `Từ ngày ${formatDate(successor.hieu_luc_tu)}`
      : 'Sau sắp xếp đơn vị hành chính';
    const basis = site.settings.van_ban_sap_xep ? ` (${site.settings.van_ban_sap_xep})` : '';
    notices.push(
      `${since}${basis}, ${isVillageLevel(u) ? 'thôn này thuộc' : 'đơn vị này là một phần của'} ${nameInSentence(successor.ten_don_vi)}. Trang này giữ nguyên số liệu và kết quả của giai đoạn phong trào.`,
    );
  }
  if (u.hieu_luc_tu && !current) notices.push(`Đơn vị được thành lập từ ngày ${formatDate(u.hieu_luc_tu)}.`);
  if (u.ghi_chu) notices.push(u.ghi_chu);

  const villages = current ? null : site.index.villagesOf(unitId);
  const former = current ? site.index.formerCommunesOf(unitId) : null;
  // The page lists what belongs to the unit, its villages and, for today's commune, the units that became it.
  const shown = new Set([
    u,
    ...site.index.villagesOf(unitId),
    ...(former ?? []),
    ...(current ? site.index.villagesNowIn(unitId) : []),
  ]);
  const awards = inFileOrder(shown, awardsByUnit(awardViews));
  const stories = inFileOrder(shown, storiesByUnit(site)).map((s) => ({ name: s.tieu_de, path: storyPath(s.slug) }));
  const criteria = criteriaFor(site, unitId);
  const downloads = unitDownloads(site, paths, unitId);
  return {
    id: unitId,
    name: u.ten_don_vi,
    nameInSentence: nameInSentence(u.ten_don_vi),
    answer: answerFirst(site, unitId, criteria),
    kind: levelName(u),
    path,
    breadcrumbs: [
      { name: 'Trang chủ', path: '/' },
      ...(current ? [{ name: 'Xã, phường sau sắp xếp', path: '/xa-moi/' }] : []),
      ...(parent && parent.cap !== 'huyen' ? [link(paths, parent)] : []),
    ],
    frozen: frozenNotes(site, paths, unitId),
    // Decisions quoted from the data keep their words, with their dates written as dd/mm/yyyy.
    notices: notices.map(datesInText),
    successor: successor ? { ...link(paths, successor), nameInSentence: nameInSentence(successor.ten_don_vi) } : null,
    facts: facts(site, u).map((f) => ({ ...f, value: datesInText(f.value) })),
    figures: figuresRows(site, unitId),
    charts: trendCharts(site, unitId, u.ten_don_vi),
    criteria,
    villages: villages && villages.length > 0 ? villageRows(site, paths, villages) : null,
    formerUnits: former ? former.map((c) => link(paths, c)) : null,
    awards,
    honourRoll: downloads && !isVillageLevel(u) ? `/vinh-danh${path}` : null,
    stories,
    downloads,
  };
}

export type VillageEntry = Link & { commune: string };

/** One page of the A–Z list: a letter, or part of a letter when it holds more villages than a page may. */
export interface VillageIndexPage {
  letter: string;
  /** The page's URL: /thon/ when the whole list fits on one page. */
  path: string;
  /** "Nà Củng – Nậm Xe": where a part of a letter starts and ends. */
  range: string;
  villages: VillageEntry[];
}

// Telex's spelling of the letters ASCII lacks, so /thon/dd/ (Đ) and /thon/d/ (D) stay apart and a
// letter's page keeps its URL when letters are added or removed.
const TELEX: Record<string, string> = { '\u0306': 'w', '\u0302': '', '\u031b': 'w' };

/** "Đ" → "dd", "Â" → "aa", "Ư" → "uw", "Ả" → "a" (tones are not letters). */
export function letterSlug(letter: string): string {
  const [base = '', ...marks] = letter.normalize('NFD').toLowerCase();
  if (base === 'đ') return 'dd';
  const mark = marks.find((m) => m in TELEX);
  if (mark === undefined) return /^[a-z0-9]$/.test(base) ? base : 'khac';
  return mark === '\u0302' ? `${base}${base}` : `${base}${TELEX[mark]}`;
}

/** Villages per page of the A–Z list: about 100 bytes each, so a page stays near 100 KB before compression. */
export const VILLAGES_PER_PAGE = 1000;

/** One page of an A–Z list: a letter, or part of a letter when it holds more names than a page may. */
export interface LetterPage<T> {
  letter: string;
  /** The page's URL: the list's own (`base`) when the whole list fits on one page. */
  path: string;
  /** "Nà Củng – Nậm Xe": where a part of a letter starts and ends. */
  range: string;
  entries: T[];
}

// Names sort by the name without its kind ("Bản", "Thôn", "Xã"), as people look a place up.
const nameKey = (name: string) => name.replace(/^(Bản|Thôn|Tổ dân phố|Xóm|Xã|Thị trấn|Phường) /, '');

/**
 * Names A to Z (Vietnamese order), on one page at `base` when they fit, otherwise split by initial letter
 * (`<base><letter>/`) and a letter into numbered parts (`<base><letter>-2/`), each at most `perPage` names:
 * every page is bounded whatever the number of names.
 */
export function letterPages<T extends { name: string; commune?: string }>(
  base: string,
  entries: readonly T[],
  perPage: number,
): LetterPage<T>[] {
  const { compare } = new Intl.Collator('vi');
  // Each name's key once, not at every comparison: a country's list sorts 100,000 names.
  const keyed = entries.map((entry) => ({ entry, key: nameKey(entry.name), commune: entry.commune ?? '' }));
  keyed.sort((a, b) => compare(a.key, b.key) || compare(a.commune, b.commune));
  const groups = new Map<string, T[]>();
  for (const { entry, key } of keyed) {
    const letter = key.charAt(0).toLocaleUpperCase('vi');
    const list = groups.get(letter);
    if (list) list.push(entry);
    else groups.set(letter, [entry]);
  }
  const single = keyed.length <= perPage;
  return [...groups].flatMap(([letter, names]) => {
    const parts = Math.ceil(names.length / perPage);
    return Array.from({ length: parts }, (_, k) => {
      const part = names.slice(k * perPage, (k + 1) * perPage);
      const slug = `${letterSlug(letter)}${parts > 1 ? `-${k + 1}` : ''}`;
      return {
        letter,
        path: single ? base : `${base}${slug}/`,
        range: `${nameKey(part[0]?.name ?? '')} – ${nameKey(part.at(-1)?.name ?? '')}`,
        entries: part,
      };
    });
  });
}

/**
 * Every village of the movement, A to Z, with its commune: finding one needs no search box. A district's list
 * is one page (/thon/); a province's or the country's is split by initial letter and part.
 */
export function villageIndex(site: SiteData, paths: UnitPaths, perPage = VILLAGES_PER_PAGE): VillageIndexPage[] {
  const all = site.index.movementCommunes.flatMap((c) =>
    site.index.villagesOf(c.ma_don_vi).map((v) => ({ ...link(paths, v), commune: c.ten_don_vi })),
  );
  return letterPages('/thon/', all, perPage).map(({ entries, ...page }) => ({ ...page, villages: entries }));
}

/** Communes per page of the A–Z list of communes: as many as the villages of the village list. */
export const COMMUNES_PER_PAGE = VILLAGES_PER_PAGE;

/** Where the A–Z list of communes is, when there are too many to list on the overview. */
export const COMMUNE_INDEX_PATH = '/danh-sach-xa/';

/**
 * The A–Z list of the movement's communes, for a province or a country whose communes do not fit on the
 * overview (more than COMMUNES_ON_ONE_PAGE): none for a district, whose overview lists them all.
 */
export function communeIndex(site: SiteData, paths: UnitPaths, perPage = COMMUNES_PER_PAGE): LetterPage<Link>[] {
  const communes = site.index.movementCommunes;
  if (communes.length <= COMMUNES_ON_ONE_PAGE) return [];
  return letterPages(
    COMMUNE_INDEX_PATH,
    communes.map((c) => link(paths, c)),
    perPage,
  );
}

/** A commune of today with the units of the movement that became it. */
export type CurrentCommuneRow = Link & { former: Link[] };

/** Today's communes in pages (/xa-moi/, /xa-moi/trang-2/, …): one page for a district or a province. */
export function currentCommunePages(site: SiteData, paths: UnitPaths): ListPage<CurrentCommuneRow>[] {
  const rows = site.index.currentCommunes.map((c) => ({
    ...link(paths, c),
    former: site.index.formerCommunesOf(c.ma_don_vi).map((f) => link(paths, f)),
  }));
  return paginate('/xa-moi/', rows);
}

/** The pages of the A–Z list of communes: its own page, then a page per letter or part when it is split. */
export function communeIndexPaths(site: SiteData, paths: UnitPaths): string[] {
  const pages = communeIndex(site, paths);
  return pages.length === 0 ? [] : [...new Set([COMMUNE_INDEX_PATH, ...pages.map((p) => p.path)])];
}
