// What a long build or check is doing, for the person watching it: each step with its time, and the page
// count as pages are written. On a terminal only: piped or logged output (CI, tests) stays as it was, unless
// CHUNG_TAY_PROGRESS=1 asks for the steps (npm run bench records them), one line each.
import type { loadDataset } from '../src/data/load.ts';
import { formatCount, formatDecimal } from '../src/lib/format/vi.ts';

export interface Progress {
  /** A finished step, with the time since the previous one. */
  step(what: string): void;
  /** A count that moves (pages written), redrawn in place at most five times a second. */
  count(what: string, done: number, total: number | null): void;
}

const seconds = (ms: number) => `${formatDecimal(ms / 1000)} giây`;

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const steps = stream.isTTY || process.env['CHUNG_TAY_PROGRESS'] === '1';
  if (!steps) return { step() {}, count() {} };
  let last = performance.now();
  let drawn = 0;
  const clear = stream.isTTY ? '\r\x1b[2K' : '';
  return {
    step(what) {
      const now = performance.now();
      stream.write(`${clear}${what} (${seconds(now - last)})\n`);
      last = now;
    },
    count(what, done, total) {
      const now = performance.now();
      if (!stream.isTTY || now - drawn < 200) return;
      drawn = now;
      const of = total !== null && done <= total ? `/${formatCount(total)}` : '';
      stream.write(`${clear}${what}: ${formatCount(done)}${of} (${seconds(now - last)})`);
    },
  };
}

/** "Đã kiểm tra 8 tệp dữ liệu (1,2 MB), 3 bài viết; tính 6.272 kết quả đánh giá". */
export function checkedStep({ inputs, dataset }: ReturnType<typeof loadDataset>): string {
  const data = inputs.filter((i) => i.tep.startsWith('data/'));
  const bytes = data.reduce((sum, i) => sum + i.kich_thuoc, 0);
  const read = `Đã kiểm tra ${data.length} tệp dữ liệu (${formatDecimal(bytes / 1024 / 1024)} MB)`;
  if (!dataset) return `${read}: có lỗi`;
  return `${read}, ${dataset.stories.length} bài viết; tính ${formatCount(dataset.judged.verdicts)} kết quả đánh giá`;
}
