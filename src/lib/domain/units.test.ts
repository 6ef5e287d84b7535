import { describe, expect, it } from 'vitest';
import { fixtureFiles, REGIONS, UNITS } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { indexUnits } from './units.ts';

// The unit tree as the pages use it: which communes made up the movement, what each unit became on
// 1/7/2025, which former units make up today's communes, names in any spelling, regions by year.

function index(units = UNITS, regions = REGIONS) {
  const result = buildDataset(fixtureFiles({ units, regions }));
  expect(result.errors).toEqual([]);
  return result.dataset!.index;
}
const ids = (list: readonly { ma_don_vi: string }[]) => list.map((u) => u.ma_don_vi);

// X2-01 goes to a new ward M2 while X1 goes to M1; town X3 and its group X3-01 have no successor.
const SPLIT = [
  ...UNITS.filter((u) => u['ma_don_vi'] !== 'H' && u['ma_don_vi'] !== 'X2-01'),
  { ma_don_vi: 'X2-01', ten_don_vi: 'Thôn Ba', cap: 'thon', ma_don_vi_cha: 'X2', ma_don_vi_moi: 'M2' },
  { ma_don_vi: 'M2', ten_don_vi: 'Phường Mới', cap: 'phuong', hieu_luc_tu: '01/07/2025' },
  { ma_don_vi: 'X3', ten_don_vi: 'Thị trấn Ba', ten_khac: 'THỊ TRẤN BA', cap: 'thi_tran', ma_don_vi_cha: 'H' },
  { ma_don_vi: 'X3-01', ten_don_vi: 'Tổ dân phố Một', cap: 'to_dan_pho', ma_don_vi_cha: 'X3' },
  // The district last: it is found by its level, not by its place in the file.
  UNITS.find((u) => u['ma_don_vi'] === 'H')!,
];

describe('the unit tree', () => {
  it("finds the district wherever it is in the file, and the movement's communes and villages", () => {
    const i = index(SPLIT);
    expect(i.district.ma_don_vi).toBe('H');
    expect(ids(i.movementCommunes)).toEqual(['X1', 'X2', 'X3']);
    expect(ids(i.villagesOf('X1'))).toEqual(['X1-01', 'X1-02']);
    expect(ids(i.villagesOf('X9'))).toEqual([]);
  });

  it('follows each unit to what it became on 1/7/2025, a village through its commune unless it moved', () => {
    const i = index(SPLIT);
    expect(i.successorOf('X1-01')?.ma_don_vi).toBe('M1');
    expect(i.successorOf('X2')?.ma_don_vi).toBe('M1');
    expect(i.successorOf('X2-01')?.ma_don_vi).toBe('M2');
    expect(i.successorOf('X3')).toBeNull();
    expect(i.successorOf('X3-01')).toBeNull();
    expect(i.successorOf('H')).toBeNull();
    expect(i.successorOf('không có')).toBeNull();
    expect(ids(i.currentCommunes)).toEqual(['M1', 'M2']);
  });

  it("does not pass the district's successor on to a commune that became nothing", () => {
    const units = [
      ...SPLIT.filter((u) => u['ma_don_vi'] !== 'H'),
      { ...UNITS.find((u) => u['ma_don_vi'] === 'H')!, ma_don_vi_moi: 'M1' },
    ];
    const i = index(units);
    expect(i.successorOf('H')?.ma_don_vi).toBe('M1');
    expect(i.successorOf('X3')).toBeNull();
    expect(i.successorOf('X3-01')).toBeNull();
  });

  it("lists the former communes and the villages of today's communes", () => {
    const i = index(SPLIT);
    expect(ids(i.formerCommunesOf('M1'))).toEqual(['X1', 'X2']);
    expect(ids(i.formerCommunesOf('M2'))).toEqual([]);
    expect(ids(i.villagesNowIn('M1'))).toEqual(['X1-01', 'X1-02']);
    expect(ids(i.villagesNowIn('M2'))).toEqual(['X2-01']);
  });

  it('finds a unit by its name or alias in any spelling, once', () => {
    const i = index(SPLIT);
    expect(ids(i.findByName('xã mốt'))).toEqual(['X1']);
    expect(ids(i.findByName('Bản Một'))).toEqual(['X1-01']);
    // The alias differs from the name only in letter case: still one unit.
    expect(ids(i.findByName('Thị trấn Ba'))).toEqual(['X3']);
    expect(i.findByName('Bản Không Có')).toEqual([]);
  });

  it('gives the region of a commune in a year, by period', () => {
    const regions = [
      { ma_don_vi: 'X1', khu_vuc: 'III', tu_nam: 2021, den_nam: 2023, can_cu: 'QĐ 861' },
      { ma_don_vi: 'X1', khu_vuc: 'II', tu_nam: 2024, can_cu: 'QĐ 698' },
      { ma_don_vi: 'X2', khu_vuc: 'I', tu_nam: 2023, can_cu: 'QĐ 698' },
    ];
    const i = index(UNITS, regions);
    expect(i.regionIn('X1', 2023)?.khu_vuc).toBe('III');
    expect(i.regionIn('X1', 2024)?.khu_vuc).toBe('II');
    expect(i.regionIn('X2', 2022)).toBeNull();
    expect(i.regionIn('X2', 2025)?.khu_vuc).toBe('I');
    expect(i.regionIn('M1', 2025)).toBeNull();
  });

  it('refuses to index units without a district (the checks report it before)', () => {
    const { dataset } = buildDataset(fixtureFiles());
    const withoutDistrict = dataset!.units.filter((u) => u.cap !== 'huyen');
    expect(() => indexUnits(withoutDistrict, [])).toThrow('no district unit');
  });
});
