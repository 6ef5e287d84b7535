import { describe, expect, it } from 'vitest';
import { foldText, nameFinder, nameWords, tokens, tokensByLine } from './protected-names.ts';

const find = (names: string[], text: string) =>
  nameFinder(names.map((n, i) => ({ ma_khen_thuong: `KT-${i + 1}`, words: nameWords(n) }))).find(tokensByLine(text));

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
    ];
    for (const f of forms) expect(foldText(f), JSON.stringify(f)).toBe('sung a chu');
    expect(foldText('Đèo Văn Định')).toBe('deo van dinh');
  });

  it('drops the honorifics officials write, but never the surname Hồ', () => {
    expect(nameWords('Hộ ông Lý A Sử')).toEqual(['ly', 'a', 'su']);
    expect(nameWords('Hộ gia đình bà Vàng Thị Dua')).toEqual(['vang', 'thi', 'dua']);
    expect(nameWords('Gia đình ông Sùng A Chứ')).toEqual(['sung', 'a', 'chu']);
    for (const h of ['Ông', 'Bà', 'Anh', 'Chị', 'Cụ', 'Em', 'Hộ bà', 'Hộ'])
      expect(nameWords(`${h} Pờ Lò Chè`)).toEqual(['po', 'lo', 'che']);
    expect(nameWords('Ông Hồ Văn Minh')).toEqual(['ho', 'van', 'minh']);
    expect(nameWords('Hồ Văn Minh')).toEqual(['ho', 'van', 'minh']);
    expect(nameWords('Hộ Hồ Văn Minh')).toEqual(['ho', 'van', 'minh']);
  });

  it('searches a one-word name only with its honorific, so a common word is not taken for it', () => {
    expect(nameWords('Bà Dua')).toEqual(['ba', 'dua']);
    expect(find(['Bà Dua'], 'Quả dưa hấu của bản')).toEqual([]);
    expect(find(['Bà Dua'], 'Bà Dua trồng quế')).toEqual([{ ma_khen_thuong: 'KT-1', line: 1 }]);
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

  it('reads a file name and a code as words', () => {
    const finder = nameFinder([{ ma_khen_thuong: 'KT-1', words: nameWords('Hộ ông Sùng A Chứ') }]);
    expect(finder.find(tokens('ho-ong-sung-a-chu.mdx', null))).toEqual([{ ma_khen_thuong: 'KT-1', line: null }]);
    expect(finder.find(tokens('KT-Sung_A.Chu', 7))).toEqual([{ ma_khen_thuong: 'KT-1', line: 7 }]);
  });
});
