import { PUBLICATION, type PublicAward } from '../domain/privacy.ts';
import { isVillageLevel } from '../domain/units.ts';
import { formatDate } from '../format/vi.ts';
import { slugify } from '../ingest/text.ts';
import { AWARD_FORMS, AWARD_ROUNDS, RECIPIENT_TYPES, type UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { paginate, type ListPage } from './lists.ts';
import { awardPath, storyPath, type UnitPaths } from './paths.ts';
import { placeName } from './share.ts';

// Honour rolls: the public entries, the views by year, round, form, recipient type and commune,
// and the counts of entries that are not named (households and individuals without consent).

export interface AwardView {
  id: string;
  path: string;
  /** ISO date of the decision, for ordering. */
  date: string;
  year: number;
  name: string;
  type: string;
  form: string;
  round: string;
  decision: string;
  issuer: string;
  signer: string;
  achievement: string;
  legalBasis: string;
  unitId: string;
  unitName: string | null;
  /** The place in full, as written mid-sentence: "thôn Thèn Cả, xã Dào San" (village names repeat). */
  place: string | null;
  unitPath: string | null;
  /** The unit itself, or the commune of its village: the commune lists of the honour roll group by it. */
  communeId: string | null;
  storyPath: string | null;
}

const lowerFirst = (s: string) => `${s.charAt(0).toLocaleLowerCase('vi')}${s.slice(1)}`;

/**
 * Where an entry is, in full: "thôn Ma Sử, xã Dào San". A village or commune awarded under its own name is not
 * repeated: only its commune ("xã Dào San") or nothing.
 */
function placeOf(site: SiteData, unit: UnitRow, name: string): string | null {
  if (name !== unit.ten_don_vi) return lowerFirst(placeName(site, unit.ma_don_vi));
  const parent = isVillageLevel(unit) && unit.ma_don_vi_cha ? site.index.byId.get(unit.ma_don_vi_cha) : undefined;
  return parent ? lowerFirst(parent.ten_don_vi) : null;
}

export const yearOf = (a: PublicAward) => Number(a.ngay_quyet_dinh.slice(0, 4));
export const decisionText = (a: PublicAward) =>
  `Quyết định số ${a.so_quyet_dinh} ngày ${formatDate(a.ngay_quyet_dinh)}`;

export function awardView(site: SiteData, paths: UnitPaths, a: PublicAward): AwardView | null {
  if (a.cong_khai !== 'cong_khai' || a.ten_doi_tuong === null || a.ma_don_vi === null) return null;
  const unit = site.index.byId.get(a.ma_don_vi);
  const commune = unit && isVillageLevel(unit) ? unit.ma_don_vi_cha : (unit?.ma_don_vi ?? null);
  const story = a.bai_viet === null ? null : /^https:/.test(a.bai_viet) ? a.bai_viet : storyPath(a.bai_viet);
  return {
    id: a.ma_khen_thuong,
    path: awardPath(a.ma_khen_thuong),
    date: a.ngay_quyet_dinh,
    year: yearOf(a),
    name: a.ten_doi_tuong,
    type: RECIPIENT_TYPES[a.loai_doi_tuong],
    form: AWARD_FORMS[a.hinh_thuc],
    round: AWARD_ROUNDS[a.dot],
    decision: decisionText(a),
    issuer: a.co_quan_ban_hanh,
    signer: a.chuc_vu_nguoi_ky,
    achievement: a.thanh_tich ?? '',
    legalBasis: a.can_cu_phap_ly,
    unitId: a.ma_don_vi,
    unitName: unit?.ten_don_vi ?? null,
    place: unit ? placeOf(site, unit, a.ten_doi_tuong) : null,
    unitPath: unit ? paths.of(unit.ma_don_vi) : null,
    communeId: commune,
    storyPath: story,
  };
}

export interface AwardFilter {
  /** URL of the view, e.g. /vinh-danh/hinh-thuc/giay-khen-huyen/ */
  path: string;
  group: string;
  title: string;
  entries: AwardView[];
  /** Entries counted but not named; null where counting would point at a place. */
  unnamed: number | null;
}

/** Every filtered view of the honour roll, each a static page (no JavaScript needed). */
export function awardFilters(site: SiteData, paths: UnitPaths): AwardFilter[] {
  const all = site.awards;
  const views = new Map(all.map((a) => [a.ma_khen_thuong, awardView(site, paths, a)]));
  const shown = (list: PublicAward[]) =>
    list.map((a) => views.get(a.ma_khen_thuong)).filter((v): v is AwardView => v !== null && v !== undefined);
  const hidden = (list: PublicAward[]) => list.filter((a) => a.cong_khai !== 'cong_khai').length;
  const filters: AwardFilter[] = [];
  const add = (group: string, slug: string, title: string, list: PublicAward[], countHidden: boolean) =>
    filters.push({
      path: `/vinh-danh/${group}/${slug}/`,
      group,
      title,
      entries: shown(list),
      unnamed: countHidden ? hidden(list) : null,
    });

  for (const year of [...new Set(all.map(yearOf))].sort())
    add(
      'nam',
      String(year),
      `Năm ${year}`,
      all.filter((a) => yearOf(a) === year),
      true,
    );
  for (const [key, label] of Object.entries(AWARD_ROUNDS)) {
    const list = all.filter((a) => a.dot === key);
    if (list.length) add('dot', slugify(key), label, list, true);
  }
  for (const [key, label] of Object.entries(AWARD_FORMS)) {
    const list = all.filter((a) => a.hinh_thuc === key);
    if (list.length) add('hinh-thuc', slugify(key), label, list, true);
  }
  for (const [key, label] of Object.entries(RECIPIENT_TYPES)) {
    const list = all.filter((a) => a.loai_doi_tuong === key);
    if (list.length) add('doi-tuong', slugify(key), label, list, true);
  }
  // Every commune has its page, empty or not: its URL must not appear or vanish with a consent.
  // Entries are grouped by commune once, so the lists cost one pass, not one pass per commune.
  const byCommune = new Map<string, PublicAward[]>();
  for (const a of all) {
    const id = views.get(a.ma_khen_thuong)?.communeId;
    if (!id) continue;
    const list = byCommune.get(id);
    if (list) list.push(a);
    else byCommune.set(id, [a]);
  }
  for (const c of site.index.movementCommunes) {
    const list = byCommune.get(c.ma_don_vi) ?? [];
    const slug = paths.of(c.ma_don_vi)?.split('/').filter(Boolean).pop() ?? slugify(c.ma_don_vi);
    add('xa', slug, c.ten_don_vi, list, false);
  }
  return filters;
}

/**
 * A list of the honour roll in pages: a year's or a form's list grows with the country. A commune's list is
 * one page: it grows with the commune, not with the country, and its URL is locked by the commune's code.
 */
export function awardListPages(filter: AwardFilter): ListPage<AwardView>[] {
  return filter.group === 'xa'
    ? [{ path: filter.path, entries: filter.entries, pager: null }]
    : paginate(filter.path, filter.entries);
}

/** Pages of entries that were withdrawn: the URL stays, with a short notice. */
export function withdrawnEntries(site: SiteData): { id: string; path: string; notice: string }[] {
  return site.awards
    .filter((a) => a.cong_khai === 'da_rut_dong_y')
    .map((a) => ({ id: a.ma_khen_thuong, path: awardPath(a.ma_khen_thuong), notice: PUBLICATION.da_rut_dong_y }));
}

export function allAwardViews(site: SiteData, paths: UnitPaths): AwardView[] {
  return site.awards.map((a) => awardView(site, paths, a)).filter((v): v is AwardView => v !== null);
}

/** Entries of one award decision: the decision is what a notice board cites. */
export interface DecisionGroup {
  /** "Quyết định số 1520/QĐ-UBND ngày 20/11/2023" */
  decision: string;
  issuer: string;
  /** "Chủ tịch UBND huyện": a title with its body keeps its capital (Nghị định 30/2020, phụ lục II). */
  signer: string;
  entries: AwardView[];
}

/** The honour roll of one commune of the movement in one round: /vinh-danh/xa/<xa>/<dot>-<năm>/. */
export interface CommuneRoundRoll {
  path: string;
  communeId: string;
  communeName: string;
  /** "xã Dào San", mid-sentence. */
  communePlace: string;
  /** "so-ket-2023": the round and its year. */
  round: string;
  /** "Sơ kết 2023" */
  title: string;
  decisions: DecisionGroup[];
}

const roundSlug = (a: PublicAward) => `${slugify(a.dot)}-${yearOf(a)}`;

/**
 * Every commune's roll for every round and year any award has (named or not): a page per commune and round,
 * empty or not, so no URL appears or vanishes with one person's consent, and no page tells that a commune holds
 * an entry it may not name. Entries are grouped in one pass, by commune, round and decision, in decision order.
 */
export function communeRoundRolls(site: SiteData, paths: UnitPaths, views: readonly AwardView[]): CommuneRoundRoll[] {
  const byCode = new Map(site.awards.map((a) => [a.ma_khen_thuong, a]));
  const rounds = new Map<string, string>();
  const byDate = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  for (const a of [...site.awards].sort((x, y) => byDate(x.ngay_quyet_dinh, y.ngay_quyet_dinh)))
    rounds.set(roundSlug(a), `${AWARD_ROUNDS[a.dot]} ${yearOf(a)}`);
  const groups = new Map<string, Map<string, DecisionGroup>>();
  const sorted = [...views].sort((x, y) => byDate(x.date, y.date));
  for (const v of sorted) {
    const a = byCode.get(v.id);
    if (!a || v.communeId === null) continue;
    const key = `${v.communeId}|${roundSlug(a)}`;
    const decisions = groups.get(key) ?? new Map<string, DecisionGroup>();
    groups.set(key, decisions);
    const decisionKey = [a.so_quyet_dinh, a.ngay_quyet_dinh, a.co_quan_ban_hanh].join('|');
    const group = decisions.get(decisionKey);
    if (group) group.entries.push(v);
    else
      decisions.set(decisionKey, {
        decision: v.decision,
        issuer: v.issuer,
        signer: v.signer,
        entries: [v],
      });
  }
  return site.index.movementCommunes.flatMap((c) => {
    const base = paths.of(c.ma_don_vi);
    if (!base) return [];
    return [...rounds].map(([round, title]) => ({
      path: `/vinh-danh${base}${round}/`,
      communeId: c.ma_don_vi,
      communeName: c.ten_don_vi,
      communePlace: lowerFirst(c.ten_don_vi),
      round,
      title,
      decisions: [...(groups.get(`${c.ma_don_vi}|${round}`)?.values() ?? [])],
    }));
  });
}
