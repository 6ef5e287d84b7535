import { describe, expect, it } from 'vitest';
import {
  datesInText,
  decimalsToShow,
  formatCount,
  formatDate,
  formatDecimal,
  formatPercent,
  formatScaled,
  roundHalfUp,
} from './vi.ts';
import { nameInSentence } from './names.ts';

describe('numbers in vi-VN, rounded half up', () => {
  it('shows 5 of 12 as 41,7%, not 41,6%', () => {
    expect(formatPercent((100 * 5) / 12)).toBe('41,7%');
  });

  it('rounds a half up at any number of decimals', () => {
    expect(formatDecimal(0.125, 2)).toBe('0,13');
    expect(formatDecimal(41.65, 1)).toBe('41,7');
    expect(formatDecimal(2.5, 0)).toBe('3');
    expect(formatDecimal(0.45, 1)).toBe('0,5');
  });

  it('rounds the number as written, not its binary approximation (1,005 → 1,01)', () => {
    // 1.005 is stored as 1.00499999999999989…: toFixed gives "1.00".
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatDecimal(1.005, 2)).toBe('1,01');
    expect(formatDecimal(1.045, 2)).toBe('1,05');
  });

  it('rounds a negative half away from zero and never prints minus zero', () => {
    expect(formatDecimal(-2.25, 1)).toBe('−2,3');
    expect(formatDecimal(-0.04, 1)).toBe('0,0');
    expect(formatDecimal(-0, 2)).toBe('0,00');
  });

  it('groups thousands with a dot and keeps very small and very large numbers', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatDecimal(1234.56, 1)).toBe('1.234,6');
    expect(roundHalfUp(1e-7, 2)).toBe(0);
    expect(roundHalfUp(1.5e-7, 7)).toBe(2e-7);
    expect(roundHalfUp(1e20, 2)).toBe(1e20);
  });

  it('rounds every number as its written form rounds, near a half or far from it', () => {
    // By definition: the shortest decimal form, shifted and rounded as text would be.
    const byDefinition = (value: number, decimals: number) => {
      const [mantissa = '0', exponent = '0'] = String(Math.abs(value)).split('e');
      const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
      return Math.sign(value) * Number(`${shifted}e${-decimals}`);
    };
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const values = [0.125, 1.005, 41.65, -2.5, 1e-7, 999999.95, 5 / 12, 2 / 3, -0.0001, 123456.785];
    for (let i = 0; i < 20000; i++) {
      const magnitude = 10 ** Math.floor(random() * 19 - 4);
      // Half of them land on a written half (x,xx5), where the float is rarely exactly a half.
      const value = i % 2 ? random() * magnitude : Math.round(random() * 1e6) / 1e3 + 0.0005;
      values.push(random() < 0.2 ? -value : value);
    }
    for (const value of values) {
      for (const decimals of [0, 1, 2, 3, 6]) {
        expect(Object.is(roundHalfUp(value, decimals), byDefinition(value, decimals)), `${value}, ${decimals}`).toBe(
          true,
        );
      }
    }
  });

  it('writes a number counted in units of its last decimal exactly as formatDecimal writes it', () => {
    expect(formatScaled(417n, 1)).toBe('41,7');
    expect(formatScaled(-123456789n, 2)).toBe('−1.234.567,89');
    expect(formatScaled(5n, 3)).toBe('0,005');
    expect(formatScaled(-5n, 0)).toBe('−5');
    expect(formatScaled(0n, 2)).toBe('0,00');
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 99_999, 100_000, 123_456_789, 10_000_000_000];
    for (const decimals of [0, 1, 2, 3, 6]) {
      for (const n of samples.flatMap((k) => [k, -k])) {
        expect(formatScaled(BigInt(n), decimals), `${n}e-${decimals}`).toBe(
          formatDecimal(n / 10 ** decimals, decimals),
        );
      }
    }
  });

  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
  });
});

describe('decimalsToShow', () => {
  it('adds decimals until a value that differs from its threshold no longer prints as it', () => {
    expect(decimalsToShow(3.96, 4, true)).toBe(2);
    expect(formatDecimal(5.99, decimalsToShow(5.99, 6, true))).toBe('5,99');
    expect(formatDecimal(3.9996, decimalsToShow(3.9996, 4, true))).toBe('3,9996');
    // A half that rounds up onto the threshold is shown in full.
    expect(formatDecimal(3.95, decimalsToShow(3.95, 4, true))).toBe('3,95');
  });

  it('keeps one decimal when the value is the threshold or clearly apart from it', () => {
    expect(decimalsToShow(4, 4, false)).toBe(1);
    expect(decimalsToShow(8.6, 4, true)).toBe(1);
  });
});

describe('nameInSentence', () => {
  it('writes the kind of a unit in lower case and keeps the name', () => {
    expect(nameInSentence('Xã Sì Lở Lầu')).toBe('xã Sì Lở Lầu');
    expect(nameInSentence('Huyện Phong Thổ')).toBe('huyện Phong Thổ');
    expect(nameInSentence('Thị trấn Phong Thổ')).toBe('thị trấn Phong Thổ');
    expect(nameInSentence('Tổ dân phố Số 1')).toBe('tổ dân phố Số 1');
    expect(nameInSentence('Bản Cang Thàng')).toBe('bản Cang Thàng');
    expect(nameInSentence('Thị xã Mường Lay')).toBe('thị xã Mường Lay');
  });

  it('leaves a name that does not start with a kind, or is only a kind, as it is', () => {
    expect(nameInSentence('Phong Thổ')).toBe('Phong Thổ');
    // Only a whole leading kind word: "Xãm" is no kind.
    expect(nameInSentence('Xãm Một')).toBe('Xãm Một');
    expect(nameInSentence('Xã')).toBe('Xã');
    expect(nameInSentence('Xãm Lang')).toBe('Xãm Lang');
    expect(nameInSentence('huyện Phong Thổ')).toBe('huyện Phong Thổ');
  });
});

describe('datesInText', () => {
  it('writes the dates inside a text as dd/mm/yyyy and leaves document numbers alone', () => {
    expect(datesInText('QĐ 861/QĐ-TTg ngày 4/6/2021')).toBe('QĐ 861/QĐ-TTg ngày 04/06/2021');
    expect(datesInText('Nghị quyết 1670/NQ-UBTVQH15 ngày 16/6/2025; từ 1/7/2025')).toBe(
      'Nghị quyết 1670/NQ-UBTVQH15 ngày 16/06/2025; từ 01/07/2025',
    );
    expect(datesInText('Nghị định 13/2023/NĐ-CP, 5/12 xã, 20/11/2025')).toBe(
      'Nghị định 13/2023/NĐ-CP, 5/12 xã, 20/11/2025',
    );
    expect(datesInText('số 12/13/2024')).toBe('số 12/13/2024');
  });
});
