import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { DIST, runScript } from './helpers.ts';

// A steward rebuilds after every fix: each build puts the new site live at once and deletes the one it replaced in a
// process of its own (28,000 files at 1,100 communes), so a server's disk does not fill with old sites. A build cut
// short while deleting leaves its old site behind, under a name of its own; the next build deletes that too.
it('replaces the live site, and deletes the old one and one a cut-short build left behind', async () => {
  const root = mkdtempSync(join(tmpdir(), 'chung-tay-lai-'));
  const dist = join(root, 'dist');
  cpSync(DIST, dist, { recursive: true });
  writeFileSync(join(dist, 'chi-co-o-ban-cu.txt'), 'trang cũ');
  const left = join(root, '.site-old-dist-999999');
  mkdirSync(join(left, 'xa'), { recursive: true });
  writeFileSync(join(left, 'xa', 'index.html'), '<p>bản cũ</p>');

  const run = runScript('scripts/build.ts', [], { CHUNG_TAY_DIST_DIR: dist });
  expect(run.status, run.stderr).toBe(0);
  expect(existsSync(join(dist, 'index.html'))).toBe(true);
  expect(existsSync(join(dist, 'chi-co-o-ban-cu.txt'))).toBe(false);
  // The deletions run on after the build has ended: a few seconds at most for the sample.
  for (let waited = 0; readdirSync(root).length > 1 && waited < 30_000; waited += 100) await sleep(100);
  expect(readdirSync(root)).toEqual(['dist']);
});
