// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { readSiteAddress } from './src/data/load.ts';

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
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx()],
  markdown: { syntaxHighlight: false },
  // The pages' policy; script-src becomes 'none' on every page without a script (scripts/build.ts), and
  // frame-ancestors, which a <meta> cannot carry, is a host header (README, "Hosting").
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  devToolbar: { enabled: false },
});
