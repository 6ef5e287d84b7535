import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  AWARDS,
  CRITERIA,
  csv,
  fixtureTexts,
  REGIONS,
  review,
  REVIEW_HEADER,
  SETTINGS,
  steadyReviews,
  toFiles,
  UNIT_HEADER,
  UNITS,
  type FixtureSpec,
  type Row,
} from '../__tests__/fixture.ts';
import { buildDataset, type BuildResult } from '../dataset.ts';
import type { Issue } from '../ingest/issues.ts';
import type { StoryInput } from '../schemas/story.ts';
import { LOCK_FILE } from '../schemas/urls.ts';
import { readStoryFile } from '../stories/file.ts';
import { codeHints, PHOTO_MAX_BYTES, STORY_PHOTOS_MAX_BYTES } from './checks.ts';

// The checks across rows and files, through the core's entry point on the small fixture: each message
// a steward can meet, with the file, line and column it names, and the fixture itself raising none.

type Build = { texts?: Record<string, string>; stories?: StoryInput[]; photos?: Map<string, Uint8Array> };

function build(spec: FixtureSpec = {}, more: Build = {}): BuildResult {
  const texts = { ...fixtureTexts(spec), ...more.texts };
  return buildDataset(toFiles(texts), more.stories ?? [], more.photos ?? new Map());
}

/** Every issue but the lock file's: the fixture has no list of published URLs (src/lib/site/url-lock.ts). */
const all = (r: BuildResult): Issue[] => [...r.errors, ...r.warnings].filter((i) => i.file !== LOCK_FILE);
/** The one issue whose message contains `words`; fails when there is none or more than one. */
function only(r: BuildResult, words: string): Issue {
  const found = all(r).filter((i) => i.message.includes(words));
  expect(found, `${words} in ${JSON.stringify(all(r).map((i) => i.message))}`).toHaveLength(1);
  return found[0]!;
}
/** The CSV line of the first row matching `test`: the header is line 1. */
const lineOf = (rows: readonly Row[], test: (r: Row) => boolean) => rows.findIndex(test) + 2;
const withSettings = (...extra: Row[]): Row[] => [
  ...SETTINGS.filter((r) => !extra.some((e) => e['khoa'] === r['khoa'])),
  ...extra,
];
const settingLine = (rows: readonly Row[], key: string) => lineOf(rows, (r) => r['khoa'] === key);
const set = (khoa: string, gia_tri: string | number): Row => ({ khoa, gia_tri });
const updatedIn2026 = set('ngay_cap_nhat', '31/12/2026');

function story(over: Record<string, unknown> = {}, name = 'bai'): StoryInput {
  const data = {
    tieu_de: 'Bài thử nghiệm',
    tom_tat: 'Một câu chuyện điển hình để thử.',
    ngay: '2025-12-01',
    tac_gia: 'Ban Tuyên giáo',
    ma_don_vi: 'X1-01',
    ...over,
  };
  return readStoryFile(`dien-hinh/${name}.mdx`, new TextEncoder().encode(`---\n${dump(data)}---\nMột câu chuyện.\n`));
}

describe('the fixture', () => {
  it('raises no error and no warning, and keeps every row', () => {
    const r = build();
    expect(all(r)).toEqual([]);
    expect(r.dataset?.units).toHaveLength(UNITS.length);
    expect(r.dataset?.reviews).toHaveLength(steadyReviews().length);
    expect(r.dataset?.awards).toHaveLength(AWARDS.length);
  });
});

describe('hints for a code that is not found', () => {
  const hint = codeHints(['109', '03550', '03550-01', 'KT-2023-001']);
  it('says when Excel dropped leading zeros, in either file, and how to keep them', () => {
    expect(hint('3550-01')).toContain('Có lẽ là mã "03550-01": Excel đã bỏ số 0 ở đầu');
    expect(hint('3550')).toContain('Văn bản (Text)');
    expect(codeHints(['00123'])('123')).toContain('"00123"');
    expect(codeHints(['000123'])('123')).toContain('"000123"');
    const lost = codeHints(['3550'])('003550');
    expect(lost).toContain('Trong don-vi.csv mã này là "3550", mất số 0 ở đầu');
    expect(lost).toContain('Văn bản (Text)');
  });
  it('does not take a zero inside a code for a lost leading zero', () => {
    expect(codeHints(['355'])('3055')).toBe('');
  });
  it('points to a code that differs only in case or punctuation', () => {
    expect(hint('kt.2023.001')).toBe(
      ' Có mã "KT-2023-001" chỉ khác chữ hoa, chữ thường hoặc dấu: viết đúng như trong don-vi.csv.',
    );
  });
  it('says nothing when no code is close', () => {
    expect(hint('99999')).toBe('');
  });
});

describe('the settings (dia-phuong.csv)', () => {
  const orders: [string, string][] = [
    ['nam_bat_dau', 'nam_ket_thuc'],
    ['nam_bat_dau', 'nam_goc'],
    ['nam_goc', 'nam_ket_thuc'],
    ['nam_bat_dau', 'nam_so_ket'],
    ['nam_so_ket', 'nam_tong_ket'],
    ['nam_tong_ket', 'nam_ket_thuc'],
  ];
  it.each(orders)('refuses "%s" after "%s", on the line of the later one', (a, b) => {
    const settings = withSettings(
      set('nam_bat_dau', 2021),
      set('nam_goc', 2022),
      set('nam_so_ket', 2023),
      set('nam_tong_ket', 2024),
      set('nam_ket_thuc', 2025),
    );
    const values = Object.fromEntries(settings.map((r) => [r['khoa'], r['gia_tri']]));
    // Swap the pair: `a` takes b's value and b takes a's, the others stay in order unless they must move.
    const broken = settings.map((r) =>
      r['khoa'] === a ? set(a, values[b]!) : r['khoa'] === b ? set(b, values[a]!) : r,
    );
    const error = only(build({ settings: broken }), `"${b}" (${values[a]}) phải không nhỏ hơn "${a}" (${values[b]})`);
    expect(error).toMatchObject({
      severity: 'error',
      code: 'constraint-error',
      file: 'dia-phuong.csv',
      line: settingLine(broken, b),
      field: b,
      column: 'gia_tri',
      column_letter: 'B',
      value: String(values[a]),
    });
  });
  it('names the setting but no line when the later one is left to its default', () => {
    const settings = withSettings(set('nam_bat_dau', 2022), set('nam_ket_thuc', 2025), set('nam_so_ket', 2023));
    const error = only(build({ settings }), '"nam_goc" (2021) phải không nhỏ hơn "nam_bat_dau" (2022)');
    expect(error).toMatchObject({ line: null, field: 'nam_goc', value: '2021' });
  });
  it('refuses an update date before the movement began, and takes one in its first year', () => {
    const settings = withSettings(set('ngay_cap_nhat', '31/12/2020'));
    const error = only(build({ settings }), 'Ngày cập nhật số liệu (31/12/2020) trước năm bắt đầu phong trào (2021)');
    expect(error).toMatchObject({
      code: 'constraint-error',
      line: settingLine(settings, 'ngay_cap_nhat'),
      field: 'ngay_cap_nhat',
      value: '2020-12-31',
    });
    expect(error.message).toBe(
      'Ngày cập nhật số liệu (31/12/2020) trước năm bắt đầu phong trào (2021). Ghi ngày số liệu được cập nhật lần cuối.',
    );
    const early = build({ settings: withSettings(set('ngay_cap_nhat', '01/01/2021')), reviews: [], awards: [] });
    expect(early.errors).toEqual([]);
  });
  it('refuses a poverty standard year outside the period, naming the line and the fix', () => {
    const settings = withSettings(set('nam_ap_dung_chuan_ngheo', '2015;2021;2027'));
    const error = only(
      build({ settings }),
      'Năm áp dụng chuẩn nghèo 2015, 2027 nằm ngoài giai đoạn phong trào (2021–2025)',
    );
    expect(error.message).toContain('xóa năm 2015, 2027');
    expect(error).toMatchObject({
      severity: 'error',
      code: 'constraint-error',
      line: settingLine(settings, 'nam_ap_dung_chuan_ngheo'),
      column: 'gia_tri',
      field: 'nam_ap_dung_chuan_ngheo',
    });
    // The standard in force at the start may be listed even when it began before the period.
    const before = build({ settings: withSettings(set('nam_ap_dung_chuan_ngheo', '2020;2023')), reviews: [] });
    expect(before.errors).toEqual([]);
  });
  it('refuses unsorted standard years, an unknown treatment and the replaced key', () => {
    const unsorted = withSettings(set('nam_ap_dung_chuan_ngheo', '2024;2022'));
    const error = only(build({ settings: unsorted }), 'các năm phải tăng dần');
    expect(error.message).toContain('Ghi 2022;2024.');
    expect(error).toMatchObject({ line: settingLine(unsorted, 'nam_ap_dung_chuan_ngheo'), column: 'gia_tri' });
    expect(
      only(build({ settings: withSettings(set('nam_ap_dung_chuan_ngheo', '2022;2022')) }), 'không trùng'),
    ).toBeTruthy();
    const unknown = withSettings(set('doi_chuan_tc_thon', 'bo_qua'));
    expect(only(build({ settings: unknown }), '"bo_qua" không phải giá trị hợp lệ').message).toContain(
      'khong_so_sanh (Không so sánh qua hai chuẩn nghèo), tinh_lai_dau_ky',
    );
    const old = withSettings(set('nam_chuan_ngheo_moi', 2021));
    const replaced = only(build({ settings: old }), 'đã được thay bằng "nam_ap_dung_chuan_ngheo"');
    expect(replaced).toMatchObject({
      severity: 'error',
      line: settingLine(old, 'nam_chuan_ngheo_moi'),
      column: 'khoa',
    });
  });
  it('refuses a decimal comma that split a setting into its value and a note', () => {
    const settings = withSettings(set('nguong_uoc_tinh_thoat_dbkk', 15));
    const line = settingLine(settings, 'nguong_uoc_tinh_thoat_dbkk');
    const text = csv(settings, ['khoa', 'gia_tri', 'ghi_chu']).replace(
      'nguong_uoc_tinh_thoat_dbkk,15,',
      'nguong_uoc_tinh_thoat_dbkk,15,5',
    );
    const r = build({}, { texts: { 'dia-phuong.csv': text } });
    expect(r.dataset).toBeNull();
    const error = only(r, 'có lẽ là một số có dấu phẩy thập phân (15,5)');
    expect(error).toMatchObject({
      code: 'extra-cell',
      file: 'dia-phuong.csv',
      line,
      field: 'nguong_uoc_tinh_thoat_dbkk',
      column: 'ghi_chu',
      column_letter: 'C',
      value: '5',
    });
    expect(error.message).toContain('ngoặc kép ("15,5")');
    // A note in words, and digits after a setting that cannot take a decimal, are notes.
    const noted = csv(withSettings(set('nguong_uoc_tinh_thoat_dbkk', 15), set('nam_goc', 2021)), [
      'khoa',
      'gia_tri',
      'ghi_chu',
    ])
      .replace('nguong_uoc_tinh_thoat_dbkk,15,', 'nguong_uoc_tinh_thoat_dbkk,15,QĐ 33')
      .replace('nam_goc,2021,', 'nam_goc,2021,2');
    expect(build({}, { texts: { 'dia-phuong.csv': noted } }).errors).toEqual([]);
  });
});

describe('the unit tree (don-vi.csv)', () => {
  it('refuses a code given twice, or twice up to case and punctuation', () => {
    const twice = build({
      units: [...UNITS, { ma_don_vi: 'X2', ten_don_vi: 'Xã Khác', cap: 'xa', ma_don_vi_cha: 'H' }],
    });
    const again = 'Mã đơn vị "X2" đã có ở dòng 4. Mỗi mã đơn vị chỉ một dòng: xóa hoặc sửa dòng trùng.';
    expect(only(twice, again).message).toBe(again);
    expect(only(twice, again)).toMatchObject({
      code: 'primary-key',
      line: UNITS.length + 2,
      field: 'ma_don_vi',
      column_letter: 'A',
      value: 'X2',
    });
    const cased = build({
      units: [...UNITS, { ma_don_vi: 'x2', ten_don_vi: 'Xã Khác', cap: 'xa', ma_don_vi_cha: 'H' }],
    });
    const alike =
      'Mã đơn vị "x2" trùng với "X2" ở dòng 4: hai mã chỉ khác chữ hoa, chữ thường hoặc dấu - . / _ thì có cùng ' +
      'đường dẫn trên trang. Đặt mã khác hẳn, hoặc xóa dòng trùng.';
    expect(only(cased, alike).message).toBe(alike);
    expect(only(cased, alike)).toMatchObject({
      code: 'primary-key',
      line: UNITS.length + 2,
    });
  });
  it('needs exactly one district', () => {
    const none = build({
      units: UNITS.filter((u) => u['cap'] !== 'huyen').map((u) =>
        u['ma_don_vi_cha'] === 'H' ? { ...u, ma_don_vi_cha: '' } : u,
      ),
    });
    expect(only(none, 'cần đúng một dòng cấp "huyen"').message).toContain('đang có 0');
    const two = build({ units: [...UNITS, { ma_don_vi: 'H2', ten_don_vi: 'Huyện Khác', cap: 'huyen' }] });
    expect(only(two, 'cần đúng một dòng cấp "huyen"')).toMatchObject({
      code: 'constraint-error',
      file: 'don-vi.csv',
      line: null,
      field: 'cap',
      column: 'cap',
      column_letter: 'D',
    });
    expect(only(two, 'cần đúng một dòng cấp "huyen"').message).toContain('đang có 2');
  });
  it('refuses a parent that does not exist, with a hint when the code is close', () => {
    const units = [...UNITS, { ma_don_vi: 'X7-01', ten_don_vi: 'Bản Lạc', cap: 'thon', ma_don_vi_cha: 'x1' }];
    const error = only(build({ units }), 'Đơn vị cấp trên "x1" không có trong don-vi.csv.');
    expect(error).toMatchObject({
      code: 'foreign-key',
      line: units.length + 1,
      field: 'ma_don_vi_cha',
      column_letter: 'E',
      value: 'x1',
    });
    expect(error.message).toContain('Có mã "X1" chỉ khác chữ hoa');
    expect(error.message).toContain('Sửa mã hoặc thêm đơn vị đó.');
  });
  it('refuses a village that does not belong to a commune', () => {
    const underDistrict = [...UNITS, { ma_don_vi: 'X9-01', ten_don_vi: 'Bản Lạc', cap: 'thon', ma_don_vi_cha: 'H' }];
    const error = only(build({ units: underDistrict }), 'Thôn, tổ dân phố "Bản Lạc" phải thuộc một xã, thị trấn');
    expect(error).toMatchObject({
      code: 'foreign-key',
      line: underDistrict.length + 1,
      field: 'ma_don_vi_cha',
      value: 'H',
    });
    const orphan = [...UNITS, { ma_don_vi: 'X9-01', ten_don_vi: 'Bản Lạc', cap: 'to_dan_pho' }];
    expect(only(build({ units: orphan }), 'Thôn, tổ dân phố "Bản Lạc" phải thuộc').value).toBeNull();
  });
  it('refuses a commune under anything but the district, and takes a new commune with no parent', () => {
    const units = [...UNITS, { ma_don_vi: 'X9', ten_don_vi: 'Xã Lạc', cap: 'xa', ma_don_vi_cha: 'X1' }];
    const error = only(build({ units }), 'Xã "Xã Lạc" phải thuộc đơn vị cấp huyện, nhưng "Xã Một" là xa.');
    expect(error).toMatchObject({ code: 'foreign-key', line: units.length + 1, field: 'ma_don_vi_cha', value: 'X1' });
  });
  it('refuses a successor that is not a commune in the file', () => {
    const missing = UNITS.map((u) => (u['ma_don_vi'] === 'X2' ? { ...u, ma_don_vi_moi: 'm1' } : u));
    const error = only(
      build({ units: missing }),
      'Đơn vị sau sắp xếp "m1" không phải một xã, phường trong don-vi.csv.',
    );
    expect(error).toMatchObject({
      code: 'foreign-key',
      line: lineOf(UNITS, (u) => u['ma_don_vi'] === 'X2'),
      field: 'ma_don_vi_moi',
      value: 'm1',
    });
    expect(error.message).toContain('Có mã "M1" chỉ khác chữ hoa');
    const village = UNITS.map((u) => (u['ma_don_vi'] === 'X2' ? { ...u, ma_don_vi_moi: 'X1-01' } : u));
    const notCommune = only(build({ units: village }), 'Đơn vị sau sắp xếp "X1-01" không phải một xã');
    expect(notCommune.message).toBe(
      'Đơn vị sau sắp xếp "X1-01" không phải một xã, phường trong don-vi.csv. Thêm xã, phường mới hoặc sửa mã.',
    );
  });
  it('reports a refused commune row once, counting the units that name it, not once per village', () => {
    // A year out of extremely-difficult status with no decision refuses the commune's own row.
    const units = UNITS.map((u) => (u['ma_don_vi'] === 'X1' ? { ...u, nam_thoat_dbkk: 2024 } : u));
    const r = build({ units });
    const line = lineOf(UNITS, (u) => u['ma_don_vi'] === 'X1');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line, field: 'quyet_dinh_thoat_dbkk' });
    const note = only(r, '2 đơn vị khác ghi mã "X1" ở cột "ma_don_vi_cha" hoặc "ma_don_vi_moi" nên chưa được kiểm tra');
    expect(note).toMatchObject({
      severity: 'warning',
      code: 'foreign-key',
      line,
      field: 'ma_don_vi',
      column_letter: 'A',
      value: 'X1',
    });
    expect(note.message).toBe(
      '2 đơn vị khác ghi mã "X1" ở cột "ma_don_vi_cha" hoặc "ma_don_vi_moi" nên chưa được kiểm tra, vì dòng này ' +
        'có lỗi (ở trên). Sửa lỗi của dòng này rồi chạy lại.',
    );
  });
  it('says nothing more about a refused row that no unit names', () => {
    const units = UNITS.map((u) => (u['ma_don_vi'] === 'X2-01' ? { ...u, nam_thoat_dbkk: 2024 } : u));
    expect(all(build({ units })).map((i) => [i.severity, i.field])).toEqual([['error', 'quyet_dinh_thoat_dbkk']]);
  });
  it('does the same for a row refused for its shape (an unquoted comma in a name)', () => {
    const text = csv(UNITS, UNIT_HEADER).replace('X2,Xã Hai,', 'X2,Xã Hai, mới,');
    const r = build({}, { texts: { 'don-vi.csv': text } });
    expect(r.errors.map((e) => e.code)).toEqual(['extra-cell']);
    expect(only(r, '1 đơn vị khác ghi mã "X2"').line).toBe(lineOf(UNITS, (u) => u['ma_don_vi'] === 'X2'));
  });
  it('counts units whose successor is a refused row the same way', () => {
    const units = UNITS.map((u) => (u['ma_don_vi'] === 'M1' ? { ...u, ten_khac: 'Xã\u0007Mới' } : u));
    const r = build({ units });
    expect(r.errors.map((e) => e.field)).toEqual(['ten_khac']);
    expect(only(r, '2 đơn vị khác ghi mã "M1"').line).toBe(lineOf(UNITS, (u) => u['ma_don_vi'] === 'M1'));
  });
  it('does not count a refused district as a missing one', () => {
    const units = UNITS.map((u) => (u['cap'] === 'huyen' ? { ...u, hieu_luc_den: '31/02/2025' } : u));
    const r = build({ units });
    expect(r.errors.map((e) => e.field)).toEqual(['hieu_luc_den']);
    expect(only(r, '2 đơn vị khác ghi mã "H"').severity).toBe('warning');
    const labelled = UNITS.map((u) => (u['cap'] === 'huyen' ? { ...u, cap: 'Huyện', hieu_luc_den: '31/02/2025' } : u));
    expect(build({ units: labelled }).errors.map((e) => e.field)).toEqual(['hieu_luc_den']);
  });
});

describe('regions (khu-vuc.csv)', () => {
  it('refuses a region for a code that is not a commune', () => {
    const unknown = build({ regions: [...REGIONS, { ma_don_vi: 'x2', khu_vuc: 'I', tu_nam: 2024, can_cu: 'QĐ' }] });
    const error = only(unknown, '"x2" không phải mã xã, thị trấn trong don-vi.csv.');
    expect(error).toMatchObject({
      code: 'foreign-key',
      file: 'khu-vuc.csv',
      line: REGIONS.length + 2,
      field: 'ma_don_vi',
      value: 'x2',
    });
    expect(error.message).toContain('Có mã "X2"');
    const village = build({ regions: [...REGIONS, { ma_don_vi: 'X1-01', khu_vuc: 'I', tu_nam: 2024, can_cu: 'QĐ' }] });
    expect(only(village, '"X1-01" không phải mã xã').message).toBe(
      '"X1-01" không phải mã xã, thị trấn trong don-vi.csv. Sửa mã.',
    );
  });
  it('refuses each row of an unknown code once, even when their periods overlap', () => {
    const rows = [
      ...REGIONS,
      { ma_don_vi: 'X9', khu_vuc: 'I', tu_nam: 2021, can_cu: 'QĐ' },
      { ma_don_vi: 'X9', khu_vuc: 'I', tu_nam: 2021, can_cu: 'QĐ' },
    ];
    expect(build({ regions: rows }).errors.map((e) => e.code)).toEqual(['foreign-key', 'foreign-key']);
  });
  const periods = (a: [number, number | ''], b: [number, number | '']): Row[] => [
    REGIONS[1]!,
    { ma_don_vi: 'X1', khu_vuc: 'III', tu_nam: a[0], den_nam: a[1], can_cu: 'QĐ 861' },
    { ma_don_vi: 'X1', khu_vuc: 'II', tu_nam: b[0], den_nam: b[1], can_cu: 'QĐ 698' },
  ];
  it.each([
    [
      [2021, 2023],
      [2023, ''],
    ],
    [
      [2023, 2025],
      [2021, 2023],
    ],
    [
      [2021, ''],
      [2024, ''],
    ],
  ] as [[number, number | ''], [number, number | '']][])(
    'refuses periods %j and %j of one commune that share a year',
    (a, b) => {
      const error = only(build({ regions: periods(a, b) }), 'Thời kỳ khu vực của Xã Một trùng với dòng 3.');
      expect(error).toMatchObject({
        code: 'primary-key',
        file: 'khu-vuc.csv',
        line: 4,
        field: 'tu_nam',
        value: String(b[0]),
      });
    },
  );
  it.each([
    [
      [2021, 2022],
      [2023, ''],
    ],
    [
      [2023, ''],
      [2021, 2022],
    ],
  ] as [[number, number | ''], [number, number | '']][])('takes periods %j and %j that follow each other', (a, b) => {
    expect(build({ regions: periods(a, b) }).errors).toEqual([]);
  });
  it('compares a third period with each earlier one', () => {
    const rows = [
      ...periods([2021, 2021], [2022, 2022]),
      { ma_don_vi: 'X1', khu_vuc: 'I', tu_nam: 2021, den_nam: '', can_cu: 'QĐ' },
    ];
    const errors = build({ regions: rows }).errors;
    expect(errors.map((e) => [e.line, e.message.match(/dòng \d+/)?.[0]])).toEqual([
      [5, 'dòng 3'],
      [5, 'dòng 4'],
    ]);
  });
});

describe('criteria (tieu-chi.csv)', () => {
  const tc1 = (so_nam_lien_tiep: number | string) =>
    CRITERIA.map((r) => (r['ma_tieu_chi'] === 'TC_XA_1' ? { ...r, so_nam_lien_tiep } : r));
  const tc1Line = lineOf(CRITERIA, (r) => r['ma_tieu_chi'] === 'TC_XA_1');
  it('refuses a criterion given twice', () => {
    const criteria = [...CRITERIA, CRITERIA[1]!];
    expect(only(build({ criteria }), 'Mã tiêu chí "TC_XA_2" đã có ở dòng 3.')).toMatchObject({
      code: 'primary-key',
      line: CRITERIA.length + 2,
      field: 'ma_tieu_chi',
    });
  });
  it('names each criterion that has no row', () => {
    const criteria = CRITERIA.filter((r) => !['TC_XA_1', 'TC_THON', 'MT_HUYEN_D'].includes(String(r['ma_tieu_chi'])));
    const errors = build({ criteria }).errors;
    expect(errors.map((e) => [e.code, e.line, e.field, e.column, e.column_letter, e.value])).toEqual([
      ['missing-cell', null, 'ma_tieu_chi', 'ma_tieu_chi', 'A', 'TC_XA_1'],
      ['missing-cell', null, 'ma_tieu_chi', 'ma_tieu_chi', 'A', 'TC_THON'],
      ['missing-cell', null, 'ma_tieu_chi', 'ma_tieu_chi', 'A', 'MT_HUYEN_D'],
    ]);
    expect(errors[1]?.message).toBe(
      'Thiếu dòng cho TC_THON (Tiêu chí của thôn, bản). Thêm dòng với ngưỡng và căn cứ của tiêu chí này.',
    );
  });
  it.each(['', 0])('needs a number of consecutive years for criterion 1 (given "%s")', (n) => {
    const error = only(build({ criteria: tc1(n) }), 'Tiêu chí 1 của xã cần số năm liên tiếp (mặc định 3).');
    expect(error).toMatchObject({ code: 'missing-cell', line: tc1Line, field: 'so_nam_lien_tiep', column_letter: 'F' });
  });
  it('refuses a negative number of years in words about years', () => {
    const error = only(build({ criteria: tc1(-3) }), 'Số năm không thể âm ("-3")');
    expect(error).toMatchObject({ code: 'type-error', file: 'tieu-chi.csv', line: tc1Line, field: 'so_nam_lien_tiep' });
    expect(error.message).not.toContain('hộ');
  });
  it('refuses more consecutive years than the period holds after the baseline', () => {
    expect(build({ criteria: tc1(1) }).errors).toEqual([]);
    expect(build({ criteria: tc1(4) }).errors).toEqual([]);
    const error = only(
      build({ criteria: tc1(5) }),
      'cần giảm 5 năm liên tiếp, nhưng từ năm gốc 2021 đến năm 2025 chỉ có 4 năm giảm',
    );
    expect(error).toMatchObject({ code: 'constraint-error', line: tc1Line, field: 'so_nam_lien_tiep', value: '5' });
    const later = withSettings(set('nam_goc', 2022));
    expect(only(build({ criteria: tc1(4), settings: later }), 'chỉ có 3 năm giảm').value).toBe('4');
  });
});

describe('review results (ket-qua-ra-soat.csv)', () => {
  const REVIEWS = 'ket-qua-ra-soat.csv';
  const extra = (rows: Row[], header: readonly string[]) => ({
    texts: { [REVIEWS]: csv(rows, [...REVIEW_HEADER, ...header]) },
  });
  const added = (row: Row) => [...steadyReviews(), row];
  const addedLine = steadyReviews().length + 2;

  it('refuses a unit and year given twice', () => {
    const error = only(
      build({ reviews: added(review('X1-01', 2023, 100, 30, 10)) }),
      'Đơn vị và năm "X1-01, năm 2023" đã có ở dòng 4.',
    );
    expect(error).toMatchObject({ code: 'primary-key', file: REVIEWS, line: addedLine, field: 'nam' });
  });
  it('refuses an unknown code, pointing to a close code before the name it carries', () => {
    const close = only(
      build({ reviews: added({ ...review('x1.01', 2023, 10, 1, 1), ten_don_vi: 'Thôn Ba' }) }),
      'Mã đơn vị "x1.01" không có trong don-vi.csv.',
    );
    expect(close).toMatchObject({ code: 'foreign-key', line: addedLine, field: 'ma_don_vi', value: 'x1.01' });
    expect(close.message).toContain('Có mã "X1-01"');
    expect(close.message).not.toContain('là của đơn vị');
    const named = only(
      build({ reviews: added({ ...review('X9-01', 2023, 10, 1, 1), ten_don_vi: 'Bản Hai' }) }),
      'Mã đơn vị "X9-01"',
    );
    expect(named.message).toContain('Tên "Bản Hai" là của đơn vị mã X1-02.');
    const bare = only(build({ reviews: added(review('X9-01', 2023, 10, 1, 1)) }), 'Mã đơn vị "X9-01"');
    expect(bare.message).toBe('Mã đơn vị "X9-01" không có trong don-vi.csv. Sửa mã hoặc thêm đơn vị vào don-vi.csv.');
  });
  it('gives no name hint when the name is shared by two units', () => {
    const units = [...UNITS, { ma_don_vi: 'X2-02', ten_don_vi: 'Bản Hai', cap: 'thon', ma_don_vi_cha: 'X2' }];
    const error = only(
      build({ units, reviews: added({ ...review('X9-01', 2023, 10, 1, 1), ten_don_vi: 'Bản Hai' }) }),
      'Mã đơn vị "X9-01"',
    );
    expect(error.message).not.toContain('là của đơn vị');
  });
  it('refuses a name that belongs to another unit, and takes another spelling of the right one', () => {
    const wrong = only(
      build({ reviews: added({ ...review('X1-01', 2026, 10, 1, 1), ten_don_vi: 'Thôn Ba' }) }),
      'Tên "Thôn Ba" không khớp với mã X1-01 (Bản Một).',
    );
    expect(wrong).toMatchObject({
      code: 'foreign-key',
      line: addedLine,
      field: 'ten_don_vi',
      column_letter: 'B',
      value: 'Thôn Ba',
    });
    const reviews = steadyReviews().map((r) =>
      r['ma_don_vi'] === 'X1' ? r : { ...r, ten_don_vi: r['ma_don_vi'] === 'X1-01' ? 'bản MỘT' : '' },
    );
    expect(all(build({ reviews }))).toEqual([]);
  });
  it('refuses a year in which a village did not exist', () => {
    const units = [
      ...UNITS,
      {
        ma_don_vi: 'X2-02',
        ten_don_vi: 'Thôn Mới',
        cap: 'thon',
        ma_don_vi_cha: 'X2',
        hieu_luc_tu: '01/03/2023',
        hieu_luc_den: '31/12/2024',
      },
    ];
    const before = only(
      build({ units, reviews: added(review('X2-02', 2022, 10, 1, 1)) }),
      'Thôn Mới không tồn tại trong năm 2022 (hiệu lực 01/03/2023 – 31/12/2024)',
    );
    expect(before).toMatchObject({ code: 'constraint-error', line: addedLine, field: 'nam', value: '2022' });
    expect(
      only(build({ units, reviews: added(review('X2-02', 2025, 10, 1, 1)) }), 'Thôn Mới không tồn tại trong năm 2025')
        .line,
    ).toBe(addedLine);
    const open = [
      ...UNITS,
      { ma_don_vi: 'X2-02', ten_don_vi: 'Thôn Mới', cap: 'thon', ma_don_vi_cha: 'X2', hieu_luc_tu: '01/03/2023' },
    ];
    expect(
      only(build({ units: open, reviews: added(review('X2-02', 2022, 10, 1, 1)) }), 'không tồn tại').message,
    ).toContain('(hiệu lực 01/03/2023 – …)');
    const ended = [
      ...UNITS,
      { ma_don_vi: 'X2-02', ten_don_vi: 'Thôn Cũ', cap: 'thon', ma_don_vi_cha: 'X2', hieu_luc_den: '31/12/2022' },
    ];
    expect(
      only(build({ units: ended, reviews: added(review('X2-02', 2023, 10, 1, 1)) }), 'không tồn tại').message,
    ).toBe(
      'Thôn Cũ không tồn tại trong năm 2023 (hiệu lực … – 31/12/2022). Kiểm tra năm hoặc ngày hiệu lực trong don-vi.csv.',
    );
  });
  it('refuses a year outside the period and its one year of margin, and takes the margin', () => {
    const early = only(
      build({ reviews: added(review('X1-01', 2019, 100, 40, 10)) }),
      'Năm rà soát 2019 nằm ngoài giai đoạn phong trào (2021–2025, nhận từ 2020 đến 2026).',
    );
    expect(early).toMatchObject({
      severity: 'error',
      code: 'constraint-error',
      line: addedLine,
      field: 'nam',
      value: '2019',
    });
    expect(early.message).toBe(
      'Năm rà soát 2019 nằm ngoài giai đoạn phong trào (2021–2025, nhận từ 2020 đến 2026). Kiểm tra lại năm (lỗi gõ ' +
        'như 2052 thay cho 2025), hoặc sửa "nam_bat_dau"/"nam_ket_thuc" trong dia-phuong.csv.',
    );
    const settings = withSettings(updatedIn2026);
    expect(
      only(build({ settings, reviews: added(review('X1-01', 2027, 100, 40, 10)) }), 'Năm rà soát 2027 nằm ngoài').line,
    ).toBe(addedLine);
    const margin = build({
      settings,
      reviews: [review('X1-01', 2020, 100, 40, 10), ...steadyReviews(), review('X1-01', 2026, 100, 40, 10)],
    });
    expect(margin.errors).toEqual([]);
    expect(margin.dataset?.reviews).toHaveLength(steadyReviews().length + 2);
  });
  it('warns about a margin year, which is published but not judged', () => {
    const settings = withSettings(updatedIn2026);
    const old = only(
      build({ settings, reviews: [review('X1-01', 2020, 100, 40, 10), ...steadyReviews()] }),
      'Năm 2020 rà soát theo chuẩn nghèo cũ',
    );
    expect(old).toMatchObject({ severity: 'warning', code: 'constraint-error', line: 2, field: 'nam', value: '2020' });
    const late = only(
      build({ settings, reviews: added(review('X1-01', 2026, 100, 40, 10)) }),
      'Năm 2026 sau giai đoạn phong trào (2021–2025)',
    );
    expect(late).toMatchObject({
      severity: 'warning',
      code: 'constraint-error',
      line: addedLine,
      field: 'nam',
      value: '2026',
    });
  });
  it('refuses a year after the update date', () => {
    const error = only(
      build({ reviews: added(review('X1-01', 2026, 100, 40, 10)) }),
      'Năm rà soát 2026 sau ngày cập nhật số liệu 05/12/2025 (dia-phuong.csv)',
    );
    expect(error).toMatchObject({ severity: 'error', line: addedLine, field: 'nam' });
    expect(error.message).toBe(
      'Năm rà soát 2026 sau ngày cập nhật số liệu 05/12/2025 (dia-phuong.csv): số liệu không thể có trước khi xảy ' +
        'ra. Kiểm tra lại năm, hoặc sửa "ngay_cap_nhat".',
    );
  });
  it('refuses a decision dated after the update date, and takes one on that day', () => {
    const dated = (date: string) => steadyReviews().map((r, i) => (i === 4 ? { ...r, ngay_quyet_dinh: date } : r));
    const error = only(
      build({}, extra(dated('06/12/2025'), ['ngay_quyet_dinh'])),
      'Ngày quyết định 06/12/2025 sau ngày cập nhật số liệu 05/12/2025 (dia-phuong.csv).',
    );
    expect(error).toMatchObject({ code: 'constraint-error', line: 6, field: 'ngay_quyet_dinh', value: '2025-12-06' });
    expect(error.message).toBe(
      'Ngày quyết định 06/12/2025 sau ngày cập nhật số liệu 05/12/2025 (dia-phuong.csv). Kiểm tra lại ngày, hoặc ' +
        'sửa "ngay_cap_nhat".',
    );
    expect(all(build({}, extra(dated('05/12/2025'), ['ngay_quyet_dinh'])))).toEqual([]);
  });
  it('warns about official figures with no decision number, not about preliminary ones', () => {
    const reviews = steadyReviews().map((r, i) =>
      i === 2 ? { ...r, so_quyet_dinh: '' } : i === 3 ? { ...r, so_quyet_dinh: '', trang_thai: 'so_bo' } : r,
    );
    const r = build({ reviews });
    const warning = only(r, 'Số liệu ghi là chính thức nhưng chưa có số quyết định phê duyệt.');
    expect(warning).toMatchObject({
      severity: 'warning',
      code: 'missing-cell',
      line: 4,
      field: 'so_quyet_dinh',
      column_letter: 'E',
      value: null,
    });
    expect(r.dataset?.reviews).toHaveLength(reviews.length);
  });

  describe('figures that must agree from year to year', () => {
    const flowHeader = ['so_ho_can_ngheo_dau_nam', 'so_ho_thoat_ngheo', 'so_ho_ngheo_phat_sinh', 'so_ho_tai_ngheo'];
    const change = (year: number, over: Row) =>
      steadyReviews().map((r) => (r['ma_don_vi'] === 'X1-01' && r['nam'] === year ? { ...r, ...over } : r));
    it("warns when the poor at the start differ from last year's end, not in the first year", () => {
      const w = only(
        build({ reviews: change(2024, { so_ho_ngheo_dau_nam: 33 }) }),
        'Số hộ nghèo đầu năm 2024 (33) khác số hộ nghèo cuối năm 2023 (32).',
      );
      expect(w).toMatchObject({
        severity: 'warning',
        code: 'row-constraint',
        line: 5,
        field: 'so_ho_ngheo_dau_nam',
        value: '33',
      });
      expect(all(build({ reviews: change(2021, { so_ho_ngheo_dau_nam: 33 }) }))).toEqual([]);
      expect(all(build({ reviews: change(2024, { so_ho_ngheo_dau_nam: 32 }) }))).toEqual([]);
    });
    it("warns when the near-poor at the start differ from last year's end", () => {
      const w = only(
        build({}, extra(change(2024, { so_ho_can_ngheo_dau_nam: 9 }), flowHeader)),
        'Số hộ cận nghèo đầu năm 2024 (9) khác số hộ cận nghèo cuối năm 2023 (8).',
      );
      expect(w).toMatchObject({
        severity: 'warning',
        code: 'row-constraint',
        line: 5,
        field: 'so_ho_can_ngheo_dau_nam',
        value: '9',
      });
      expect(all(build({}, extra(change(2024, { so_ho_can_ngheo_dau_nam: 8 }), flowHeader)))).toEqual([]);
      expect(all(build({}, extra(change(2021, { so_ho_can_ngheo_dau_nam: 9 }), flowHeader)))).toEqual([]);
    });
    it('warns when the end is not start − escaped + new + re-poor, with the sum', () => {
      // 2024 ends with 28 poor households; it started with 32.
      const flows = (out: number, born: number, back: number | '') =>
        change(2024, {
          so_ho_ngheo_dau_nam: 32,
          so_ho_thoat_ngheo: out,
          so_ho_ngheo_phat_sinh: born,
          so_ho_tai_ngheo: back,
        });
      expect(all(build({}, extra(flows(7, 2, 1), flowHeader)))).toEqual([]);
      expect(all(build({}, extra(flows(6, 2, ''), flowHeader)))).toEqual([]);
      const w = only(
        build({}, extra(flows(9, 3, 1), flowHeader)),
        'Số hộ nghèo cuối năm (28) khác đầu năm − thoát nghèo + phát sinh + tái nghèo (32 − 9 + 3 + 1 = 27).',
      );
      expect(w).toMatchObject({
        severity: 'warning',
        code: 'row-constraint',
        line: 5,
        field: 'so_ho_ngheo',
        value: '28',
      });
      expect(only(build({}, extra(flows(9, 3, ''), flowHeader)), '(32 − 9 + 3 + 0 = 26)').line).toBe(5);
      // Without the escaped or the new households there is nothing to add up.
      expect(
        all(build({}, extra(change(2024, { so_ho_ngheo_dau_nam: 32, so_ho_thoat_ngheo: 9 }), flowHeader))),
      ).toEqual([]);
      expect(
        all(build({}, extra(change(2024, { so_ho_ngheo_dau_nam: 32, so_ho_ngheo_phat_sinh: 9 }), flowHeader))),
      ).toEqual([]);
      expect(
        all(build({}, extra(change(2024, { so_ho_thoat_ngheo: 9, so_ho_ngheo_phat_sinh: 3 }), flowHeader))),
      ).toEqual([]);
    });
  });

  describe('commune totals', () => {
    // In 2023 each village has 100 households, 32 poor and 8 near-poor.
    it('warns for each figure that differs from the sum of the villages, and is silent when they agree', () => {
      expect(all(build({ reviews: added(review('X1', 2023, 200, 64, 16)) }))).toEqual([]);
      const r = build({ reviews: added(review('X1', 2023, 201, 63, 17)) });
      expect(all(r).map((w) => [w.field, w.line, w.value])).toEqual([
        ['tong_so_ho', addedLine, '201'],
        ['so_ho_ngheo', addedLine, '63'],
        ['so_ho_can_ngheo', addedLine, '17'],
      ]);
      expect(all(r)[1]?.message).toBe(
        'Dòng tổng của Xã Một năm 2023 ghi 63, nhưng cộng 2 thôn được 64. Trang dùng số cộng từ các thôn; kiểm tra lại dòng tổng hoặc số của thôn.',
      );
      expect(all(r)[1]?.code).toBe('row-constraint');
    });
    it('adds only the villages that existed that year, and skips a year one of them lacks', () => {
      const units = [
        ...UNITS,
        { ma_don_vi: 'X1-03', ten_don_vi: 'Bản Ba', cap: 'thon', ma_don_vi_cha: 'X1', hieu_luc_den: '31/12/2021' },
      ];
      const reviews = [...added(review('X1', 2023, 200, 64, 16)), review('X1-03', 2021, 50, 10, 5)];
      expect(all(build({ units, reviews }))).toEqual([]);
      const wrong = [...added(review('X1', 2023, 200, 60, 16)), review('X1-03', 2021, 50, 10, 5)];
      expect(only(build({ units, reviews: wrong }), 'ghi 60, nhưng cộng 2 thôn được 64').field).toBe('so_ho_ngheo');
      const gap = steadyReviews().filter((r) => !(r['ma_don_vi'] === 'X1-02' && r['nam'] === 2023));
      const w = all(build({ reviews: [...gap, review('X1', 2023, 1, 1, 0)] }));
      expect(w).toHaveLength(1);
      expect(w[0]?.message).toContain('Chưa có kết quả rà soát năm 2023 của Bản Hai');
    });
    it('warns that the total of a commune with no villages is not used', () => {
      const units = [...UNITS, { ma_don_vi: 'X3', ten_don_vi: 'Xã Ba', cap: 'xa', ma_don_vi_cha: 'H' }];
      const w = only(
        build({ units, reviews: added(review('X3', 2023, 100, 20, 5)) }),
        'Xã Ba chưa có thôn nào trong don-vi.csv năm 2023.',
      );
      expect(w).toMatchObject({
        severity: 'warning',
        code: 'row-constraint',
        line: addedLine,
        field: 'ma_don_vi',
        value: 'X3',
      });
    });
    it('does not add up a district total', () => {
      expect(all(build({ reviews: added(review('H', 2023, 1, 1, 0)) }))).toEqual([]);
    });
  });

  describe('years missing for a village', () => {
    const without = (id: string, year: number) =>
      steadyReviews().filter((r) => !(r['ma_don_vi'] === id && r['nam'] === year));
    it('warns for each year of the period a village lacks, naming the village and its commune', () => {
      const w = only(
        build({ reviews: without('X2-01', 2022) }),
        'Chưa có kết quả rà soát năm 2022 của Thôn Ba (Xã Hai, mã X2-01).',
      );
      expect(w).toMatchObject({
        severity: 'warning',
        code: 'missing-cell',
        file: REVIEWS,
        line: null,
        field: 'nam',
        value: '2022',
      });
      expect(only(build({ reviews: without('X1-01', 2021) }), 'năm 2021 của Bản Một').value).toBe('2021');
      expect(only(build({ reviews: without('X1-02', 2025) }), 'năm 2025 của Bản Hai').value).toBe('2025');
    });
    it('asks for no year before the baseline, after the period or after the latest review', () => {
      expect(all(build({ reviews: without('X1-01', 2021), settings: withSettings(set('nam_goc', 2022)) }))).toEqual([]);
      const upTo2024 = steadyReviews().filter((r) => r['nam'] !== 2025);
      expect(all(build({ reviews: upTo2024 }))).toEqual([]);
      // The latest year is the latest anywhere in the file, not the year of its last row.
      const lastRowEarly = [...without('X1-02', 2025)].sort((x, y) => Number(y['nam']) - Number(x['nam']));
      expect(all(build({ reviews: lastRowEarly })).map((w) => w.value)).toEqual(['2025']);
      // A period ending in 2024: a village without 2025 lacks nothing, the others' 2025 is a margin year.
      const settings = withSettings(set('nam_ket_thuc', 2024), set('nam_tong_ket', 2024));
      const r = build({ settings, reviews: without('X1-02', 2025) });
      expect(r.errors).toEqual([]);
      expect(all(r).map((w) => [w.severity, w.message.split(' sau ')[0]])).toEqual([
        ['warning', 'Năm 2025'],
        ['warning', 'Năm 2025'],
      ]);
    });
    it('asks for no year in which the village did not exist', () => {
      const units = [
        ...UNITS,
        { ma_don_vi: 'X2-02', ten_don_vi: 'Thôn Mới', cap: 'thon', ma_don_vi_cha: 'X2', hieu_luc_tu: '01/03/2024' },
      ];
      const reviews = [...steadyReviews(), review('X2-02', 2024, 10, 1, 1), review('X2-02', 2025, 10, 1, 1)];
      expect(all(build({ units, reviews }))).toEqual([]);
    });
  });
});

describe('awards (khen-thuong.csv)', () => {
  const award = (over: Row) => [
    ...AWARDS,
    { ...AWARDS[0]!, ma_khen_thuong: 'KT-3', dong_y_cong_khai: '', ngay_dong_y: '', ...over },
  ];
  const line = AWARDS.length + 2;
  it('refuses a code given twice up to case and punctuation', () => {
    const error = only(
      build({ awards: award({ ma_khen_thuong: 'kt.1' }) }),
      'Mã khen thưởng "kt.1" trùng với "KT-1" ở dòng 2',
    );
    expect(error).toMatchObject({ code: 'primary-key', line, field: 'ma_khen_thuong', column_letter: 'A' });
  });
  it('refuses an unknown unit, with a hint', () => {
    const error = only(
      build({ awards: award({ ma_don_vi: 'x1.01' }) }),
      'Mã đơn vị "x1.01" không có trong don-vi.csv. Có mã "X1-01"',
    );
    expect(error).toMatchObject({ code: 'foreign-key', line, field: 'ma_don_vi', value: 'x1.01' });
    expect(error.message).toContain('Sửa mã (mã thôn hoặc xã nơi đối tượng được khen).');
  });
  it('refuses a date outside the period or after the update date', () => {
    const early = only(
      build({ awards: award({ ngay_quyet_dinh: '31/12/2019' }) }),
      'Ngày quyết định 31/12/2019: năm 2019 nằm ngoài giai đoạn phong trào',
    );
    expect(early).toMatchObject({ code: 'constraint-error', line, field: 'ngay_quyet_dinh', value: '2019-12-31' });
    const later = only(
      build({ awards: award({ ngay_quyet_dinh: '01/01/2026', hinh_thuc: 'bang_khen_tinh' }) }),
      'Ngày quyết định 01/01/2026: năm 2026 sau ngày cập nhật số liệu 05/12/2025',
    );
    expect(later.line).toBe(line);
    const sameYear = only(
      build({ awards: award({ ngay_quyet_dinh: '06/12/2025', hinh_thuc: 'bang_khen_tinh' }) }),
      'Ngày quyết định 06/12/2025 sau ngày cập nhật số liệu 05/12/2025',
    );
    expect(sameYear).toMatchObject({ code: 'constraint-error', line, field: 'ngay_quyet_dinh' });
    expect(build({ awards: award({ ngay_quyet_dinh: '05/12/2025', hinh_thuc: 'bang_khen_tinh' }) }).errors).toEqual([]);
    expect(build({ awards: award({ ngay_quyet_dinh: '01/01/2020' }) }).errors).toEqual([]);
  });
  it('refuses a commune or village award given the code of another kind of unit', () => {
    const xa = only(
      build({ awards: award({ loai_doi_tuong: 'xa', ma_don_vi: 'X1-01', ten_doi_tuong: 'Bản Một' }) }),
      'Đối tượng loại "xa" nhưng mã X1-01 là Bản Một.',
    );
    expect(xa).toMatchObject({ code: 'row-constraint', line, field: 'ma_don_vi' });
    expect(
      only(
        build({ awards: award({ loai_doi_tuong: 'thon', ma_don_vi: 'X1', ten_doi_tuong: 'Xã Một' }) }),
        'Đối tượng loại "thon" nhưng mã X1 là Xã Một.',
      ).line,
    ).toBe(line);
    expect(build({ awards: award({ loai_doi_tuong: 'xa', ma_don_vi: 'X1', ten_doi_tuong: 'Xã Một' }) }).errors).toEqual(
      [],
    );
    expect(
      build({ awards: award({ loai_doi_tuong: 'thon', ma_don_vi: 'X1-01', ten_doi_tuong: 'Bản Một' }) }).errors,
    ).toEqual([]);
  });
  it('refuses a district Giấy khen dated after the district ended, and takes it on its last day', () => {
    const error = only(
      build({ awards: award({ ngay_quyet_dinh: '01/07/2025' }) }),
      'Giấy khen của Chủ tịch UBND huyện không thể có ngày sau 30/06/2025',
    );
    expect(error).toMatchObject({ code: 'row-constraint', line, field: 'ngay_quyet_dinh', value: '2025-07-01' });
    expect(build({ awards: award({ ngay_quyet_dinh: '30/06/2025' }) }).errors).toEqual([]);
    expect(build({ awards: award({ ngay_quyet_dinh: '01/07/2025', hinh_thuc: 'bang_khen_tinh' }) }).errors).toEqual([]);
    const lasting = UNITS.map((u) => (u['cap'] === 'huyen' ? { ...u, hieu_luc_den: '' } : u));
    expect(build({ units: lasting, awards: award({ ngay_quyet_dinh: '01/07/2025' }) }).errors).toEqual([]);
  });
  it('refuses a story name that has no story, and takes a story or a web address', () => {
    const error = only(
      build({ awards: award({ bai_viet: 'khong-co-bai' }) }),
      'Không có bài viết "khong-co-bai" trong thư mục content/dien-hinh.',
    );
    expect(error).toMatchObject({ code: 'foreign-key', line, field: 'bai_viet', value: 'khong-co-bai' });
    expect(error.message).toContain('thêm tệp khong-co-bai.mdx');
    expect(build({ awards: award({ bai_viet: 'bai' }) }, { stories: [story()] }).errors).toEqual([]);
    expect(build({ awards: award({ bai_viet: 'https://example.vn/bai' }) }).errors).toEqual([]);
  });
  it('keeps every accepted award', () => {
    expect(build({ awards: award({}) }).dataset?.awards.map((a) => a.ma_khen_thuong)).toEqual(['KT-1', 'KT-2', 'KT-3']);
  });
});

describe('stories and their photos', () => {
  const STORY = 'dien-hinh/bai.mdx';
  const lineOfField = (s: StoryInput, field: string) => s.fieldLines?.[field];
  it('refuses a story about a unit or an award that does not exist, on the line of the field', () => {
    const unit = story({ ma_don_vi: 'X9' });
    const error = only(build({}, { stories: [unit] }), 'Bài viết nói đến đơn vị "X9" không có trong don-vi.csv.');
    expect(error).toMatchObject({
      code: 'foreign-key',
      file: STORY,
      line: lineOfField(unit, 'ma_don_vi'),
      field: 'ma_don_vi',
      value: 'X9',
    });
    expect(error.line).toBeGreaterThan(1);
    const award = story({ ma_khen_thuong: 'KT-9' });
    const missing = only(
      build({}, { stories: [award] }),
      'Bài viết gắn với khen thưởng "KT-9" không có trong khen-thuong.csv.',
    );
    expect(missing).toMatchObject({
      code: 'foreign-key',
      line: lineOfField(award, 'ma_khen_thuong'),
      field: 'ma_khen_thuong',
      value: 'KT-9',
    });
  });
  it('refuses a story linked to a household award without consent, and takes one with it', () => {
    const s = story({ ma_khen_thuong: 'KT-2' });
    const error = only(
      build({}, { stories: [s] }),
      'Bài viết gắn với khen thưởng "KT-2" của hộ gia đình, cá nhân chưa đồng ý',
    );
    expect(error).toMatchObject({
      code: 'constraint-error',
      line: lineOfField(s, 'ma_khen_thuong'),
      field: 'ma_khen_thuong',
    });
    expect(all(build({}, { stories: [story({ ma_khen_thuong: 'KT-1' })] }))).toEqual([]);
  });

  const photo = (tep: string) => ({ tep, mo_ta: 'Nương chè của bản', tac_gia: 'Phóng viên', dong_y: true });
  const withPhotos = (...teps: string[]) => story({ anh: teps.map(photo) });
  /** A JPEG of `size` bytes with no metadata: start of image, start of scan, filler. */
  const jpeg = (size = 64) => new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, ...new Array<number>(size - 6).fill(0)]);
  const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const webp = () => new Uint8Array([...Buffer.from('RIFF'), 4, 0, 0, 0, ...Buffer.from('WEBP')]);
  const photosOf = (entries: [string, Uint8Array][]) => new Map(entries);

  it('takes JPEG, PNG and WebP photos with the right extension', () => {
    const s = withPhotos('a.jpg', 'b.jpeg', 'c.png', 'd.webp');
    const photos = photosOf([
      ['a.jpg', jpeg()],
      ['b.jpeg', jpeg()],
      ['c.png', png()],
      ['d.webp', webp()],
    ]);
    expect(all(build({}, { stories: [s], photos }))).toEqual([]);
  });
  it('refuses a photo that is not in the folder', () => {
    const s = withPhotos('a.jpg', 'khong-co.jpg');
    const error = only(
      build({}, { stories: [s], photos: photosOf([['a.jpg', jpeg()]]) }),
      'Không có tệp ảnh khong-co.jpg trong thư mục content/dien-hinh/anh.',
    );
    expect(error).toMatchObject({
      code: 'foreign-key',
      file: STORY,
      field: 'anh.1.tep',
      column: 'anh.1.tep',
      value: 'khong-co.jpg',
      line: lineOfField(s, 'anh.1.tep'),
    });
    expect(error.line).toBeGreaterThan(1);
  });
  it.each([
    ['a.png', () => jpeg(), 'PNG'],
    ['a.jpg', () => png(), 'JPG'],
    ['a.webp', () => new Uint8Array([...Buffer.from('RIFF'), 4, 0, 0, 0, ...Buffer.from('AVI ')]), 'WEBP'],
    ['a.jpg', () => new Uint8Array([0xff, 0xd8, 0x00, 0x00]), 'JPG'],
    ['a.jpg', () => new Uint8Array([0xff, 0x00, 0xff, 0x00]), 'JPG'],
    ['a.jpg', () => new Uint8Array([0x00, 0xd8, 0xff, 0x00]), 'JPG'],
    ['a.webp', () => new Uint8Array([...Buffer.from('RIFX'), 4, 0, 0, 0, ...Buffer.from('WEBP')]), 'WEBP'],
    ['a.jpeg', () => png(), 'JPEG'],
    ['a.png', () => jpeg(PHOTO_MAX_BYTES + 1), 'PNG'],
  ])('refuses %s that is not what its extension says, and nothing more about it', (tep, bytes, kind) => {
    const r = build({}, { stories: [withPhotos(tep)], photos: photosOf([[tep, bytes()]]) });
    const error = only(r, `Tệp ${tep} không phải ảnh ${kind}.`);
    expect(all(r)).toHaveLength(1);
    expect(error).toMatchObject({ code: 'format-error', field: 'anh.0.tep' });
  });
  it('names every kind of hidden text a photo carries', () => {
    const both = new Uint8Array([
      ...[0xff, 0xd8, 0xff, 0xe1, 0, 8, ...Buffer.from('Exif\0\0')],
      ...[0xff, 0xfe, 0, 4, ...Buffer.from('hi')],
      ...[0xff, 0xda, 0, 2],
    ]);
    const r = build({}, { stories: [withPhotos('a.jpg')], photos: photosOf([['a.jpg', both]]) });
    expect(only(r, 'Ảnh a.jpg có thông tin ẩn (EXIF, COM)').field).toBe('anh.0.tep');
  });
  it('refuses a photo carrying hidden text', () => {
    const exif = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 8, ...Buffer.from('Exif\0\0'), 0xff, 0xda, 0, 2]);
    const error = only(
      build({}, { stories: [withPhotos('a.jpg')], photos: photosOf([['a.jpg', exif]]) }),
      'Ảnh a.jpg có thông tin ẩn (EXIF)',
    );
    expect(error).toMatchObject({ code: 'constraint-error', field: 'anh.0.tep' });
    expect(error.message).toBe(
      'Ảnh a.jpg có thông tin ẩn (EXIF), có thể gồm tên người, tác giả, vị trí GPS nơi chụp. Trang công khai ảnh ' +
        'nguyên như tệp, nên xuất lại ảnh không kèm thông tin ẩn (ví dụ mở bằng Paint rồi lưu lại, hoặc chọn "Xóa ' +
        'thuộc tính và thông tin cá nhân" trong Windows) rồi chạy lại.',
    );
  });
  it('refuses a photo over the size limit, and takes one exactly at it', () => {
    const at = build({}, { stories: [withPhotos('a.jpg')], photos: photosOf([['a.jpg', jpeg(PHOTO_MAX_BYTES)]]) });
    expect(all(at)).toEqual([]);
    const over = build(
      {},
      { stories: [withPhotos('a.jpg')], photos: photosOf([['a.jpg', jpeg(PHOTO_MAX_BYTES + 1)]]) },
    );
    const error = only(over, `Ảnh a.jpg nặng ${PHOTO_MAX_BYTES / 1024 + 1} KB, quá ${PHOTO_MAX_BYTES / 1024} KB`);
    expect(error).toMatchObject({ code: 'constraint-error', field: 'anh.0.tep' });
  });
  it('refuses photos of one story that are too heavy together, and takes them at the limit', () => {
    const half = STORY_PHOTOS_MAX_BYTES / 2;
    const s = withPhotos('a.jpg', 'b.jpg');
    const at = build(
      {},
      {
        stories: [s],
        photos: photosOf([
          ['a.jpg', jpeg(half)],
          ['b.jpg', jpeg(half)],
        ]),
      },
    );
    expect(all(at)).toEqual([]);
    const over = build(
      {},
      {
        stories: [s],
        photos: photosOf([
          ['a.jpg', jpeg(half)],
          ['b.jpg', jpeg(half + 1)],
        ]),
      },
    );
    const error = only(
      over,
      `Các ảnh của bài nặng tổng cộng ${STORY_PHOTOS_MAX_BYTES / 1024 + 1} KB, quá ${STORY_PHOTOS_MAX_BYTES / 1024} KB.`,
    );
    expect(error).toMatchObject({ code: 'constraint-error', file: STORY, field: 'anh', line: lineOfField(s, 'anh') });
    // Each story is weighed on its own.
    const two = [withPhotos('a.jpg'), story({ anh: [photo('b.jpg')] }, 'bai-hai')];
    expect(
      all(
        build(
          {},
          {
            stories: two,
            photos: photosOf([
              ['a.jpg', jpeg(half + 1)],
              ['b.jpg', jpeg(half + 1)],
            ]),
          },
        ),
      ),
    ).toEqual([]);
  });
});
