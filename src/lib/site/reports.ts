import { reportYears, type ReportEntry, type ReportStatus } from '../domain/reports.ts';
import { formatDate } from '../format/vi.ts';
import type { SiteData } from '../snapshot.ts';
import { paginate, type ListPage } from './lists.ts';
import type { UnitPaths } from './paths.ts';

// The reporting page (/bao-cao/): per year and unit, whether the report came on time, late or not at all.

export const REPORTS_PATH = '/bao-cao/';

export interface ReportRowView {
  name: string;
  path: string | null;
  /** Who the report goes to. */
  to: string;
  deadline: string;
  received: string;
  status: ReportStatus['kind'];
  label: string;
  /** Document number and note, as given. */
  detail: string;
}

export interface ReportYearView {
  year: number;
  summary: string;
  rows: ReportRowView[];
}

export interface ReportsView {
  /** False when bao-cao.csv was not given: the page says so and shows no table. */
  given: boolean;
  communeDeadline: string;
  districtDeadline: string;
  asOf: string;
  years: ReportYearView[];
}

export function statusLabel(status: ReportStatus): string {
  switch (status.kind) {
    case 'dung_han':
      return 'Đúng hạn';
    case 'muon':
      return `Muộn ${status.days} ngày`;
    case 'chua_co':
      return 'Chưa có báo cáo';
    case 'chua_den_han':
      return 'Chưa đến hạn';
  }
}

const count = (entries: readonly ReportEntry[], kind: ReportStatus['kind']) =>
  entries.filter((e) => e.status.kind === kind).length;

/** "Năm 2024: 15/17 xã, thị trấn đúng hạn, 1 muộn, 1 chưa có; huyện báo cáo tỉnh: Muộn 2 ngày." */
export function yearSummary(year: number, entries: readonly ReportEntry[]): string {
  const communes = entries.filter((e) => !e.district);
  const parts: string[] = [];
  if (communes.length > 0) {
    parts.push(`${count(communes, 'dung_han')}/${communes.length} xã, thị trấn đúng hạn`);
    const late = count(communes, 'muon');
    const missing = count(communes, 'chua_co');
    const pending = count(communes, 'chua_den_han');
    if (late > 0) parts.push(`${late} muộn`);
    if (missing > 0) parts.push(`${missing} chưa có`);
    if (pending > 0) parts.push(`${pending} chưa đến hạn`);
  }
  const district = entries.find((e) => e.district);
  const districtPart = district ? `huyện báo cáo tỉnh: ${statusLabel(district.status).toLowerCase()}` : null;
  if (parts.length === 0 && !districtPart)
    return `Năm ${year}: không đơn vị nào phải báo cáo (các đơn vị đã thôi hoạt động trước hạn báo cáo).`;
  return `Năm ${year}: ${[parts.join(', '), districtPart].filter(Boolean).join('; ')}.`;
}

export function reportsView(site: SiteData, paths: UnitPaths): ReportsView {
  const { settings } = site;
  const years = site.reports === null ? [] : reportYears(site.index, settings, site.reports);
  return {
    given: site.reports !== null,
    communeDeadline: settings.han_bao_cao_xa,
    districtDeadline: settings.han_bao_cao_huyen,
    asOf: formatDate(settings.ngay_cap_nhat),
    years: years.map(({ year, entries }) => ({
      year,
      summary: yearSummary(year, entries),
      rows: entries.map((e) => ({
        name: e.unit.ten_don_vi,
        path: paths.of(e.unit.ma_don_vi),
        to: e.district ? 'Tỉnh' : 'Phòng LĐ-TB&XH',
        deadline: formatDate(e.deadline),
        received: e.report ? formatDate(e.report.ngay_nhan) : '–',
        status: e.status.kind,
        label: statusLabel(e.status),
        detail: [e.report?.so_van_ban, e.report?.ghi_chu].filter(Boolean).join('. '),
      })),
    })),
  };
}

/**
 * The page in pages (/bao-cao/, /bao-cao/trang-2/, …) when a province's or a country's rows are too many: rows
 * run year by year, each page shows the years it holds with their summary, and a year with no rows is on page 1.
 */
export function reportPages(view: ReportsView): ListPage<ReportYearView>[] {
  const rows = view.years.flatMap((y, i) => y.rows.map((row) => ({ i, row })));
  return paginate(REPORTS_PATH, rows).map((page, n) => {
    const held = new Map<number, ReportRowView[]>();
    for (const { i, row } of page.entries) {
      const list = held.get(i);
      if (list) list.push(row);
      else held.set(i, [row]);
    }
    const entries = view.years.flatMap((y, i) => {
      const list = held.get(i);
      return list || (n === 0 && y.rows.length === 0) ? [{ ...y, rows: list ?? [] }] : [];
    });
    return { ...page, entries };
  });
}
