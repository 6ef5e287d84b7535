// npm run build: validate the data first; with any error print the report and publish nothing.
// Otherwise build the site into a fresh folder, read every file of it once more (privacy scan, script
// policy), and swap it in place of dist/ only when all of that succeeded: a failed build never leaves a
// half-written or unchecked site behind.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { build } from 'astro';
import { handOver, loadDataset } from '../src/data/load.ts';
import { getSite } from '../src/data/site.ts';
import { describeFinding } from '../src/lib/domain/output-scan.ts';
import { phonesIn } from '../src/lib/ingest/personal.ts';
import { protectedNames } from '../src/lib/domain/protected-names.ts';
import { formatCount } from '../src/lib/format/vi.ts';
import { formatReport } from '../src/lib/report.ts';
import { allShareCards } from '../src/lib/site/share-card.ts';
import { guardCommand } from './internal-error.ts';
import { startOutputCheck } from './output-check.ts';
import { startShareImages } from './share-images.ts';
import { checkedStep, progress } from './progress.ts';

// CHUNG_TAY_DIST_DIR publishes elsewhere (a test's second build); the staging folder sits beside it.
const DIST = resolve(process.env['CHUNG_TAY_DIST_DIR'] ?? 'dist');
const STAGING = join(dirname(DIST), `.site-build-${basename(DIST)}`);
const IMAGES = join(dirname(DIST), `.share-images-${basename(DIST)}`);
/** The site this build replaces, until it is deleted: one folder per build, so a quick rebuild never meets one. */
const RETIRED_PREFIX = `.site-old-${basename(DIST)}-`;
const RETIRED = join(dirname(DIST), `${RETIRED_PREFIX}${process.pid}`);
/** Astro's own output of a failed build, kept for the maintainer: it may quote source or system files. */
const BUILD_LOG = resolve('build-error.log');

/** HTML pages under a folder. */
function pages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** Delete a folder in a process of its own, which this command does not wait for. */
function removeInBackground(path: string): void {
  if (!existsSync(path)) return;
  const code = `require('node:fs').rmSync(${JSON.stringify(path)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }).unref();
}

function fail(message: string): never {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(`${message}\nKhông thay đổi thư mục dist/: trang đang công khai giữ nguyên.`);
  process.exit(1);
}

/**
 * Run Astro in this process on the dataset just validated (read and checked once), counting the pages it
 * reports as written (a "├─ /path" line, then its render time once the file is on disk) and handing each
 * to `onWritten`. Its own output is kept for the build log only.
 */
async function astroBuild(
  onPage: (written: number) => void,
  onWritten: (path: string) => void,
): Promise<{ ok: boolean; log: string }> {
  process.env['CHUNG_TAY_OUT_DIR'] = STAGING;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const log: string[] = [];
  let written = 0;
  let announced: string | null = null;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    const text = (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)).replace(ANSI, '');
    log.push(text);
    for (const line of text.split('\n')) {
      // An endpoint's file is named with a trailing slash ("/du-lieu/don-vi.csv/").
      const page = /[├└]─ (\/\S*?)\/?(?:\s|$)/.exec(line)?.[1];
      if (page) {
        written++;
        announced = page;
      }
      if (announced && /\(\+[\d.]+\s*m?s\)/.test(line)) {
        onWritten(join(STAGING, announced));
        announced = null;
      }
    }
    onPage(written);
    return true;
  }) as typeof process.stdout.write;
  try {
    // Content entries re-read every time: Astro's content cache keeps an unchanged story's old path, and a build
    // from a folder that replaced a deleted one (same stories, another place) failed to import it.
    await build({ root: process.cwd(), logLevel: 'info', force: true });
    return { ok: true, log: log.join('') };
  } catch (error) {
    log.push(error instanceof Error ? `${error.stack ?? error.message}\n` : `${String(error)}\n`);
    return { ok: false, log: log.join('') };
  } finally {
    process.stdout.write = write;
  }
}

// Colours of Astro's log, which the page count and the written files are read from.
const ANSI = /\x1b\[[0-9;]*m/g;

// As in check-data: V8 would let the heap grow to several times what is live (110×10: 0.85 GB → 0.71 GB).
// package.json starts the build with a young generation of 64 MB (--max-semi-space-size, which only the command line
// sets): a page's short-lived objects then die young instead of being promoted and collected with the whole heap
// (1,100×10: 6–12% less CPU, about 150 MB more memory).
setFlagsFromString('--heap-growing-percent=25');

guardCommand('npm run build', async () => {
  const steps = progress();
  const loaded = loadDataset();
  const { dataset, errors, warnings } = loaded;
  steps.step(checkedStep(loaded));
  if (errors.length > 0 || !dataset) {
    console.error(formatReport(errors, warnings));
    process.exit(1);
  }
  if (warnings.length > 0) console.log(formatReport(errors, warnings));

  rmSync(STAGING, { recursive: true, force: true });
  rmSync(BUILD_LOG, { force: true });
  const beside = existsSync(dirname(DIST)) ? readdirSync(dirname(DIST)) : [];
  for (const name of beside.filter((n) => n.startsWith(RETIRED_PREFIX))) {
    removeInBackground(join(dirname(DIST), name));
  }
  handOver(loaded);
  const site = await getSite();
  const cards = allShareCards(site, site.paths, site.awardViews);
  rmSync(IMAGES, { recursive: true, force: true });
  const images = startShareImages(cards, site.settings.dia_chi_trang, IMAGES);
  // Every published URL, the 404 page and each story photo is one route Astro writes; share images are drawn aside.
  const photos = new Set(dataset.stories.flatMap((s) => s.anh.map((p) => p.tep))).size;
  const routes = dataset.urls.published.length + 1 + photos - cards.length;
  // The last line of defence, with the same matcher as the input gate, run beside Astro on each written file.
  const phones = new Set([
    ...phonesIn(dataset.settings.dien_thoai_co_quan),
    ...phonesIn(dataset.settings.lien_he_bao_chi),
  ]);
  const check = startOutputCheck(STAGING, protectedNames(dataset.awards).names, phones);
  const run = await astroBuild(
    (written) => steps.count('Đang ghi trang', written, routes),
    (path) => {
      if (statSync(path, { throwIfNoEntry: false })?.isFile()) check.written(path);
    },
  );
  if (!run.ok || !existsSync(STAGING)) {
    await Promise.all([check.stop(), images.stop()]);
    rmSync(IMAGES, { recursive: true, force: true });
    writeFileSync(BUILD_LOG, run.log);
    fail(
      `Dựng trang thất bại do lỗi nội bộ (dữ liệu đã hợp lệ). Chi tiết kỹ thuật ghi ở ${relative('.', BUILD_LOG)}: ` +
        'gửi tệp này cho người bảo trì trang (xem README, mục "Báo lỗi").',
    );
  }
  await images.finish(STAGING);
  rmSync(IMAGES, { recursive: true, force: true });
  steps.step(`Đã ghi ${formatCount(pages(STAGING))} trang, ${formatCount(cards.length)} ảnh chia sẻ`);
  const { findings, files } = await check.finish((done, total) =>
    steps.count('Đang quét dữ liệu cá nhân trên trang đã dựng', done, total),
  );
  steps.step(`Đã quét ${formatCount(files)} tệp`);
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

  // The new site goes live at once; the old one is deleted by a process of its own (28,000 files at 1,100 communes
  // took 15 s), which the next build starts again if it was cut short.
  if (existsSync(DIST)) renameSync(DIST, RETIRED);
  renameSync(STAGING, DIST);
  removeInBackground(RETIRED);
  console.log(`Đã dựng ${pages(DIST)} trang vào ${DIST}; kiểm tra lần cuối: không có dữ liệu cá nhân.`);
});
