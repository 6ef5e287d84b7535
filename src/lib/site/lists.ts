// Lists that grow with the country, cut into pages a cheap phone on slow mobile data opens at once.
// Every limit below keeps a page under the site's budget (100 KB gzip with its charts and map, DESIGN.md)
// whatever the number of communes and villages: a list longer than its limit is split, never truncated.

/**
 * Entries of a list page (honour-roll entries, table rows of a map or of today's communes, rows of the reporting
 * table): 30 to 50 bytes gzip each, so a full page measures 8–14 KB gzip with its frame (1,100 communes built).
 */
export const ENTRIES_PER_PAGE = 200;

/**
 * Communes shown together as links, on a map or in one table: a province (Lai Châu had 106 communes before the
 * 2025 merger) still gets its map and its list on the overview; a country's 10,000 communes do not. Beyond it
 * a diagram with a dot per commune is no longer readable on a phone, and the page weight grows by ~30 bytes
 * gzip per commune: the map gives way to a summary and a list split into pages.
 */
export const COMMUNES_ON_ONE_PAGE = 150;

/** Page numbers linked on each side of the current page: the navigation stays short for 500 pages too. */
const PAGER_NEIGHBOURS = 2;

/** The URL of page `n` of a list whose first page is at `base` ("/vinh-danh/nam/2023/" → ".../trang-2/"). */
export const listPagePath = (base: string, n: number): string => (n === 1 ? base : `${base}trang-${n}/`);

/** A numbered page of the list at `base` ("/xa-moi/trang-2/"): no unit of that folder may take its path. */
export const isListPage = (base: string, path: string): boolean =>
  path.startsWith(base) && /^trang-\d+\/$/.test(path.slice(base.length));

export interface PagerLink {
  number: number;
  path: string;
}

/** "Trang 2/40", with links to the pages before and after, the first, the last and the nearest ones. */
export interface Pager {
  number: number;
  count: number;
  previous: string | null;
  next: string | null;
  /** Pages to link by number, in order; a null marks a gap ("…"). */
  links: (PagerLink | null)[];
}

export interface ListPage<T> {
  /** The page's URL: the list's own for page 1, so a list that grows keeps its first page where it was. */
  path: string;
  entries: T[];
  /** "Trang 2/40" navigation; null when the list fits on one page. */
  pager: Pager | null;
}

function pager(base: string, number: number, count: number): Pager {
  const numbers = [
    ...new Set([
      1,
      count,
      ...Array.from({ length: 2 * PAGER_NEIGHBOURS + 1 }, (_, i) => number - PAGER_NEIGHBOURS + i),
    ]),
  ]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  const links: (PagerLink | null)[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n > (numbers[i - 1] ?? 0) + 1) links.push(null);
    links.push({ number: n, path: listPagePath(base, n) });
  });
  return {
    number,
    count,
    previous: number > 1 ? listPagePath(base, number - 1) : null,
    next: number < count ? listPagePath(base, number + 1) : null,
    links,
  };
}

/** A list cut into pages of at most `perPage` entries; an empty list is one empty page (its URL stays). */
export function paginate<T>(base: string, entries: readonly T[], perPage = ENTRIES_PER_PAGE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(entries.length / perPage));
  return Array.from({ length: count }, (_, k) => ({
    path: listPagePath(base, k + 1),
    entries: entries.slice(k * perPage, (k + 1) * perPage),
    pager: count > 1 ? pager(base, k + 1, count) : null,
  }));
}
