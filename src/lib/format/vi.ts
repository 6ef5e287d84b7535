import { formatLocale } from 'd3-format';

// vi-VN number and date formats (41,7%; 1.234 hộ; 20/11/2025), from a fixed locale so the
// output does not depend on the machine's ICU data.

const locale = formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] });
const integer = locale.format(',d');
/** Most decimals any number is shown with. */
const MAX_DECIMALS = 6;
const fixed = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => locale.format(`,.${d}f`));

/**
 * Rounds half up (away from zero), as people and spreadsheets round: 41,65 → 41,7; 0,125 → 0,13.
 * It rounds the number as written (its shortest decimal form, the one JavaScript prints), not its
 * binary approximation: 1.005 is stored as 1.00499999…, yet a person who wrote 1,005 expects 1,01.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value;
  // Far from a half, the scaled float rounds as the written number does, without strings: most figures of a page.
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  if (decimals <= 15 && scaled < 1e9 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) {
    return Math.sign(value) * (Math.round(scaled) / scale);
  }
  const [mantissa = '0', exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  return Math.sign(value) * Number(`${shifted}e${-decimals}`);
}

/** 1234 → "1.234". */
export function formatCount(value: number): string {
  return integer(value);
}

/** 41.65 → "41,7" (decimals: 0–6, rounded half up). */
export function formatDecimal(value: number, decimals = 1): string {
  const d = Math.max(0, Math.min(MAX_DECIMALS, Math.trunc(decimals)));
  const rounded = roundHalfUp(value, d);
  // Normalise -0 so "−0,0" never shows.
  return (fixed[d] ?? fixed[1]!)(rounded === 0 ? 0 : rounded);
}

/**
 * A number counted in units of its last decimal (417n with 1 decimal is 41,7), written as `formatDecimal`
 * writes it. Exact values (fractions rounded by the verdicts' engine) take this path: no float, no second
 * rounding, and cheap enough for every verdict of a country.
 */
export function formatScaled(units: bigint, decimals: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const integer = digits.slice(0, digits.length - decimals);
  const whole = integer.length > 3 ? integer.replace(/\B(?=(\d{3})+$)/g, '.') : integer;
  // d3-format's minus sign, as formatDecimal prints it.
  const sign = units < 0n ? '\u2212' : '';
  return decimals > 0 ? `${sign}${whole},${digits.slice(-decimals)}` : `${sign}${whole}`;
}

/** 41.65 → "41,7%". */
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
 * (3,96 points must not read "4,0" next to a "Chưa đạt"): from `start`, up to six.
 */
export function decimalsToShow(value: number, threshold: number, differs: boolean, start = 1): number {
  let d = start;
  while (differs && d < MAX_DECIMALS && formatDecimal(value, d) === formatDecimal(threshold, d)) d++;
  return d;
}

/**
 * Dates inside a text written dd/mm/yyyy, as everywhere else on the site: "ngày 4/6/2021" → "ngày 04/06/2021".
 * Only day/month/year triples change; document numbers such as "861/QĐ-TTg" or "13/2023/NĐ-CP" do not.
 */
export function datesInText(text: string): string {
  return text.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g, (whole, d: string, m: string, y: string) =>
    Number(d) >= 1 && Number(d) <= 31 && Number(m) >= 1 && Number(m) <= 12
      ? `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}`
      : whole,
  );
}
