import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DIST, listFiles } from './helpers.ts';

// The Nu HTML Checker (the W3C validator) on every page of the built site.
const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

it('writes valid HTML on every page (Nu HTML Checker)', () => {
  const pages = listFiles(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(DIST, f));
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.error, 'java is needed to run the checker (apt-get install -y default-jre-headless)').toBeUndefined();
  const { messages } = JSON.parse(run.stderr) as { messages: { url: string; message: string }[] };
  expect(pages.length).toBeGreaterThan(200);
  expect(messages.slice(0, 20).map((m) => `${m.url.replace(/^.*dist\//, '')}: ${m.message}`)).toEqual([]);
  expect(run.status).toBe(0);
}, 180_000);
