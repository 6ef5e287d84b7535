import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DIST, listFiles, runScript } from './helpers.ts';

it('gives byte-identical output for the same inputs', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'chung-tay-again-')), 'dist');
  const run = runScript('scripts/build.ts', [], { CHUNG_TAY_DIST_DIR: out });
  expect(run.status, run.stderr).toBe(0);
  const files = listFiles(DIST).sort();
  expect(listFiles(out).sort()).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(out, f))));
  expect(differing).toEqual([]);
});
