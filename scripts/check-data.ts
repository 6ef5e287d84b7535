// npm run check-data [-- --json]: validate the data and content folders and compute every
// verdict without building pages. Exit 0 when there is no error, 1 otherwise.
import { loadDataset } from '../src/data/load.ts';
import { formatReport } from '../src/lib/report.ts';

const { dataset, errors, warnings } = loadDataset();
if (process.argv.includes('--json')) {
  const strip = ({ severity: _s, ...rest }: (typeof errors)[number]) => rest;
  console.log(JSON.stringify({ ok: errors.length === 0, errors: errors.map(strip), warnings: warnings.map(strip) }, null, 2));
} else {
  console.log(formatReport(errors, warnings));
  if (dataset) console.log(`Đã tính ${dataset.verdicts.length} kết quả đánh giá cho ${new Set(dataset.verdicts.map((v) => v.ma_don_vi)).size} đơn vị.`);
}
process.exitCode = errors.length === 0 ? 0 : 1;
