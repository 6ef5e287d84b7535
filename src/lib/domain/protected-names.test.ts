import { describe, expect, it } from 'vitest';
import type { AwardRow } from '../schemas/tables.ts';
import { foldText } from './fold.ts';
import {
  nameFinder,
  namesIn,
  protectedNames,
  tokens,
  tokensByLine,
  wordsOf,
  type WordKeys,
} from './protected-names.ts';

const folds = (recipient: string) => namesIn(recipient).map((n) => n.map((w) => w.fold));
const nameWords = (recipient: string): WordKeys[] => namesIn(recipient)[0] ?? [];
const finderOf = (names: string[]) =>
  nameFinder(names.flatMap((n, i) => namesIn(n).map((words) => ({ ma_khen_thuong: `KT-${i + 1}`, words }))));
const find = (names: string[], text: string) => finderOf(names).find(tokensByLine(text));

describe('the protected-name matcher', () => {
  it('folds every way of writing one name to the same words', () => {
    const forms = [
      'Sùng A Chứ',
      'Sùng A Chứ'.normalize('NFD'),
      'SÙNG A CHỨ',
      'Sung A Chu',
      'Sùng\u00A0A\u202FChứ',
      'Sùng&nbsp;A&#160;Chứ',
      'Sùng&#x20;A Ch&#7913;',
      'Sùng  \t A Chứ',
      'Sù\u200Bng A C\u00ADhứ',
      'Sùng\u2060 A\uFEFF Chứ',
      '**Sùng** A _Chứ_',
      'Sùng \u0410 Chứ',
      'Ｓùng A Chứ',
      '\u{1D412}ùng A Chứ',
      'Sùn\u0261 A Ch\uFE0Eứ',
      'Sù\uFE0Fng A C\u180Bhứ',
      '\u0405ùng \u0410 Chứ',
    ];
    for (const f of forms) expect(foldText(f), JSON.stringify(f)).toBe('sung a chu');
    expect(foldText('Đèo Văn Định')).toBe('deo van dinh');
  });

  it('drops the honorifics officials write, but never the surname Hồ', () => {
    expect(folds('Hộ ông Lý A Sử')).toEqual([['ly', 'a', 'su']]);
    expect(folds('Hộ gia đình bà Vàng Thị Dua')).toEqual([['vang', 'thi', 'dua']]);
    expect(folds('Gia đình ông Sùng A Chứ')).toEqual([['sung', 'a', 'chu']]);
    const honorifics = ['Ông', 'Bà', 'Anh', 'Chị', 'Cụ', 'Em', 'Bác', 'Chú', 'Cô', 'Dì', 'Đồng chí', 'Hộ bà', 'Hộ'];
    for (const h of [...honorifics, 'Gia đình bác']) expect(folds(`${h} Pờ Lò Chè`), h).toEqual([['po', 'lo', 'che']]);
    expect(folds('Ông Hồ Văn Minh')).toEqual([['ho', 'van', 'minh']]);
    expect(folds('Hồ Văn Minh')).toEqual([['ho', 'van', 'minh']]);
    expect(folds('Hộ Hồ Văn Minh')).toEqual([['ho', 'van', 'minh']]);
  });

  it('reads every person a recipient cell names, and not the description after it', () => {
    expect(folds('Hộ ông Sùng A Chứ và bà Lý Thị Mai')).toEqual([
      ['sung', 'a', 'chu'],
      ['ly', 'thi', 'mai'],
    ]);
    expect(folds('Bà Chảo Mẩy Lở (cán bộ văn hóa - xã hội xã)')).toEqual([['chao', 'may', 'lo']]);
    expect(folds('Hộ ông Sùng A Chứ, bản Hai')).toEqual([['sung', 'a', 'chu']]);
    expect(folds('Ông Thào A Páo, bà Giàng Thị Sua')).toEqual([
      ['thao', 'a', 'pao'],
      ['giang', 'thi', 'sua'],
    ]);
    expect(folds('Hộ ông Sùng A Chứ – trưởng bản')).toEqual([['sung', 'a', 'chu']]);
    expect(folds('Hộ ông Sùng A Chứ và con trai')).toEqual([['sung', 'a', 'chu']]);
  });

  it('searches a one-word name only with its honorific, so a common word is not taken for it', () => {
    expect(folds('Hộ bà Dua')).toEqual([['ba', 'dua']]);
    expect(find(['Hộ bà Dua'], 'Quả dưa hấu của bản')).toEqual([]);
    expect(find(['Hộ bà Dua'], 'Giúp bà Dua trồng quế')).toEqual([{ ma_khen_thuong: 'KT-1', line: 1 }]);
  });

  it('tells a name from ordinary words that fold to the same letters', () => {
    expect(find(['Hộ bà Vàng Thị Dua'], 'Ghi vào sổ vàng thi đua của huyện')).toEqual([]);
    expect(find(['Hộ bà Vàng Thị Dua'], 'Cờ đỏ sao vàng. Thi đua yêu nước')).toEqual([]);
    expect(find(['Hộ bà Vàng Thị Dua'], 'Bà VANG THI DUA và bà Vàng Thị Dua')).toHaveLength(2);
    // Old and new tone placement, decomposed letters, a name half stripped of its tones: all the name.
    expect(find(['Ông Lò Văn Hòa'], 'Ông Lò Văn Hoà')).toHaveLength(1);
    expect(find(['Ông Lò Văn Hòa'], 'Ông Lò Văn Hòa'.normalize('NFD'))).toHaveLength(1);
    expect(find(['Hộ ông Sùng A Chứ'], 'Sung A Chứ')).toHaveLength(1);
  });

  it('finds a name with or without honorific, in any form, and names the line where it starts', () => {
    expect(find(['Hộ ông Sùng A Chứ'], 'Dòng đầu.\nGia đình ông SUNG A CHU đã thoát nghèo.')).toEqual([
      { ma_khen_thuong: 'KT-1', line: 2 },
    ]);
    expect(find(['Hộ ông Sùng A Chứ'], 'Anh Sùng A\nChứ kể lại.')).toEqual([{ ma_khen_thuong: 'KT-1', line: 1 }]);
    expect(find(['Hộ ông Sùng A Chứ', 'Bà Chảo Mẩy Lở'], 'Chảo Mẩy Lở và Sùng A Chứ')).toEqual([
      { ma_khen_thuong: 'KT-2', line: 1 },
      { ma_khen_thuong: 'KT-1', line: 1 },
    ]);
  });

  it('matches whole words only', () => {
    expect(find(['Hộ ông Lý A Sử'], 'Bản Lý A Sửu')).toEqual([]);
    expect(find(['Hộ ông Lý A Sử'], 'Hoàng Lý A Sử')).toHaveLength(1);
    expect(find(['Hộ ông Lý A Sử'], 'Lý A')).toEqual([]);
  });

  it('does not protect a name a consenting namesake publishes, and says which award that is', () => {
    const award = (ma_khen_thuong: string, ten_doi_tuong: string, consent: boolean) =>
      ({
        ma_khen_thuong,
        ten_doi_tuong,
        loai_doi_tuong: 'ho_gia_dinh',
        dong_y_cong_khai: consent,
        ngay_rut_dong_y: null,
      }) as AwardRow;
    const result = protectedNames([
      award('KT-1', 'Hộ bà Lò Thị Xuân', true),
      award('KT-2', 'Hộ bà Lò Thị Xuân', false),
      award('KT-3', 'Ông Sùng A Chứ', false),
    ]);
    expect(result.namesakes).toEqual(['KT-2']);
    expect(result.names.map((n) => n.ma_khen_thuong)).toEqual(['KT-3']);
  });

  it('tells apart names that differ only by a letter or a tone', () => {
    expect(find(['Ông Lò Văn Hòa'], 'Ông Lò Văn Hóa')).toEqual([]);
    expect(find(['Hộ ông Sùng A Chứ'], 'Sùng B Chứ')).toEqual([]);
    expect(find(['Hộ ông Sùng A Chứ'], 'Sùng A Chú')).toEqual([]);
    expect(find(['Ông Đèo Văn Định'], 'DEO VAN DINH')).toHaveLength(1);
    expect(folds('Hộ Dua')).toEqual([]);
    // Anh, Cô, Em are names too: an honorific is one only at the start.
    expect(folds('Ông Hoàng Anh Tuấn')).toEqual([['hoang', 'anh', 'tuan']]);
    expect(folds('Hoàng Anh Tuấn')).toEqual([['hoang', 'anh', 'tuan']]);
    expect(folds('Hộ gia đình bà Lý Thị Em')).toEqual([['ly', 'thi', 'em']]);
    expect(folds('Ông A Páo và gia đình Lý Văn Minh')).toEqual([
      ['a', 'pao'],
      ['ly', 'van', 'minh'],
    ]);
  });

  it('finds names in a whole file from its folded form, on the line each starts', () => {
    const text = 'Sùng A Chứ\nPờ Lò Chè\nx\ny Pờ Lò\nChè\n\nSung A Chú';
    expect(finderOf(['Hộ ông Sùng A Chứ', 'Bà Pờ Lò Chè']).findInText(text, foldText(text, true))).toEqual([
      { ma_khen_thuong: 'KT-1', line: 1, field: undefined },
      { ma_khen_thuong: 'KT-2', line: 2, field: undefined },
      { ma_khen_thuong: 'KT-2', line: 4, field: undefined },
    ]);
    expect(finderOf([]).findInText(text, foldText(text, true))).toEqual([]);
    expect(foldText('\n Sùng\nA ', true)).toBe('\nsung\na');
    expect(foldText('Sùng\nA')).toBe('sung a');
  });

  it('finds each of many names that share their first words, and none that only begins like one', () => {
    const names = ['Sùng A Chứ', 'Sùng A Pao', 'Sùng A', 'Sùng Seo Chứ', 'Lý Thị Mai', 'Lý Thị Mai Anh', 'Lò Văn Chứ'];
    const finder = finderOf(names.map((n) => `Ông ${n}`));
    const lines = ['Sùng A Chứ', 'Sùng A Pao', 'Sùng A', 'Sùng Seo Chứ', 'Lý Thị Mai', 'Lý Thị Mai Anh', 'Lò Văn Chứ'];
    const misses = ['Sùng Ach Chứ', 'Sùng Seo', 'Sùng Ab', 'Lý Thị Ma', 'Lò Văn Chứa', 'Vàng Sùng'];
    const text = [...lines, ...misses].join('\n');
    const found = finder.findInText(text, foldText(text, true)).map((h) => `${h.line} ${h.ma_khen_thuong}`);
    // "Sùng A" stands on the lines of the longer names too; "Lý Thị Mai" on the line of "Lý Thị Mai Anh".
    expect(found.sort()).toEqual(
      ['1 KT-1', '1 KT-3', '2 KT-2', '2 KT-3', '3 KT-3', '4 KT-4', '5 KT-5', '6 KT-5', '6 KT-6', '7 KT-7'].sort(),
    );
    // A name starting inside another one that runs onto the next line is still found there.
    const across = 'x Sùng A\nChứ Lò Văn Chứ';
    expect(finderOf(['Ông Sùng A Chứ', 'Ông Chứ Lò Văn']).findInText(across, foldText(across, true))).toEqual([
      { ma_khen_thuong: 'KT-1', line: 1, field: undefined },
      { ma_khen_thuong: 'KT-2', line: 2, field: undefined },
    ]);
  });

  // Without confirming each line once, this took 68 s (each candidate re-read the whole line); now about 0.1 s.
  it(
    'reads a one-line file full of namesakes spelled otherwise once, and still finds the name in it',
    { timeout: 10_000 },
    () => {
      const rows = Array.from({ length: 3000 }, (_, i) => ({
        ma: `KT-${i}`,
        ten: 'Hộ ông Sùng A Chứ',
        ghi_chu: 'mô tả '.repeat(20),
      }));
      rows.splice(2500, 0, { ma: 'KT-x', ten: 'Bà Sùng A Chư', ghi_chu: '' });
      const text = JSON.stringify(rows);
      const finder = finderOf(['Hộ ông Sùng A Chư']);
      expect(finder.findInText(text, foldText(text, true))).toEqual([
        { ma_khen_thuong: 'KT-1', line: 1, field: undefined },
      ]);
      expect(finder.findInText('Sùng A Chứ', foldText('Sùng A Chứ', true))).toEqual([]);
    },
  );

  it('reads a file name and a code as words', () => {
    const finder = nameFinder([{ ma_khen_thuong: 'KT-1', words: nameWords('Hộ ông Sùng A Chứ') }]);
    expect(finder.find(tokens('ho-ong-sung-a-chu.mdx', null))).toEqual([{ ma_khen_thuong: 'KT-1', line: null }]);
    expect(finder.find(tokens('KT-Sung_A.Chu', 7))).toEqual([{ ma_khen_thuong: 'KT-1', line: 7 }]);
  });

  it('tells which words may start a name: the first word of a name, in any spelling the search reads', () => {
    const finder = finderOf(['Hộ ông Sùng A Chứ', 'Bà Dua']);
    const starts = (text: string) => wordsOf(text).map((w) => finder.mayStart(w));
    expect(starts('Sùng A Chứ')).toEqual([true, false, false]);
    expect(starts('SUNG s&ugrave;ng \u0405ùng Su\u0300ng')).toEqual([true, true, true, true]);
    // A one-word name is searched with its honorific, so the honorific is where it starts.
    expect(starts('bà Dua')).toEqual([true, false]);
    expect(starts('Sùngx Chứ Lò')).toEqual([false, false, false]);
  });
});
