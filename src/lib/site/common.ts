import { VERDICT_RESULTS, type Verdict, type VerdictResult } from '../domain/criteria.ts';
import type { Figures } from '../domain/figures.ts';
import { criterionSentence } from '../domain/method-text.ts';
import { formatCount, formatDate, formatDecimal, formatPercent } from '../format/vi.ts';
import { REVIEW_STATUSES, UNIT_LEVELS, type CriterionId, type UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { lineGeometry, type LineGeometry, type Series } from '../charts/line.ts';

// Small view models shared by pages: figures by year, verdicts with their evidence, charts with
// their tables. Everything is already formatted in vi-VN; components only render.

export interface SiteMeta {
  title: string;
  locality: string;
  sample: boolean;
  updated: string;
  /** "Số liệu năm 2025 là sơ bộ …" */
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
        ? `Số liệu năm ${preliminary.join(', ')} là số liệu sơ bộ, chưa có quyết định công nhận chính thức; các năm khác là số liệu chính thức.`
        : 'Tất cả số liệu là số liệu chính thức.',
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
  return year >= site.settings.nam_chuan_ngheo_moi ? 'Chuẩn nghèo 2022–2025' : 'Chuẩn nghèo 2016–2020';
}

function usableFigures(site: SiteData, unitId: string): Figures[] {
  return site.years.map((y) => site.figures(unitId, y)).filter((f): f is Figures => f !== null && f.thieu.length === 0);
}

/** Poor and near-poor households by year, and the rates, for one unit. */
export function trendCharts(site: SiteData, unitId: string, name: string): ChartView[] {
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
  const change = (a: number, b: number, what: string, fmt: (n: number) => string) =>
    b < a ? `giảm từ ${fmt(a)} xuống ${fmt(b)}` : b > a ? `tăng từ ${fmt(a)} lên ${fmt(b)}` : `giữ ở ${fmt(a)}${what}`;
  return [
    {
      id: `bd-${unitId}-so-ho`,
      title: `Số hộ nghèo và hộ cận nghèo của ${name}, ${first.nam}–${last.nam}`,
      takeaway: `Số hộ nghèo ${change(first.so_ho_ngheo, last.so_ho_ngheo, '', (n) => `${formatCount(n)} hộ`)}; số hộ cận nghèo ${change(first.so_ho_can_ngheo, last.so_ho_can_ngheo, '', (n) => `${formatCount(n)} hộ`)} (năm ${first.nam} đến ${last.nam}).`,
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
      takeaway: `Tỷ lệ nghèo đa chiều ${change(multi(first), multi(last), '', (n) => formatPercent(n))} (năm ${first.nam} đến ${last.nam}).`,
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

export interface VerdictView {
  year: number;
  round: string | null;
  result: VerdictResult;
  label: string;
  value: string | null;
  threshold: string;
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
  years: VerdictView[];
}

/** Short forms for narrow table cells: "6,7 điểm", "41,6%", "5". */
function measureText(v: Verdict, value: number): string {
  if (v.don_vi_do === 'don_vi') return formatDecimal(value, 0);
  return v.don_vi_do === 'phan_tram' ? `${formatDecimal(value, 1)}%` : `${formatDecimal(value, 1)} điểm`;
}

export function verdictView(v: Verdict): VerdictView {
  return {
    year: v.nam,
    round: v.dot === 'so_ket' ? 'Sơ kết' : v.dot === 'tong_ket' ? 'Tổng kết' : null,
    result: v.ket_qua,
    label: VERDICT_RESULTS[v.ket_qua],
    value: v.gia_tri === null ? null : measureText(v, v.gia_tri),
    threshold: `${v.phep_so_sanh === '>=' ? '≥' : '>'} ${measureText(v, v.nguong)}`,
    margin: v.can_them === null || v.ket_qua !== 'chua_dat' ? null : `cần thêm ${formatCount(v.can_them)}`,
    preliminary: v.trang_thai_so_lieu === 'so_bo',
    explanation: v.giai_thich,
    values: v.so_lieu.map((s) => ({
      text: `${s.chi_so} năm ${s.nam}: ${Number.isInteger(s.gia_tri) ? formatCount(s.gia_tri) : formatDecimal(s.gia_tri, 2)}${s.trang_thai ? ` (${REVIEW_STATUSES[s.trang_thai].toLowerCase()})` : ''}`,
    })),
  };
}

/** The criteria that apply to a unit in at least one year, each with its verdict per year. */
export function criteriaFor(site: SiteData, unitId: string): CriterionView[] {
  const own = site.verdictsOf(unitId);
  return site.criteria
    .filter((c) => own.some((v) => v.tieu_chi === c.ma_tieu_chi && v.ket_qua !== 'khong_ap_dung'))
    .map((c) => ({
      id: c.ma_tieu_chi,
      name: c.ten_tieu_chi,
      legalBasis: c.can_cu_phap_ly,
      description: criterionSentence(c, site.settings),
      years: own
        .filter((v) => v.tieu_chi === c.ma_tieu_chi)
        .sort((a, b) => b.nam - a.nam)
        .map(verdictView),
    }));
}
