import { escapeUTF8 } from 'entities';
import type { Issue } from './ingest/issues.ts';
import { issuePlace, issuesByFile, reportOutcome } from './report.ts';

// The check report as one HTML file the clerk can open, print or forward: no script, no link to
// anything outside the file, styles inline. Every string from the data is escaped: a cell may hold
// markup on purpose.

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; margin: 1.5rem auto;
  max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .25rem; overflow-wrap: anywhere; }
.outcome { padding: .75rem 1rem; border-left: .35rem solid #1b6e3a; background: #eef7f0; }
.outcome.bad { border-color: #a4161a; background: #fbeeee; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { border: 1px solid #b8b8b8; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
td.place { min-width: 9rem; }
td.place, td.value { overflow-wrap: anywhere; }
.level-error { color: #a4161a; font-weight: 700; }
.level-warning { color: #7a5200; font-weight: 700; }
code { font-family: ui-monospace, Consolas, monospace; }
caption.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10.5pt; margin: 0; max-width: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .outcome, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;

const esc = (s: string) => escapeUTF8(s);

function row(i: Issue, n: number): string {
  const level = i.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
  const value = i.value !== null && i.value !== '' ? `<code>${esc(i.value)}</code>` : '';
  const place = esc(issuePlace(i)) || 'cả tệp';
  return (
    `<tr><td>${n}</td><td class="level-${i.severity}">${level}</td><td class="place">${place}</td>` +
    `<td class="value">${value}</td><td>${esc(i.message)}</td><td><code>${esc(i.code)}</code></td></tr>`
  );
}

/** "29/11/2026 14:05", in the clerk's local time. */
function formatCheckedAt(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A standalone, printable HTML report grouped by file, with every problem's place, value and fix. */
export function renderHtmlReport(errors: readonly Issue[], warnings: readonly Issue[], checkedAt: Date): string {
  const sections = issuesByFile(errors, warnings).map(({ file, errors: e, warnings: w }) => {
    const rows = [...e, ...w].map((i, n) => row(i, n + 1)).join('\n');
    return (
      `<section>\n<h2>${esc(file)}</h2>\n<p>${e.length} lỗi, ${w.length} cảnh báo</p>\n<table>\n` +
      `<caption class="sr">Các vấn đề của tệp ${esc(file)}</caption>\n<thead><tr><th scope="col">#</th>` +
      '<th scope="col">Mức</th><th scope="col">Vị trí</th><th scope="col">Giá trị</th>' +
      '<th scope="col">Vấn đề và cách sửa</th><th scope="col">Mã lỗi</th></tr></thead>\n' +
      `<tbody>\n${rows}\n</tbody>\n</table>\n</section>`
    );
  });
  const bad = errors.length > 0;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Báo cáo kiểm tra dữ liệu</title>
<style>${STYLE}
</style>
</head>
<body>
<h1>Báo cáo kiểm tra dữ liệu</h1>
<p>Lập lúc ${formatCheckedAt(checkedAt)} bằng lệnh <code>npm run check-data</code>: ${errors.length} lỗi,
${warnings.length} cảnh báo. Vị trí là dòng và cột của tệp CSV, hoặc ô của tệp Excel (ví dụ <code>KetQuaRaSoat!C12</code>: trang tính KetQuaRaSoat,
cột C, dòng 12).</p>
<p class="outcome${bad ? ' bad' : ''}">${esc(reportOutcome(errors, warnings))}</p>
${sections.join('\n')}
</body>
</html>
`;
}
