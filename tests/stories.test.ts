import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData, copySample, DIST, listFiles, runScript } from './helpers.ts';

// Stories are text, not programs: a story that would run code, embed another site, link to a
// script or read a file of the build machine is refused by check-data at its file and line, and
// `npm run build` stops before Astro runs, with the same Vietnamese report and dist/ untouched.

const FRONT = [
  '---', // 1
  'tieu_de: "Bài viết thử các cấu trúc bị cấm"',
  'tom_tat: "Một bài viết dùng để kiểm tra rằng trang không chạy mã trong bài."',
  'ngay: "2025-12-01"',
  'tac_gia: "Ban Tuyên giáo"',
  'ma_don_vi: "03550-02"',
  'anh:',
  '  - tep: "nuong-thao-qua-minh-hoa.png"',
  '    mo_ta: "Hình vẽ minh họa nương thảo quả"',
  '    tac_gia: "Trung tâm Văn hóa – Truyền thông"',
  '    dong_y: true',
  '---', // 12
];

const HOSTILE = [
  ...FRONT,
  '',
  "import { readFileSync } from 'node:fs'", // 14
  '',
  'Máy dựng trang: {process.env.HOME}.', // 16
  '',
  '<iframe src="https://evil.example/"></iframe>', // 18
  '',
  '[Bấm vào đây](javascript:alert(1)) để xem.', // 20
  '',
  '![Tệp hệ thống](../../../../../../etc/hostname)', // 22
  '',
  '<script>alert(1)</script>', // 24
].join('\n');

/** dist/ as it is: every file and its content, to show a refused build changes nothing. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const file of listFiles(DIST).sort()) hash.update(file).update(readFileSync(join(DIST, file)));
  return hash.digest('hex');
}

const build = (content: string, data: string) =>
  runScript('scripts/build.ts', [], { CHUNG_TAY_DATA_DIR: data, CHUNG_TAY_CONTENT_DIR: content });
const STACK_TRACE = /\n\s+at .+:\d+:\d+|Error:|node:internal/;

describe('a story that tries to be a program', () => {
  it("is refused by check-data at each construct's file and line, and the build publishes nothing", () => {
    const dir = copySample();
    writeFileSync(join(dir.content, 'dien-hinh/bai-doc-hai.mdx'), HOSTILE);
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    const mine = report.errors.filter((e) => e.file === 'dien-hinh/bai-doc-hai.mdx');
    expect(mine.map((e) => [e.line, e.value])).toEqual([
      [14, "import { readFileSync } from 'node:fs'"],
      [16, '{process.env.HOME}'],
      [18, '<iframe>'],
      [20, 'javascript:alert(1)'],
      [22, '../../../../../../etc/hostname'],
      [24, '<script>'],
    ]);
    expect(report.errors).toEqual(mine);

    const before = fingerprint();
    const run = build(dir.content, dir.data);
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toContain('dien-hinh/bai-doc-hai.mdx');
    expect(output).toContain('dòng 18');
    expect(output).not.toMatch(STACK_TRACE);
    const home = process.env['HOME'] ?? '';
    if (home.length > 3) expect(output).not.toContain(home);
    expect(output).not.toContain(readFileSync('/etc/hostname', 'utf8').trim());
    expect(fingerprint()).toBe(before);
  });

  it('explains "< 5% {năm 2025}" in Vietnamese with its line, before the build would fail on it', () => {
    const dir = copySample();
    const story = [...FRONT, '', 'Đoạn đầu.', '', 'Tỷ lệ hộ nghèo < 5% {năm 2025}.']; // the last on line 16
    writeFileSync(join(dir.content, 'dien-hinh/ty-le.mdx'), story.join('\n'));
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    expect(report.errors).toMatchObject([{ file: 'dien-hinh/ty-le.mdx', line: 16, code: 'format-error' }]);
    expect(report.errors[0]?.message).toContain('gõ \\{');
    const run = build(dir.content, dir.data);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/Could not parse|oxc|MDXError/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a .md story and a Word file: check-data reads exactly the files the site publishes', () => {
    const dir = copySample();
    writeFileSync(join(dir.content, 'dien-hinh/bai-cu.md'), [...FRONT, '', 'Chữ.'].join('\n'));
    writeFileSync(join(dir.content, 'dien-hinh/ban-thao.docx'), 'PK\u0003\u0004');
    const { report } = checkData(dir.data, dir.content);
    expect(report.errors.map((e) => e.file)).toEqual(['dien-hinh/ban-thao.docx', 'dien-hinh/bai-cu.md'].sort());
  });
});

describe('a story that uses only what text needs', () => {
  it('passes check-data and builds, with its markup, links and photo in the page', () => {
    const dir = copySample();
    const body = [
      '',
      'Hộ nghèo giảm \\< 5%, H<sub>2</sub>O, m<sup>2</sup>,',
      'vốn <abbr title="Ngân hàng Chính sách xã hội">NHCSXH</abbr>.',
      '',
      '[Cổng thông tin tỉnh](https://laichau.gov.vn/) và [danh sách khen thưởng](/vinh-danh/).',
      '',
      '![Hình vẽ minh họa nương thảo quả](/dien-hinh/anh/nuong-thao-qua-minh-hoa.png)',
    ];
    writeFileSync(join(dir.content, 'dien-hinh/bai-hop-le.mdx'), [...FRONT, ...body].join('\n'));
    expect(checkData(dir.data, dir.content).report.errors).toEqual([]);
    const out = mkdtempSync(join(tmpdir(), 'chung-tay-dist-'));
    const env = { CHUNG_TAY_DATA_DIR: dir.data, CHUNG_TAY_CONTENT_DIR: dir.content, CHUNG_TAY_OUT_DIR: out };
    const run = runScript('node_modules/astro/bin/astro.mjs', ['build'], env);
    expect(run.status, run.stderr).toBe(0);
    const page = readFileSync(join(out, 'dien-hinh/bai-hop-le/index.html'), 'utf8');
    expect(page).toContain('giảm &lt; 5%');
    expect(page).toContain('<sub>2</sub>');
    expect(page).toContain('<abbr title="Ngân hàng Chính sách xã hội">NHCSXH</abbr>');
    expect(page).toContain('href="/vinh-danh/"');
    const photo = '<img src="/dien-hinh/anh/nuong-thao-qua-minh-hoa.png" alt="Hình vẽ minh họa nương thảo quả"';
    expect(page).toContain(photo);
  });
});
