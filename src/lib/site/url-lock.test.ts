import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { AWARDS, csv, fixtureTexts, steadyReviews, toFiles, UNITS } from '../__tests__/fixture.ts';
import type { FixtureSpec, Row } from '../__tests__/fixture.ts';
import { formatLock } from './url-lock.ts';

/** The fixture's lock: every URL it publishes, as `npm run accept-urls` writes it. */
function lockOf(spec: FixtureSpec = {}): string {
  const { dataset } = buildDataset(toFiles(fixtureTexts(spec)), [], new Map(), { acceptUrls: true });
  return formatLock(dataset!.urls.published);
}

function build(spec: FixtureSpec, lock: string, moved?: Row[]) {
  const texts: Record<string, string> = { ...fixtureTexts(spec), 'duong-dan.lock': lock };
  if (moved) texts['duong-dan-cu.csv'] = csv(moved, ['duong_dan_cu', 'chuyen_den_ma', 'ly_do']);
  return buildDataset(toFiles(texts));
}

const lockIssues = (r: ReturnType<typeof build>) =>
  [...r.errors, ...r.warnings].filter((i) => i.file === 'duong-dan.lock' || i.file === 'duong-dan-cu.csv');
const lineOf = (lock: string, path: string) => lock.split('\n').findIndex((l) => l.startsWith(`${path}\t`)) + 1;
/** The fixture without village X1-02 "Bản Hai" (/xa/mot/hai/), its figures and its award. */
const withoutX102: FixtureSpec = {
  units: UNITS.filter((u) => u['ma_don_vi'] !== 'X1-02'),
  reviews: steadyReviews().filter((r) => r['ma_don_vi'] !== 'X1-02'),
  awards: AWARDS.filter((a) => a['ma_don_vi'] !== 'X1-02'),
};

describe('the published-URL lock', () => {
  it('lists every page with what it shows, sorted, the same bytes every time', () => {
    const lock = lockOf();
    expect(lock).toBe(lockOf());
    const lines = lock.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toContain('/xa/mot/mot/\tdon-vi X1-01');
    expect(lines).toContain('/vinh-danh/kt-1/\tkhen-thuong KT-1');
    expect(lines).toContain('/\ttrang chu');
    expect(lines.map((l) => l.split('\t')[0]!)).toEqual(lines.map((l) => l.split('\t')[0]!).sort());
    expect(lockIssues(build({}, lock))).toEqual([]);
  });

  it('refuses a dataset that drops a published URL, naming the lock line, the URL and what it showed', () => {
    const lock = lockOf();
    const r = build(withoutX102, lock);
    const dropped = r.errors.find((e) => e.file === 'duong-dan.lock');
    expect(r.dataset).toBeNull();
    expect(dropped).toMatchObject({ line: lineOf(lock, '/xa/mot/hai/'), value: '/xa/mot/hai/', code: 'foreign-key' });
    expect(dropped?.message).toContain('trang đơn vị X1-02');
    expect(dropped?.message).toContain('duong-dan-cu.csv');
  });

  it('accepts the drop once duong-dan-cu.csv redirects the old URL, and names the unit on the redirect page', () => {
    const moved = [{ duong_dan_cu: '/xa/mot/hai', chuyen_den_ma: 'X1-01', ly_do: 'Sáp nhập' }];
    const r = build(withoutX102, lockOf(), moved);
    expect(r.errors).toEqual([]);
    const to = { name: 'Bản Một', path: '/xa/mot/mot/' };
    expect(r.dataset?.urls.redirects).toContainEqual({ path: '/xa/mot/hai/', target: 'chuyen-huong don-vi X1-01', to });
    expect(
      lockIssues(r)
        .map((i) => i.message)
        .join(),
    ).toContain('npm run accept-urls');
  });

  it('accepts a declared removal as a notice page', () => {
    const moved = [{ duong_dan_cu: '/xa/mot/hai/', chuyen_den_ma: '', ly_do: 'Thôn giải thể' }];
    const r = build(withoutX102, lockOf(), moved);
    expect(r.errors).toEqual([]);
    expect(r.dataset?.urls.redirects).toContainEqual({ path: '/xa/mot/hai/', target: 'go-bo', to: null });
  });

  it('refuses declarations for a path still in use or to a code without a page', () => {
    const r = build({}, lockOf(), [
      { duong_dan_cu: '/xa/mot/', chuyen_den_ma: 'X2', ly_do: 'Thử' },
      { duong_dan_cu: '/xa/cu/', chuyen_den_ma: 'KT-2', ly_do: 'Hộ chưa đồng ý công khai' },
    ]);
    expect(r.errors.map((e) => [e.file, e.line, e.field, e.code])).toEqual([
      ['duong-dan-cu.csv', 2, 'duong_dan_cu', 'row-constraint'],
      ['duong-dan-cu.csv', 3, 'chuyen_den_ma', 'foreign-key'],
    ]);
  });

  it("keeps a renamed unit's published URLs as redirects to it, even when a new unit takes the old name", () => {
    const lock = lockOf();
    const rename = (names: Record<string, string>, oldNames: Record<string, string> = {}): Row[] => [
      ...UNITS.map((u) => {
        const id = String(u['ma_don_vi']);
        return { ...u, ten_don_vi: names[id] ?? u['ten_don_vi']!, ...(oldNames[id] ? { ten_khac: oldNames[id] } : {}) };
      }),
      { ma_don_vi: 'X1-05', ten_don_vi: 'Bản Một', cap: 'thon', ma_don_vi_cha: 'X1' },
    ];
    // The new unit's name gives the renamed unit's published path: the old name must be declared.
    const undeclared = build({ units: rename({ 'X1-01': 'Bản Bốn' }) }, lock);
    expect(undeclared.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['duong-dan.lock', lineOf(lock, '/xa/mot/mot/'), 'row-constraint'],
    ]);
    expect(undeclared.errors[0]?.message).toContain('ghi tên cũ vào cột ten_khac của X1-01');
    const village = build({ units: rename({ 'X1-01': 'Bản Bốn' }, { 'X1-01': 'Bản Một' }) }, lock);
    expect(village.errors).toEqual([]);
    const bon = { name: 'Bản Bốn', path: '/xa/mot/bon/' };
    expect(village.dataset?.urls.redirects).toContainEqual({ path: '/xa/mot/mot/', target: 'ten-khac X1-01', to: bon });
    expect(village.dataset?.urls.published).toContainEqual({ path: '/xa/mot/mot-x1-05/', target: 'don-vi X1-05' });
    // A renamed commune that no other unit's name contests: its old pages lead to the new ones unasked.
    const commune = build({ units: rename({ X1: 'Xã Bảy' }).filter((u) => u['ma_don_vi'] !== 'X1-05') }, lock);
    expect(commune.errors).toEqual([]);
    const hai = { name: 'Bản Hai', path: '/xa/bay/hai/' };
    const list = { name: 'Vinh danh: Xã Bảy', path: '/vinh-danh/xa/bay/' };
    expect(commune.dataset?.urls.redirects).toEqual(
      expect.arrayContaining([
        { path: '/xa/mot/hai/', target: 'chuyen-huong don-vi X1-02', to: hai },
        { path: '/vinh-danh/xa/mot/', target: 'chuyen-huong vinh-danh xa X1', to: list },
      ]),
    );
  });

  it('refuses a lock line repointed by hand to a unit whose names do not give the path', () => {
    const lock = lockOf();
    const edited = lock.replace('/xa/mot/mot/\tdon-vi X1-01', '/xa/mot/mot/\tdon-vi X1-02');
    const r = build({}, edited);
    expect(r.dataset).toBeNull();
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toContainEqual([
      'duong-dan.lock',
      lineOf(lock, '/xa/mot/mot/'),
      'row-constraint',
    ]);
    expect(r.errors.find((e) => e.line === lineOf(lock, '/xa/mot/mot/'))?.message).toContain('bị sửa tay');
  });

  it('refuses a published URL that would show other content', () => {
    const lock = lockOf();
    const recoded = AWARDS.map((a) => (a['ma_khen_thuong'] === 'KT-1' ? { ...a, ma_khen_thuong: 'kt/1' } : a));
    const r = build({ awards: recoded }, lock);
    const line = lineOf(lock, '/vinh-danh/kt-1/');
    expect(r.errors.filter((e) => e.file === 'duong-dan.lock')).toMatchObject([{ line, code: 'row-constraint' }]);
    expect(r.errors[0]?.message).toContain('mục vinh danh KT-1');
  });

  it("keeps a withdrawn entry's URL as a notice without any declaration", () => {
    const withdrawn = AWARDS.map((a) => (a['ma_khen_thuong'] === 'KT-1' ? { ...a, ngay_rut_dong_y: '01/03/2026' } : a));
    const r = build({ awards: withdrawn }, lockOf());
    expect(r.errors).toEqual([]);
    expect(r.dataset?.urls.published).toContainEqual({ path: '/vinh-danh/kt-1/', target: 'khen-thuong-da-go KT-1' });
  });

  it('reports an alias that collides with another unit as a warning naming both units', () => {
    const units = UNITS.map((u) => (u['ma_don_vi'] === 'X2' ? { ...u, ten_khac: 'Xã Một' } : u));
    const r = build({ units }, lockOf({ units }));
    const w = r.warnings.find((i) => i.file === 'don-vi.csv' && i.field === 'ten_khac');
    expect(w).toMatchObject({ line: 4, value: 'Xã Một' });
    expect(w?.message).toContain('Xã Hai (X2)');
    expect(w?.message).toContain('Xã Một (X1)');
  });

  it('refuses two award pages at one path, and a lock line it cannot read', () => {
    const twins = [...AWARDS, { ...AWARDS[0]!, ma_khen_thuong: 'KT/1' }];
    expect(build({ awards: twins }, lockOf()).errors.map((e) => [e.file, e.line, e.code])).toEqual(
      expect.arrayContaining([['khen-thuong.csv', 4, 'primary-key']]),
    );
    expect(build({}, '/xa/\n').errors.map((e) => [e.file, e.line, e.code])).toEqual(
      expect.arrayContaining([['duong-dan.lock', 1, 'format-error']]),
    );
  });

  it('lets the accept command rewrite a damaged lock', () => {
    const damaged = toFiles({ ...fixtureTexts(), 'duong-dan.lock': `${lockOf()}/xa/\n` });
    const accepted = buildDataset(damaged, [], new Map(), { acceptUrls: true });
    expect(accepted.errors).toEqual([]);
    expect(formatLock(accepted.dataset!.urls.published)).toBe(lockOf());
  });

  it('says to run the accept command for new URLs and for a missing lock', () => {
    const added = { ma_don_vi: 'X1-05', ten_don_vi: 'Bản Năm', cap: 'thon', ma_don_vi_cha: 'X1' };
    const withNew = build({ units: [...UNITS, added] }, lockOf());
    expect(withNew.errors).toEqual([]);
    const note = lockIssues(withNew)
      .map((i) => i.message)
      .join();
    expect(note).toMatch(/1 đường dẫn mới \(như \/xa\/mot\/nam\/\).*npm run accept-urls/);
    const noLock = buildDataset(toFiles(fixtureTexts()));
    const missing = noLock.warnings.filter((i) => i.file === 'duong-dan.lock');
    expect(missing.map((i) => i.message).join()).toContain('npm run accept-urls');
  });
});
