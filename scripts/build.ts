// npm run build: validate the data first; with any error print the report and publish nothing.
// Otherwise build the site into a fresh folder and swap it in place of dist/ only when the build
// has succeeded, so a failed build never leaves a half-written or stale-but-new site behind.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataset } from '../src/data/load.ts';
import { formatReport } from '../src/lib/report.ts';

const DIST = resolve('dist');
const STAGING = resolve('.site-build');

const { errors, warnings } = loadDataset();
if (errors.length > 0) {
  console.error(formatReport(errors, warnings));
  process.exit(1);
}
if (warnings.length > 0) console.log(formatReport(errors, warnings));

rmSync(STAGING, { recursive: true, force: true });
const astro = resolve('node_modules/astro/bin/astro.mjs');
const run = spawnSync(process.execPath, [astro, 'build'], {
  stdio: 'inherit',
  env: { ...process.env, CHUNG_TAY_OUT_DIR: STAGING, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (run.status !== 0 || !existsSync(STAGING)) {
  rmSync(STAGING, { recursive: true, force: true });
  console.error('Dựng trang thất bại: không thay đổi thư mục dist/.');
  process.exit(1);
}
rmSync(DIST, { recursive: true, force: true });
renameSync(STAGING, DIST);
console.log(`Đã dựng trang vào ${DIST}.`);
