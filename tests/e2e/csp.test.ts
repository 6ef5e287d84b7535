import type { Server } from 'node:http';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, fileFor, listFiles } from '../helpers.ts';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';

// Every page loads in Chromium under its own Content-Security-Policy with nothing refused and nothing
// fetched from another origin: the policy is exactly what the pages need.

let server: Server;
let origin: string;
let browser: Browser;
beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('loads every page with zero CSP violations and zero requests to other origins', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const violations: string[] = [];
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const pages = listFiles(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  for (const path of pages) {
    // A redirect page (an old URL) moves on by itself: wait until it has, so it cannot cut the next visit short.
    const redirect = readFileSync(join(DIST, fileFor(path)), 'utf8').includes('http-equiv="refresh"');
    await page.goto(origin + path, { waitUntil: redirect ? 'commit' : 'load' });
    if (redirect) {
      await page.waitForURL((u) => u.pathname !== path);
      await page.waitForLoadState('load');
    }
  }
  await context.close();
  expect(pages.length).toBeGreaterThan(200);
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
}, 300_000);
