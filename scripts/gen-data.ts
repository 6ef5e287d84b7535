// npm run gen-data -- --communes N --villages-per-commune M --seed S --out DIR [--no-lock]
// Writes a generated dataset (src/lib/bench/generate.ts) to DIR/data and DIR/content, then its URL lock as
// `npm run accept-urls` would, so the build checks the lock as it does for a published site. Use it with
// CHUNG_TAY_DATA_DIR=DIR/data CHUNG_TAY_CONTENT_DIR=DIR/content.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PHOTO_FOLDER, STORY_FOLDER } from '../src/data/folders.ts';
import { loadDataset } from '../src/data/load.ts';
import { generateDataset } from '../src/lib/bench/generate.ts';
import { formatReport } from '../src/lib/report.ts';
import { LOCK_FILE } from '../src/lib/schemas/urls.ts';
import { formatLock } from '../src/lib/site/url-lock.ts';
import { guardCommand } from './internal-error.ts';

const ROOT = join(import.meta.dirname, '..');
const USAGE =
  'Cách dùng: npm run gen-data -- --communes <số xã> --villages-per-commune <số thôn mỗi xã> ' +
  '[--seed <số>] --out <thư mục> [--no-lock]';

function wholeNumber(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < (name === 'seed' ? 0 : 1)) {
    console.error(`--${name}: cần một số nguyên${name === 'seed' ? '' : ' từ 1'}, đang là "${value ?? ''}".\n${USAGE}`);
    process.exit(1);
  }
  return n;
}

guardCommand('npm run gen-data', () => {
  const { values } = parseArgs({
    options: {
      communes: { type: 'string' },
      'villages-per-commune': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'no-lock': { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    console.error(`Thiếu --out.\n${USAGE}`);
    process.exit(1);
  }
  const options = {
    communes: wholeNumber(values.communes, 'communes'),
    villagesPerCommune: wholeNumber(values['villages-per-commune'], 'villages-per-commune'),
    seed: wholeNumber(values.seed, 'seed', 1),
    settingsCsv: readFileSync(join(ROOT, 'data', 'dia-phuong.csv'), 'utf8'),
    criteriaCsv: readFileSync(join(ROOT, 'data', 'tieu-chi.csv'), 'utf8'),
  };
  const generated = generateDataset(options);

  const out = resolve(values.out);
  const [data, content] = [join(out, 'data'), join(out, 'content')];
  // Only the two folders this command writes are replaced, whatever else DIR holds.
  rmSync(data, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  mkdirSync(join(content, PHOTO_FOLDER), { recursive: true });
  for (const [name, text] of generated.data) writeFileSync(join(data, name), text);
  for (const [name, text] of generated.stories) writeFileSync(join(content, STORY_FOLDER, name), text);
  for (const name of generated.photos) {
    copyFileSync(join(ROOT, 'content', PHOTO_FOLDER, name), join(content, PHOTO_FOLDER, name));
  }

  let urls = '';
  if (!values['no-lock']) {
    // The first publication of this dataset: every URL it publishes is accepted, as accept-urls does.
    let result: ReturnType<typeof loadDataset> | null = null;
    try {
      result = loadDataset(data, content, { acceptUrls: true });
    } catch (e) {
      // The core failing on a large dataset is what the bench is there to show: the data stays, without a
      // lock (check-data then treats it as a first publication).
      console.error(`Chưa ghi ${LOCK_FILE}: chương trình kiểm tra dữ liệu dừng lại (${String(e)}).`);
    }
    if (result && !result.dataset) {
      console.error(formatReport(result.errors, result.warnings));
      console.error('Bộ dữ liệu sinh ra không hợp lệ: đây là lỗi của trình sinh dữ liệu (scripts/gen-data.ts).');
      process.exit(1);
    }
    if (result?.dataset) {
      writeFileSync(join(data, LOCK_FILE), formatLock(result.dataset.urls.published));
      urls = `, ${result.dataset.urls.published.length} đường dẫn trong ${LOCK_FILE}`;
    }
  }
  const what = `${options.communes} xã, ${generated.villages} thôn, ${generated.stories.size} bài viết${urls}`;
  console.log(
    `Đã sinh ${what} vào ${out}.\nDùng: CHUNG_TAY_DATA_DIR=${data} CHUNG_TAY_CONTENT_DIR=${content} npm run check-data`,
  );
});
