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

describe('dialect and structure', () => {
  it('detects ";" and tab separators and reads decimal commas in them', () => {
    expect(parse(`${HEADER.replace(/,/g, ';')}\n${ROW.replace(/,/g, ';')}\n`).table?.rows).toHaveLength(1);
    expect(parse(`${HEADER.replace(/,/g, '\t')}\n${ROW.replace(/,/g, '\t')}\n`).table?.rows).toHaveLength(1);
  });
  it('matches Vietnamese labels as headers, whatever the case, spacing or diacritic form, in any order', () => {
    const header = 'SỐ HỘ NGHÈO,  mã đơn vị ,Năm rà soát,Trạng thái số liệu,Tổng số hộ,Số hộ cận nghèo'.normalize('NFD');
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
    expect(e[1]).toMatchObject({ line: 6, field: 'so_ho_ngheo', column: 'so_ho_ngheo', column_letter: 'E', value: 'abc', code: 'type-error' });
  });
  it('refuses rows with too few or too many cells, and unclosed quotes', () => {
    expect(errors(`${HEADER}\nX1-01,2023,chinh_thuc,100,30\n`)[0]).toMatchObject({ code: 'missing-cell', line: 2 });
    expect(errors(`${HEADER}\n${ROW},7\n`)[0]).toMatchObject({ code: 'extra-cell', line: 2 });
    expect(parse(`${HEADER}\n${ROW},,\n`).issues).toEqual([]);
    expect(errors(`${HEADER}\n${ROW}\n"X1-02,2023,chinh_thuc,100,30,10\n`)[0]).toMatchObject({ code: 'format-error', line: 3 });
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
