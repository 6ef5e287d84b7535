// npm run check-data [-- --json]: validate the data and content folders and compute every
// verdict without building pages. Exit 0 when there is no error, 1 otherwise.
import { loadDataset } from '../src/data/load.ts';
import { formatReport } from '../src/lib/report.ts';
import { guardCommand } from './internal-error.ts';

guardCommand('npm run check-data', () => {
  // Verdicts are computed and counted, not kept: a million review rows stay within 1 GB.
  const { dataset, errors, warnings } = loadDataset(undefined, undefined, { keepVerdicts: false });
  if (process.argv.includes('--json')) {
    const strip = ({ severity: _s, ...rest }: (typeof errors)[number]) => rest;
    const report = { ok: errors.length === 0, errors: errors.map(strip), warnings: warnings.map(strip) };
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(formatReport(errors, warnings));
    if (dataset) {
      console.log(`Đã tính ${dataset.judged.verdicts} kết quả đánh giá cho ${dataset.judged.units} đơn vị.`);
    }
  }
  process.exitCode = errors.length === 0 ? 0 : 1;
});
