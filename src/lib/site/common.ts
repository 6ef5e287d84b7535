import { VERDICT_RESULTS, type Verdict, type VerdictResult } from '../domain/criteria.ts';
import type { Figures } from '../domain/figures.ts';
import { criterionSentence } from '../domain/method-text.ts';
import { nameInSentence } from '../format/names.ts';
import { povertyStandard } from '../domain/poverty-standard.ts';
import { datesInText, decimalsToShow, formatCount, formatDate, formatDecimal, formatPercent } from '../format/vi.ts';
import { REVIEW_STATUSES, UNIT_LEVELS, type CriterionId, type CriterionRow, type UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { lineGeometry, type LineGeometry, type Series } from '../charts/line.ts';

// Small view models shared by pages: figures by year, verdicts with their evidence, charts with
// their tables. Everything is already formatted in vi-VN; components only render.

export interface SiteMeta {
  title: string;
  locality: string;
  sample: boolean;
  updated: string;
  /** "số liệu năm 2025 là sơ bộ, chưa được công nhận chính thức." (after the date of the update) */
  dataStatus: string;
  owner: string;
}

export function siteMeta(site: SiteData): SiteMeta {
  const preliminary = site.preliminaryYears;
  return {
    title: site.settings.ten_phong_trao,
    locality: site.settings.ten_dia_phuong,
    sample: site.settings.du_lieu_minh_hoa,
    updated: formatDate(site.settings.ngay_cap_nhat),
    dataStatus:
      preliminary.length > 0
        ? `số liệu năm ${preliminary.join(', ')} là sơ bộ, chưa được công nhận chính thức.`
        : 'tất cả số liệu là chính thức.',
    owner: site.settings.co_quan_chu_quan,
  };
}

export const levelName = (u: UnitRow) => UNIT_LEVELS[u.cap];

/** The latest review year the site reports on: the last year with data, within the period. */
export function latestYear(site: SiteData): number {
  return Math.min(site.settings.nam_ket_thuc, site.years.at(-1) ?? -Infinity);
}

export interface FiguresRow {
  year: number;
  status: string;
  preliminary: boolean;
  total: string;
  poor: string;
  nearPoor: string;
  poorRate: string;
  nearPoorRate: string;
  multiRate: string;
  /** "thiếu số liệu của …" when the sum is incomplete. */
  note: string | null;
}

const rate = (part: number, whole: number) => (whole > 0 ? formatPercent((100 * part) / whole) : '–');

/** Figures of a unit for every year with data, marked sơ bộ / chính thức. */
export function figuresRows(site: SiteData, unitId: string): FiguresRow[] {
  const rows: FiguresRow[] = [];
  for (const year of site.years) {
    const f = site.figures(unitId, year);
    if (!f) continue;
    rows.push({
      year,
      status: REVIEW_STATUSES[f.trang_thai],
      preliminary: f.trang_thai === 'so_bo',
      total: formatCount(f.tong_so_ho),
      poor: formatCount(f.so_ho_ngheo),
      nearPoor: formatCount(f.so_ho_can_ngheo),
      poorRate: rate(f.so_ho_ngheo, f.tong_so_ho),
      nearPoorRate: rate(f.so_ho_can_ngheo, f.tong_so_ho),
      multiRate: rate(f.so_ho_ngheo + f.so_ho_can_ngheo, f.tong_so_ho),
      note:
        f.thieu.length > 0
          ? `Chưa đủ: thiếu số liệu của ${f.thieu.map((id) => site.index.byId.get(id)?.ten_don_vi ?? id).join(', ')}`
          : null,
    });
  }
  return rows;
}

/** A chart: its geometry, a title, a one-sentence takeaway and the same numbers as a table. */
export interface ChartView {
  id: string;
  title: string;
  takeaway: string;
  unit: string;
  geometry: LineGeometry;
  legend: { name: string; index: number }[];
  table: { caption: string; columns: string[]; rows: { year: string; cells: string[] }[] };
  note: string | null;
}

function standardOf(site: SiteData, year: number): string {
  const { ten } = povertyStandard(site.settings, year);
  return `${ten.charAt(0).toLocaleUpperCase('vi')}${ten.slice(1)}`;
}

function usableFigures(site: SiteData, unitId: string): Figures[] {
  return site.years.map((y) => site.figures(unitId, y)).filter((f): f is Figures => f !== null && f.thieu.length === 0);
}

/** Poor and near-poor households by year, and the rates, for one unit. */
export function trendCharts(site: SiteData, unitId: string, unitName: string): ChartView[] {
  const name = nameInSentence(unitName);
  const figures = usableFigures(site, unitId);
  if (figures.length < 2) return [];
  const first = figures[0]!;
  const last = figures[figures.length - 1]!;
  const mixed = new Set(figures.map((f) => standardOf(site, f.nam))).size > 1;
  const note = mixed ? 'Đường bị ngắt ở chỗ đổi chuẩn nghèo: số liệu theo hai chuẩn không so sánh được.' : null;
  const point = (f: Figures, y: number) => ({
    x: f.nam,
    y,
    standard: standardOf(site, f.nam),
    preliminary: f.trang_thai === 'so_bo',
  });
  const mark = (f: Figures) => `${f.nam}${f.trang_thai === 'so_bo' ? ' (sơ bộ)' : ''}`;

  const households: Series[] = [
    { name: 'Hộ nghèo', points: figures.map((f) => point(f, f.so_ho_ngheo)) },
    { name: 'Hộ cận nghèo', points: figures.map((f) => point(f, f.so_ho_can_ngheo)) },
  ];
  const multi = (f: Figures) => (100 * (f.so_ho_ngheo + f.so_ho_can_ngheo)) / f.tong_so_ho;
  const rates: Series[] = [
    { name: 'Tỷ lệ nghèo đa chiều', points: figures.map((f) => point(f, multi(f))) },
    { name: 'Tỷ lệ hộ nghèo', points: figures.map((f) => point(f, (100 * f.so_ho_ngheo) / f.tong_so_ho)) },
  ];
  const change = (a: number, b: number, fmt: (n: number) => string) =>
    b < a ? `giảm từ ${fmt(a)} xuống ${fmt(b)}` : b > a ? `tăng từ ${fmt(a)} lên ${fmt(b)}` : `giữ ở ${fmt(a)}`;
  // Households: none left is said in words, never "0 hộ".
  const householdsChange = (a: number, b: number) =>
    a === 0 && b === 0
      ? 'không có hộ nào'
      : b === 0
        ? `giảm từ ${formatCount(a)} hộ, đến năm ${last.nam} không còn hộ nào`
        : a === 0
          ? `tăng lên ${formatCount(b)} hộ`
          : change(a, b, (n) => `${formatCount(n)} hộ`);
  return [
    {
      id: `bd-${unitId}-so-ho`,
      title: `Số hộ nghèo và hộ cận nghèo của ${name}, ${first.nam}–${last.nam}`,
      takeaway: `Số hộ nghèo ${householdsChange(first.so_ho_ngheo, last.so_ho_ngheo)}; số hộ cận nghèo ${householdsChange(first.so_ho_can_ngheo, last.so_ho_can_ngheo)} (năm ${first.nam} đến ${last.nam}).`,
      unit: 'hộ',
      geometry: lineGeometry(households),
      legend: households.map((s, index) => ({ name: s.name, index })),
      table: {
        caption: `Số hộ nghèo, hộ cận nghèo của ${name} theo năm`,
        columns: ['Hộ nghèo', 'Hộ cận nghèo'],
        rows: figures.map((f) => ({
          year: mark(f),
          cells: [formatCount(f.so_ho_ngheo), formatCount(f.so_ho_can_ngheo)],
        })),
      },
      note,
    },
    {
      id: `bd-${unitId}-ty-le`,
      title: `Tỷ lệ nghèo đa chiều và tỷ lệ hộ nghèo của ${name}, ${first.nam}–${last.nam}`,
      takeaway: `Tỷ lệ nghèo đa chiều ${change(multi(first), multi(last), (n) => formatPercent(n))} (năm ${first.nam} đến ${last.nam}).`,
      unit: '%',
      geometry: lineGeometry(rates),
      legend: rates.map((s, index) => ({ name: s.name, index })),
      table: {
        caption: `Tỷ lệ nghèo đa chiều và tỷ lệ hộ nghèo của ${name} theo năm (%)`,
        columns: ['Tỷ lệ nghèo đa chiều', 'Tỷ lệ hộ nghèo'],
        rows: figures.map((f) => ({
          year: mark(f),
          cells: [formatPercent(multi(f)), formatPercent((100 * f.so_ho_ngheo) / f.tong_so_ho)],
        })),
      },
      note,
    },
  ];
}

/** The value that decided a year's verdict, named for a reader: "năm giảm ít nhất trong 3 năm: 3,1 điểm phần trăm". */
export interface DecisiveValue {
  /** "năm giảm ít nhất trong 3 năm" */
  name: string;
  /** "3,1 điểm phần trăm" */
  value: string;
}

export interface VerdictView {
  year: number;
  round: string | null;
  result: VerdictResult;
  label: string;
  decisive: DecisiveValue | null;
  /** The value in the criterion's table, under a column named for it: named again only when its name differs. */
  valueCell: string;
  /** "≥ 4 điểm phần trăm" */
  threshold: string;
  /** What was missing in a year not met, with its unit: "cần giảm thêm 34 hộ nghèo và cận nghèo". */
  margin: string | null;
  preliminary: boolean;
  explanation: string;
  values: { text: string }[];
}

export interface CriterionView {
  id: CriterionId;
  name: string;
  legalBasis: string;
  description: string;
  /** False where a shortfall has no meaning (the officials' criterion counts criteria met): none is shown. */
  hasMargin: boolean;
  /** The name of the value every year is judged on: "Năm giảm ít nhất trong 3 năm". */
  valueHeading: string;
  years: VerdictView[];
}

/**
 * What a criterion measures, in a reader's words, from the criterion's id and the settings in force:
 * the name of its decisive value and what its shortfall counts.
 */
export interface VerdictTerms {
  /** The name of the value compared with the threshold. */
  valueName: string;
  /** What `can_them` counts: "hộ nghèo và cận nghèo", "xã", "thôn"; null when it has no unit to count. */
  shortfallOf: string | null;
  /** Whether the shortfall is households to take out of poverty (or units to leave a status). */
  shortfallVerb: 'giảm' | 'thoát diện' | null;
  /** The review year still open: its shortfall is what is still needed; earlier years say what was missing. */
  openYear: number;
}

export function verdictTerms(site: SiteData, c: CriterionRow): VerdictTerms {
  const s = site.settings;
  const openYear = latestYear(site);
  const rateHouseholds = s.ty_le_ngheo_gom === 'chi_ngheo' ? 'hộ nghèo' : 'hộ nghèo và cận nghèo';
  const scaleHouseholds = s.quy_mo_gom === 'chi_ngheo' ? 'hộ nghèo' : 'hộ nghèo và cận nghèo';
  const years = c.so_nam_lien_tiep ?? 1;
  const fall = (households: string): VerdictTerms => ({
    valueName: years > 1 ? `năm giảm ít nhất trong ${formatCount(years)} năm` : 'mức giảm so với năm trước',
    shortfallOf: households,
    shortfallVerb: 'giảm',
    openYear,
  });
  switch (c.ma_tieu_chi) {
    case 'TC_XA_1':
    case 'MT_HUYEN_A':
      return fall(rateHouseholds);
    case 'MT_HUYEN_B':
      return fall('hộ nghèo dân tộc thiểu số');
    case 'TC_XA_2':
    case 'TC_THON':
      return {
        valueName: `mức giảm quy mô so với đầu kỳ (năm ${s.nam_goc})`,
        shortfallOf: scaleHouseholds,
        shortfallVerb: 'giảm',
        openYear,
      };
    case 'TC_CAN_BO':
      return { valueName: 'số tiêu chí xã đạt', shortfallOf: null, shortfallVerb: null, openYear };
    case 'MT_HUYEN_C':
      return { valueName: 'số xã đã thoát diện', shortfallOf: 'xã', shortfallVerb: 'thoát diện', openYear };
    case 'MT_HUYEN_D':
      return {
        valueName: 'tỷ lệ thôn, bản đã thoát diện',
        shortfallOf: 'thôn, bản',
        shortfallVerb: 'thoát diện',
        openYear,
      };
  }
}

/** A number of a measure with its unit: "3,1 điểm phần trăm", "52,2%", "3 xã". */
function measured(v: Verdict, value: number, terms: VerdictTerms, decimals: number): string {
  if (v.don_vi_do === 'don_vi') return `${formatDecimal(value, 0)}${terms.shortfallOf ? ` ${terms.shortfallOf}` : ''}`;
  return v.don_vi_do === 'phan_tram'
    ? `${formatDecimal(value, decimals)}%`
    : `${formatDecimal(value, decimals)} điểm phần trăm`;
}

/** The threshold's own decimals: "4", "60", "6,5". */
const thresholdDecimals = (x: number) => (Number.isInteger(x) ? 0 : 1);

/** The decisive value derived from the verdict's own fields (`gia_tri`, in `don_vi_do`). */
function derivedDecisiveValue(v: Verdict, terms: VerdictTerms): DecisiveValue | null {
  if (v.gia_tri === null) return null;
  // Never print a value that differs from the threshold as the threshold (5,99 is not "6,0"); one that
  // equals it prints as it, not met under ">" (exactly 60% is not above 60%).
  const decimals = decimalsToShow(v.gia_tri, v.nguong, v.gia_tri !== v.nguong);
  const rises = v.gia_tri < 0 && v.don_vi_do !== 'don_vi' && terms.shortfallVerb === 'giảm';
  return {
    // Without every year's data, the value is only that of the years there are.
    name: v.ket_qua === 'chua_du_du_lieu' ? `${terms.valueName} (trong số liệu đã có)` : terms.valueName,
    value: rises
      ? `tăng ${measured(v, -v.gia_tri, terms, decimals)}`
      : v.gia_tri === 0 && v.don_vi_do === 'don_vi' && terms.shortfallOf
        ? `chưa có ${terms.shortfallOf} nào`
        : measured(v, v.gia_tri, terms, decimals),
  };
}

/** What a year not met was missing, with its unit; the open year says what is still needed. */
function shortfall(v: Verdict, terms: VerdictTerms): string | null {
  if (v.ket_qua !== 'chua_dat' || terms.shortfallVerb === null) return null;
  const open = v.nam >= terms.openYear;
  if (v.can_them !== null && v.can_them > 0 && terms.shortfallOf) {
    const n = `${formatCount(v.can_them)} ${terms.shortfallOf}`;
    if (terms.shortfallVerb === 'giảm') return open ? `cần giảm thêm ${n}` : `thiếu ${n} để đạt`;
    return open ? `cần thêm ${n} thoát diện` : `thiếu ${n} thoát diện để đạt`;
  }
  if (v.gia_tri === null || v.don_vi_do === 'don_vi') return null;
  // No count of households fixes it (an earlier year of a run already fell short): the gap to the threshold.
  const gap = v.nguong - v.gia_tri;
  // A gap between two percentages, or two falls in points, is in percentage points either way.
  if (gap <= 0) return 'cần vượt ngưỡng';
  return `thiếu ${formatDecimal(gap, decimalsToShow(gap, 0, true))} điểm phần trăm`;
}

/** An evidence line: the engine gives each value with its unit (`hien_thi`). */
function evidenceText(s: Verdict['so_lieu'][number]): string {
  const status = s.trang_thai ? ` (${REVIEW_STATUSES[s.trang_thai].toLowerCase()})` : '';
  return `Năm ${s.nam}, ${s.chi_so}: ${s.hien_thi}${status}`;
}

export function verdictView(v: Verdict, terms: VerdictTerms): VerdictView {
  // The engine names the value that decided the year; a year judged on part of its data has none there.
  const decisive =
    v.nhan_gia_tri_quyet_dinh && v.gia_tri_quyet_dinh
      ? { name: v.nhan_gia_tri_quyet_dinh, value: v.gia_tri_quyet_dinh }
      : derivedDecisiveValue(v, terms);
  return {
    year: v.nam,
    round: v.dot === 'so_ket' ? 'Sơ kết' : v.dot === 'tong_ket' ? 'Tổng kết' : null,
    result: v.ket_qua,
    label: VERDICT_RESULTS[v.ket_qua],
    decisive,
    // "6,8 điểm phần trăm (trong số liệu đã có)": what the column's name does not already say.
    valueCell: !decisive
      ? '–'
      : decisive.name.startsWith(terms.valueName)
        ? `${decisive.value}${decisive.name.slice(terms.valueName.length)}`
        : `${decisive.name}: ${decisive.value}`,
    threshold: `${v.phep_so_sanh === '>=' ? '≥' : '>'} ${measured(v, v.nguong, terms, thresholdDecimals(v.nguong))}`,
    margin: v.muc_thieu ?? shortfall(v, terms),
    preliminary: v.trang_thai_so_lieu === 'so_bo',
    explanation: datesInText(v.giai_thich),
    values: v.so_lieu.map((s) => ({ text: evidenceText(s) })),
  };
}

/** The criteria that apply to a unit in at least one year, each with its verdict per year. */
export function criteriaFor(site: SiteData, unitId: string): CriterionView[] {
  const own = site.verdictsOf(unitId);
  return site.criteria
    .filter((c) => own.some((v) => v.tieu_chi === c.ma_tieu_chi && v.ket_qua !== 'khong_ap_dung'))
    .map((c) => {
      const terms = verdictTerms(site, c);
      return {
        id: c.ma_tieu_chi,
        name: c.ten_tieu_chi,
        legalBasis: c.can_cu_phap_ly,
        description: criterionSentence(c, site.settings),
        hasMargin: terms.shortfallVerb !== null,
        valueHeading: `${terms.valueName.charAt(0).toLocaleUpperCase('vi')}${terms.valueName.slice(1)}`,
        years: own
          .filter((v) => v.tieu_chi === c.ma_tieu_chi)
          .sort((a, b) => b.nam - a.nam)
          .map((v) => verdictView(v, terms)),
      };
    });
}

/** One criterion's answer in the summary at the top of a page. */
export interface AnswerLine {
  /** The criterion's card on the page: "#tc_thon". */
  anchor: string;
  criterion: string;
  result: VerdictResult;
  /** "Đạt", "Chưa đạt" */
  label: string;
  /** In a year not met, what it needs: "cần giảm thêm 17 hộ nghèo và cận nghèo". */
  need: string | null;
  /** "quy mô hộ nghèo và cận nghèo giảm so với đầu kỳ (năm 2021): 52,2%; ngưỡng > 60%" */
  detail: string | null;
}

/** The answer a page gives first: each criterion's verdict for the latest round, the data status and its date. */
export interface Answer {
  year: number;
  /** "Kết quả năm 2025 (tổng kết)" */
  heading: string;
  lines: AnswerLine[];
  /** "Số liệu năm 2025 là số liệu sơ bộ, cập nhật ngày 05/12/2025." */
  dataStatus: string;
  /** "Năm 2025: 101 hộ nghèo, 104 hộ cận nghèo trên 1.254 hộ; tỷ lệ nghèo đa chiều 16,3%." */
  figures: string | null;
}

/** "12 hộ nghèo", or "không còn hộ nghèo" (never "0 hộ"). */
export const householdsText = (n: number, what: string) =>
  n === 0 ? `không còn ${what}` : `${formatCount(n)} ${what}`;

/** The latest round's answer for a unit, computed from its verdicts. */
export function answerFirst(site: SiteData, unitId: string, criteria: readonly CriterionView[]): Answer {
  const year = latestYear(site);
  const lines = criteria.flatMap((c): AnswerLine[] => {
    const v = c.years.find((y) => y.year === year);
    if (!v || v.result === 'khong_ap_dung') return [];
    return [
      {
        anchor: `#${c.id.toLowerCase()}`,
        criterion: c.name,
        result: v.result,
        label: v.label,
        need: v.result === 'chua_dat' ? v.margin : null,
        detail: v.decisive ? `${v.decisive.name}: ${v.decisive.value}; ngưỡng ${v.threshold}` : null,
      },
    ];
  });
  const f = site.figures(unitId, year);
  const round =
    year === site.settings.nam_tong_ket ? ' (tổng kết)' : year === site.settings.nam_so_ket ? ' (sơ kết)' : '';
  const status = f
    ? REVIEW_STATUSES[f.trang_thai].toLowerCase()
    : site.preliminaryYears.includes(year)
      ? 'sơ bộ'
      : 'chính thức';
  return {
    year,
    heading: `Kết quả năm ${year}${round}`,
    lines,
    dataStatus: `Số liệu năm ${year} là số liệu ${status}, cập nhật ngày ${formatDate(site.settings.ngay_cap_nhat)}.`,
    figures:
      f && f.thieu.length === 0 && f.tong_so_ho > 0
        ? `Năm ${year}: ${householdsText(f.so_ho_ngheo, 'hộ nghèo')}, ${householdsText(f.so_ho_can_ngheo, 'hộ cận nghèo')} trên ${formatCount(f.tong_so_ho)} hộ; tỷ lệ nghèo đa chiều ${formatPercent((100 * (f.so_ho_ngheo + f.so_ho_can_ngheo)) / f.tong_so_ho)}.`
        : null,
  };
}
