import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOutputCheck } from '../scripts/output-check.ts';
import { namesIn } from '../src/lib/domain/protected-names.ts';

// The build's scan of its own output, as the build drives it: files reported one by one while Astro writes, then
// the rest of the folder at the end. Every file must be read exactly once, whichever worker takes it.

const NAMES = [{ ma_khen_thuong: 'KT-9', words: namesIn('Hộ ông Sùng A Chứ')[0]! }];
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(pages: number): { reported: string[]; found: string[] } {
  root = mkdtempSync(join(tmpdir(), 'quet-'));
  const reported: string[] = [];
  for (let i = 0; i < pages; i++) {
    const dir = join(root, 'thon', `ban-${i}`);
    mkdirSync(dir, { recursive: true });
    const name = i % 97 === 5 ? 'Sùng A Chứ' : `Bản số ${i}`;
    writeFileSync(join(dir, 'index.html'), `<!doctype html>\n<title>x</title>\n<p>${name}</p>\n`);
    reported.push(join(dir, 'index.html'));
  }
  // Files Astro does not report (data files, assets): found by the walk at the end. One is large.
  mkdirSync(join(root, 'du-lieu'));
  writeFileSync(join(root, 'du-lieu', 'lon.csv'), `ma,ten\n${'03550,Bản Một\n'.repeat(400_000)}`);
  writeFileSync(join(root, 'du-lieu', 'a.csv'), 'ma,ten,dien_thoai\n03550,Bản Hai,0912345678\n');
  const found = reported.filter((_, i) => i % 97 === 5).map((p) => p.slice(root.length + 1));
  return { reported, found: [...found, 'du-lieu/a.csv'] };
}

describe('the scan of the built site', () => {
  it('reads every file once, those reported while Astro writes and those found at the end', async () => {
    const { reported, found } = site(300);
    const check = startOutputCheck(root, NAMES, []);
    // As Astro reports them: a few per turn of the event loop, some twice.
    for (let i = 0; i < reported.length; i += 7) {
      for (const path of reported.slice(i, i + 7)) check.written(path);
      check.written(reported[i]!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const progress: number[] = [];
    const { findings, files } = await check.finish((done) => progress.push(done));
    expect(files).toBe(reported.length + 2);
    expect(progress.at(-1)).toBe(files);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(findings.map((f) => `${f.path} ${f.kind}`).sort()).toEqual(
      found.map((p) => `${p} ${p.endsWith('.csv') ? 'so_dien_thoai' : 'ten'}`).sort(),
    );
  });

  it('ends with an empty folder too', async () => {
    root = mkdtempSync(join(tmpdir(), 'quet-'));
    const check = startOutputCheck(root, NAMES, []);
    expect(await check.finish(() => {})).toEqual({ findings: [], files: 0 });
  });
});
