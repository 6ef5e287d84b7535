// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { readSiteAddress } from './src/data/folders.ts';

// The site's address (`dia_chi_trang`, or CHUNG_TAY_SITE_URL for a test build): Astro's `site` makes
// absolute URLs, its path is the `base` every link is written under. `npm run build` has validated it.
const { address, issue } = readSiteAddress();
if (issue) throw new Error(issue.message);

export default defineConfig({
  site: address,
  base: new URL(address).pathname,
  // Where the build writes; scripts/build.ts builds into a fresh folder and swaps it in only on success.
  outDir: process.env.CHUNG_TAY_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  // One stylesheet file for every page: a reader's phone fetches it once, and the pages' policy needs no hash of it
  // (src/lib/site/csp.ts). Inlined, it was a quarter of every page, written and scanned 19,000 times at 1,100 communes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
