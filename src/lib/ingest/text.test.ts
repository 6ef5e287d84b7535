import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { cleanText, hiddenCharacter, legacyEncoding, matchKey, slugify } from './text.ts';

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

describe('text typed with legacy Vietnamese fonts', () => {
  it('recognises TCVN3 and VNI by their character patterns', () => {
    expect(legacyEncoding('Héi Cùu chiÕn binh')).toBe('TCVN3');
    expect(legacyEncoding('n¨m 2023, ®êi sèng')).toBe('TCVN3');
    expect(legacyEncoding('Phong Thoå')).toBe('VNI');
    expect(legacyEncoding('Vieät Nam')).toBe('VNI');
    expect(legacyEncoding('Cùu')).not.toBeNull();
    // A Thái name in TCVN3 ("Lò A Sử"), and "Việt" with its tone letter read as a capital.
    expect(legacyEncoding('Lß A Sö')).not.toBeNull();
    expect(legacyEncoding('ViÖt Nam')).toBe('TCVN3');
  });
  it('does not take one foreign letter in an otherwise normal name for a legacy font', () => {
    const names = ['Müller', 'Ông Hans Müller', 'Muñoz', 'Schröder', 'Søren', 'François'];
    expect(names.filter((n) => legacyEncoding(n) !== null)).toEqual([]);
  });
  it('never flags real Vietnamese: every text of the sample data, the stories and the README', () => {
    const stories = readdirSync('content/dien-hinh').filter((f) => f.endsWith('.mdx'));
    const tables = ['don-vi.csv', 'khen-thuong.csv', 'tieu-chi.csv', 'dia-phuong.csv', 'khu-vuc.csv'];
    const data = tables.map((f) => `data/${f}`);
    const files = [...data, 'README.md', ...stories.map((f) => `content/dien-hinh/${f}`)];
    const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
    expect(lines.filter((l) => legacyEncoding(l) !== null)).toEqual([]);
    const names = [
      'Hoà Bình',
      'Thuý',
      'Khoèn',
      'Giàng A Páo',
      'quý',
      'Xuân',
      'Nguyễn',
      'Ma Ly Pho',
      'Huổi Luông',
      'Soóng',
      'khuya',
      'giặt',
      'Quyên',
      '«Chung tay»',
      'café',
      '22°30′',
    ];
    expect(names.filter((n) => legacyEncoding(n) !== null)).toEqual([]);
  });
});

describe('hidden characters', () => {
  it('names the character and where it is', () => {
    expect(hiddenCharacter('ab\u202Ec', false)).toContain('U+202E ở vị trí 3');
    expect(hiddenCharacter('a\u200Bb', false)).toBeNull();
    expect(hiddenCharacter('a\u200Bb', true)).toContain('U+200B');
  });
});
