// npm run freeze -- --round so-ket-2023: freeze an official round's verdicts, as published today, into
// data/dot-cong-bo/<round>.json. Refuses data with errors, preliminary figures, and an existing file:
// a frozen round is never rewritten; later corrections are shown beside it by the site.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../src/data/folders.ts';
import { loadDataset } from '../src/data/load.ts';
import { formatRound, freezeRound, ROUND_FOLDER } from '../src/lib/domain/rounds.ts';
import { formatReport } from '../src/lib/report.ts';
import { guardCommand } from './internal-error.ts';

guardCommand('npm run freeze', () => {
  const at = process.argv.indexOf('--round');
  const id = at < 0 ? undefined : process.argv[at + 1];
  if (!id || id.startsWith('--')) {
    console.error(
      'Thiếu mã đợt sau --round. Ví dụ: npm run freeze -- --round so-ket-2023 (hoặc tong-ket-2025, nam-2024).',
    );
    process.exit(2);
  }
  const file = `${ROUND_FOLDER}/${id}.json`;
  const path = join(dataDir(), file);
  if (existsSync(path)) {
    console.error(
      `Đợt ${id} đã được chốt (data/${file}) và không bao giờ được ghi đè: đó là kết quả đã công bố. ` +
        'Muốn sửa một số liệu, sửa nó trong ket-qua-ra-soat.csv (kèm số và ngày của quyết định mới) và ' +
        'ngay_cap_nhat trong dia-phuong.csv, rồi dựng lại trang: trang của đợt hiện cả số đã công bố và số ' +
        'hiện nay, kèm ngày sửa. Một đợt công bố khác (ví dụ tổng kết) thì chốt bằng mã của đợt đó.',
    );
    process.exit(1);
  }
  const { dataset, errors, warnings } = loadDataset();
  if (!dataset) {
    console.error(formatReport(errors, warnings));
    console.error(`Chưa chốt đợt ${id}: dữ liệu có lỗi (như npm run check-data báo ở trên). Sửa các lỗi rồi chạy lại.`);
    process.exit(1);
  }
  const result = freezeRound(id, dataset, new Date().toISOString().slice(0, 10));
  if ('refusal' in result) {
    console.error(result.refusal);
    process.exit(1);
  }
  mkdirSync(join(dataDir(), ROUND_FOLDER), { recursive: true });
  writeFileSync(path, formatRound(result.round), { flag: 'wx' });
  const { so_lieu, ket_qua } = result.round;
  console.log(
    `Đã chốt đợt ${result.round.ten}: ${ket_qua.length} kết quả đánh giá và ${so_lieu.length} dòng số liệu ` +
      `vào data/${file}. Chạy npm run accept-urls để khóa đường dẫn /dot/${id}/, rồi commit cả hai tệp.`,
  );
});
