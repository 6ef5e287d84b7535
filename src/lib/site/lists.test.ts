import { describe, expect, it } from 'vitest';
import { COMMUNES, communes, VILLAGES_PER_COMMUNE, villages } from '../__tests__/country.ts';
import type { AwardFilter, AwardView } from './awards.ts';
import { awardListPages } from './awards.ts';
import { COMMUNES_ON_ONE_PAGE, ENTRIES_PER_PAGE, listPagePath, paginate } from './lists.ts';
import { mapTablePages, type MapItem, type MapView } from './maps.ts';
import { roundPageParts, ROUND_SECTIONS_PER_PAGE, type ChangeLine, type RoundPageView } from './rounds.ts';
import { reportPages, type ReportRowView, type ReportsView } from './reports.ts';
import { COMMUNES_PER_PAGE, letterPages, VILLAGES_PER_PAGE } from './units.ts';

describe('list pages of a country of 10,000 communes and 100,000 villages', () => {
  it('cuts a long list into pages of at most ENTRIES_PER_PAGE, page 1 at the list’s own URL', () => {
    const pages = paginate('/vinh-danh/nam/2025/', villages);
    expect(pages).toHaveLength(Math.ceil(villages.length / ENTRIES_PER_PAGE));
    expect(pages.every((p) => p.entries.length <= ENTRIES_PER_PAGE)).toBe(true);
    expect(pages.flatMap((p) => p.entries)).toEqual(villages);
    expect(pages[0]?.path).toBe('/vinh-danh/nam/2025/');
    expect(pages[1]?.path).toBe('/vinh-danh/nam/2025/trang-2/');
    // "Trang 250/500": the previous and next pages, the first, the last and two on each side; never 500 links.
    const middle = pages[249]?.pager;
    expect(middle).toMatchObject({ number: 250, count: 500, previous: listPagePath('/vinh-danh/nam/2025/', 249) });
    expect(middle?.links.map((l) => l?.number ?? null)).toEqual([1, null, 248, 249, 250, 251, 252, null, 500]);
    expect(pages.every((p) => (p.pager?.links.length ?? 0) <= 9)).toBe(true);
    expect(pages.at(-1)?.pager?.next).toBeNull();
  });

  it('keeps a short list on one page with no navigation, and an empty list as one empty page', () => {
    expect(paginate('/xa-moi/', villages.slice(0, 17))).toEqual([
      { path: '/xa-moi/', entries: villages.slice(0, 17), pager: null },
    ]);
    expect(paginate('/xa-moi/', [])).toEqual([{ path: '/xa-moi/', entries: [], pager: null }]);
  });

  it('splits the A–Z lists of villages and communes by letter and part, every page bounded', () => {
    for (const [base, list, perPage] of [
      ['/thon/', villages, VILLAGES_PER_PAGE],
      ['/danh-sach-xa/', communes, COMMUNES_PER_PAGE],
    ] as const) {
      const pages = letterPages(base, list, perPage);
      expect(pages.every((p) => p.entries.length <= perPage && p.entries.length > 0)).toBe(true);
      expect(pages.flatMap((p) => p.entries.map((e) => e.path)).sort()).toEqual(list.map((e) => e.path).sort());
      expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
      expect(pages.every((p) => p.path.startsWith(base) && p.path !== base)).toBe(true);
      // The list's own page links every part: a few more links than full pages, one part per letter at most.
      const letters = new Set(pages.map((p) => p.letter)).size;
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(list.length / perPage) + letters);
    }
  });

  it('pages a year of the honour roll, but keeps a commune’s list (bounded by the commune) on one page', () => {
    const entries = Array.from({ length: 50_000 }, (_, i) => ({ id: `KT-${i}` }) as AwardView);
    const year: AwardFilter = { path: '/vinh-danh/nam/2025/', group: 'nam', title: 'Năm 2025', entries, unnamed: 0 };
    const pages = awardListPages(year);
    expect(pages.every((p) => p.entries.length <= ENTRIES_PER_PAGE)).toBe(true);
    expect(pages.flatMap((p) => p.entries)).toEqual(entries);
    const commune = { ...year, path: '/vinh-danh/xa/mot/', group: 'xa', entries: entries.slice(0, 40) };
    expect(awardListPages(commune)).toEqual([{ path: '/vinh-danh/xa/mot/', entries: commune.entries, pager: null }]);
  });

  it('gives a map of a country’s communes as a table in pages, and a province’s on one page with its map', () => {
    const items = communes.map((c, i) => ({ id: `X${i}`, name: c.name, path: c.path }) as MapItem);
    const country = mapTablePages('/ban-do/tieu-chi-xa-2/', { drawn: false, items } as MapView);
    expect(country.every((p) => p.entries.length <= ENTRIES_PER_PAGE)).toBe(true);
    expect(country.flatMap((p) => p.entries)).toEqual(items);
    const province = items.slice(0, COMMUNES_ON_ONE_PAGE);
    expect(mapTablePages('/ban-do/tieu-chi-xa-2/', { drawn: true, items: province } as MapView)).toEqual([
      { path: '/ban-do/tieu-chi-xa-2/', entries: province, pager: null },
    ]);
  });

  it('pages a frozen round by commune, each page with the changes of its own units', () => {
    const sections = communes.map((c, i) => ({
      title: c.name,
      anchor: `X${i}`,
      units: [`X${i}`, ...Array.from({ length: VILLAGES_PER_COMMUNE }, (_, k) => `X${i}-${k}`)],
      rows: [],
    }));
    const change = (unitId: string) => ({ unitId }) as ChangeLine;
    const changes = [change('X0-3'), change('X9999'), change('X30'), change('GONE')];
    const view: RoundPageView = {
      id: 'tong-ket-2025',
      title: 'Tổng kết 2025',
      year: 2025,
      frozenOn: '20/11/2025',
      dataDate: null,
      changes,
      sections,
    };
    const parts = roundPageParts(view);
    expect(parts).toHaveLength(COMMUNES / ROUND_SECTIONS_PER_PAGE);
    expect(parts.every((p) => p.entries.length <= ROUND_SECTIONS_PER_PAGE)).toBe(true);
    expect(parts[1]?.path).toBe('/dot/tong-ket-2025/trang-2/');
    // X0's village and a unit with no verdict shown (GONE) on page 1, X30 on page 2, X9999 on the last.
    expect(parts[0]?.changes.map((c) => c.unitId)).toEqual(['X0-3', 'GONE']);
    expect(parts[1]?.changes.map((c) => c.unitId)).toEqual(['X30']);
    expect(parts.at(-1)?.changes.map((c) => c.unitId)).toEqual(['X9999']);
    expect(parts.flatMap((p) => p.changes)).toHaveLength(changes.length);
  });

  it('pages the reporting table year by year, each page with the summary of the years it holds', () => {
    const rows = (year: number) =>
      [...communes, { name: 'Huyện', path: '/' }].map((c) => ({ name: `${c.name} ${year}` }) as ReportRowView);
    const years = [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, summary: `Năm ${year}`, rows: rows(year) }));
    const view = { given: true, years: [...years, { year: 2026, summary: 'Năm 2026', rows: [] }] } as ReportsView;
    const pages = reportPages(view);
    const held = (p: (typeof pages)[number]) => p.entries.reduce((n, y) => n + y.rows.length, 0);
    expect(pages.every((p) => held(p) <= ENTRIES_PER_PAGE)).toBe(true);
    expect(pages.flatMap((p) => p.entries.flatMap((y) => y.rows))).toEqual(years.flatMap((y) => y.rows));
    // A year with no rows to show keeps its summary, on page 1; a year cut by a page break is on both pages.
    expect(pages[0]?.entries.map((y) => y.year)).toEqual([2021, 2026]);
    const straddling = pages.filter((p) => p.entries.length === 2 && p.path !== '/bao-cao/');
    expect(straddling.map((p) => p.entries.map((y) => y.year))).toEqual([
      [2021, 2022],
      [2022, 2023],
      [2023, 2024],
      [2024, 2025],
    ]);
  });
});
