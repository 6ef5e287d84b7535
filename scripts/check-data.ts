// npm run check-data [-- --json]: validate the data and content folders and compute every
// verdict without building pages. Exit 0 when there is no error, 1 otherwise.
import { loadDataset } from '../src/data/load.ts';
import { formatReport } from '../src/lib/report.ts';
import { guardCommand } from './internal-error.ts';
import { checkedStep, progress } from './progress.ts';

guardCommand('npm run check-data', () => {
  const steps = progress();
  const result = loadDataset();
  steps.step(checkedStep(result));
  const { dataset, errors, warnings } = result;
  if (process.argv.includes('--json')) {
    const strip = ({ severity: _s, ...rest }: (typeof errors)[number]) => rest;
    const report = { ok: errors.length === 0, errors: errors.map(strip), warnings: warnings.map(strip) };
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(formatReport(errors, warnings));
    if (dataset) {
      const units = new Set(dataset.verdicts.map((v) => v.ma_don_vi)).size;
      console.log(`Đã tính ${dataset.verdicts.length} kết quả đánh giá cho ${units} đơn vị.`);
    }
  }
  process.exitCode = errors.length === 0 ? 0 : 1;
});
