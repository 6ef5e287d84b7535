// Verdicts sit on thresholds ("exactly 60% is not > 60%", "exactly 4.0 points meets ≥ 4"), so
// comparisons are done on exact fractions of whole numbers, never on rounded floats.

export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export function frac(num: number | bigint, den: number | bigint = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new Error('frac: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return { num: n, den: d };
}

// A criterion's threshold is read for every unit and year judged: each distinct value is converted once.
const decimals = new Map<number, Fraction>();

/** A decimal threshold such as 41.6 as an exact fraction 416/10. */
export function fromDecimal(value: number): Fraction {
  let fraction = decimals.get(value);
  if (!fraction) {
    const [whole = '0', part = ''] = Math.abs(value).toString().split('.');
    const num = BigInt(whole + part);
    fraction = frac(value < 0 ? -num : num, 10n ** BigInt(part.length));
    // Thresholds are few; any other caller's values are bounded too.
    if (decimals.size >= 1000) decimals.clear();
    decimals.set(value, fraction);
  }
  return fraction;
}

export const add = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.num, a.den * b.den);
export const div = (a: Fraction, b: Fraction): Fraction => frac(a.num * b.den, a.den * b.num);

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function floor(a: Fraction): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

export function ceil(a: Fraction): bigint {
  return -floor(frac(-a.num, a.den));
}

export const toNumber = (a: Fraction): number => Number(a.num) / Number(a.den);
