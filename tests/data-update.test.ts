import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_FILES, templateFile } from '../src/lib/data-templates.ts';
import { loadDataset } from '../src/data/load.ts';
import { DATA_FILES } from '../src/lib/dataset.ts';
import { columnLetter } from '../src/lib/ingest/issues.ts';
import { copySample, DIST, fileFor, readDist, runScript, type JsonReport } from './helpers.ts';

// For the clerk who keeps the data in Excel: the page that explains the yearly update and serves
// the templates, and the printable report of `check-data --html` on a workbook with mistakes.

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const PAGE = '/cap-nhat-du-lieu/';
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('the page "Cập nhật dữ liệu"', () => {
  const html = readDist(fileFor(PAGE));

  it('is linked from the open-data page', () => {
    expect(hrefs(readDist(fileFor('/du-lieu/')))).toContain(PAGE);
  });

  it('explains the yearly steps with the plan dates and the commands', () => {
    for (const text of [
      'Chậm nhất ngày 10/11',
      'Chậm nhất ngày 20/11',
      'npm run check-data -- --html bao-cao.html',
      'npm run build',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('links every template, and every link leads to a file of the site', () => {
    const links = hrefs(html).filter((h) => h.startsWith('/'));
    for (const name of TEMPLATE_FILES) expect(links).toContain(`/du-lieu/mau/${name}`);
    for (const link of links) expect(existsSync(join(DIST, fileFor(link))), link).toBe(true);
  });

  it('serves the templates as built from the schemas', () => {
    for (const name of TEMPLATE_FILES) {
      const served = new Uint8Array(readFileSync(join(DIST, 'du-lieu/mau', name)));
      expect(served, name).toEqual(templateFile(name)?.bytes);
    }
  });
});

describe('the sample data kept as Excel workbooks', () => {
  /** A cell as a clerk's sheet holds it: counts and years as numbers, dates as date cells, codes as text. */
  function typed(text: string): XLSX.CellObject | string | number {
    const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
    if (date) {
      const serial = (Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])) - Date.UTC(1899, 11, 30)) / 864e5;
      return { t: 'n', v: serial, z: 'dd/mm/yyyy' };
    }
    return /^[1-9]\d*$/.test(text) ? Number(text) : text;
  }

  it('give the same dataset as the CSV files, and warnings that name sheet and cell', () => {
    const { data, content } = copySample();
    for (const file of DATA_FILES) {
      const path = join(data, file);
      const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows.data.map((r) => r.map(typed))), 'Sheet1');
      writeFileSync(path.replace(/\.csv$/, '.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
      rmSync(path);
    }
    const fromCsv = loadDataset('data', 'content');
    const fromXlsx = loadDataset(data, content);
    expect(fromXlsx.errors).toEqual([]);
    for (const key of ['settings', 'units', 'regions', 'reviews', 'awards', 'verdicts'] as const) {
      expect(fromXlsx.dataset?.[key], key).toEqual(fromCsv.dataset?.[key]);
    }
    const messages = (list: { message: string }[]) => list.map((w) => w.message.replace(/\.xlsx\b/g, '.csv'));
    expect(messages(fromXlsx.warnings)).toEqual(messages(fromCsv.warnings));
    for (const w of fromXlsx.warnings.filter((i) => i.line !== null)) expect(w.cell).toMatch(/^Sheet1!/);
    expect(fromXlsx.inputs.map((i) => i.tep)).toContain('data/ket-qua-ra-soat.xlsx');
  });
});

describe('npm run check-data -- --html on an Excel workbook', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';

  /** The sample's review table as a workbook, with a word for a number and markup for a status. */
  function brokenWorkbook(data: string) {
    const path = join(data, 'ket-qua-ra-soat.csv');
    const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const header = rows[0] ?? [];
    const poor = header.indexOf('so_ho_ngheo');
    const status = header.indexOf('trang_thai');
    rows[9]![poor] = 'ba mươi';
    rows[14]![status] = HOSTILE;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'KetQua');
    writeFileSync(join(data, 'ket-qua-ra-soat.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    rmSync(path);
    return { poorCell: `KetQua!${columnLetter(poor)}10`, statusCell: `KetQua!${columnLetter(status)}15` };
  }

  it('names sheet and cell in --json and in a standalone, valid, escaped HTML report', () => {
    const { data, content } = copySample();
    const { poorCell, statusCell } = brokenWorkbook(data);
    const out = join(data, '..', 'bao-cao.html');
    const env = { CHUNG_TAY_DATA_DIR: data, CHUNG_TAY_CONTENT_DIR: content };
    const run = runScript('scripts/check-data.ts', ['--json', '--html', out], env);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const cells = report.errors.map((e) => (e as { cell?: string }).cell);
    expect(cells).toContain(poorCell);
    expect(cells).toContain(statusCell);
    expect(report.errors.every((e) => e.file === 'ket-qua-ra-soat.xlsx')).toBe(true);

    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>ket-qua-ra-soat.xlsx</h2>');
    expect(html).toContain(`${poorCell}, cột so_ho_ngheo`);
    expect(html).toContain(statusCell);
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const vnu = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', out], { encoding: 'utf8' });
    expect(vnu.error, 'java is needed to run the checker').toBeUndefined();
    expect((JSON.parse(vnu.stderr) as { messages: unknown[] }).messages).toEqual([]);
  });

  it('says how to name the report when the file name is missing', () => {
    const run = runScript('scripts/check-data.ts', ['--html']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Thiếu tên tệp báo cáo sau --html');
  });
});
