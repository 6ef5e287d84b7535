import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv } from '../__tests__/fixture.ts';
import { buildDataset, DATA_FILES, type Dataset } from '../dataset.ts';
import type { StandardChangeTreatment } from '../schemas/settings.ts';
import { verdictRows } from './golden-rows.ts';
import { methodPlainText, methodText } from './method-text.ts';
import { povertyStandard, standardIndex } from './poverty-standard.ts';

// A 2026–2030 movement with a change of poverty standard at the 2027 review (tests/chuan-ngheo-moi/): the
// 2022–2025 standard stays through the 2026 review (the baseline), the new one counts more households poor
// from 2027. Under both treatments of the scale criteria no rate or scale is compared across the change.
// Reviewed outputs sit beside the fixture; `UPDATE_GOLDEN=1 npx vitest run --project core
// src/lib/domain/standard-change.test.ts` rewrites them (review the diff by hand).

const DIR = join(import.meta.dirname, '../../../tests/chuan-ngheo-moi');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const TREATMENTS: readonly StandardChangeTreatment[] = ['khong_so_sanh', 'tinh_lai_dau_ky'];

function build(treatment: StandardChangeTreatment): Dataset {
  const files = new Map<string, Uint8Array>(DATA_FILES.map((f) => [f, readFileSync(join(DIR, 'data', f))]));
  const settings = new TextDecoder()
    .decode(files.get('dia-phuong.csv'))
    .replace(/^(doi_chuan_tc_(?:xa_2|thon)),[^,\n]*/gm, `$1,${treatment}`);
  files.set('dia-phuong.csv', new TextEncoder().encode(settings));
  const result = buildDataset(files);
  expect(result.errors).toEqual([]);
  return result.dataset!;
}

function matchesReviewed(file: string, actual: string) {
  const path = join(DIR, file);
  if (UPDATE) writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual.split('\n')).toEqual(readFileSync(path, 'utf8').split('\n'));
}

const verdictOf = (d: Dataset, unit: string, id: string, year: number) => {
  const v = d.verdicts.find((x) => x.ma_don_vi === unit && x.tieu_chi === id && x.nam === year);
  if (!v) throw new Error(`no verdict ${unit} ${id} ${year}`);
  return v;
};

describe('a change of poverty standard inside the period (2026–2030, new standard from 2027)', () => {
  for (const treatment of TREATMENTS) {
    describe(treatment, () => {
      it('never compares a rate or a scale across the two standards', () => {
        const d = build(treatment);
        const judged = d.verdicts.filter((v) => v.ket_qua === 'dat' || v.ket_qua === 'chua_dat');
        expect(judged.length).toBeGreaterThan(10);
        for (const v of judged.filter((x) => x.tieu_chi !== 'MT_HUYEN_C' && x.tieu_chi !== 'MT_HUYEN_D')) {
          const standards = new Set(v.so_lieu.map((s) => standardIndex(d.settings, s.nam)));
          expect(standards.size, `${v.ma_don_vi} ${v.tieu_chi} ${v.nam}`).toBeLessThanOrEqual(1);
        }
      });

      it('judges the rate criteria only on falls within one standard', () => {
        const d = build(treatment);
        for (const year of [2027, 2028]) {
          const v = verdictOf(d, '90001', 'TC_XA_1', year);
          expect(v.ket_qua).toBe('khong_ap_dung');
          expect(v.giai_thich).toContain(
            'năm 2026 rà soát theo chuẩn nghèo đa chiều giai đoạn 2022–2025, năm 2027 theo chuẩn nghèo giai đoạn ' +
              '2027–2030; số liệu theo hai chuẩn nghèo không so sánh được với nhau',
          );
        }
        expect(verdictOf(d, '90001', 'TC_XA_1', 2029).ket_qua).toBe('dat');
        expect(verdictOf(d, '900', 'MT_HUYEN_A', 2027).ket_qua).toBe('khong_ap_dung');
        expect(verdictOf(d, '900', 'MT_HUYEN_B', 2027).ket_qua).toBe('khong_ap_dung');
        expect(verdictOf(d, '900', 'MT_HUYEN_A', 2028).ket_qua).not.toBe('khong_ap_dung');
      });

      it('gives the reviewed verdicts', () =>
        matchesReviewed(`expected-verdicts-${treatment}.csv`, csv(verdictRows(build(treatment)))));

      it('explains the change to citizens in plain words', () => {
        const d = build(treatment);
        const text = methodPlainText(methodText(d.settings, [...d.criteria.values()]));
        expect(text).toContain(
          'Kỳ rà soát năm 2026 vẫn theo chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP; mức thu ' +
            'nhập khu vực nông thôn 1.500.000 đồng/người/tháng, khu vực thành thị 2.000.000 đồng/người/tháng); từ kỳ ' +
            'rà soát năm 2027 áp dụng chuẩn nghèo giai đoạn 2027–2030 (mức thu nhập khu vực nông thôn 2.200.000 ' +
            'đồng/người/tháng, khu vực thành thị 2.800.000 đồng/người/tháng).',
        );
        for (const key of ['nam_ap_dung_chuan_ngheo', 'doi_chuan', 'khong_so_sanh', 'tinh_lai_dau_ky'])
          expect(text).not.toContain(key);
        matchesReviewed(`phuong-phap-${treatment}.txt`, text);
      });
    });
  }

  it('leaves the scale criteria unjudged after the change when they are not comparable', () => {
    const d = build('khong_so_sanh');
    for (const year of [2027, 2028, 2029, 2030]) {
      const v = verdictOf(d, '90001-01', 'TC_THON', year);
      expect(v.ket_qua).toBe('khong_ap_dung');
      expect(v.giai_thich).toContain(`đầu kỳ là năm 2026, quy mô xét là năm ${year}`);
      expect(verdictOf(d, '90001', 'TC_XA_2', year).ket_qua).toBe('khong_ap_dung');
    }
  });

  it('re-baselines the scale criteria at the first review under the new standard', () => {
    const d = build('tinh_lai_dau_ky');
    const first = verdictOf(d, '90001-01', 'TC_THON', 2027);
    expect(first.ket_qua).toBe('khong_ap_dung');
    expect(first.giai_thich).toContain('năm 2027 là lần rà soát đầu tiên theo chuẩn nghèo giai đoạn 2027–2030');
    // Nà Lếch: 66 → 34 households, 48,5% > 45%; Khe Gió: 48 → 27, 43,75%: allowed ⌈48 · 0,55⌉ − 1 = 26.
    const met = verdictOf(d, '90001-01', 'TC_THON', 2030);
    expect(met.ket_qua).toBe('dat');
    expect(met.so_lieu.map((s) => [s.nam, s.gia_tri])).toEqual([
      [2027, 66],
      [2030, 34],
    ]);
    const short = verdictOf(d, '90001-02', 'TC_THON', 2030);
    expect(short).toMatchObject({ ket_qua: 'chua_dat', can_them: 1 });
    expect(short.giai_thich).toContain('Đầu kỳ mới là năm 2027');
    // Suối Ngọc: 114 → 61 = 46,5% < 55%; allowed ⌊114 · 0,45⌋ = 51, so 10 more households.
    expect(verdictOf(d, '90001', 'TC_XA_2', 2030)).toMatchObject({ ket_qua: 'chua_dat', can_them: 10 });
  });

  it('names each review year’s standard', () => {
    const d = build('khong_so_sanh');
    expect(povertyStandard(d.settings, 2026)).toMatchObject({ tu_nam: 2021, den_nam: 2026 });
    expect(povertyStandard(d.settings, 2027)).toMatchObject({
      tu_nam: 2027,
      den_nam: null,
      thu_nhap: { nong_thon: 2_200_000, thanh_thi: 2_800_000 },
    });
  });
});
