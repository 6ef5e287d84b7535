import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { OwnTable } from './domain/privacy-gate.ts';
import { cleanText } from './ingest/text.ts';
import { workbookBytes } from './export.ts';
import { workbookName } from './ingest/xlsx.ts';
import { reportsTable } from './schemas/reports.ts';
import { SETTINGS, settingsTable } from './schemas/settings.ts';
import { awardsTable, criteriaTable, regionsTable, reviewTable, unitsTable } from './schemas/tables.ts';
import { movedUrlsTable } from './schemas/urls.ts';

// Blank files for the steward, one per table of the data contract: a CSV with the Vietnamese
// headers, and a workbook whose second row notes what each column holds. Built from the schemas,
// so a template always has exactly the columns the build reads.

interface TemplateColumn {
  key: string;
  label: string;
  required: boolean;
  description: string;
  example: string;
}

export interface TemplateTable {
  file: string;
  title: string;
  description: string;
  columns: readonly TemplateColumn[];
}

/** Every table the steward fills in, in the order of data/README.md. */
export const TEMPLATE_TABLES: readonly TemplateTable[] = [
  settingsTable,
  unitsTable,
  regionsTable,
  criteriaTable,
  reviewTable,
  awardsTable,
  reportsTable,
  movedUrlsTable,
];

/** The note under a column's header in the workbook template. */
export function columnNote(col: TemplateColumn): string {
  const example = col.example ? ` Ví dụ: ${col.example}` : '';
  return cleanText(`${col.required ? 'Bắt buộc. ' : 'Không bắt buộc. '}${col.description}${example}`);
}

/** Every note of every template: a workbook row holding only these is the notes row, not data. */
export const TEMPLATE_NOTES: ReadonlySet<string> = new Set(TEMPLATE_TABLES.flatMap((t) => t.columns.map(columnNote)));

/** Rows the template starts with: the settings file lists every setting to fill in. */
function startRows(table: TemplateTable): string[][] {
  if (table.file !== settingsTable.file) return [];
  return Object.entries(SETTINGS).map(([key, s]) => [key, '', `${s.label}: ${s.description}`]);
}

/** The sheet's name: the file's words joined ("ket-qua-ra-soat.csv" → "KetQuaRaSoat"), so KetQuaRaSoat!C12. */
export function sheetName(table: TemplateTable): string {
  const words = table.file.replace(/\.csv$/, '').split('-');
  return words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join('');
}

/** CSV UTF-8 with a byte-order mark and Windows line ends, as Excel saves it and opens it. */
export function csvTemplate(table: TemplateTable): Uint8Array {
  const text = Papa.unparse([table.columns.map((c) => c.label), ...startRows(table)], { newline: '\r\n' });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** A workbook's rows: headers in row 1, each column's note in row 2, then the rows to fill in. */
const workbookRows = (table: TemplateTable): string[][] => [
  table.columns.map((c) => c.label),
  table.columns.map(columnNote),
  ...startRows(table),
];

export function xlsxTemplate(table: TemplateTable): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(workbookRows(table));
  ws['!cols'] = table.columns.map((c) => ({ wch: Math.max(14, Math.min(40, c.label.length + 4)) }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName(table));
  return workbookBytes(wb);
}

export type TemplateFormat = 'csv' | 'xlsx';

/** The file name of a template, as the steward saves it in the data folder. */
export const templateName = (table: TemplateTable, format: TemplateFormat): string =>
  format === 'csv' ? table.file : workbookName(table.file);

/** Every template's file name, for the pages and the published-URL list. */
export const TEMPLATE_FILES: readonly string[] = TEMPLATE_TABLES.flatMap((t) => [
  templateName(t, 'csv'),
  templateName(t, 'xlsx'),
]);

/** Where the site publishes the templates. */
export const TEMPLATE_FOLDER = '/du-lieu/mau/';

/**
 * Every template as the site publishes it, for check-data's search for protected names: the site's own text (an
 * example of a column once named a real household of the region), which no data file holds. The workbook holds
 * all the CSV does, and the notes.
 */
export function templateTexts(): OwnTable[] {
  return TEMPLATE_TABLES.map((t) => ({
    file: `${TEMPLATE_FOLDER.slice(1)}${templateName(t, 'xlsx')}`,
    keys: t.columns.map((c) => c.key),
    rows: workbookRows(t),
  }));
}

export function templateFile(name: string): { bytes: Uint8Array; type: string } | null {
  for (const table of TEMPLATE_TABLES) {
    if (name === templateName(table, 'csv')) return { bytes: csvTemplate(table), type: 'text/csv; charset=utf-8' };
    if (name === templateName(table, 'xlsx')) {
      return { bytes: xlsxTemplate(table), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    }
  }
  return null;
}
