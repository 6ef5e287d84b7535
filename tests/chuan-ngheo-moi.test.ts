import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, pageText } from './helpers.ts';

// A 2026–2030 movement with a new poverty standard from the 2027 review (tests/chuan-ngheo-moi/): the
// site builds, its methodology page tells citizens which standard each review follows and how each
// criterion treats the change, and no verdict published compares figures across the two standards.
// The verdicts under both treatments are checked in src/lib/domain/standard-change.test.ts.

const DATA = 'tests/chuan-ngheo-moi/data';
let out = '';

beforeAll(() => {
  out = buildFixtureSite(DATA, 'chung-tay-chuan-moi-');
}, 600_000);

describe('a site whose period holds a change of poverty standard', () => {
  it('explains the change on the methodology page in plain words', () => {
    const text = pageText(readFileSync(join(out, 'phuong-phap/index.html'), 'utf8'));
    expect(text).toContain('Kỳ rà soát năm 2026 vẫn theo chuẩn nghèo đa chiều giai đoạn 2022–2025');
    expect(text).toContain(
      'từ kỳ rà soát năm 2027 áp dụng chuẩn nghèo giai đoạn 2027–2030 (mức thu nhập khu vực nông thôn 2.200.000 ' +
        'đồng/người/tháng, khu vực thành thị 2.800.000 đồng/người/tháng)',
    );
    expect(text).toContain('tỷ lệ năm 2027 không so sánh với năm 2026');
    expect(text).toContain('Không so sánh qua hai chuẩn nghèo');
    for (const key of ['nam_ap_dung_chuan_ngheo', 'doi_chuan_tc', 'khong_so_sanh']) expect(text).not.toContain(key);
  });

  it('publishes every village verdict after the change as not comparable, with the reason', () => {
    type Row = { ma_don_vi: string; tieu_chi: string; nam: number; ket_qua: string; giai_thich: string };
    const { verdicts } = JSON.parse(readFileSync(join(out, 'du-lieu/danh-gia.json'), 'utf8')) as { verdicts: Row[] };
    const village = verdicts.filter((v) => v.tieu_chi === 'TC_THON');
    expect(village).toHaveLength(4 * 4);
    for (const v of village) {
      expect(v.ket_qua).toBe('khong_ap_dung');
      expect(v.giai_thich).toContain('số liệu theo hai chuẩn nghèo không so sánh được với nhau');
    }
  });
});
