import { describe, expect, it } from 'vitest';
import { cleanText, matchKey, slugify } from './text.ts';

describe('matching Vietnamese names', () => {
  it('equates NFC and NFD, old and new tone placement, case and stray spaces', () => {
    const nfd = 'Xã Sì Lở Lầu'.normalize('NFD');
    expect(matchKey(nfd)).toBe(matchKey('Xã Sì Lở Lầu'));
    expect(matchKey('Hoà')).toBe(matchKey('Hòa'));
    expect(matchKey('Thuỷ')).toBe(matchKey('Thủy'));
    expect(matchKey('  XÃ\u00A0sì  lở\u200B lầu ')).toBe('xa si lo lau');
    expect(matchKey('Đoàn Kết')).toBe('doan ket');
  });
  it('keeps the official spelling when cleaning', () => {
    expect(cleanText(' Xã  Sì\u00A0Lở Lầu\u200B ')).toBe('Xã Sì Lở Lầu');
    expect(cleanText('Lở'.normalize('NFD'))).toBe('Lở'.normalize('NFC'));
  });
  it('makes ASCII slugs for permanent URLs', () => {
    expect(slugify('Xã Sì Lở Lầu')).toBe('xa-si-lo-lau');
    expect(slugify('Phường Đoàn Kết')).toBe('phuong-doan-ket');
  });
});
