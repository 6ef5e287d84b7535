import { describe, expect, it } from 'vitest';
import {
  code,
  count,
  date,
  decimal,
  excelError,
  link,
  nameList,
  percent,
  personalNumber,
  text,
  yesNo,
} from './values.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'ERROR');

describe('Vietnamese numbers', () => {
  it('reads counts with a thousands dot and refuses fractions and signs', () => {
    expect(value(count.parse('1234'))).toBe(1234);
    expect(value(count.parse('1.234'))).toBe(1234);
    expect(value(count.parse(' 1 234 '))).toBe(1234);
    expect(value(count.parse('12,5'))).toBe('ERROR');
    expect(value(count.parse('12.5'))).toBe('ERROR');
    expect(value(count.parse('-3'))).toBe('ERROR');
    expect(value(count.parse('mười'))).toBe('ERROR');
  });
  it('reads decimals with a decimal comma, with or without %', () => {
    expect(value(decimal.parse('41,6'))).toBe(41.6);
    expect(value(decimal.parse('41,6%'))).toBe(41.6);
    expect(value(decimal.parse('60'))).toBe(60);
    expect(value(decimal.parse('1.234,5'))).toBe(1234.5);
    const dot = decimal.parse('41.6');
    expect(dot.ok).toBe(false);
    if (!dot.ok) expect(dot.message).toContain('41,6');
  });
  it('recognises Excel error values', () => {
    for (const e of ['#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?']) expect(excelError(e)).not.toBeNull();
    expect(excelError('12')).toBeNull();
  });
});

describe('dates and yes/no', () => {
  it('accepts dd/mm/yyyy and yyyy-mm-dd and refuses impossible dates', () => {
    expect(value(date.parse('20/11/2025'))).toBe('2025-11-20');
    expect(value(date.parse('2025-11-20'))).toBe('2025-11-20');
    expect(value(date.parse('5/1/2024'))).toBe('2024-01-05');
    expect(value(date.parse('31/02/2024'))).toBe('ERROR');
    expect(value(date.parse('29/02/2023'))).toBe('ERROR');
    expect(value(date.parse('2024/13/01'))).toBe('ERROR');
  });
  it('reads có / không however they are typed', () => {
    expect(value(yesNo.parse('Có'))).toBe(true);
    expect(value(yesNo.parse('co'))).toBe(true);
    expect(value(yesNo.parse('x'))).toBe(true);
    expect(value(yesNo.parse('KHÔNG'))).toBe(false);
    expect(value(yesNo.parse('có lẽ'))).toBe('ERROR');
  });
});

describe('names and free text', () => {
  it('refuses names whose Vietnamese letters became "?"', () => {
    const r = text('name').parse('Xã S? L? L?u');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('CSV UTF-8');
  });
  it('refuses names typed in a legacy font (TCVN3, VNI)', () => {
    expect(text('name').parse('X· Sì Lë LÇu').ok).toBe(false);
    expect(text('name').parse('Phong Thoå').ok).toBe(false);
    expect(value(text('name').parse('Xã Sì Lở Lầu'))).toBe('Xã Sì Lở Lầu');
    expect(value(text('name').parse('Hoà Bình'))).toBe('Hoà Bình');
  });
  it('refuses ID and phone numbers in free text', () => {
    expect(personalNumber('CCCD 012345678901')).not.toBeNull();
    expect(personalNumber('gọi 0912 345 678')).not.toBeNull();
    expect(personalNumber('QĐ 1520/QĐ-UBND ngày 20/11/2023, 1.234 hộ')).toBeNull();
    // Sums of money, tax codes and account numbers are not personal numbers.
    for (const money of [
      'vay 150.000.000 đồng',
      'vay 125000000 đồng',
      '12.500.000.000 đ',
      'MST 6200123456',
      'TK 3712.0.1059647',
    ]) {
      expect(personalNumber(money), money).toBeNull();
    }
    expect(personalNumber('SĐT 0912.345.678')).not.toBeNull();
    expect(count.parse('1 234')).toEqual({ ok: true, value: 1234 });
    expect(count.parse('1 76').ok).toBe(false);
    expect(count.parse('31 12').ok).toBe(false);
    expect(personalNumber('CMND 012345678, cấp năm 2010')).not.toBeNull();
    expect(text().parse('Ông A, số điện thoại 0912345678').ok).toBe(false);
  });
});

describe('links', () => {
  it('accepts a story name or an https address, never javascript: or markup', () => {
    expect(value(link.parse('ho-ong-ly-a-su'))).toBe('ho-ong-ly-a-su');
    expect(value(link.parse('https://laichau.gov.vn/bai-viet'))).toBe('https://laichau.gov.vn/bai-viet');
    expect(link.parse('javascript:alert(1)').ok).toBe(false);
    expect(link.parse('http://example.vn').ok).toBe(false);
    expect(link.parse('"><script>').ok).toBe(false);
  });
});

describe('numbers that cannot be read one way only', () => {
  it('refuses a thousands dot in a decimal column as ambiguous, naming both readings', () => {
    const r = decimal.parse('4.125');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/4125.*4,125/);
    expect(value(decimal.parse('1.234,5'))).toBe(1234.5);
  });
  it('refuses absurd precision and size instead of failing later', () => {
    expect(decimal.parse('0,0000001')).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(value(decimal.parse('0,0001'))).toBe(0.0001);
    expect(decimal.parse('1000000000000000000000')).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(count.parse('12345678901234567890')).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(value(count.parse('123.456.789'))).toBe(123456789);
  });
  it('keeps percentages between 0 and 100', () => {
    expect(value(percent.parse('15'))).toBe(15);
    expect(percent.parse('-4')).toMatchObject({ ok: false });
    expect(percent.parse('150')).toMatchObject({ ok: false });
  });
});

describe('hidden characters, legacy fonts and length', () => {
  it('refuses bidirectional overrides and control characters in any text', () => {
    expect(text('name').parse('Hộ ông \u202Eủs A ýL')).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(text().parse('Thoát nghèo \u2066bền vững\u2069')).toMatchObject({ ok: false });
    expect(text().parse('Thoát\u0007 nghèo')).toMatchObject({ ok: false });
    expect(code.parse('KT-2023\u202E-001')).toMatchObject({ ok: false });
  });
  it('refuses zero-width characters in names and codes, and removes them from free text', () => {
    expect(text('name').parse('Lý A\u200B Sử')).toMatchObject({ ok: false });
    expect(nameList.parse('Xã Sì Lờ\u00AD Lầu')).toMatchObject({ ok: false });
    expect(code.parse('KT\u200B-2023-001')).toMatchObject({ ok: false });
    expect(value(text().parse('Thoát\u200B nghèo'))).toBe('Thoát nghèo');
  });
  it('refuses TCVN3 and VNI text in every text field, naming the encoding and Unikey', () => {
    const tcvn3 = text('name').parse('Héi Cùu chiÕn binh');
    expect(tcvn3).toMatchObject({ ok: false, code: 'encoding-error' });
    if (!tcvn3.ok) expect(tcvn3.message).toMatch(/TCVN3.*Unikey.*Chuyển mã/);
    const vni = text().parse('Vöôn leân thoaùt ngheøo');
    expect(vni).toMatchObject({ ok: false, code: 'encoding-error' });
    if (!vni.ok) expect(vni.message).toContain('VNI');
    expect(text('public-contact').parse('Phßng V¨n hãa').ok).toBe(false);
  });
  it('limits the length of names, codes and free text', () => {
    expect(value(text('name').parse('Thôn '.padEnd(120, 'a')))).toHaveLength(120);
    expect(text('name').parse('Thôn '.padEnd(121, 'a'))).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(code.parse('K'.repeat(41))).toMatchObject({ ok: false, code: 'constraint-error' });
    expect(text().parse('a'.repeat(1001))).toMatchObject({ ok: false });
  });
});
