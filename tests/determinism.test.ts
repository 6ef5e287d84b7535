import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DIST, listFiles, runScript } from './helpers.ts';

it('gives byte-identical output for the same inputs, wherever they are and wherever it writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chung-tay-again-'));
  // Stories Astro has not cached yet (a blank line added), read from a folder that is then deleted and replaced by a
  // copy elsewhere, as a steward moving the data would: Astro's content cache must not keep the deleted path.
  const copy = (name: string) => {
    const content = join(dir, name);
    cpSync('content', content, { recursive: true });
    for (const f of readdirSync(join(content, 'dien-hinh')).filter((n) => n.endsWith('.mdx'))) {
      appendFileSync(join(content, 'dien-hinh', f), '\n');
    }
    return content;
  };
  const before = copy('noi-dung-cu');
  const first = runScript('scripts/build.ts', [], {
    CHUNG_TAY_CONTENT_DIR: before,
    CHUNG_TAY_DIST_DIR: join(dir, 'a'),
  });
  expect(first.status, first.stderr).toBe(0);
  rmSync(before, { recursive: true });
  // Into a folder whose parent does not exist yet.
  const out = join(dir, 'ban-sao', 'dist');
  const run = runScript('scripts/build.ts', [], {
    CHUNG_TAY_CONTENT_DIR: copy('noi-dung-moi'),
    CHUNG_TAY_DIST_DIR: out,
  });
  expect(run.status, run.stderr).toBe(0);
  const files = listFiles(DIST).sort();
  expect(listFiles(out).sort()).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(out, f))));
  // Only the page that lists every input file's SHA-256: the stories gained a blank line.
  expect(differing).toEqual(['du-lieu/index.html']);
});
