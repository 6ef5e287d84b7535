import { describe, expect, it } from 'vitest';
import { growthExponent, median, pageKind, summarize } from './stats.ts';

describe('bench statistics', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('summarizes runs as min, median and max whatever their order', () => {
    expect(summarize([3.2, 1.1, 2.4])).toEqual({ min: 1.1, median: 2.4, max: 3.2 });
  });

  it('gives exponent 1 for linear growth, 2 for quadratic, 0 for constant cost', () => {
    expect(growthExponent(110, 10, 1100, 100)).toBeCloseTo(1, 10);
    expect(growthExponent(100, 3, 1000, 300)).toBeCloseTo(2, 10);
    expect(growthExponent(100, 5, 1000, 5)).toBe(0);
    // The measurement: 11.6 s at 1,108 villages, 133 s at 11,066.
    expect(growthExponent(1108, 11.6, 11066, 133)).toBeCloseTo(1.06, 2);
  });

  it('has no exponent without two distinct sizes and two positive costs', () => {
    expect(growthExponent(100, 0, 1000, 5)).toBeNull();
    expect(growthExponent(100, 5, 100, 7)).toBeNull();
  });
});

describe('page kinds', () => {
  it('groups pages by their place in the site, not by their names', () => {
    expect(pageKind('index.html')).toBe('/');
    expect(pageKind('404.html')).toBe('404.html');
    expect(pageKind('xa/si-lo-lau/index.html')).toBe('xa/*');
    expect(pageKind('xa/si-lo-lau/khoa-sang/index.html')).toBe('xa/*/*');
    expect(pageKind('vinh-danh/nam/2023/index.html')).toBe('vinh-danh/nam/*');
    expect(pageKind('vinh-danh/xa/dao-san/index.html')).toBe('vinh-danh/xa/*');
    expect(pageKind('vinh-danh/kt-2023-001/index.html')).toBe('vinh-danh/*');
    expect(pageKind('vinh-danh/doi-tuong/xa/index.html')).toBe('vinh-danh/doi-tuong/*');
    expect(pageKind('du-lieu/chat-luong/index.html')).toBe('du-lieu/chat-luong');
  });
});
