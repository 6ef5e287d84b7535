import { describe, expect, it } from 'vitest';
import { reviewTable } from '../schemas/tables.ts';
import { parseTable } from './table.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = 'ma_don_vi,nam,trang_thai,tong_so_ho,so_ho_ngheo,so_ho_can_ngheo';
const ROW = 'X1-01,2023,chinh_thuc,100,30,10';
const parse = (text: string | Uint8Array) => parseTable(reviewTable, typeof text === 'string' ? enc(text) : text);
const errors = (text: string | Uint8Array) => parse(text).issues.filter((i) => i.severity === 'error');

describe('encodings as Excel saves them', () => {
  it('accepts "CSV UTF-8" with a BOM and keeps the BOM out of the first header', () => {
    const { table, issues } = parse(`\uFEFF${HEADER}\n${ROW}\n`);
    expect(issues).toEqual([]);
    expect(table?.rows[0]?.row.ma_don_vi).toBe('X1-01');
  });
  it('accepts "Unicode Text" (UTF-16LE, tab-separated)', () => {
    const text = `${HEADER}\n${ROW}\n`.replace(/,/g, '\t');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(parse(bytes).table?.rows).toHaveLength(1);
  });
  it('refuses windows-1258 bytes with instructions to save as CSV UTF-8', () => {
    const bytes = enc(`${HEADER},ten_don_vi\n${ROW},B`);
    const legacy = new Uint8Array([...bytes, 0xe0, 0x6e, 0x0a]);
    const [e] = errors(legacy);
    expect(e?.code).toBe('encoding-error');
    expect(e?.message).toContain('CSV UTF-8');
  });
  it('says what a renamed .xlsx or .xls is', () => {
    expect(errors(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))[0]?.message).toContain('.xlsx');
    expect(errors(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))[0]?.message).toContain('.xls');
  });
});

describe('rows refused', () => {
  it('keeps a refused row as written, column by column, with a column the file lacks empty', () => {
    // Columns in another order than the contract's; so_ho_dtts and the others are not in the file.
    const text =
      'so_ho_ngheo,ma_don_vi,nam,trang_thai,tong_so_ho,so_ho_can_ngheo\n' + '12,X1-01,2023,chinh_thuc,10,x\n';
    const { table, issues } = parse(text);
    expect(issues.map((i) => [i.field, i.value])).toEqual([['so_ho_can_ngheo', 'x']]);
    const row = table?.refused[0]?.row as Record<string, string> | undefined;
    expect(Object.keys(row ?? {})).toEqual(reviewTable.columns.map((c) => c.key));
    expect(row).toMatchObject({
      ma_don_vi: 'X1-01',
      nam: '2023',
      so_ho_ngheo: '12',
      so_ho_can_ngheo: 'x',
      so_ho_dtts: '',
    });
  });

  it('names the cell a row rule refuses, with its value as written', () => {
    const { table, issues } = parse(
      'so_ho_ngheo,ma_don_vi,nam,trang_thai,tong_so_ho,so_ho_can_ngheo\n 12,X1-01,2023,chinh_thuc,10,0\n',
    );
    expect(issues.map((i) => [i.line, i.field, i.column_letter, i.value])).toEqual([[2, 'so_ho_ngheo', 'A', ' 12']]);
    expect(table?.rows).toEqual([]);
    expect(table?.refused[0]?.row).toMatchObject({ so_ho_ngheo: ' 12', tong_so_ho: '10' });
  });
});

describe('dialect and structure', () => {
  it('detects ";" and tab separators and reads decimal commas in them', () => {
    expect(parse(`${HEADER.replace(/,/g, ';')}\n${ROW.replace(/,/g, ';')}\n`).table?.rows).toHaveLength(1);
    expect(parse(`${HEADER.replace(/,/g, '\t')}\n${ROW.replace(/,/g, '\t')}\n`).table?.rows).toHaveLength(1);
  });
  it('matches Vietnamese labels as headers, whatever the case, spacing or diacritic form, in any order', () => {
    const header = 'SỐ HỘ NGHÈO,  mã đơn vị ,Năm rà soát,Trạng thái số liệu,Tổng số hộ,Số hộ cận nghèo'.normalize(
      'NFD',
    );
    const { table, issues } = parse(`${header}\n30,X1-01,2023,Chính thức,100,10\n`);
    expect(issues).toEqual([]);
    expect(table?.rows[0]?.row).toMatchObject({ ma_don_vi: 'X1-01', so_ho_ngheo: 30, trang_thai: 'chinh_thuc' });
  });
  it('refuses duplicated, blank and missing required headers', () => {
    expect(errors(`${HEADER},so_ho_ngheo\n${ROW},3\n`)[0]?.code).toBe('duplicate-label');
    expect(errors(`${HEADER},\n${ROW},5\n`)[0]?.code).toBe('blank-label');
    const missing = errors(`ma_don_vi,nam,trang_thai,tong_so_ho,so_ho_ngheo\nX1-01,2023,chinh_thuc,100,30\n`);
    expect(missing[0]).toMatchObject({ code: 'missing-label', field: 'so_ho_can_ngheo', line: 1 });
  });
  it('ignores an unknown column with a warning, and refuses one that looks like personal data', () => {
    const extra = parse(`${HEADER},ghi chú riêng\n${ROW},abc\n`);
    expect(extra.table?.rows).toHaveLength(1);
    expect(extra.issues[0]).toMatchObject({ severity: 'warning', code: 'extra-label' });
    for (const header of ['Số CCCD', 'Số điện thoại', 'Ngày sinh', 'Dân tộc', 'Địa chỉ']) {
      expect(errors(`${HEADER},${header}\n${ROW},x\n`)[0]?.message).toContain('dữ liệu cá nhân');
    }
  });
  it('names the line a person sees, across blank lines, mixed endings and quoted line breaks', () => {
    const text = `${HEADER}\r\n${ROW}\n\n"X1-\n02",2023,chinh_thuc,100,30,10\r\nX1-03,2023,chinh_thuc,100,abc,10\n`;
    const e = errors(text);
    expect(e).toHaveLength(2);
    expect(e[0]).toMatchObject({ line: 4, field: 'ma_don_vi' });
    expect(e[1]).toMatchObject({
      line: 6,
      field: 'so_ho_ngheo',
      column: 'so_ho_ngheo',
      column_letter: 'E',
      value: 'abc',
      code: 'type-error',
    });
  });
  it('refuses rows with too few or too many cells, and unclosed quotes', () => {
    expect(errors(`${HEADER}\nX1-01,2023,chinh_thuc,100,30\n`)[0]).toMatchObject({ code: 'missing-cell', line: 2 });
    expect(errors(`${HEADER}\n${ROW},7\n`)[0]).toMatchObject({ code: 'extra-cell', line: 2 });
    expect(errors(`${HEADER}\n${ROW},,\n`)[0]).toMatchObject({ code: 'extra-cell', line: 2 });
    expect(errors(`${HEADER}\n${ROW}\n"X1-02,2023,chinh_thuc,100,30,10\n`)[0]).toMatchObject({
      code: 'format-error',
      line: 3,
    });
  });
  it('refuses Excel errors, negative and fractional counts, and impossible figures', () => {
    expect(errors(`${HEADER}\nX1-01,2023,chinh_thuc,100,#DIV/0!,10\n`)[0]?.message).toContain('lỗi công thức Excel');
    expect(errors(`${HEADER}\nX1-01,2023,chinh_thuc,100,-3,10\n`)[0]?.field).toBe('so_ho_ngheo');
    expect(errors(`${HEADER}\nX1-01,2023,chinh_thuc,"100,5",30,10\n`)[0]?.field).toBe('tong_so_ho');
    const over = errors(`${HEADER}\nX1-01,2023,chinh_thuc,100,95,10\n`)[0];
    expect(over).toMatchObject({ code: 'row-constraint', field: 'so_ho_can_ngheo', line: 2 });
    expect(errors(`${HEADER}\nX1-01,2023,chinh_thuc,100,130,0\n`)[0]?.field).toBe('so_ho_ngheo');
    expect(errors(`${HEADER},so_ho_ngheo_dtts\n${ROW},31\n`)[0]?.field).toBe('so_ho_ngheo_dtts');
  });
  it('reads "1.234" as one thousand two hundred thirty-four', () => {
    expect(parse(`${HEADER}\nX1-01,2023,chinh_thuc,1.234,300,100\n`).table?.rows[0]?.row.tong_so_ho).toBe(1234);
  });
});

describe('row shape', () => {
  it('refuses a row an unquoted decimal comma split, even when the cells pushed right were empty', () => {
    const header = `${HEADER},so_ho_ngheo_dau_nam`;
    const e = errors(`${header}\nX1-01,2023,chinh_thuc,100,12,5,10,\n`);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'extra-cell', line: 2, column_letter: 'H' });
    expect(e[0]?.message).toContain('8 ô, nhiều hơn 7 cột');
    expect(e[0]?.message).toContain('"12,5"');
  });
  it("accepts Excel's trailing separator when the header and every row carry it", () => {
    const { table, issues } = parse(`${HEADER},\n${ROW},\nX1-02,2023,chinh_thuc,90,20,5,\n`);
    expect(issues).toEqual([]);
    expect(table?.rows.map((r) => r.row.so_ho_ngheo)).toEqual([30, 20]);
  });
  it('names a total row for what it is', () => {
    const e = errors(`${HEADER}\n${ROW}\nTổng cộng,2023,,100,30,10\n`);
    expect(e).toEqual([expect.objectContaining({ code: 'format-error', line: 3, value: 'Tổng cộng' })]);
    expect(e[0]?.message).toContain('dòng tổng cộng');
  });
  it('says which line holds the header when title rows sit above it', () => {
    const e = errors(`BÁO CÁO KẾT QUẢ RÀ SOÁT NĂM 2023,,,,,\n,,,,,\n${HEADER}\n${ROW}\n`);
    expect(e).toEqual([expect.objectContaining({ code: 'format-error', line: 1 })]);
    expect(e[0]?.message).toContain('dòng 3');
  });
});

describe('files that are not what they claim', () => {
  it('says an HTML table is a web page, not CSV', () => {
    const [e] = errors('<html><body><table><tr><td>ma_don_vi</td></tr></table></body></html>');
    expect(e).toMatchObject({ code: 'format-error' });
    expect(e?.message).toContain('HTML');
  });
  it('recognises UTF-16 without a byte-order mark', () => {
    const bytes = new Uint8Array(Buffer.from(`${HEADER}\n${ROW}\n`, 'utf16le'));
    const [e] = errors(bytes);
    expect(e).toMatchObject({ code: 'encoding-error' });
    expect(e?.message).toContain('UTF-16');
  });
  it('recognises UTF-8 that was read as windows-1252 and saved again, naming the line', () => {
    const garbled = Buffer.from(Buffer.from('Xã Sì', 'utf8').toString('latin1'), 'utf8');
    const before = enc(`${HEADER},ten_don_vi\n${ROW},A\n${ROW.replace('01', '02')},`);
    const text = Buffer.concat([before, garbled, enc('\n')]);
    const [e] = errors(new Uint8Array(text));
    expect(e).toMatchObject({ code: 'encoding-error', line: 3 });
    expect(e?.message).toContain('XÃ£');
  });
  it('gives the line of a NUL byte', () => {
    const [e] = errors(`${HEADER}\n${ROW}\nX1-02,2023,chinh_thuc,1\u000000,30,10\n`);
    expect(e).toMatchObject({ code: 'encoding-error', line: 3 });
  });
});

describe('personal-data columns', () => {
  it('refuses them in any spelling, case or diacritic form', () => {
    const personal = [
      'Số định danh cá nhân',
      'Số CMT',
      'Giới tính / Năm SN',
      'C.M.N.D',
      'SỐ ĐIỆN THOẠI',
      'Zalo',
      'Ngày tháng năm sinh',
      'Dân tộc',
      'Tôn giáo',
      'Tình trạng sức khỏe',
      'Khuyết tật',
      'Số nhà',
      'Địa chỉ chi tiết',
      'Thành viên hộ',
      'Họ và tên chủ hộ',
      'Hộ chiếu',
      'so_cccd',
    ];
    for (const header of personal) {
      const e = errors(`${HEADER},${header.includes(',') ? `"${header}"` : header}\n${ROW},x\n`);
      expect(e[0], header).toMatchObject({ code: 'extra-label', line: 1 });
      expect(e[0]?.message, header).toContain('dữ liệu cá nhân');
    }
  });
  it("allows counts of households, and the contract's own ethnic-minority columns", () => {
    const counts = [
      'Số hộ dân tộc thiểu số nghèo',
      'Số người khuyết tật',
      'so_ho_dtts',
      'Số hộ nghèo dân tộc thiểu số',
      'Ghi chú nội bộ',
    ];
    for (const header of counts) {
      expect(errors(`${HEADER},${header}\n${ROW},3\n`), header).toEqual([]);
    }
  });
});
