import { describe, expect, it } from 'vitest';
import { makeIssue, type Issue } from './ingest/issues.ts';
import { renderHtmlReport } from './report-html.ts';

// The report a clerk prints or forwards: every problem with its place and fix, nothing fetched from
// elsewhere, and data shown as text even when a cell holds markup.

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';

const csvError = makeIssue(
  'error',
  { file: 'ket-qua-ra-soat.csv', line: 40, column: 'Số hộ nghèo', column_letter: 'J', value: '12,5' },
  'type-error',
  '"12,5" không phải số nguyên.',
);
const xlsxError: Issue = {
  ...makeIssue(
    'error',
    { file: 'don-vi.xlsx', line: 12, column: 'Tên đơn vị', column_letter: 'C', value: HOSTILE },
    'type-error',
    `Tên "${HOSTILE}" sai.`,
  ),
  cell: 'DonVi!C12',
};
const fileWarning = makeIssue('warning', { file: 'khen-thuong.csv' }, 'extra-label', 'Cột "x" được bỏ qua.');

const html = renderHtmlReport([csvError, xlsxError], [fileWarning], new Date(2026, 10, 20, 9, 5));

/** The rows of the table under a file's heading. */
const sectionOf = (file: string) => html.split('<section>').find((s) => s.includes(`<h2>${file}</h2>`)) ?? '';

describe('the HTML check report', () => {
  it('is one standalone Vietnamese document: no script, no link, no resource from anywhere', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href|srcset|action)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).toMatch(/@media print/);
  });

  it('groups the problems by file, each with its place, value, message and code', () => {
    expect(sectionOf('ket-qua-ra-soat.csv')).toContain('<p>1 lỗi, 0 cảnh báo</p>');
    expect(sectionOf('ket-qua-ra-soat.csv')).toContain('dòng 40, cột Số hộ nghèo (J)');
    expect(sectionOf('ket-qua-ra-soat.csv')).toContain('&quot;12,5&quot; không phải số nguyên.');
    expect(sectionOf('don-vi.xlsx')).toContain('DonVi!C12, cột Tên đơn vị');
    expect(sectionOf('khen-thuong.csv')).toMatch(/Cảnh báo<\/td><td class="place">cả tệp/);
    expect(html).toContain('Lập lúc 20/11/2026 09:05');
    expect(html).toContain('Có 2 lỗi: chưa dựng trang, không có gì được công khai.');
  });

  it('shows a hostile cell as text, never as markup', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(sectionOf('don-vi.xlsx')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x');
  });

  it('says the data is valid when there is no error', () => {
    expect(renderHtmlReport([], [fileWarning], new Date(2026, 0, 1))).toContain('Dữ liệu hợp lệ (1 cảnh báo');
  });
});
