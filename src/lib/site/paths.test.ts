import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { indexUnits } from '../domain/units.ts';
import { fixtureFiles, UNITS, type Row } from '../__tests__/fixture.ts';
import { awardPath, pathSegment, SEGMENT_MAX, unitPaths } from './paths.ts';

/** The validated units of the fixture with these rows. */
function unitsOf(rows: Row[]) {
  const { dataset, errors } = buildDataset(fixtureFiles({ units: rows }));
  expect(errors).toEqual([]);
  return dataset!;
}

const village = (code: string, name: string, extra: Row = {}): Row => ({
  ma_don_vi: code,
  ten_don_vi: name,
  cap: 'thon',
  ma_don_vi_cha: 'X1',
  ...extra,
});
const every = (d: ReturnType<typeof unitsOf>, locked?: Map<string, string>) => {
  const paths = unitPaths(d.index, locked);
  const pages = Object.fromEntries(d.units.map((u) => [u.ma_don_vi, paths.of(u.ma_don_vi)]));
  return { pages, aliases: paths.aliases, conflicts: paths.conflicts };
};

describe('unit URLs', () => {
  it('are the same whichever row comes first: the smallest code gets the plain slug, the others add their code', () => {
    const twins = [village('X1-07', 'Bản Nậm Xe'), village('X1-05', 'Bản Nậm Xe', { ten_khac: 'Bản Nặm Xe' })];
    const forward = every(unitsOf([...UNITS, ...twins]));
    const backward = every(unitsOf([...twins, ...[...UNITS].reverse()]));
    expect(backward).toEqual(forward);
    expect(forward.pages['X1-05']).toBe('/xa/mot/nam-xe/');
    expect(forward.pages['X1-07']).toBe('/xa/mot/nam-xe-x1-07/');
  });

  it('leave a published unit where it is when a unit of the same name with a smaller code is added', () => {
    const before = unitsOf([...UNITS, village('X1-09', 'Bản Nậm Xe')]);
    const published = unitPaths(before.index).of('X1-09')!;
    const locked = new Map([[published, 'X1-09']]);
    const inserted = unitsOf([village('X1-03', 'Bản Nậm Xe'), ...UNITS, village('X1-09', 'Bản Nậm Xe')]);
    const after = every(inserted, locked);
    expect(after.pages['X1-09']).toBe(published);
    expect(after.pages['X1-03']).toBe('/xa/mot/nam-xe-x1-03/');
    // Without the lock the smaller code would take the plain slug: the lock is what keeps the link.
    expect(every(inserted).pages['X1-09']).not.toBe(published);
  });

  it("never take a page of today's commune list: a commune named like one takes its coded path", () => {
    const d = unitsOf(
      UNITS.map((u) => (u['ma_don_vi'] === 'M1' ? { ...u, ten_don_vi: 'Xã Tràng 2', ten_khac: 'Xã Trang 3' } : u)),
    );
    const { pages, aliases } = every(d);
    expect(pages['M1']).toBe('/xa-moi/trang-2-m1/');
    expect(aliases.map((a) => a.from)).not.toContain('/xa-moi/trang-3/');
    // Elsewhere the same name keeps its plain slug: only a folder that is also a list in pages reserves them.
    expect(every(unitsOf([...UNITS, village('X1-09', 'Bản Tràng 2')])).pages['X1-09']).toBe('/xa/mot/trang-2/');
  });

  it('keep a unit at the coded path it was published at when the unit holding the plain slug goes', () => {
    const locked = new Map([['/xa/mot/nam-xe-x1-09/', 'X1-09']]);
    const { pages } = every(unitsOf([...UNITS, village('X1-09', 'Bản Nậm Xe')]), locked);
    expect(pages['X1-09']).toBe('/xa/mot/nam-xe-x1-09/');
  });

  it("serve an other spelling as a redirect, and report one colliding with a page or another unit's spelling", () => {
    const d = unitsOf(
      UNITS.map((u) => {
        if (u['ma_don_vi'] === 'X2') return { ...u, ten_khac: 'Xã Một|Xã Hay|Xã Chung' };
        if (u['ma_don_vi'] === 'X1') return { ...u, ten_khac: 'Xã Mốt|Xã Chung' };
        return u;
      }),
    );
    const { aliases, conflicts } = every(d);
    expect(aliases).toEqual([{ from: '/xa/hay/', to: '/xa/hai/', unitId: 'X2' }]);
    expect(conflicts).toEqual([
      { unitId: 'X1', alias: 'Xã Chung', path: '/xa/chung/', otherId: 'X2' },
      { unitId: 'X2', alias: 'Xã Chung', path: '/xa/chung/', otherId: 'X1' },
      { unitId: 'X2', alias: 'Xã Một', path: '/xa/mot/', otherId: 'X1' },
    ]);
  });

  it("give the lock's owner a path that another unit's new page would take", () => {
    const newcomer = { ma_don_vi: 'X0', ten_don_vi: 'Xã Ba', cap: 'xa', ma_don_vi_cha: 'H', ma_don_vi_moi: 'M1' };
    const d = unitsOf([...UNITS.map((u) => (u['ma_don_vi'] === 'X2' ? { ...u, ten_khac: 'Xã Ba' } : u)), newcomer]);
    const { pages, aliases } = every(d, new Map([['/xa/ba/', 'X2']]));
    expect(aliases).toEqual([{ from: '/xa/ba/', to: '/xa/hai/', unitId: 'X2' }]);
    expect(pages['X0']).toBe('/xa/ba-x0/');
  });
});

describe('path segments', () => {
  const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');

  it('stay under the limit for a 500-character name, cut at a word and tagged with the code', () => {
    const d = unitsOf(UNITS);
    const names: Record<string, string> = { 'X1-01': `Bản ${long('Nậm', 125)}`, 'X1-02': `Bản ${long('Nậm', 124)} Xe` };
    const rows = d.units.map((u) => ({ ...u, ten_don_vi: names[u.ma_don_vi] ?? u.ten_don_vi }));
    const paths = unitPaths(indexUnits(rows, d.regions));
    const a = paths.of('X1-01')!.split('/')[3]!;
    const b = paths.of('X1-02')!.split('/')[3]!;
    expect(a.length).toBeLessThanOrEqual(SEGMENT_MAX);
    expect(a).toMatch(/^(nam-)+x1-01$/);
    expect(b).toMatch(/-x1-02$/);
  });

  it('keep a 300-character award code under the limit, stable and distinct from a code that starts alike', () => {
    const code = `KT-${'A'.repeat(297)}`;
    const path = awardPath(code);
    expect(path.length).toBeLessThanOrEqual(`/vinh-danh//`.length + SEGMENT_MAX);
    expect(awardPath(code)).toBe(path);
    expect(awardPath(`${code}B`)).not.toBe(path);
    expect(awardPath('KT-2023-001')).toBe('/vinh-danh/kt-2023-001/');
  });

  it('fall back to the code when a name has no letters left', () => {
    expect(pathSegment('', 'X1-01')).toBe('x1-01');
  });
});
