// npm run accept-urls: write data/duong-dan.lock from the current data, accepting every URL it
// publishes as permanent (and every one it no longer publishes as gone). Run it after reviewing
// what `npm run check-data` says about the lock, then commit the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../src/data/folders.ts';
import { loadDataset } from '../src/data/load.ts';
import { formatReport } from '../src/lib/report.ts';
import { LOCK_FILE } from '../src/lib/schemas/urls.ts';
import { formatLock } from '../src/lib/site/url-lock.ts';
import { guardCommand } from './internal-error.ts';

guardCommand('npm run accept-urls', () => {
  const { dataset, errors, warnings } = loadDataset(dataDir(), undefined, { acceptUrls: true });
  if (!dataset) {
    console.error(formatReport(errors, warnings));
    console.error(`Chưa ghi ${LOCK_FILE}: sửa các lỗi trên trước.`);
    process.exit(1);
  }
  const path = join(dataDir(), LOCK_FILE);
  writeFileSync(path, formatLock(dataset.urls.published));
  console.log(`Đã ghi ${dataset.urls.published.length} đường dẫn vào ${path}.`);
});
