// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Where the build writes; scripts/build.ts builds into a fresh folder and swaps it in only on success.
  outDir: process.env.CHUNG_TAY_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx()],
  markdown: { syntaxHighlight: false },
  security: { csp: true },
  devToolbar: { enabled: false },
});
