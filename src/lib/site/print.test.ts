import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { AWARDS, fixtureFiles, UNITS } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { allAwardViews, communeRoundRolls } from './awards.ts';
import { unitPaths } from './paths.ts';
import { printSheets } from './print-sheet.ts';
import { qrMatrix } from './qr.ts';

function site(awards = AWARDS, units = UNITS) {
  const { dataset, errors } = buildDataset(fixtureFiles({ awards, units }));
  if (!dataset) throw new Error(errors.map((i) => i.message).join('\n'));
  return fromSnapshot(toSnapshot(dataset, [], []));
}

const award = (id: string, over: Record<string, string>) => ({ ...AWARDS[0]!, ma_khen_thuong: id, ...over });
const NAMED = { dong_y_cong_khai: 'có', ngay_dong_y: '01/12/2023' };
const UNNAMED = { dong_y_cong_khai: '', ngay_dong_y: '' };

describe('honour rolls per commune and round', () => {
  const awards = [
    ...AWARDS, // KT-1 named (Bản Một of Xã Một), KT-2 not consenting (Bản Hai), both decision 1/QĐ, sơ kết 2023
    award('KT-3', {
      so_quyet_dinh: '2/QĐ',
      ngay_quyet_dinh: '16/06/2025',
      dot: 'tong_ket',
      loai_doi_tuong: 'xa',
      ten_doi_tuong: 'Xã Hai',
      ma_don_vi: 'X2',
      ...UNNAMED,
    }),
    award('KT-4', {
      so_quyet_dinh: '3/QĐ',
      loai_doi_tuong: 'tap_the',
      ten_doi_tuong: 'Hội Phụ nữ xã',
      ma_don_vi: 'X1',
    }),
    award('KT-5', { loai_doi_tuong: 'thon', ten_doi_tuong: 'Bản Hai', ma_don_vi: 'X1-02', ...UNNAMED }),
    // Only a household without consent was awarded in 2024: the round has pages, empty, in every commune.
    award('KT-6', { ngay_quyet_dinh: '10/10/2024', dot: 'hang_nam', ma_don_vi: 'X2-01', ...UNNAMED }),
  ].map((a) => (a.ma_khen_thuong === 'KT-1' ? { ...a, ...NAMED } : a));
  const s = site(awards);
  const paths = unitPaths(s.index);
  const rolls = communeRoundRolls(s, paths, allAwardViews(s, paths));
  const roll = (path: string) => rolls.find((r) => r.path === path);

  it('has a page for every commune and every round and year, named or not', () => {
    expect(rolls.map((r) => r.path).sort()).toEqual([
      '/vinh-danh/xa/hai/hang-nam-2024/',
      '/vinh-danh/xa/hai/so-ket-2023/',
      '/vinh-danh/xa/hai/tong-ket-2025/',
      '/vinh-danh/xa/mot/hang-nam-2024/',
      '/vinh-danh/xa/mot/so-ket-2023/',
      '/vinh-danh/xa/mot/tong-ket-2025/',
    ]);
    expect(roll('/vinh-danh/xa/mot/hang-nam-2024/')).toMatchObject({ title: 'Hằng năm 2024', decisions: [] });
  });

  it('groups entries by decision, with the issuer and signer, places in full', () => {
    const soKet = roll('/vinh-danh/xa/mot/so-ket-2023/');
    expect(soKet?.title).toBe('Sơ kết 2023');
    expect(soKet?.decisions.map((d) => [d.decision, d.issuer, d.signer, d.entries.map((e) => e.id)])).toEqual([
      ['Quyết định số 1/QĐ ngày 20/11/2023', 'UBND huyện', 'Chủ tịch', ['KT-1', 'KT-5']],
      ['Quyết định số 3/QĐ ngày 20/11/2023', 'UBND huyện', 'Chủ tịch', ['KT-4']],
    ]);
    // A household is placed by village and commune; a village awarded under its own name by its commune only.
    expect(soKet?.decisions[0]?.entries.map((e) => e.place)).toEqual(['bản Một, xã Một', 'xã Một']);
    expect(roll('/vinh-danh/xa/hai/tong-ket-2025/')?.decisions[0]?.entries[0]?.place).toBeNull();
  });

  it('never names a household without consent, nor its place', () => {
    const text = JSON.stringify(rolls);
    expect(text).not.toContain('Sùng A Chứ');
    expect(text).not.toContain('KT-2');
    expect(text).not.toContain('KT-6');
  });
});

describe('the A4 sheet of a commune', () => {
  const s = site();
  const paths = unitPaths(s.index);
  const sheets = printSheets(s, paths, (p) => `https://xa.example.vn/chung-tay${p}`);

  it('is at /in/xa/<xa>/ with the latest verdicts in words and the latest figures with their status', () => {
    const one = sheets.find((x) => x.name === 'Xã Một');
    expect(one).toMatchObject({ path: '/in/xa/mot/', url: 'https://xa.example.vn/chung-tay/xa/mot/', year: 2025 });
    expect(one?.verdicts.length).toBeGreaterThan(0);
    for (const v of one?.verdicts ?? []) expect(['Đạt', 'Chưa đạt', 'Chưa đủ dữ liệu']).toContain(v.label);
    expect(one?.figures?.status).toMatch(/^(sơ bộ|chính thức)$/);
    expect(one?.figures?.multiRate).toMatch(/^\d+,\d%$/);
    expect(one?.villages).toMatch(/^\d+ trong 2 thôn, bản, tổ dân phố đạt tiêu chí thôn năm 2025$/);
  });

  it("draws a QR code that a decoder reads back as the commune page's absolute URL", () => {
    const url = 'https://xa.example.vn/chung-tay/xa/mot/';
    const matrix = qrMatrix(url);
    const scale = 4;
    const side = (matrix.length + 8) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    matrix.forEach((row, r) =>
      row.forEach((dark, c) => {
        if (!dark) return;
        for (let y = 0; y < scale; y++)
          for (let x = 0; x < scale; x++) {
            const i = (((r + 4) * scale + y) * side + (c + 4) * scale + x) * 4;
            pixels.fill(0, i, i + 3);
          }
      }),
    );
    expect(jsQR(pixels, side, side)?.data).toBe(url);
  });

  it('is outside the villages\' folder: a village named "In" keeps its own path', () => {
    const units = [...UNITS, { ma_don_vi: 'X1-03', ten_don_vi: 'Bản In', cap: 'thon', ma_don_vi_cha: 'X1' }];
    const withIn = site(AWARDS, units);
    const withInPaths = unitPaths(withIn.index);
    expect(withInPaths.of('X1-03')).toBe('/xa/mot/in/');
    expect(printSheets(withIn, withInPaths, (p) => p).find((x) => x.name === 'Xã Một')?.path).toBe('/in/xa/mot/');
  });
});
