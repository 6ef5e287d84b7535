import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData, copySample, editFile, runScript } from './helpers.ts';

// The data steward's command on the sample data and on copies broken the way real staff break them.

const lines = (text: string) => text.split('\n');
function setLine(path: string, line: number, edit: (l: string) => string) {
  editFile(path, (text) =>
    lines(text)
      .map((l, i) => (i === line - 1 ? edit(l) : l))
      .join('\n'),
  );
}
function setCell(path: string, line: number, column: string, value: string) {
  editFile(path, (text) => {
    const rows = lines(text);
    const header = (rows[0] ?? '').split(',');
    const index = header.indexOf(column);
    const cells = (rows[line - 1] ?? '').split(',');
    cells[index] = value;
    rows[line - 1] = cells.join(',');
    return rows.join('\n');
  });
}

describe('npm run check-data', () => {
  it('accepts the sample data', () => {
    const { status, report } = checkData();
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(status).toBe(0);
  });

  it('prints a readable Vietnamese report grouped by file without --json', () => {
    const { data, content } = copySample();
    setCell(join(data, 'ket-qua-ra-soat.csv'), 40, 'so_ho_ngheo', '"12,5"');
    const run = runScript('scripts/check-data.ts', [], { CHUNG_TAY_DATA_DIR: data, CHUNG_TAY_CONTENT_DIR: content });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ket-qua-ra-soat.csv: 1 lỗi');
    expect(run.stdout).toContain('dòng 40, cột so_ho_ngheo (J)');
    expect(run.stdout).toContain('không có gì được công khai');
  });

  type Break = [
    string,
    (dir: { data: string; content: string }) => void,
    Partial<{ file: string; line: number | null; column: string; field: string | null; code: string }>,
  ];
  const breaks: Break[] = [
    [
      'a fractional count',
      ({ data }) => setCell(join(data, 'ket-qua-ra-soat.csv'), 40, 'so_ho_ngheo', '"12,5"'),
      { file: 'ket-qua-ra-soat.csv', line: 40, column: 'so_ho_ngheo', field: 'so_ho_ngheo', code: 'type-error' },
    ],
    [
      'an Excel error value',
      ({ data }) => setCell(join(data, 'ket-qua-ra-soat.csv'), 77, 'tong_so_ho', '#DIV/0!'),
      { file: 'ket-qua-ra-soat.csv', line: 77, field: 'tong_so_ho' },
    ],
    [
      'poor households above the total',
      ({ data }) => setCell(join(data, 'ket-qua-ra-soat.csv'), 12, 'so_ho_ngheo', '900'),
      { file: 'ket-qua-ra-soat.csv', line: 12, field: 'so_ho_ngheo', code: 'row-constraint' },
    ],
    [
      'an unknown unit code',
      ({ data }) => setCell(join(data, 'ket-qua-ra-soat.csv'), 300, 'ma_don_vi', '99999-01'),
      { file: 'ket-qua-ra-soat.csv', line: 300, field: 'ma_don_vi', code: 'foreign-key' },
    ],
    [
      'the same village and year twice',
      ({ data }) => editFile(join(data, 'ket-qua-ra-soat.csv'), (t) => `${t}${lines(t)[5]}\n`),
      { file: 'ket-qua-ra-soat.csv', line: 860, code: 'primary-key' },
    ],
    [
      'an impossible date',
      ({ data }) => setCell(join(data, 'khen-thuong.csv'), 3, 'ngay_quyet_dinh', '31/02/2023'),
      { file: 'khen-thuong.csv', line: 3, field: 'ngay_quyet_dinh' },
    ],
    [
      'a required column missing',
      ({ data }) =>
        editFile(join(data, 'ket-qua-ra-soat.csv'), (t) => t.replace('so_ho_can_ngheo,', 'so_ho_can_ngheo_x,')),
      { file: 'ket-qua-ra-soat.csv', line: 1, field: 'so_ho_can_ngheo', code: 'missing-label' },
    ],
    [
      'a duplicated header',
      ({ data }) => editFile(join(data, 'khu-vuc.csv'), (t) => t.replace('can_cu', 'khu_vuc')),
      { file: 'khu-vuc.csv', line: 1, code: 'duplicate-label' },
    ],
    [
      'a column of phone numbers',
      ({ data }) =>
        editFile(join(data, 'khen-thuong.csv'), (t) =>
          lines(t)
            .map((l, i) => (l ? `${l},${i === 0 ? 'Số điện thoại' : '0912345678'}` : l))
            .join('\n'),
        ),
      { file: 'khen-thuong.csv', line: 1, code: 'extra-label' },
    ],
    [
      'a row with a stray separator',
      ({ data }) => setLine(join(data, 'khu-vuc.csv'), 5, (l) => `${l},thừa`),
      { file: 'khu-vuc.csv', line: 5, code: 'extra-cell' },
    ],
    [
      'an unclosed quote',
      ({ data }) => setLine(join(data, 'tieu-chi.csv'), 4, (l) => l.replace('TC_THON', '"TC_THON')),
      { file: 'tieu-chi.csv', code: 'format-error' },
    ],
    [
      'a village under a commune that does not exist',
      ({ data }) => setCell(join(data, 'don-vi.csv'), 10, 'ma_don_vi_cha', '04000'),
      { file: 'don-vi.csv', line: 10, field: 'ma_don_vi_cha', code: 'foreign-key' },
    ],
    [
      'names turned into "?" by an English-Windows export',
      ({ data }) => editFile(join(data, 'don-vi.csv'), (t) => t.replace('Xã Sì Lở Lầu,Xã Sì Lờ Lầu', 'X? S? L? L?u,')),
      { file: 'don-vi.csv', field: 'ten_don_vi', code: 'encoding-error' },
    ],
    [
      'a workbook renamed to .csv',
      ({ data }) => writeFileSync(join(data, 'khu-vuc.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])),
      { file: 'khu-vuc.csv', line: null, code: 'format-error' },
    ],
    [
      'a windows-1258 export',
      ({ data }) =>
        writeFileSync(
          join(data, 'khu-vuc.csv'),
          Buffer.concat([readFileSync(join(data, 'khu-vuc.csv')), Buffer.from([0x4b, 0xf5, 0x0a])]),
        ),
      { file: 'khu-vuc.csv', code: 'encoding-error' },
    ],
    [
      'a missing file',
      ({ data }) => rmSync(join(data, 'tieu-chi.csv')),
      { file: 'tieu-chi.csv', code: 'format-error' },
    ],
    [
      'a threshold with a decimal point',
      ({ data }) => editFile(join(data, 'tieu-chi.csv'), (t) => t.replace(',>,60,', ',>,60.5,')),
      { file: 'tieu-chi.csv', line: 3, field: 'nguong' },
    ],
    [
      'an ID number in an achievement',
      ({ data }) =>
        editFile(join(data, 'khen-thuong.csv'), (t) =>
          t.replace('Vươn lên thoát nghèo nhờ mô hình trồng chè', 'CCCD 012345678901'),
        ),
      { file: 'khen-thuong.csv', line: 3, field: 'thanh_tich' },
    ],
    [
      'a story naming a household without consent',
      ({ content }) =>
        editFile(
          join(content, 'dien-hinh/thon-ma-su-doi-thay.mdx'),
          (t) => `${t}\nGia đình ông Sùng A Chứ cũng được khen.\n`,
        ),
      { file: 'dien-hinh/thon-ma-su-doi-thay.mdx', code: 'constraint-error' },
    ],
    [
      'a story pointing to a unit that does not exist',
      ({ content }) =>
        editFile(join(content, 'dien-hinh/htx-che-si-lo-lau.mdx'), (t) =>
          t.replace('ma_don_vi: "03550"', 'ma_don_vi: "03999"'),
        ),
      { file: 'dien-hinh/htx-che-si-lo-lau.mdx', field: 'ma_don_vi' },
    ],
  ];

  for (const [what, breakIt, expected] of breaks) {
    it(`refuses ${what}, naming the file and line`, () => {
      const dir = copySample();
      breakIt(dir);
      const { status, report } = checkData(dir.data, dir.content);
      expect(report.ok).toBe(false);
      expect(status).toBe(1);
      expect(report.errors[0]).toMatchObject(expected);
      for (const e of report.errors) {
        expect(e.message).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i);
        expect(e.message).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  }

  it('refuses the build as well, leaving the published site untouched', () => {
    const dir = copySample();
    setCell(join(dir.data, 'ket-qua-ra-soat.csv'), 12, 'so_ho_ngheo', '900');
    const before = statSync('dist/index.html').mtimeMs;
    const run = runScript('scripts/build.ts', [], { CHUNG_TAY_DATA_DIR: dir.data, CHUNG_TAY_CONTENT_DIR: dir.content });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ket-qua-ra-soat.csv: 1 lỗi');
    expect(run.stderr).toContain('dòng 12');
    expect(statSync('dist/index.html').mtimeMs).toBe(before);
    expect(() => statSync('.site-build-dist')).toThrow();
  });
});

describe('headers written as Vietnamese labels', () => {
  it('reports the column as the header is written, with its letter', () => {
    const dir = copySample();
    editFile(join(dir.data, 'ket-qua-ra-soat.csv'), (t) => t.replace('so_ho_ngheo,', 'Số hộ nghèo,'));
    setCell(join(dir.data, 'ket-qua-ra-soat.csv'), 40, 'Số hộ nghèo', 'nhiều');
    const { report } = checkData(dir.data, dir.content);
    expect(report.errors[0]).toMatchObject({
      line: 40,
      column: 'Số hộ nghèo',
      column_letter: 'J',
      field: 'so_ho_ngheo',
      value: 'nhiều',
    });
  });
});

describe('exports that are fine as they are', () => {
  it('accepts "Unicode Text" (UTF-16, tabs) and vi-VN "CSV UTF-8" (BOM, ";", decimal commas, Vietnamese labels)', () => {
    const dir = copySample();
    const units = Papa.parse<string[]>(readFileSync(join(dir.data, 'don-vi.csv'), 'utf8').trim()).data;
    // Excel's "Unicode Text": UTF-16LE with BOM, tab-separated, CRLF.
    const tabbed = Papa.unparse(units, { delimiter: '\t', newline: '\r\n' });
    writeFileSync(
      join(dir.data, 'don-vi.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]),
    );
    const regions = readFileSync(join(dir.data, 'khu-vuc.csv'), 'utf8').split('\n');
    regions[0] = 'Mã đơn vị;KHU VỰC;từ năm;Đến năm;Căn cứ';
    writeFileSync(
      join(dir.data, 'khu-vuc.csv'),
      `\uFEFF${regions.map((l, i) => (i === 0 ? l : l.replace(/,/g, ';'))).join('\r\n')}`,
    );
    editFile(join(dir.data, 'dia-phuong.csv'), (t) =>
      t.replace('nguong_uoc_tinh_thoat_dbkk,15,', 'nguong_uoc_tinh_thoat_dbkk,"15,0",'),
    );
    const { status, report } = checkData(dir.data, dir.content);
    expect(report.errors).toEqual([]);
    expect(status).toBe(0);
  });
});
