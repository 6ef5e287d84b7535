// npm run build: validate the data first; with any error print the report and publish nothing.
// Otherwise build the site into a fresh folder, read every file of it once more (privacy scan, script
// policy), and swap it in place of dist/ only when all of that succeeded: a failed build never leaves a
// half-written or unchecked site behind.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { loadDataset } from '../src/data/load.ts';
import { describeFinding, scanOutput, type Finding } from '../src/lib/domain/output-scan.ts';
import { phonesIn } from '../src/lib/ingest/personal.ts';
import { nameFinder, protectedNames } from '../src/lib/domain/protected-names.ts';
import { formatCount } from '../src/lib/format/vi.ts';
import { formatReport } from '../src/lib/report.ts';
import { forbidScriptsWhereNone } from '../src/lib/site/csp.ts';
import { guardCommand } from './internal-error.ts';
import { checkedStep, progress } from './progress.ts';

// CHUNG_TAY_DIST_DIR publishes elsewhere (a test's second build); the staging folder sits beside it.
const DIST = resolve(process.env['CHUNG_TAY_DIST_DIR'] ?? 'dist');
const STAGING = join(dirname(DIST), `.site-build-${basename(DIST)}`);
/** Astro's own output of a failed build, kept for the maintainer: it may quote source or system files. */
const BUILD_LOG = resolve('build-error.log');
const BINARY = /\.(png|jpe?g|webp|gif|ico|avif)$/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function fail(message: string): never {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(`${message}\nKhông thay đổi thư mục dist/: trang đang công khai giữ nguyên.`);
  process.exit(1);
}

interface AstroRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run Astro, counting the pages it reports as written (one "├─ /path" line each) as they come. */
function astroBuild(onPage: (written: number) => void): Promise<AstroRun> {
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build'], {
    env: { ...process.env, CHUNG_TAY_OUT_DIR: STAGING, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const out: string[] = [];
  const err: string[] = [];
  let written = 0;
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out.push(chunk);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    written += lines.filter((line) => /[├└]─ \//.test(line)).length;
    onPage(written);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
  return new Promise((done) => {
    child.on('close', (status) => done({ status, stdout: out.join(''), stderr: err.join('') }));
  });
}

guardCommand('npm run build', () => void build());

async function build() {
  const steps = progress();
  const result = loadDataset();
  const { dataset, errors, warnings } = result;
  steps.step(checkedStep(result));
  if (errors.length > 0 || !dataset) {
    console.error(formatReport(errors, warnings));
    process.exit(1);
  }
  if (warnings.length > 0) console.log(formatReport(errors, warnings));

  rmSync(STAGING, { recursive: true, force: true });
  rmSync(BUILD_LOG, { force: true });
  // Every published URL, the 404 page and each story photo is one route Astro writes.
  const photos = new Set(dataset.stories.flatMap((s) => s.anh.map((p) => p.tep))).size;
  const routes = dataset.urls.published.length + 1 + photos;
  const run = await astroBuild((written) => steps.count('Đang ghi trang', written, routes));
  if (run.status !== 0 || !existsSync(STAGING)) {
    writeFileSync(BUILD_LOG, `${run.stdout ?? ''}\n${run.stderr ?? ''}`);
    fail(
      `Dựng trang thất bại do lỗi nội bộ (dữ liệu đã hợp lệ). Chi tiết kỹ thuật ghi ở ${relative('.', BUILD_LOG)}: ` +
        'gửi tệp này cho người bảo trì trang (xem README, mục "Báo lỗi").',
    );
  }
  const pages = /(\d+) page\(s\) built/.exec(run.stdout)?.[1];
  steps.step(`Đã ghi ${pages ? formatCount(Number(pages)) : 'các'} trang`);

  // The last line of defence: every output file, with the same matcher as the input gate.
  const names = nameFinder(protectedNames(dataset.awards).names);
  const phones = new Set([
    ...phonesIn(dataset.settings.dien_thoai_co_quan),
    ...phonesIn(dataset.settings.lien_he_bao_chi),
  ]);
  const findings: Finding[] = [];
  const files = filesUnder(STAGING);
  for (const [i, path] of files.entries()) {
    steps.count('Đang quét dữ liệu cá nhân trên trang đã dựng', i + 1, files.length);
    const rel = relative(STAGING, path);
    const binary = BINARY.test(path);
    const text = readFileSync(path, 'utf8');
    findings.push(...scanOutput(rel, text, names, phones, binary), ...scanOutput(rel, rel, names, phones, true));
    if (path.endsWith('.html')) {
      const tightened = forbidScriptsWhereNone(text);
      if (tightened !== text) writeFileSync(path, tightened);
    }
  }
  steps.step(`Đã quét ${formatCount(files.length)} tệp`);
  if (findings.length > 0) {
    fail(
      [
        'Kiểm tra lần cuối trên trang đã dựng tìm thấy dữ liệu cá nhân không được công khai:',
        ...findings.map(describeFinding),
        'Dữ liệu đầu vào đã qua kiểm tra nên đây là lỗi của mẫu trang hoặc của tệp ngoài dữ liệu',
        '(ví dụ thông tin ẩn trong ảnh): báo cho người bảo trì trang.',
      ].join('\n'),
    );
  }

  rmSync(DIST, { recursive: true, force: true });
  renameSync(STAGING, DIST);
  console.log(`Đã dựng ${pages ?? 'các'} trang vào ${DIST}; kiểm tra lần cuối: không có dữ liệu cá nhân.`);
}
