import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, review, SETTINGS } from '../__tests__/fixture.ts';
import { buildDataset, DATA_FILES, type Dataset } from '../dataset.ts';
import { frac } from './exact.ts';
import { exactDecimal, exactNear } from './verdict-text.ts';

// The wording rules of every verdict a citizen reads, checked on every verdict of every golden dataset, of
// the sample data and of the fixture with a change of poverty standard: units after numbers, no data keys,
// no "0 hộ" sentence, the kind of a unit in lower case mid-sentence, the deciding value named.

const ROOT = join(import.meta.dirname, '../../..');
const GOLDEN = join(import.meta.dirname, 'golden');

function datasetOf(dir: string, fallback?: string): Dataset {
  const files = new Map<string, Uint8Array>(
    DATA_FILES.map((f) => {
      const own = join(dir, f);
      return [f, readFileSync(existsSync(own) || !fallback ? own : join(fallback, f))];
    }),
  );
  // Awards do not change verdicts, and the sample's link to stories the core is not given here.
  const awards = new TextDecoder().decode(files.get('khen-thuong.csv')).split('\n')[0]!;
  files.set('khen-thuong.csv', new TextEncoder().encode(`${awards}\n`));
  const result = buildDataset(files);
  expect(result.errors).toEqual([]);
  return result.dataset!;
}

const DATASETS: [string, () => Dataset][] = [
  ['data/', () => datasetOf(join(ROOT, 'data'))],
  ['tests/chuan-ngheo-moi', () => datasetOf(join(ROOT, 'tests/chuan-ngheo-moi/data'))],
  ['tests/dia-phuong-khac', () => datasetOf(join(ROOT, 'tests/dia-phuong-khac/data'))],
  ...readdirSync(GOLDEN, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'base')
    .map((d): [string, () => Dataset] => [
      `golden/${d.name}`,
      () => datasetOf(join(GOLDEN, d.name), join(GOLDEN, 'base')),
    ]),
];

const UNIT = /^(%|\s(điểm phần trăm|hộ|xã|thôn|tiêu chí|năm liên tiếp))/;

/** Numbers in a sentence that carry no unit: years, legal texts' numbers, "a/b" and ranges taken out first. */
function bareNumbers(text: string): string[] {
  const cleaned = text
    .replace(/\b\d\d\/\d\d\/\d{4}\b/g, ' ') // dates, dd/mm/yyyy
    .replace(/\d+\/[\d\p{L}/-]*[\p{L}-]\S*/gu, ' ') // legal numbers: 07/2021/NĐ-CP, 861/QĐ-TTg
    .replace(/(QĐ|Quyết định|Nghị định|Thông tư) \d+/g, ' ')
    .replace(/tiêu chí \d\b/g, ' ') // the names "tiêu chí 1", "tiêu chí 2"
    .replace(/\b(19|20)\d\d\b(–(19|20)\d\d)?/g, 'YEAR')
    .replace(/(\d[\d.,]*)(\/| trong )(\d[\d.,]*)/g, '$3'); // "5/12 xã", "1 trong 2 tiêu chí": one unit for both
  const bare: string[] = [];
  for (const m of cleaned.matchAll(/\d[\d.,]*/g)) {
    const after = cleaned.slice(m.index + m[0].length);
    if (!UNIT.test(after.replace(/^[.,](?!\d)/, ''))) bare.push(`${m[0]}…${after.slice(0, 20)}`);
  }
  return bare;
}

describe('the wording of verdicts', () => {
  it('rounds half up on the exact value, never a binary artefact', () => {
    expect(exactDecimal(frac(500, 12))).toBe('41,7');
    expect(exactDecimal(frac(145, 1000), 2)).toBe('0,15');
    expect(exactDecimal(frac(25, 2), 0)).toBe('13');
    expect(exactDecimal(frac(-25, 2), 0)).toBe('−12');
    expect(exactDecimal(frac(1234567, 100), 1)).toBe('12.345,7');
    // 3,96 next to a threshold of 4 shows two decimals, exactly 4 shows one.
    expect(exactNear(frac(396, 100), frac(4))).toBe('3,96');
    expect(exactNear(frac(4), frac(4))).toBe('4,0');
  });

  for (const [name, build] of DATASETS) {
    it(`follows the rules in every verdict of ${name}`, () => {
      const verdicts = build().verdicts;
      expect(verdicts.length).toBeGreaterThan(0);
      for (const v of verdicts) {
        const where = `${v.ma_don_vi} ${v.tieu_chi} ${v.nam}: ${v.giai_thich}`;
        const texts = [v.giai_thich, ...v.so_lieu.map((s) => s.chi_so), v.nhan_gia_tri_quyet_dinh ?? ''];
        for (const t of texts) {
          expect(t, where).not.toMatch(/(?<![\d.,])0 hộ/);
          expect(t, where).not.toMatch(/\b[a-z]+_[a-z_]+\b/); // a key or code of the data files
          expect(t, where).not.toContain('1 = đạt');
          expect(t, where).not.toMatch(/[\p{Ll},;] (Xã|Huyện|Thôn|Bản|Thị trấn|Tổ dân phố|Phường|Tỉnh) /u);
          expect(t, where).not.toMatch(/\d\.\d{1,2}(?!\d)/); // an English decimal point
        }
        expect(v.giai_thich, where).not.toMatch(/Năm chưa đạt:|[Cc]ần thêm \d+\.|Còn dư/);
        expect(v.giai_thich, where).not.toMatch(/(?<!\d)\d\/\d{1,2}\/\d{4}|\b\d\d\/\d\/\d{4}/); // dates dd/mm/yyyy
        expect(bareNumbers(v.giai_thich), where).toEqual([]);
        for (const s of v.so_lieu) expect(s.hien_thi, where).toMatch(/(%|điểm phần trăm| hộ| xã| thôn|đạt|dữ liệu)$/);
        if (v.muc_thieu !== null) {
          expect(v.ket_qua, where).toBe('chua_dat');
          expect(v.muc_thieu, where).toMatch(/^(còn thiếu|cần giảm thêm|cần thêm) [1-9][\d.]* (hộ|xã|thôn) /);
          expect(v.giai_thich, where).toContain(
            v.muc_thieu.replace(/^còn thiếu /, '').replace(/^cần (giảm )?thêm /, ''),
          );
        } else if (v.ket_qua === 'chua_dat') expect(v.can_them, where).toBeNull();
        if (v.ket_qua === 'dat' || v.ket_qua === 'chua_dat') {
          expect(v.nhan_gia_tri_quyet_dinh, where).toBeTruthy();
          expect(v.gia_tri_quyet_dinh, where).toMatch(/(%\)?|điểm phần trăm|tiêu chí)$/);
        }
      }
    }, 30_000); // the sample data's verdicts take a few seconds on a busy machine
  }

  it('tells a closed year what was missing, and the open year what is still needed', () => {
    // Every village of X1 falls 4 points a year, then only 3 in the last year: the shortfall is that year's.
    const series = (last: number) =>
      ['X1-01', 'X1-02'].flatMap((id) =>
        [50, 46, 42, 38, 38 - last].map((s, i) => review(id, 2021 + i, 100, s - 10, 10)),
      );
    const build = (updated: string) => {
      const settings = [
        ...SETTINGS.filter((r) => r['khoa'] !== 'ngay_cap_nhat'),
        { khoa: 'ngay_cap_nhat', gia_tri: updated },
      ];
      const result = buildDataset(fixtureFiles({ settings, reviews: series(3) }));
      expect(result.errors).toEqual([]);
      return result.dataset!.verdicts.find((v) => v.ma_don_vi === 'X1' && v.tieu_chi === 'TC_XA_1' && v.nam === 2025)!;
    };
    const open = build('05/12/2025');
    expect(open.giai_thich).toContain(
      'Năm 2025 chưa đạt ngưỡng: cần giảm thêm 2 hộ nghèo và cận nghèo trong năm 2025 để đạt.',
    );
    expect(open.nhan_gia_tri_quyet_dinh).toBe('năm giảm ít nhất trong 3 năm');
    expect(open.gia_tri_quyet_dinh).toBe('3,0 điểm phần trăm');
    expect(open.muc_thieu).toBe('cần giảm thêm 2 hộ nghèo và cận nghèo');
    const past = build('15/01/2026');
    expect(past.muc_thieu).toBe('còn thiếu 2 hộ nghèo và cận nghèo');
    expect(past.giai_thich).toContain(
      'Năm 2025 chưa đạt ngưỡng: còn thiếu 2 hộ nghèo và cận nghèo so với mức cần giảm.',
    );
  });
});
