import { VERDICT_RESULTS, type VerdictResult } from '../domain/criteria.ts';
import {
  compareRound,
  FIGURE_NAMES,
  type Correction,
  type FrozenRound,
  type FrozenVerdict,
  type RoundChanges,
} from '../domain/rounds.ts';
import { formatCount, formatDate, formatDecimal } from '../format/vi.ts';
import { paginate, type ListPage } from './lists.ts';
import type { SiteData } from '../snapshot.ts';
import { verdictTerms } from './common.ts';
import type { UnitPaths } from './paths.ts';

// The pages of frozen rounds (/dot/, /dot/<round>/) and the note on a unit's page: what a round
// published, and beside it what today's data says wherever a figure or a verdict was corrected since.

export const ROUNDS_PATH = '/dot/';
export const roundPath = (id: string) => `${ROUNDS_PATH}${id}/`;

// Computed once per round and build: every unit page asks.
const changesOf = new WeakMap<FrozenRound, RoundChanges>();
function changes(site: SiteData, round: FrozenRound): RoundChanges {
  let c = changesOf.get(round);
  if (!c) {
    c = compareRound(round, site);
    changesOf.set(round, c);
  }
  return c;
}

/** "sửa ngày 12/03/2026 (quyết định mới)"; without a date, when it was frozen and that the date is unknown. */
export function correctionText(c: Correction, round: FrozenRound): string {
  if (c.date && c.by === 'quyet_dinh') return `sửa ngày ${formatDate(c.date)}, theo quyết định phê duyệt mới`;
  if (c.date) return `sửa trong lần cập nhật số liệu ngày ${formatDate(c.date)}`;
  return `sửa sau ngày chốt ${formatDate(round.ngay_chot)}; ngày sửa chưa được ghi (thiết lập ngay_cap_nhat)`;
}

/** "Đạt (65,0%)", "Chưa đạt (55,0%, thiếu 3 hộ nghèo và cận nghèo)": a verdict in one short line. */
function verdictText(
  site: SiteData,
  v: {
    tieu_chi: string;
    ket_qua: VerdictResult;
    gia_tri: number | null;
    don_vi_do: FrozenVerdict['don_vi_do'];
    can_them: number | null;
  },
): string {
  const criterion = site.criteria.find((c) => c.ma_tieu_chi === v.tieu_chi);
  // What the shortfall counts, in the words of the unit pages.
  const counted = criterion ? verdictTerms(site, criterion).shortfallOf : null;
  const value =
    v.gia_tri === null
      ? null
      : v.don_vi_do === 'don_vi'
        ? formatDecimal(v.gia_tri, 0)
        : `${formatDecimal(v.gia_tri, 1)}${v.don_vi_do === 'phan_tram' ? '%' : ' điểm phần trăm'}`;
  const margin =
    v.ket_qua === 'chua_dat' && v.can_them !== null && v.can_them > 0 && counted
      ? `thiếu ${formatCount(v.can_them)} ${counted}`
      : null;
  const detail = [value, margin].filter((x) => x !== null).join(', ');
  return `${VERDICT_RESULTS[v.ket_qua]}${detail ? ` (${detail})` : ''}`;
}

const countText = (n: number | null) => (n === null ? 'không còn số liệu' : formatCount(n));

/** One difference between what was published and today: the reader sees both, and when it changed. */
export interface ChangeLine {
  unitId: string;
  /** The criterion of a changed verdict; null for a figure. */
  criterion: string | null;
  name: string;
  path: string | null;
  what: string;
  published: string;
  current: string;
  corrected: string;
}

function changeLines(site: SiteData, paths: UnitPaths, round: FrozenRound): ChangeLine[] {
  const { figures, verdicts } = changes(site, round);
  const unit = (id: string) => ({
    unitId: id,
    name: site.index.byId.get(id)?.ten_don_vi ?? id,
    path: paths.of(id),
  });
  return [
    ...figures.map((f) => ({
      ...unit(f.ma_don_vi),
      criterion: null,
      what: `${FIGURE_NAMES[f.field]} năm ${f.nam}`,
      published: countText(f.published),
      current: countText(f.current),
      corrected: correctionText(f.corrected, round),
    })),
    ...verdicts.map((v) => ({
      ...unit(v.published.ma_don_vi),
      criterion: v.published.tieu_chi,
      what: `${v.published.ten_tieu_chi} năm ${round.nam}`,
      published: verdictText(site, v.published),
      current: v.current ? verdictText(site, v.current) : 'không còn được đánh giá',
      corrected: correctionText(v.corrected, round),
    })),
  ];
}

// A unit's page takes its own lines: grouped once per round, never filtered out of every change per page.
const linesByUnit = new WeakMap<FrozenRound, Map<string, ChangeLine[]>>();

function unitChangeLines(site: SiteData, paths: UnitPaths, round: FrozenRound, unitId: string): ChangeLine[] {
  let byUnit = linesByUnit.get(round);
  if (!byUnit) {
    byUnit = new Map();
    for (const line of changeLines(site, paths, round)) {
      const list = byUnit.get(line.unitId);
      if (list) list.push(line);
      else byUnit.set(line.unitId, [line]);
    }
    linesByUnit.set(round, byUnit);
  }
  return byUnit.get(unitId) ?? [];
}

export interface RoundLink {
  title: string;
  path: string;
  frozenOn: string;
  changed: number;
}

/** Every frozen round, latest year first, with how many of its figures and verdicts changed since. */
export function roundLinks(site: SiteData): RoundLink[] {
  return [...site.rounds]
    .sort((a, b) => b.nam - a.nam || (a.dot < b.dot ? -1 : 1))
    .map((r) => {
      const c = changes(site, r);
      return {
        title: r.ten,
        path: roundPath(r.dot),
        frozenOn: formatDate(r.ngay_chot),
        changed: c.figures.length + c.verdicts.length,
      };
    });
}

export interface RoundVerdictRow {
  name: string;
  path: string | null;
  criterion: string;
  result: VerdictResult;
  published: string;
  explanation: string;
  /** Today's verdict where it differs, with the date of the correction. */
  change: ChangeLine | null;
}

export interface RoundSection {
  /** The district, or a commune with its villages. */
  title: string;
  anchor: string;
  /** The units whose verdicts the section holds. */
  units: string[];
  rows: RoundVerdictRow[];
}

export interface RoundPageView {
  id: string;
  title: string;
  year: number;
  frozenOn: string;
  dataDate: string | null;
  changes: ChangeLine[];
  sections: RoundSection[];
}

export function roundPage(site: SiteData, paths: UnitPaths, id: string): RoundPageView {
  const round = site.rounds.find((r) => r.dot === id);
  if (!round) throw new Error(`roundPage: unknown round ${id}`);
  const lines = changeLines(site, paths, round);
  const changedVerdict = new Map(lines.filter((l) => l.criterion).map((l) => [`${l.unitId}|${l.criterion}`, l]));
  const row = (v: FrozenVerdict): RoundVerdictRow => ({
    name: v.ten_don_vi,
    path: paths.of(v.ma_don_vi),
    criterion: v.ten_tieu_chi,
    result: v.ket_qua,
    published: verdictText(site, v),
    explanation: v.giai_thich,
    change: changedVerdict.get(`${v.ma_don_vi}|${v.tieu_chi}`) ?? null,
  });
  // Not applicable verdicts are left out of the tables (they still show in the list of changes).
  // The round's verdicts by unit, grouped once: a province's round holds tens of thousands.
  const byUnit = new Map<string, FrozenVerdict[]>();
  for (const v of round.ket_qua) {
    if (v.ket_qua === 'khong_ap_dung') continue;
    const list = byUnit.get(v.ma_don_vi);
    if (list) list.push(v);
    else byUnit.set(v.ma_don_vi, [v]);
  }
  const of = (ids: readonly string[]) => ids.flatMap((u) => byUnit.get(u) ?? []).map(row);
  const section = (title: string, anchor: string, units: string[]) => ({ title, anchor, units, rows: of(units) });
  const { district, movementCommunes } = site.index;
  const grouped = new Set(
    [district, ...movementCommunes.flatMap((c) => [c, ...site.index.villagesOf(c.ma_don_vi)])].map((u) => u.ma_don_vi),
  );
  const sections: RoundSection[] = [
    section(district.ten_don_vi, district.ma_don_vi, [district.ma_don_vi]),
    ...movementCommunes.map((c) =>
      section(c.ten_don_vi, c.ma_don_vi, [c.ma_don_vi, ...site.index.villagesOf(c.ma_don_vi).map((v) => v.ma_don_vi)]),
    ),
    section(
      'Đơn vị khác',
      'khac',
      [...new Set(round.ket_qua.map((v) => v.ma_don_vi))].filter((u) => !grouped.has(u)),
    ),
  ].filter((s) => s.rows.length > 0);
  return {
    id,
    title: round.ten,
    year: round.nam,
    frozenOn: formatDate(round.ngay_chot),
    dataDate: round.ngay_so_lieu ? formatDate(round.ngay_so_lieu) : null,
    changes: lines,
    sections,
  };
}

/** On a unit's page: each frozen round that published a figure or verdict of it otherwise than today. */
export interface FrozenNote {
  title: string;
  path: string;
  frozenOn: string;
  changes: ChangeLine[];
}

export function frozenNotes(site: SiteData, paths: UnitPaths, unitId: string): FrozenNote[] {
  return site.rounds.flatMap((round) => {
    const lines = unitChangeLines(site, paths, round, unitId);
    return lines.length === 0
      ? []
      : [{ title: round.ten, path: roundPath(round.dot), frozenOn: formatDate(round.ngay_chot), changes: lines }];
  });
}

/**
 * Sections (a commune with its villages) per page of a round: a commune of ten villages takes about 0.5 KB gzip
 * (the sample's round: 18 sections in 13.5 KB), so 25 keep a page near 20 KB; a district's round is one page.
 */
export const ROUND_SECTIONS_PER_PAGE = 25;

/** A page of a frozen round: its sections, and the changes of the units they hold. */
export type RoundPagePart = ListPage<RoundSection> & { changes: ChangeLine[] };

/**
 * A round's page, or its pages (/dot/<đợt>/, /dot/<đợt>/trang-2/, …) when it holds a province's or a country's
 * communes. Each page lists the changes of its own units; a change of a unit with no verdict shown is on page 1.
 */
export function roundPageParts(view: RoundPageView, perPage = ROUND_SECTIONS_PER_PAGE): RoundPagePart[] {
  const pages = paginate(roundPath(view.id), view.sections, perPage);
  const pageOf = new Map<string, number>();
  pages.forEach((p, i) => p.entries.forEach((s) => s.units.forEach((u) => pageOf.set(u, i))));
  const changes = pages.map((): ChangeLine[] => []);
  for (const c of view.changes) changes[pageOf.get(c.unitId) ?? 0]?.push(c);
  return pages.map((p, i) => ({ ...p, changes: changes[i] ?? [] }));
}
