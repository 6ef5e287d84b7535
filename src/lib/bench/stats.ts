// The arithmetic of the benchmark report: summaries over runs and growth between scales.

export interface Summary {
  min: number;
  median: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, median: median(values), max };
}

/**
 * How a cost grows with size between two scales: cost ∝ size^k gives k (1 linear, 2 quadratic).
 * Null when either scale has no cost or the sizes are equal.
 */
export function growthExponent(size1: number, cost1: number, size2: number, cost2: number): number | null {
  if (!(size1 > 0 && size2 > 0 && cost1 > 0 && cost2 > 0) || size1 === size2) return null;
  return Math.log(cost2 / cost1) / Math.log(size2 / size1);
}

// Path segments that name a list rather than an item: /vinh-danh/nam/2023/ is a "vinh-danh/nam/*" page.
const LIST_SEGMENTS = new Set(['nam', 'dot', 'hinh-thuc', 'doi-tuong', 'xa', 'chat-luong', 'anh']);

/**
 * The kind of a page from its file in dist/: "xa/*" for a commune, "xa/*\/*" for a village, "/" for the
 * home page, "vinh-danh/nam/*" for a year's honour roll.
 */
export function pageKind(file: string): string {
  const segments = file
    .replace(/(^|\/)index\.html$/, '')
    .split('/')
    .filter(Boolean);
  if (segments.length === 0) return '/';
  return segments.map((s, i) => (i === 0 || (i === 1 && LIST_SEGMENTS.has(s)) ? s : '*')).join('/');
}
