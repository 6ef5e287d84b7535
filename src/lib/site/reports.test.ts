import { describe, expect, it } from 'vitest';
import { csv, fixtureTexts, toFiles, type Row } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { unitPaths } from './paths.ts';
import { reportsView } from './reports.ts';

// The reporting page's view: a line per year a reader can take in at a glance, and a row per unit.

function view(reports: Row[] | null) {
  const texts = fixtureTexts();
  if (reports) texts['bao-cao.csv'] = csv(reports, ['ma_don_vi', 'nam', 'ngay_nhan', 'so_van_ban', 'ghi_chu']);
  const { dataset } = buildDataset(toFiles(texts));
  const site = fromSnapshot(toSnapshot(dataset!, [], []));
  return reportsView(site, unitPaths(site.index));
}

describe('reporting page view', () => {
  it('says no report dates were given when there is no file', () => {
    expect(view(null)).toMatchObject({ given: false, years: [], communeDeadline: '10/11', districtDeadline: '20/11' });
  });

  it('sums each year in one line and labels each unit', () => {
    const v = view([
      { ma_don_vi: 'X1', nam: 2024, ngay_nhan: '10/11/2024', so_van_ban: '12/BC-UBND', ghi_chu: 'Gửi qua mạng' },
      { ma_don_vi: 'X2', nam: 2024, ngay_nhan: '15/11/2024' },
      { ma_don_vi: 'H', nam: 2024, ngay_nhan: '22/11/2024' },
      { ma_don_vi: 'X1', nam: 2023, ngay_nhan: '01/11/2023' },
      { ma_don_vi: 'H', nam: 2023, ngay_nhan: '20/11/2023' },
    ]);
    expect(v.given).toBe(true);
    const summaries = v.years.map((y) => y.summary);
    expect(summaries).toContain('Năm 2024: 1/2 xã, thị trấn đúng hạn, 1 muộn; huyện báo cáo tỉnh: muộn 2 ngày.');
    expect(summaries).toContain('Năm 2023: 1/2 xã, thị trấn đúng hạn, 1 chưa có; huyện báo cáo tỉnh: đúng hạn.');
    expect(summaries).toContain('Năm 2025: 0/2 xã, thị trấn đúng hạn, 2 chưa có.');
    const y2024 = v.years.find((y) => y.year === 2024)!;
    expect(y2024.rows).toEqual([
      {
        name: 'Xã Một',
        path: '/xa/mot/',
        to: 'Phòng LĐ-TB&XH',
        deadline: '10/11/2024',
        received: '10/11/2024',
        status: 'dung_han',
        label: 'Đúng hạn',
        detail: '12/BC-UBND. Gửi qua mạng',
      },
      expect.objectContaining({ name: 'Xã Hai', received: '15/11/2024', label: 'Muộn 5 ngày', detail: '' }),
      expect.objectContaining({ name: 'Huyện Thử', to: 'Tỉnh', deadline: '20/11/2024', label: 'Muộn 2 ngày' }),
    ]);
    expect(v.years.find((y) => y.year === 2023)!.rows[1]).toMatchObject({ received: '–', label: 'Chưa có báo cáo' });
  });
});
