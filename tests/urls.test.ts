import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_FILES } from '../src/lib/site/share.ts';
import { checkData, copySample, DIST, editFile, fileFor, listFiles, pageText, runScript } from './helpers.ts';

// Permanent URLs: data/duong-dan.lock lists every URL the site has published; the data may add
// URLs but not drop or re-point one without declaring it in data/duong-dan-cu.csv.

const LOCK = 'duong-dan.lock';
const lockText = (dir: string) => readFileSync(join(dir, LOCK), 'utf8');
const lockLines = (dir: string) =>
  lockText(dir)
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
const run = (script: string, dir: { data: string; content: string }, env: Record<string, string> = {}) =>
  runScript(script, [], { CHUNG_TAY_DATA_DIR: dir.data, CHUNG_TAY_CONTENT_DIR: dir.content, ...env });
const VILLAGE = { code: '03574-09', name: 'Bản Ma Hồ', path: '/xa/ma-ly-pho/ma-ho/' };

/** A copy of the sample without one village (its unit row and its review rows). */
function withoutVillage() {
  const dir = copySample();
  for (const file of ['don-vi.csv', 'ket-qua-ra-soat.csv']) {
    editFile(join(dir.data, file), (t) =>
      t
        .split('\n')
        .filter((l) => !l.startsWith(`${VILLAGE.code},`))
        .join('\n'),
    );
  }
  return dir;
}

describe('the published-URL lock', () => {
  it('lists exactly the pages and files the build writes', () => {
    const built = listFiles(DIST)
      .filter((f) => !f.startsWith('_astro/') && !f.startsWith('dien-hinh/anh/') && f !== '404.html')
      // The search index (tim-kiem/) changes with the data: its files are not permanent URLs.
      .filter((f) => !f.startsWith('tim-kiem/'))
      // Page 2, 3, … of a long list (a province's or a country's): a position in a list, not permanent content.
      .filter((f) => !/(^|\/)trang-\d+\/index\.html$/.test(f))
      // Icons, feed, sitemap, robots.txt and share images: addresses fixed by the code, not by the data.
      .filter((f) => !SITE_FILES.includes(`/${f}`) && !f.startsWith('anh-chia-se/') && !/^sitemap-\d+\.xml$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(lockLines('data').map((l) => l.split('\t')[0])).toEqual(built);
  });

  it('is the same with the units file in reverse order and no lock to break ties', () => {
    const dir = copySample();
    editFile(join(dir.data, 'don-vi.csv'), (t) => {
      const [header, ...rows] = t.trimEnd().split('\n');
      return `${[header, ...rows.reverse()].join('\n')}\n`;
    });
    rmSync(join(dir.data, LOCK));
    const accept = run('scripts/accept-urls.ts', dir);
    expect(accept.status, accept.stderr).toBe(0);
    expect(lockText(dir.data)).toBe(lockText('data'));
  });

  it('keeps every published URL when a unit with the same name and a smaller code is inserted before it', () => {
    const dir = copySample();
    const twin = `03574-00,,${VILLAGE.name},,thon,03574,,,,,,,,,,,`;
    editFile(join(dir.data, 'don-vi.csv'), (t) => t.replace(/^03574-01,/m, `${twin}\n03574-01,`));
    const before = lockLines(dir.data);
    const { status, report } = checkData(dir.data, dir.content);
    expect(status, JSON.stringify(report.errors)).toBe(0);
    const accept = run('scripts/accept-urls.ts', dir);
    expect(accept.status, accept.stderr).toBe(0);
    const after = lockLines(dir.data);
    expect(after.filter((l) => !before.includes(l))).toEqual([`/xa/ma-ly-pho/ma-ho-03574-00/\tdon-vi 03574-00`]);
    expect(before.filter((l) => !after.includes(l))).toEqual([]);
  });

  it('refuses check-data and the build when a unit is removed without a declared redirect, listing the URL', () => {
    const dir = withoutVillage();
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    const line =
      lockText(dir.data)
        .split('\n')
        .findIndex((l) => l.startsWith(`${VILLAGE.path}\t`)) + 1;
    expect(report.errors).toMatchObject([{ file: LOCK, line, value: VILLAGE.path, code: 'foreign-key' }]);
    expect(report.errors[0]?.message).toContain(`trang đơn vị ${VILLAGE.code}`);
    const before = readFileSync(join(DIST, 'index.html'), 'utf8');
    const build = run('scripts/build.ts', dir);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(VILLAGE.path);
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toBe(before);
  });

  it('builds once the old URL is declared: it names and links the unit it leads to; a removal is a notice', () => {
    const dir = withoutVillage();
    const declared =
      'duong_dan_cu,chuyen_den_ma,ly_do\n' +
      `${VILLAGE.path},03574-08,Bản sáp nhập vào Bản Cang Cáy\n/xa/ma-ly-pho/ban-cu/,,Thôn giải thể từ 2020\n`;
    writeFileSync(join(dir.data, 'duong-dan-cu.csv'), declared);
    const { status, report } = checkData(dir.data, dir.content);
    expect(status, JSON.stringify(report.errors)).toBe(0);
    const out = mkdtempSync(join(tmpdir(), 'chung-tay-dist-'));
    const astro = runScript('node_modules/astro/bin/astro.mjs', ['build'], {
      CHUNG_TAY_DATA_DIR: dir.data,
      CHUNG_TAY_CONTENT_DIR: dir.content,
      CHUNG_TAY_OUT_DIR: out,
    });
    expect(astro.status, astro.stderr).toBe(0);
    const html = readFileSync(join(out, fileFor(VILLAGE.path)), 'utf8');
    expect(pageText(html)).toContain('Trang của Bản Cang Cáy nay ở địa chỉ /xa/ma-ly-pho/cang-cay/');
    expect(html).toContain('href="/xa/ma-ly-pho/cang-cay/"');
    // An old path declared without a code: a notice, and nothing from the reason, which is for the record.
    const notice = pageText(readFileSync(join(out, fileFor('/xa/ma-ly-pho/ban-cu/')), 'utf8'));
    expect(notice).toContain('Trang đã được gỡ');
    expect(notice).not.toContain('giải thể');
  });
});

describe('redirects from other spellings', () => {
  it('name the unit and link to its page', () => {
    const text = pageText(readFileSync(join(DIST, fileFor('/xa/ma-li-pho/')), 'utf8'));
    expect(text).toContain('Trang của Xã Ma Ly Pho nay ở địa chỉ /xa/ma-ly-pho/');
  });
});
