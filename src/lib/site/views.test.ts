import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { AWARDS, fixtureFiles, UNITS } from '../__tests__/fixture.ts';
import { toSnapshot, fromSnapshot } from '../snapshot.ts';
import { awardFilters, allAwardViews, withdrawnEntries } from './awards.ts';
import { figuresRows } from './common.ts';
import { unitPaths } from './paths.ts';
import { letterSlug, unitPage, villageIndex } from './units.ts';

function site(awards = AWARDS, units = UNITS) {
  const { dataset } = buildDataset(fixtureFiles({ awards, units }));
  return fromSnapshot(toSnapshot(dataset!, [], []));
}

describe('page view models', () => {
  it('gives permanent ASCII URLs, with redirects from other spellings', () => {
    const s = site(
      AWARDS,
      UNITS.map((u) => (u['ma_don_vi'] === 'X2' ? { ...u, ten_khac: 'Xã Hay' } : u)),
    );
    const paths = unitPaths(s.index);
    expect(paths.of('X1')).toBe('/xa/mot/');
    expect(paths.of('X1-01')).toBe('/xa/mot/mot/');
    expect(paths.of('M1')).toBe('/xa-moi/moi/');
    expect(paths.of('H')).toBe('/');
    // "Xã Mốt" spells to the same URL as "Xã Một"; "Xã Hay" gets a redirect.
    expect(paths.aliases).toEqual([{ from: '/xa/hay/', to: '/xa/hai/', unitId: 'X2' }]);
  });

  it("formats figures the Vietnamese way and marks each year's status", () => {
    const rows = figuresRows(site(), 'X1');
    expect(rows[0]).toMatchObject({ year: 2021, total: '200', multiRate: '50,0%', status: 'Chính thức' });
  });

  it('names only consenting households, counts the rest, and keeps a notice for withdrawn consent', () => {
    const withdrawn = {
      ...AWARDS[0]!,
      ma_khen_thuong: 'KT-3',
      dong_y_cong_khai: 'có',
      ngay_dong_y: '01/12/2023',
      ngay_rut_dong_y: '01/03/2026',
      ten_doi_tuong: 'Hộ bà Lò Thị Rút',
    };
    const s = site([...AWARDS, withdrawn]);
    const paths = unitPaths(s.index);
    const views = allAwardViews(s, paths);
    expect(views.map((v) => v.name)).toEqual(['Hộ ông Lý A Sử']);
    expect(JSON.stringify(s)).not.toContain('Sùng A Chứ');
    expect(JSON.stringify(s)).not.toContain('Lò Thị Rút');
    expect(withdrawnEntries(s)).toEqual([
      { id: 'KT-3', path: '/vinh-danh/kt-3/', notice: 'Đã gỡ theo yêu cầu của người được khen' },
    ]);
    const byType = awardFilters(s, paths).find((f) => f.path === '/vinh-danh/doi-tuong/ho-gia-dinh/');
    expect(byType).toMatchObject({ unnamed: 2 });
    // Counting by commune would point at where an unnamed household lives: not done.
    expect(
      awardFilters(s, paths)
        .filter((f) => f.group === 'xa')
        .every((f) => f.unnamed === null),
    ).toBe(true);
  });

  it("lists each commune's named entries, its villages' too, and keeps a list for a commune without any", () => {
    const award = (id: string, type: string, name: string, unit: string) => ({
      ...AWARDS[0]!,
      ma_khen_thuong: id,
      loai_doi_tuong: type,
      ten_doi_tuong: name,
      ma_don_vi: unit,
    });
    const commune = award('KT-4', 'xa', 'Xã Hai', 'X2');
    const current = award('KT-5', 'tap_the', 'Hội Nông dân', 'M1');
    const s = site([...AWARDS, commune, current]);
    const lists = awardFilters(s, unitPaths(s.index)).filter((f) => f.group === 'xa');
    expect(lists.map((f) => [f.path, f.entries.map((e) => e.id)])).toEqual([
      ['/vinh-danh/xa/mot/', ['KT-1']],
      ['/vinh-danh/xa/hai/', ['KT-4']],
    ]);
    expect(awardFilters(site(), unitPaths(site().index)).find((f) => f.path === '/vinh-danh/xa/hai/')?.entries).toEqual(
      [],
    );
  });

  it("tells what a commune became on 1/7/2025, and lists a current commune's former units", () => {
    const s = site();
    const paths = unitPaths(s.index);
    const awards = allAwardViews(s, paths);
    expect(unitPage(s, paths, awards, 'X1').notices[0]).toContain('là một phần của xã Mới');
    // The commune page lists the named award given in one of its villages.
    expect(unitPage(s, paths, awards, 'X1').awards.map((a) => a.name)).toEqual(['Hộ ông Lý A Sử']);
    expect(unitPage(s, paths, awards, 'X2').awards).toEqual([]);
    expect(unitPage(s, paths, awards, 'M1').formerUnits).toEqual([
      { name: 'Xã Một', path: '/xa/mot/' },
      { name: 'Xã Hai', path: '/xa/hai/' },
    ]);
  });

  it('lists villages A to Z on one page, or split by letter and part when there are more than a page holds', () => {
    const s = site(AWARDS, [
      ...UNITS,
      { ma_don_vi: 'X2-02', ten_don_vi: 'Bản Mười', cap: 'thon', ma_don_vi_cha: 'X2' },
    ]);
    const paths = unitPaths(s.index);
    const names = (pages: ReturnType<typeof villageIndex>) =>
      pages.flatMap((p) => p.villages.map((v) => `${v.name}|${v.commune}`));
    const one = villageIndex(s, paths);
    expect(new Set(one.map((p) => p.path))).toEqual(new Set(['/thon/']));
    const split = villageIndex(s, paths, 1);
    expect(names(split)).toEqual(names(one));
    expect(split.every((p) => p.villages.length === 1)).toBe(true);
    // "Một" and "Mười" share a letter: its two parts say where each starts and ends.
    expect(split.filter((p) => p.letter === 'M').map((p) => [p.path, p.range])).toEqual([
      ['/thon/m-1/', 'Một – Một'],
      ['/thon/m-2/', 'Mười – Mười'],
    ]);
    expect(new Set(split.map((p) => p.path)).size).toBe(split.length);
  });

  it('names letter pages so that Đ, Â and Ư keep their own URL', () => {
    expect(['D', 'Đ', 'A', 'Â', 'Ă', 'Ư', 'Ơ', 'Ô', 'Ê', 'Ả', '7', 'Я'].map(letterSlug)).toEqual([
      'd',
      'dd',
      'a',
      'aa',
      'aw',
      'uw',
      'ow',
      'oo',
      'ee',
      'a',
      '7',
      'khac',
    ]);
  });
});
