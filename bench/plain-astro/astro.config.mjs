// @ts-check
// The floor the project's build is compared with (npm run bench): a plain Astro site with as many pages as
// the project's build writes, each an h1 and a small inline SVG, built by the project's own Astro.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
