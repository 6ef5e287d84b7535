import { describe, expect, it } from 'vitest';
import { add, ceil, compare, div, floor, frac, fromDecimal, mul, sub, toNumber } from './exact.ts';

// The arithmetic verdicts rest on: thresholds such as 41.6 or 0.5 read exactly, and the rounding
// that turns "at most 24.6 households" into 24 (or 25 for "at least").

describe('exact fractions', () => {
  it('keeps the sign on the numerator and refuses a zero denominator', () => {
    expect(frac(3, -4)).toEqual({ num: -3n, den: 4n });
    expect(frac(-3, -4)).toEqual({ num: 3n, den: 4n });
    expect(frac(5)).toEqual({ num: 5n, den: 1n });
    expect(() => frac(1, 0)).toThrow('zero denominator');
  });

  it('reads decimal thresholds exactly', () => {
    expect(fromDecimal(41.6)).toEqual({ num: 416n, den: 10n });
    expect(fromDecimal(0.05)).toEqual({ num: 5n, den: 100n });
    expect(fromDecimal(60)).toEqual({ num: 60n, den: 1n });
    expect(fromDecimal(-4.5)).toEqual({ num: -45n, den: 10n });
    expect(compare(fromDecimal(0.1), frac(1, 10))).toBe(0);
  });

  it('adds, subtracts, multiplies and divides without drift', () => {
    // 0.29 − 0.25 is 0.03999… in floating point; exactly 4/100 here.
    expect(compare(sub(frac(29, 100), frac(25, 100)), frac(4, 100))).toBe(0);
    expect(compare(add(frac(1, 3), frac(1, 6)), frac(1, 2))).toBe(0);
    expect(compare(mul(frac(2, 3), frac(3, 4)), frac(1, 2))).toBe(0);
    expect(compare(div(frac(1, 2), frac(1, 4)), frac(2))).toBe(0);
    expect(div(frac(1), frac(-2))).toEqual({ num: -1n, den: 2n });
  });

  it('orders fractions', () => {
    expect(compare(frac(1, 3), frac(1, 2))).toBe(-1);
    expect(compare(frac(1, 2), frac(1, 3))).toBe(1);
    expect(compare(frac(2, 4), frac(1, 2))).toBe(0);
    expect(compare(frac(-1, 2), frac(1, 3))).toBe(-1);
  });

  it('rounds down and up, also below zero', () => {
    expect(floor(frac(246, 10))).toBe(24n);
    expect(ceil(frac(246, 10))).toBe(25n);
    expect(floor(frac(25))).toBe(25n);
    expect(ceil(frac(25))).toBe(25n);
    expect(floor(frac(-1, 2))).toBe(-1n);
    expect(ceil(frac(-1, 2))).toBe(0n);
    expect(floor(frac(-4))).toBe(-4n);
    expect(ceil(frac(-3, 2))).toBe(-1n);
  });

  it('converts to a number for display', () => {
    expect(toNumber(frac(1, 4))).toBe(0.25);
    expect(toNumber(frac(-3, 2))).toBe(-1.5);
  });
});
