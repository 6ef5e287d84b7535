import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '../src/lib/format/vi.ts';
import { COMMUNES_ON_ONE_PAGE, ENTRIES_PER_PAGE } from '../src/lib/site/lists.ts';
import { WARNINGS_SHOWN } from '../src/lib/site/quality.ts';
import { fileFor, listFiles, runScript } from './helpers.ts';

// A province-sized dataset from `npm run gen-data` (more communes than the overview lists, a map draws or a
// table holds on one page):
// the lists that grow with the country become an A–Z list and tables in pages, every page stays small, and
// the pages the build writes are those of the lock gen-data wrote, page 2, 3, … of a list excepted.
const COMMUNES = Math.max(COMMUNES_ON_ONE_PAGE, ENTRIES_PER_PAGE) + 10;
let root = '';
let dist = '';
/** Official review rows left without their decision number: a warning each. */
let undecided = 0;
const read = (rel: string) => readFileSync(join(dist, rel), 'utf8');
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
const communeLinks = (html: string) => links(html).filter((l) => /^\/xa\/[^/]+\/$/.test(l));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'chung-tay-tinh-'));
  const args = ['--communes', String(COMMUNES), '--villages-per-commune', '1', '--seed', '3', '--out', root];
  const gen = runScript('scripts/gen-data.ts', args);
  if (gen.status !== 0) throw new Error(gen.stderr);
  // A clerk's habit, across a province: official figures without the decision that approved them.
  const reviews = join(root, 'data', 'ket-qua-ra-soat.csv');
  const { data } = Papa.parse<Record<string, string>>(readFileSync(reviews, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  for (const row of data.filter((r) => r['trang_thai'] === 'chinh_thuc' && r['so_quyet_dinh'])) {
    row['so_quyet_dinh'] = '';
    row['ngay_quyet_dinh'] = '';
    undecided++;
  }
  writeFileSync(reviews, Papa.unparse(data));
  dist = join(root, 'dist');
  const env = { CHUNG_TAY_DATA_DIR: join(root, 'data'), CHUNG_TAY_CONTENT_DIR: join(root, 'content') };
  const build = runScript('scripts/build.ts', [], { ...env, CHUNG_TAY_DIST_DIR: dist });
  if (build.status !== 0) throw new Error(`${build.stdout}\n${build.stderr}`);
});

describe(`a site of ${COMMUNES} communes`, () => {
  it('links an A–Z list of communes from the overview instead of listing them, and lists each commune once there', () => {
    const home = read('index.html');
    expect(communeLinks(home)).toEqual([]);
    expect(home).toContain('href="/danh-sach-xa/"');
    const pages = listFiles(join(dist, 'danh-sach-xa')).filter((f) => f.endsWith('.html'));
    const listed = pages.flatMap((f) => communeLinks(read(`danh-sach-xa/${f}`)));
    expect(new Set(listed).size).toBe(COMMUNES);
  });

  it('gives a map of too many communes as its tally and its table in pages, with links between the pages', () => {
    const first = read('ban-do/tieu-chi-xa-2/index.html');
    expect(first).not.toContain('<svg viewBox');
    expect(first).toContain('rel="next"');
    expect(read('index.html')).not.toContain('id="ban-do-tong-quan');
    expect(read('index.html')).toContain('href="/ban-do/ty-le-ngheo-da-chieu/"');
    const second = read('ban-do/tieu-chi-xa-2/trang-2/index.html');
    expect(second).toContain('<meta name="robots" content="noindex">');
    expect(links(second)).toContain('/ban-do/tieu-chi-xa-2/');
    const rows = [first, second].flatMap((html) => [...html.matchAll(/<th scope="row">/g)]);
    expect(rows).toHaveLength(COMMUNES);
  });

  it('keeps every page under 100 KB gzip, and every link between them resolving', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    for (const p of pages) expect(gzipSync(readFileSync(join(dist, p))).length, p).toBeLessThan(100 * 1024);
    const targets = new Set(listFiles(dist));
    const internal = [
      ...new Set(['index.html', 'ban-do/tieu-chi-xa-2/trang-2/index.html'].flatMap((p) => links(read(p)))),
    ].filter((l) => l.startsWith('/') && !l.startsWith('//'));
    for (const l of internal) expect(targets.has(fileFor(l)), l).toBe(true);
  });

  it('shows the first warnings of a file on the data-quality page and counts the rest, which its download lists', () => {
    expect(undecided).toBeGreaterThan(2 * WARNINGS_SHOWN);
    const page = read('du-lieu/chat-luong/index.html');
    const file = page.slice(page.indexOf('<h2>ket-qua-ra-soat.csv: '));
    const total = Number(/^<h2>ket-qua-ra-soat\.csv: ([\d.]+) cảnh báo/.exec(file)?.[1]?.replace(/\./g, ''));
    expect(total).toBeGreaterThanOrEqual(undecided);
    expect(file.split('</table>')[0]?.match(/<tr><td>/g)).toHaveLength(WARNINGS_SHOWN);
    expect(file).toContain(`Còn ${formatCount(total - WARNINGS_SHOWN)} cảnh báo khác của ket-qua-ra-soat.csv`);
    const listed = Papa.parse<Record<string, string>>(read('du-lieu/chat-luong.csv').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(listed.filter((w) => w['file'] === 'ket-qua-ra-soat.csv')).toHaveLength(total);
    expect(listed.filter((w) => w['field'] === 'so_quyet_dinh' && w['code'] === 'missing-cell')).toHaveLength(
      undecided,
    );
  });

  it('writes the pages of the lock gen-data wrote, and page 2, 3, … of long lists besides', () => {
    const lock = readFileSync(join(root, 'data', 'duong-dan.lock'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t')[0]);
    const built = listFiles(dist)
      .filter((f) => f.endsWith('index.html') && !/(^|\/)trang-\d+\/index\.html$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    expect(lock).toEqual(expect.arrayContaining(built));
    // No round is frozen in generated data: no /dot/ page, as the lock has none.
    expect(built).not.toContain('/dot/');
    expect(lock).toEqual(expect.arrayContaining(['/danh-sach-xa/']));
  });
});
