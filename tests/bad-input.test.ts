import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/load.ts';
import type { BuildResult } from '../src/lib/dataset.ts';
import { largeDataset } from './bad-input/large.ts';
import { checkData, copySample } from './helpers.ts';

// A corpus of broken copies of the sample data, one real mistake each: how Excel and hurried staff
// break files (encoding, structure, personal columns, values, hostile text, size). Each must be
// refused at the right file and line with a Vietnamese message, and some copies that look odd but
// are clear must be accepted with exactly the original numbers. The core runs in-process on a copy
// of the sample (src/data/load.ts reads it); a few cases go through the command itself.

type Dir = { data: string; content: string };
type Expected = { file: string; line: number | null; code: string; field?: string; message?: RegExp };

const read = (dir: Dir, file: string) => readFileSync(join(dir.data, file), 'utf8');
const write = (dir: Dir, file: string, text: string | Buffer) => writeFileSync(join(dir.data, file), text);

/** The 1-based line of the first row whose text passes `test` (lines found, not hard-coded). */
function lineOf(dir: Dir, file: string, test: (line: string) => boolean): number {
  const index = read(dir, file).split('\n').findIndex(test);
  if (index < 0) throw new Error(`no such line in ${file}`);
  return index + 1;
}
const startsLine = (dir: Dir, file: string, prefix: string) => lineOf(dir, file, (l) => l.startsWith(prefix));

/** Change one line as raw text. */
function editLine(dir: Dir, file: string, line: number, edit: (l: string) => string) {
  write(
    dir,
    file,
    read(dir, file)
      .split('\n')
      .map((l, i) => (i === line - 1 ? edit(l) : l))
      .join('\n'),
  );
}

/** Set one cell, parsing and writing the CSV properly (quotes where needed). */
function setCell(dir: Dir, file: string, line: number, column: string, value: string) {
  const rows = Papa.parse<string[]>(read(dir, file).trimEnd()).data;
  const index = (rows[0] ?? []).indexOf(column);
  const row = rows[line - 1];
  if (index < 0 || !row) throw new Error(`no cell ${column} on line ${line} of ${file}`);
  row[index] = value;
  write(dir, file, `${Papa.unparse(rows, { newline: '\n' })}\n`);
}

/** Add a column at the end of every row. */
function addColumn(dir: Dir, file: string, header: string, value: string) {
  const rows = Papa.parse<string[]>(read(dir, file).trimEnd()).data;
  write(
    dir,
    file,
    `${Papa.unparse(
      rows.map((r, i) => [...r, i === 0 ? header : value]),
      { newline: '\n' },
    )}\n`,
  );
}

const REVIEWS = 'ket-qua-ra-soat.csv';
const UNITS = 'don-vi.csv';
const AWARDS = 'khen-thuong.csv';
const CRITERIA = 'tieu-chi.csv';
const SETTINGS = 'dia-phuong.csv';
const REGIONS = 'khu-vuc.csv';

/** A line of the sample and the expected issue there: most cases break one cell of one row. */
type Case = [what: string, breakIt: (dir: Dir) => Expected];

const cell =
  (
    file: string,
    find: (dir: Dir) => number,
    column: string,
    value: string,
    code: string,
    field: string | null = column,
    message?: RegExp,
  ): Case[1] =>
  (dir) => {
    const line = find(dir);
    setCell(dir, file, line, column, value);
    return { file, line, code, ...(field ? { field } : {}), ...(message ? { message } : {}) };
  };
const review = (dir: Dir) => startsLine(dir, REVIEWS, '03550-01,Bản Thèn Muông,2023');
const award = (code: string) => (dir: Dir) => startsLine(dir, AWARDS, `${code},`);
const criterion = (id: string) => (dir: Dir) => startsLine(dir, CRITERIA, `${id},`);
const setting = (key: string) => (dir: Dir) => startsLine(dir, SETTINGS, `${key},`);
const unit = (code: string) => (dir: Dir) => startsLine(dir, UNITS, `${code},`);
const personal = (header: string): Case => [
  `a personal-data column "${header}"`,
  (dir) => {
    addColumn(dir, AWARDS, header, 'x');
    return { file: AWARDS, line: 1, code: 'extra-label', message: /dữ liệu cá nhân/ };
  },
];
const SAVE_AS_TEXT = /Văn bản \(Text\)/;

const cases: Case[] = [
  // Encoding: how Excel and copying between machines damage a file.
  [
    'a windows-1258 export ("CSV (Comma delimited)" on Vietnamese Windows)',
    (dir) => {
      write(
        dir,
        REGIONS,
        Buffer.concat([Buffer.from(read(dir, REGIONS).replace('QĐ', 'Q'), 'latin1'), Buffer.from([0xd1, 0x0a])]),
      );
      return { file: REGIONS, line: null, code: 'encoding-error', message: /CSV UTF-8/ };
    },
  ],
  [
    'UTF-16 without a byte-order mark',
    (dir) => {
      write(dir, REGIONS, Buffer.from(read(dir, REGIONS), 'utf16le'));
      return { file: REGIONS, line: null, code: 'encoding-error', message: /UTF-16/ };
    },
  ],
  [
    'UTF-8 decoded as windows-1252 and saved again ("XÃ£")',
    (dir) => {
      const line = lineOf(dir, UNITS, (l) => /[^\x00-\x7f]/.test(l));
      write(dir, UNITS, Buffer.from(Buffer.from(read(dir, UNITS), 'utf8').toString('latin1'), 'utf8'));
      return { file: UNITS, line, code: 'encoding-error', message: /UTF-8/ };
    },
  ],
  [
    'a NUL byte in the middle of the file',
    (dir) => {
      const line = startsLine(dir, REGIONS, '03550,');
      editLine(dir, REGIONS, line, (l) => l.replace('III', 'I\u0000II'));
      return { file: REGIONS, line, code: 'encoding-error', message: new RegExp(`dòng ${line}`) };
    },
  ],
  [
    'an .xlsx workbook renamed to .csv',
    (dir) => {
      write(dir, REVIEWS, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]));
      return { file: REVIEWS, line: null, code: 'format-error', message: /\.xlsx/ };
    },
  ],
  [
    'an old .xls workbook renamed to .csv',
    (dir) => {
      write(dir, REVIEWS, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
      return { file: REVIEWS, line: null, code: 'format-error', message: /\.xls/ };
    },
  ],
  [
    'an HTML table (Excel "Save as Web page", or an .xls that is HTML)',
    (dir) => {
      write(
        dir,
        AWARDS,
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n' +
          '<body><table><tr><td>ma_khen_thuong</td></tr></table></body></html>\n',
      );
      return { file: AWARDS, line: null, code: 'format-error', message: /HTML/ };
    },
  ],
  [
    'names turned into "?" by an English-Windows export',
    cell(UNITS, unit('03550'), 'ten_don_vi', 'X? S? L? L?u', 'encoding-error'),
  ],
  [
    'a TCVN3 name in an award',
    cell(
      AWARDS,
      award('KT-2023-006'),
      'ten_doi_tuong',
      'Héi Cùu chiÕn binh x· Sì Lë LÇu',
      'encoding-error',
      'ten_doi_tuong',
      /TCVN3.*Unikey/,
    ),
  ],
  [
    'a VNI achievement text',
    cell(
      AWARDS,
      award('KT-2023-006'),
      'thanh_tich',
      'Vöôn leân thoaùt ngheøo beàn vöõng',
      'encoding-error',
      'thanh_tich',
      /VNI/,
    ),
  ],
  [
    'a TCVN3 setting value',
    (dir) => {
      const line = setting('ten_dia_phuong')(dir);
      setCell(dir, SETTINGS, line, 'gia_tri', 'huyÖn Phong Thæ');
      return { file: SETTINGS, line, code: 'encoding-error', field: 'ten_dia_phuong' };
    },
  ],
  [
    'a TCVN3 criterion description',
    cell(CRITERIA, criterion('TC_THON'), 'mo_ta', 'Quy m« hé nghÌo gi¶m trªn 50%', 'encoding-error'),
  ],
  ['a TCVN3 note on a unit', cell(UNITS, unit('03550'), 'ghi_chu', 'X· ®­îc s¸p nhËp', 'encoding-error')],

  // Structure: cells, rows and headers.
  [
    'an unquoted decimal comma in a review row (12,5), the shifted cells being empty',
    (dir) => {
      const line = review(dir);
      editLine(dir, REVIEWS, line, (l) => l.replace(/^((?:[^,]*,){9})\d+/, '$112,5'));
      return { file: REVIEWS, line, code: 'extra-cell', message: /20 ô, nhiều hơn 19 cột/ };
    },
  ],
  [
    'an unquoted decimal comma in a setting (15,5)',
    (dir) => {
      const line = setting('nguong_uoc_tinh_thoat_dbkk')(dir);
      editLine(dir, SETTINGS, line, (l) => l.replace(',15,', ',15,5,'));
      return { file: SETTINGS, line, code: 'extra-cell' };
    },
  ],
  [
    'an unquoted decimal comma in a setting without a note (15,5 fills the note column)',
    (dir) => {
      const line = setting('nguong_uoc_tinh_thoat_dbkk')(dir);
      editLine(dir, SETTINGS, line, () => 'nguong_uoc_tinh_thoat_dbkk,15,5');
      return { file: SETTINGS, line, code: 'extra-cell', field: 'nguong_uoc_tinh_thoat_dbkk', message: /dấu phẩy/ };
    },
  ],
  [
    'a negative number of consecutive years',
    cell(
      CRITERIA,
      criterion('TC_XA_1'),
      'so_nam_lien_tiep',
      '-3',
      'type-error',
      'so_nam_lien_tiep',
      /Số năm không thể âm/,
    ),
  ],
  [
    'an unquoted decimal comma in a longitude (103,340)',
    (dir) => {
      const line = unit('03550-01')(dir);
      editLine(dir, UNITS, line, (l) => l.replace(',103.340,', ',103,340,'));
      return { file: UNITS, line, code: 'extra-cell' };
    },
  ],
  [
    'a row with a cell missing',
    (dir) => {
      const line = startsLine(dir, REGIONS, '03550,');
      editLine(dir, REGIONS, line, (l) => l.replace(',III,', ',III'));
      return { file: REGIONS, line, code: 'missing-cell' };
    },
  ],
  [
    'a stray separator with text after the last column',
    (dir) => {
      const line = criterion('TC_XA_2')(dir);
      editLine(dir, CRITERIA, line, (l) => `${l},thừa`);
      return { file: CRITERIA, line, code: 'extra-cell' };
    },
  ],
  [
    'a trailing separator on the header only',
    (dir) => {
      editLine(dir, REGIONS, 1, (l) => `${l},`);
      return { file: REGIONS, line: 2, code: 'missing-cell' };
    },
  ],
  [
    'title rows above the header',
    (dir) => {
      write(dir, REGIONS, `DANH SÁCH XÃ THEO KHU VỰC,,,,\nHuyện Phong Thổ,,,,\n${read(dir, REGIONS)}`);
      return { file: REGIONS, line: 1, code: 'format-error', message: /dòng 3/ };
    },
  ],
  [
    'a "Tổng cộng" row at the end of the review table',
    (dir) => {
      const text = read(dir, REVIEWS);
      write(dir, REVIEWS, `${text}Tổng cộng,,2025,,,,9999,,,999,,99,,,,,,,\n`);
      return { file: REVIEWS, line: text.split('\n').length, code: 'format-error', message: /dòng tổng/ };
    },
  ],
  [
    'a "Cộng" row in the middle of the table',
    (dir) => {
      const line = review(dir);
      editLine(dir, REVIEWS, line, (l) => `,Cộng,2023,,,,1,,,0,,0,,,,,,,\n${l}`);
      return { file: REVIEWS, line, code: 'format-error' };
    },
  ],
  [
    'a duplicated header',
    (dir) => {
      editLine(dir, REGIONS, 1, (l) => l.replace('can_cu', 'khu_vuc'));
      return { file: REGIONS, line: 1, code: 'duplicate-label' };
    },
  ],
  [
    'a column with data but no header',
    (dir) => {
      addColumn(dir, REGIONS, '', 'x');
      return { file: REGIONS, line: 1, code: 'blank-label' };
    },
  ],
  [
    'a required column missing',
    (dir) => {
      editLine(dir, REVIEWS, 1, (l) => l.replace('so_ho_can_ngheo,', 'so_ho_can_ngheo_x,'));
      return { file: REVIEWS, line: 1, code: 'missing-label', field: 'so_ho_can_ngheo' };
    },
  ],
  [
    'an unclosed quote',
    (dir) => {
      const line = criterion('TC_THON')(dir);
      editLine(dir, CRITERIA, line, (l) => l.replace('TC_THON', '"TC_THON'));
      return { file: CRITERIA, line, code: 'format-error' };
    },
  ],
  [
    'an empty file',
    (dir) => {
      write(dir, REGIONS, '');
      return { file: REGIONS, line: null, code: 'blank-label' };
    },
  ],
  [
    'a criteria file with the header only',
    (dir) => {
      write(dir, CRITERIA, `${read(dir, CRITERIA).split('\n')[0]}\n`);
      return { file: CRITERIA, line: null, code: 'missing-cell', field: 'ma_tieu_chi' };
    },
  ],
  [
    'a missing file',
    (dir) => {
      rmSync(join(dir.data, CRITERIA));
      return { file: CRITERIA, line: null, code: 'format-error' };
    },
  ],
  [
    'a setting written twice',
    (dir) => {
      const text = read(dir, SETTINGS);
      write(dir, SETTINGS, `${text}nam_goc,2022,\n`);
      return { file: SETTINGS, line: text.split('\n').length, code: 'primary-key' };
    },
  ],

  // Personal data columns, in the spellings staff use.
  personal('Số định danh cá nhân'),
  personal('Số CMT'),
  personal('Giới tính / Năm SN'),
  personal('SĐT (Zalo)'),
  personal('C.C.C.D'),
  personal('ngay_sinh'),
  personal('DÂN TỘC'),
  personal('Tôn giáo'),
  personal('Tình trạng sức khỏe'),
  personal('Khuyết tật'),
  personal('Số nhà, đường'),
  personal('Thành viên trong hộ'),
  personal('Hộ chiếu'),

  // Values: numbers, years and codes that make no sense.
  ['a fractional count (quoted 12,5)', cell(REVIEWS, review, 'so_ho_ngheo', '12,5', 'type-error')],
  ['a negative count', cell(REVIEWS, review, 'so_ho_can_ngheo', '-3', 'type-error')],
  ['a count of absurd size', cell(REVIEWS, review, 'tong_so_ho', '123456789012345', 'constraint-error')],
  ['an Excel error value', cell(REVIEWS, review, 'tong_so_ho', '#REF!', 'type-error')],
  ['poor households above the total', cell(REVIEWS, review, 'so_ho_ngheo', '900', 'row-constraint')],
  [
    'a thousands dot in a decimal column (4.125)',
    cell(CRITERIA, criterion('TC_XA_1'), 'nguong', '4.125', 'type-error', 'nguong', /4125/),
  ],
  [
    'absurd precision in a threshold (0,0000001)',
    cell(CRITERIA, criterion('TC_XA_1'), 'nguong', '0,0000001', 'constraint-error'),
  ],
  [
    'absurd precision in a setting (0,0000001)',
    (dir) => {
      const line = setting('nguong_uoc_tinh_thoat_dbkk')(dir);
      setCell(dir, SETTINGS, line, 'gia_tri', '0,0000001');
      return { file: SETTINGS, line, code: 'constraint-error', field: 'nguong_uoc_tinh_thoat_dbkk' };
    },
  ],
  ['a negative threshold (-4)', cell(CRITERIA, criterion('TC_XA_1'), 'nguong', '-4', 'constraint-error')],
  ['a percent threshold above 100', cell(CRITERIA, criterion('TC_XA_2'), 'nguong', '160', 'constraint-error')],
  ['a fractional count threshold', cell(CRITERIA, criterion('MT_HUYEN_C'), 'nguong', '4,5', 'constraint-error')],
  [
    'an upper threshold below the threshold',
    cell(CRITERIA, criterion('MT_HUYEN_A'), 'nguong_tren', '5', 'row-constraint'),
  ],
  [
    'a percent setting above 100',
    (dir) => {
      const line = setting('nguong_uoc_tinh_thoat_dbkk')(dir);
      setCell(dir, SETTINGS, line, 'gia_tri', '150');
      return { file: SETTINGS, line, code: 'constraint-error', field: 'nguong_uoc_tinh_thoat_dbkk' };
    },
  ],
  ['a review year of 2052', cell(REVIEWS, review, 'nam', '2052', 'constraint-error', 'nam', /2052/)],
  ['a review year before the period', cell(REVIEWS, review, 'nam', '2018', 'constraint-error')],
  [
    'a review decision dated after the data was updated',
    (dir) => {
      const line = startsLine(dir, REVIEWS, '03550-01,Bản Thèn Muông,2024');
      setCell(dir, REVIEWS, line, 'ngay_quyet_dinh', '24/12/2025');
      return { file: REVIEWS, line, code: 'constraint-error', field: 'ngay_quyet_dinh' };
    },
  ],
  ['an award dated 2052', cell(AWARDS, award('KT-2024-001'), 'ngay_quyet_dinh', '12/12/2052', 'constraint-error')],
  [
    'an award dated after the data was updated',
    cell(AWARDS, award('KT-2024-001'), 'ngay_quyet_dinh', '31/12/2025', 'constraint-error'),
  ],
  ['an impossible date', cell(AWARDS, award('KT-2024-001'), 'ngay_quyet_dinh', '31/02/2024', 'type-error')],
  [
    'two award codes differing only in letter case',
    cell(
      AWARDS,
      award('KT-2023-002'),
      'ma_khen_thuong',
      'kt-2023-001',
      'primary-key',
      'ma_khen_thuong',
      /chữ hoa, chữ thường/,
    ),
  ],
  [
    'two award codes that make the same URL',
    cell(AWARDS, award('KT-2023-002'), 'ma_khen_thuong', 'KT.2023.001', 'primary-key'),
  ],
  ['two unit codes that make the same URL', cell(UNITS, unit('03550-02'), 'ma_don_vi', '03550_01', 'primary-key')],
  [
    'a unit code that lost its leading zero in a review row',
    cell(REVIEWS, review, 'ma_don_vi', '3550-01', 'foreign-key', 'ma_don_vi', SAVE_AS_TEXT),
  ],
  [
    'a commune code that lost its leading zero in the regions',
    (dir) => {
      const line = startsLine(dir, REGIONS, '03550,');
      setCell(dir, REGIONS, line, 'ma_don_vi', '3550');
      return { file: REGIONS, line, code: 'foreign-key', field: 'ma_don_vi', message: SAVE_AS_TEXT };
    },
  ],
  [
    'a parent code that lost its leading zero',
    cell(UNITS, unit('03550-01'), 'ma_don_vi_cha', '3550', 'foreign-key', 'ma_don_vi_cha', SAVE_AS_TEXT),
  ],
  [
    'an award for a unit code that lost its leading zero',
    cell(AWARDS, award('KT-2023-002'), 'ma_don_vi', '3562-03', 'foreign-key', 'ma_don_vi', SAVE_AS_TEXT),
  ],
  ['an unknown unit code', cell(REVIEWS, review, 'ma_don_vi', '99999-01', 'foreign-key')],

  // Hostile or damaged text, and sizes that broke the build.
  [
    'a 500-character village name',
    cell(UNITS, unit('03550-01'), 'ten_don_vi', `Bản ${'Thèn Muông '.repeat(45)}`, 'constraint-error'),
  ],
  [
    'a 300-character award code',
    cell(AWARDS, award('KT-2023-002'), 'ma_khen_thuong', `KT-${'9'.repeat(297)}`, 'constraint-error'),
  ],
  [
    'an achievement of 1,500 characters',
    cell(AWARDS, award('KT-2023-006'), 'thanh_tich', 'Vươn lên thoát nghèo. '.repeat(70), 'constraint-error'),
  ],
  [
    'a right-to-left override inside a name',
    cell(
      AWARDS,
      award('KT-2023-006'),
      'ten_doi_tuong',
      'Hội Cựu chiến binh \u202Exã Sì Lở Lầu',
      'constraint-error',
      'ten_doi_tuong',
      /U\+202E/,
    ),
  ],
  [
    'a bidirectional isolate in a unit note',
    cell(UNITS, unit('03550'), 'ghi_chu', 'Gồm \u2067bản cũ\u2069', 'constraint-error'),
  ],
  [
    'a zero-width space inside a unit name',
    cell(UNITS, unit('03550-01'), 'ten_don_vi', 'Bản Thèn\u200B Muông', 'constraint-error', 'ten_don_vi', /U\+200B/),
  ],
  [
    'a control character in an achievement',
    cell(AWARDS, award('KT-2023-006'), 'thanh_tich', 'Thành tích\u0007 xuất sắc', 'constraint-error'),
  ],
  [
    'a line break inside a name',
    cell(AWARDS, award('KT-2023-006'), 'ten_doi_tuong', 'Hội Cựu chiến binh\nxã Sì Lở Lầu', 'constraint-error'),
  ],
  [
    'a phone number in a unit note',
    cell(UNITS, unit('03550'), 'ghi_chu', 'Liên hệ trưởng bản 0912 345 678', 'constraint-error'),
  ],
];

function refused(result: BuildResult, expected: Expected) {
  expect(result.dataset).toBeNull();
  const { message, ...where } = expected;
  const match = result.errors.find((e) => Object.entries(where).every(([k, v]) => e[k as keyof typeof e] === v));
  const found = result.errors.map((e) => [e.file, e.line, e.code, e.field]);
  expect(match, `expected ${JSON.stringify(where)} among ${JSON.stringify(found)}`).toBeDefined();
  if (message) expect(match?.message).toMatch(message);
  for (const e of result.errors) {
    expect(e.message).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i);
    expect(e.message).not.toMatch(/undefined|NaN|\[object|Infinity/);
  }
}

describe('a corpus of broken copies of the sample data', () => {
  it('has at least 60 distinct mistakes', () => {
    expect(new Set(cases.map(([what]) => what)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const [what, breakIt] of cases) {
    it(`refuses ${what}`, () => {
      const dir = copySample();
      const expected = breakIt(dir);
      refused(loadDataset(dir.data, dir.content), expected);
    });
  }
});

describe('the command on broken copies', () => {
  const processCases = cases.filter(([what]) =>
    /12,5\), the shifted|HTML table|review year of 2052|TCVN3 name/.test(what),
  );
  it.each(processCases)('check-data refuses %s with exit code 1 and the JSON report', (_what, breakIt) => {
    const dir = copySample();
    const expected = breakIt(dir);
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    expect(report.ok).toBe(false);
    const { message: _m, ...where } = expected;
    expect(report.errors).toContainEqual(expect.objectContaining(where));
  });
  it('has the four process-level cases', () => expect(processCases).toHaveLength(4));
});

describe('copies that look different but mean the same', () => {
  const sample = loadDataset('data', 'content');
  const numbers = (r: BuildResult) => {
    const d = r.dataset;
    return (
      d && {
        settings: d.settings,
        units: d.units,
        regions: d.regions,
        criteria: [...d.criteria],
        reviews: d.reviews,
        awards: d.awards,
      }
    );
  };
  const accepted: [string, (dir: Dir) => void][] = [
    [
      "Excel's trailing separator on every line, header included",
      (dir) => {
        write(dir, REVIEWS, read(dir, REVIEWS).replace(/\n/g, ',\n'));
        write(dir, SETTINGS, read(dir, SETTINGS).replace(/\n/g, ',\n'));
      },
    ],
    [
      'vi-VN "CSV UTF-8": BOM, ";" separators, decimal commas, CRLF',
      (dir) => {
        for (const file of [CRITERIA, SETTINGS]) {
          const rows = Papa.parse<string[]>(read(dir, file).trimEnd()).data;
          const thresholds = ['nguong', 'nguong_tren'].map((c) => (rows[0] ?? []).indexOf(c));
          const decimals = rows.map((r) => r.map((c, i) => (thresholds.includes(i) && /^\d+$/.test(c) ? `${c},0` : c)));
          write(dir, file, `\uFEFF${Papa.unparse(decimals, { delimiter: ';', newline: '\r\n' })}\r\n`);
        }
        editFileSetting(dir, 'nguong_uoc_tinh_thoat_dbkk;15;', 'nguong_uoc_tinh_thoat_dbkk;15,0;');
      },
    ],
    [
      '"Unicode Text": UTF-16LE with BOM, tab-separated',
      (dir) => {
        const rows = Papa.parse<string[]>(read(dir, UNITS).trimEnd()).data;
        write(
          dir,
          UNITS,
          Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from(Papa.unparse(rows, { delimiter: '\t', newline: '\r\n' }), 'utf16le'),
          ]),
        );
      },
    ],
    [
      'Vietnamese labels as headers, columns in another order, text in NFD',
      (dir) => {
        const rows = Papa.parse<string[]>(read(dir, REGIONS).trimEnd()).data;
        rows[0] = ['mã đơn vị', 'KHU VỰC', 'Từ năm', 'đến năm', 'Căn cứ'];
        const reordered = rows.map((r) => [r[4], r[1], r[0], r[3], r[2]] as string[]);
        write(dir, REGIONS, `${Papa.unparse(reordered, { newline: '\n' })}\n`.normalize('NFD'));
        write(dir, UNITS, read(dir, UNITS).normalize('NFD'));
      },
    ],
    [
      'blank lines and mixed line endings',
      (dir) => {
        write(
          dir,
          AWARDS,
          read(dir, AWARDS).replace(/\n/g, (_m, i: number) => (i % 3 === 0 ? '\r\n\r\n' : '\n')),
        );
      },
    ],
    [
      'zero-width characters in free text (removed)',
      (dir) => {
        const line = startsLine(dir, AWARDS, 'KT-2023-006,');
        const rows = Papa.parse<string[]>(read(dir, AWARDS).trimEnd()).data;
        const col = (rows[0] ?? []).indexOf('thanh_tich');
        const row = rows[line - 1] ?? [];
        row[col] = (row[col] ?? '').replace(' ', '\u200B ');
        write(dir, AWARDS, `${Papa.unparse(rows, { newline: '\n' })}\n`);
      },
    ],
  ];
  function editFileSetting(dir: Dir, from: string, to: string) {
    const text = read(dir, SETTINGS);
    if (!text.includes(from)) throw new Error(`no "${from}" in ${SETTINGS}`);
    write(dir, SETTINGS, text.replace(from, to));
  }

  it('the sample itself is valid', () => expect(sample.errors).toEqual([]));
  for (const [what, change] of accepted) {
    it(`accepts ${what}, with exactly the original numbers`, () => {
      const dir = copySample();
      change(dir);
      const result = loadDataset(dir.data, dir.content);
      expect(result.errors).toEqual([]);
      expect(numbers(result)).toEqual(numbers(sample));
    });
  }
});

describe('any size', () => {
  // Before, Math.max(...years) in the gap check overflowed the stack between 110,000 and 150,000
  // rows. The whole core runs: parsing, every check, and about a million verdicts.
  it('validates 150,000 review rows and computes every verdict without overflowing the stack', () => {
    const dir = copySample();
    for (const [name, bytes] of largeDataset(150_000)) writeFileSync(join(dir.data, name), bytes);
    const result = loadDataset(dir.data, dir.content);
    expect(result.errors).toEqual([]);
    expect(result.dataset?.reviews.length).toBeGreaterThanOrEqual(150_000);
  });
});
