import { formatDate } from '../format/vi.ts';
import { makeIssue, type Issue } from '../ingest/issues.ts';
import type { ParsedTable } from '../ingest/table.ts';
import type { ReportRow } from '../schemas/reports.ts';
import type { Settings } from '../schemas/settings.ts';
import type { UnitRow } from '../schemas/tables.ts';
import type { UnitIndex } from './units.ts';

// Reporting on time (plan section VI.3): each year the movement's communes report to the labour office
// by `han_bao_cao_xa` and the district to the province by `han_bao_cao_huyen`. The file bao-cao.csv
// records when each report came; this module checks it and says, per year and unit, whether it was on time.

function at(t: ParsedTable<ReportRow>, line: number, field: string, value: string | number) {
  return { file: t.file, line, ...t.columnName(field), field, value: String(value) };
}

/** Cross-file checks of the report dates; returns the rows, in file order. */
export function checkReports(t: ParsedTable<ReportRow>, index: UnitIndex, settings: Settings, issues: Issue[]) {
  const first = new Map<string, number>();
  const movement = new Set([index.district.ma_don_vi, ...index.movementCommunes.map((c) => c.ma_don_vi)]);
  const updated = formatDate(settings.ngay_cap_nhat);
  for (const { line, row } of t.rows) {
    const unit = index.byId.get(row.ma_don_vi);
    if (!unit || !movement.has(unit.ma_don_vi)) {
      const what = unit
        ? `${unit.ten_don_vi} không phải xã, thị trấn của phong trào hay huyện`
        : 'không có mã này trong don-vi.csv';
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ma_don_vi', row.ma_don_vi),
          'foreign-key',
          `Mã "${row.ma_don_vi}": ${what}. Chỉ xã, thị trấn (cấp dưới trực tiếp của huyện) và huyện ` +
            'nộp báo cáo này: sửa mã.',
        ),
      );
      continue;
    }
    if (row.nam < settings.nam_bat_dau || row.nam > settings.nam_ket_thuc) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'nam', row.nam),
          'constraint-error',
          `Năm ${row.nam} nằm ngoài giai đoạn phong trào (${settings.nam_bat_dau}–${settings.nam_ket_thuc}). ` +
            'Sửa năm báo cáo.',
        ),
      );
      continue;
    }
    if (row.ngay_nhan > settings.ngay_cap_nhat) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ngay_nhan', formatDate(row.ngay_nhan)),
          'constraint-error',
          `Ngày nhận ${formatDate(row.ngay_nhan)} sau ngày cập nhật số liệu ${updated} (dia-phuong.csv): số liệu ` +
            'không thể ghi một báo cáo chưa nhận. Kiểm tra lại ngày, hoặc sửa "ngay_cap_nhat".',
        ),
      );
    }
    if (Number(row.ngay_nhan.slice(0, 4)) < row.nam) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ngay_nhan', formatDate(row.ngay_nhan)),
          'row-constraint',
          `Ngày nhận ${formatDate(row.ngay_nhan)} trước năm báo cáo ${row.nam}: báo cáo năm ${row.nam} ` +
            'nộp trong năm đó hoặc sau. Kiểm tra lại năm hoặc ngày.',
        ),
      );
    }
    const key = `${row.ma_don_vi}|${row.nam}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, line);
    else {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'nam', row.nam),
          'primary-key',
          `${unit.ten_don_vi} đã có báo cáo năm ${row.nam} ở dòng ${seen}. ` +
            'Mỗi đơn vị mỗi năm một dòng: xóa hoặc sửa dòng trùng.',
        ),
      );
    }
  }
  return t.rows.map((l) => l.row);
}

export type ReportStatus =
  { kind: 'dung_han' } | { kind: 'muon'; days: number } | { kind: 'chua_co' } | { kind: 'chua_den_han' };

/** The deadline of a year ("10/11", 2024 → "2024-11-10"). */
export function deadlineIn(dayMonth: string, year: number): string {
  const [day, month] = dayMonth.split('/');
  return `${year}-${month}-${day}`;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * A report received on the deadline day is on time; one not received is missing only once the deadline
 * has passed by the data's date (`asOf`), and not yet due before.
 */
export function reportStatus(received: string | null, deadline: string, asOf: string): ReportStatus {
  if (received !== null)
    return received <= deadline ? { kind: 'dung_han' } : { kind: 'muon', days: days(deadline, received) };
  return asOf > deadline ? { kind: 'chua_co' } : { kind: 'chua_den_han' };
}

export interface ReportEntry {
  unit: UnitRow;
  /** Whether the unit is the district (reports to the province) rather than a commune. */
  district: boolean;
  deadline: string;
  report: ReportRow | null;
  status: ReportStatus;
}

export interface ReportYear {
  year: number;
  /** Communes first, in the order of don-vi.csv, then the district. */
  entries: ReportEntry[];
}

/** Whether a unit existed on a day: a commune that ceased before the deadline owes no report that year. */
const existsOn = (u: UnitRow, day: string) =>
  (u.hieu_luc_tu === null || u.hieu_luc_tu <= day) && (u.hieu_luc_den === null || u.hieu_luc_den >= day);

/** Every year of the period, each unit that had to report (or did), with its status as of `ngay_cap_nhat`. */
export function reportYears(index: UnitIndex, settings: Settings, reports: readonly ReportRow[]): ReportYear[] {
  const byKey = new Map(reports.map((r) => [`${r.ma_don_vi}|${r.nam}`, r]));
  const years: ReportYear[] = [];
  for (let year = settings.nam_bat_dau; year <= settings.nam_ket_thuc; year++) {
    const entries: ReportEntry[] = [];
    const units = [
      ...index.movementCommunes.map((u) => ({ u, district: false })),
      { u: index.district, district: true },
    ];
    for (const { u, district } of units) {
      const deadline = deadlineIn(district ? settings.han_bao_cao_huyen : settings.han_bao_cao_xa, year);
      const report = byKey.get(`${u.ma_don_vi}|${year}`) ?? null;
      if (report === null && !existsOn(u, deadline)) continue;
      const status = reportStatus(report?.ngay_nhan ?? null, deadline, settings.ngay_cap_nhat);
      entries.push({ unit: u, district, deadline, report, status });
    }
    years.push({ year, entries });
  }
  return years;
}
