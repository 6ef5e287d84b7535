import { describe, expect, it } from 'vitest';
import { count, date, decimal, excelError, link, personalNumber, text, yesNo } from './values.ts';

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
