import { describe, expect, it } from 'vitest';
import { csv, fixtureTexts, SETTINGS, toFiles, type Row } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { dayMonth, reportsTable } from '../schemas/reports.ts';
import { deadlineIn, reportStatus, reportYears } from './reports.ts';

// Reporting on time (plan VI.3): communes by 10/11, the district by 20/11, as settings.

const HEADER = ['ma_don_vi', 'nam', 'ngay_nhan', 'so_van_ban', 'ghi_chu'];

function build(reports: Row[] | null, settings: Row[] = SETTINGS) {
  const texts = fixtureTexts({ settings });
  if (reports) texts[reportsTable.file] = csv(reports, HEADER);
  return buildDataset(toFiles(texts));
}

describe('report status', () => {
  const deadline = '2024-11-10';

  it('counts a report received on the deadline day itself as on time', () => {
    expect(reportStatus('2024-11-10', deadline, '2025-12-05')).toEqual({ kind: 'dung_han' });
    expect(reportStatus('2024-11-02', deadline, '2025-12-05')).toEqual({ kind: 'dung_han' });
  });

  it('counts calendar days late, across months and a leap February alike', () => {
    expect(reportStatus('2024-11-11', deadline, '2025-12-05')).toEqual({ kind: 'muon', days: 1 });
    expect(reportStatus('2024-12-02', deadline, '2025-12-05')).toEqual({ kind: 'muon', days: 22 });
    // 20 days of November, 31 + 31 + 29 (2024 is a leap year) + 1.
    expect(reportStatus('2024-03-01', '2023-11-10', '2025-12-05')).toEqual({ kind: 'muon', days: 112 });
  });

  it('calls a report missing only once the deadline has passed by the data date', () => {
    expect(reportStatus(null, deadline, '2024-11-11')).toEqual({ kind: 'chua_co' });
    expect(reportStatus(null, deadline, '2024-11-10')).toEqual({ kind: 'chua_den_han' });
    expect(reportStatus(null, deadline, '2024-06-30')).toEqual({ kind: 'chua_den_han' });
  });

  it('places the deadline in each year the same way, leap or not', () => {
    expect(deadlineIn('10/11', 2024)).toBe('2024-11-10');
    expect(deadlineIn('10/11', 2023)).toBe('2023-11-10');
  });
});

describe('deadline settings', () => {
  it('read a day of the year and refuse one that is not in every year', () => {
    expect(dayMonth.parse(' 5/1 ')).toEqual({ ok: true, value: '05/01' });
    expect(dayMonth.parse('20.11')).toEqual({ ok: true, value: '20/11' });
    expect(dayMonth.parse('29/02')).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(dayMonth.parse('10/13')).toMatchObject({ ok: false });
    expect(dayMonth.parse('10/11/2024')).toMatchObject({ ok: false, code: 'type-error' });
  });

  it('default to 10/11 and 20/11, and another locality can set its own', () => {
    const defaults = build(null).dataset!.settings;
    expect([defaults.han_bao_cao_xa, defaults.han_bao_cao_huyen]).toEqual(['10/11', '20/11']);
    const own = build(null, [...SETTINGS, { khoa: 'han_bao_cao_xa', gia_tri: '5/11' }]).dataset!.settings;
    expect(own.han_bao_cao_xa).toBe('05/11');
    const bad = build(null, [...SETTINGS, { khoa: 'han_bao_cao_huyen', gia_tri: '31/11' }]);
    expect(bad.dataset).toBeNull();
    expect(bad.errors[0]).toMatchObject({ file: 'dia-phuong.csv', field: 'han_bao_cao_huyen' });
  });
});

describe('bao-cao.csv', () => {
  const good: Row[] = [
    { ma_don_vi: 'X1', nam: 2024, ngay_nhan: '10/11/2024', so_van_ban: '12/BC-UBND' },
    { ma_don_vi: 'X2', nam: 2024, ngay_nhan: '13/11/2024', ghi_chu: 'Nộp bổ sung' },
    { ma_don_vi: 'H', nam: 2024, ngay_nhan: '2024-11-20' },
  ];

  it('is optional: without it the dataset has no report dates', () => {
    const { dataset, errors } = build(null);
    expect(errors).toEqual([]);
    expect(dataset!.reports).toBeNull();
  });

  it('gives each year and unit its status as of the data date', () => {
    const { dataset, errors } = build(good);
    expect(errors).toEqual([]);
    const years = reportYears(dataset!.index, dataset!.settings, dataset!.reports!);
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const y2024 = years.find((y) => y.year === 2024)!;
    expect(y2024.entries.map((e) => [e.unit.ma_don_vi, e.status])).toEqual([
      ['X1', { kind: 'dung_han' }],
      ['X2', { kind: 'muon', days: 3 }],
      ['H', { kind: 'dung_han' }],
    ]);
    expect(y2024.entries.find((e) => e.district)!.deadline).toBe('2024-11-20');
    // No row for 2023: both communes and the district are missing.
    expect(years.find((y) => y.year === 2023)!.entries.map((e) => e.status.kind)).toEqual([
      'chua_co',
      'chua_co',
      'chua_co',
    ]);
    // The district ceased on 30/6/2025, before its 2025 deadline: it owes no report that year.
    expect(years.find((y) => y.year === 2025)!.entries.map((e) => e.unit.ma_don_vi)).toEqual(['X1', 'X2']);
  });

  it('says a year is not yet due when the data date is before its deadline', () => {
    const settings = SETTINGS.map((s) => (s['khoa'] === 'ngay_cap_nhat' ? { ...s, gia_tri: '10/11/2025' } : s));
    const { dataset } = build([{ ma_don_vi: 'X1', nam: 2025, ngay_nhan: '09/11/2025' }], settings);
    const y2025 = reportYears(dataset!.index, dataset!.settings, dataset!.reports!).find((y) => y.year === 2025)!;
    expect(y2025.entries.map((e) => e.status.kind)).toEqual(['dung_han', 'chua_den_han']);
  });

  it('refuses rows that name no reporting unit, fall outside the period, come too late or twice', () => {
    const { dataset, errors } = build([
      ...good,
      { ma_don_vi: 'X9', nam: 2024, ngay_nhan: '01/11/2024' },
      { ma_don_vi: 'X1-01', nam: 2024, ngay_nhan: '01/11/2024' },
      { ma_don_vi: 'M1', nam: 2025, ngay_nhan: '01/11/2025' },
      { ma_don_vi: 'X1', nam: 2020, ngay_nhan: '01/11/2020' },
      { ma_don_vi: 'X1', nam: 2025, ngay_nhan: '06/12/2025' },
      { ma_don_vi: 'X2', nam: 2023, ngay_nhan: '01/11/2022' },
      { ma_don_vi: 'X1', nam: 2024, ngay_nhan: '09/11/2024' },
    ]);
    expect(dataset).toBeNull();
    const seen = errors.map((e) => [e.line, e.column, e.code]);
    expect(seen).toEqual([
      [5, 'ma_don_vi', 'foreign-key'],
      [6, 'ma_don_vi', 'foreign-key'],
      [7, 'ma_don_vi', 'foreign-key'],
      [8, 'nam', 'constraint-error'],
      [9, 'ngay_nhan', 'constraint-error'],
      [10, 'ngay_nhan', 'row-constraint'],
      [11, 'nam', 'primary-key'],
    ]);
    expect(errors.every((e) => e.file === 'bao-cao.csv')).toBe(true);
    expect(errors[0]!.message).toContain('không có mã này trong don-vi.csv');
    expect(errors[1]!.message).toContain('Bản Một không phải xã, thị trấn của phong trào');
    expect(errors[4]!.message).toContain('sau ngày cập nhật số liệu 05/12/2025');
    expect(errors[6]!.message).toContain('đã có báo cáo năm 2024 ở dòng 2');
  });

  it('refuses a note that names a household without its consent, like every published text', () => {
    const { dataset, errors } = build([
      { ma_don_vi: 'X1', nam: 2024, ngay_nhan: '01/11/2024', ghi_chu: 'Hộ ông Sùng A Chứ' },
    ]);
    expect(dataset).toBeNull();
    expect(errors.some((e) => e.file === 'bao-cao.csv' && e.field === 'ghi_chu')).toBe(true);
  });

  it('refuses a date that is not a date, with the column to fix', () => {
    const { errors } = build([{ ma_don_vi: 'X1', nam: 2024, ngay_nhan: '31/11/2024' }]);
    expect(errors).toMatchObject([{ file: 'bao-cao.csv', line: 2, field: 'ngay_nhan', code: 'type-error' }]);
  });
});
