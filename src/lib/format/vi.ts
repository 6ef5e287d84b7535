import { formatLocale } from 'd3-format';

// vi-VN number and date formats (41,6%; 1.234 hộ; 20/11/2025), from a fixed locale so the
// output does not depend on the machine's ICU data.

const locale = formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] });
const integer = locale.format(',d');
const fixed = [0, 1, 2, 3].map((d) => locale.format(`,.${d}f`));

/** 1234 → "1.234". */
export function formatCount(value: number): string {
  return integer(value);
}

/** 41.63 → "41,6" (decimals: 0–3). */
export function formatDecimal(value: number, decimals = 1): string {
  const f = fixed[Math.max(0, Math.min(3, decimals))] ?? fixed[1]!;
  // Normalise -0 so "−0,0" never shows.
  return f(Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value);
}

/** 41.63 → "41,6%". */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatDecimal(value, decimals)}%`;
}

/** "2025-11-20" → "20/11/2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Decimals enough that a value that differs from its threshold does not print as the threshold
 * (3,96 points must not read "4,0" next to a "Chưa đạt").
 */
export function decimalsToShow(value: number, threshold: number, differs: boolean, start = 1): number {
  let d = start;
  while (differs && d < 3 && formatDecimal(value, d) === formatDecimal(threshold, d)) d++;
  return d;
}
