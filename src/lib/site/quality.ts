import type { Issue } from '../ingest/issues.ts';
import { XLSX_ROWS_MAX } from '../open-data.ts';

// The public data-quality page (/du-lieu/chat-luong/): the warnings of this update, file by file. A province's
// file can hold a warning on every row (55,000 rows "chính thức" without a decision number): the page shows the
// first ones of each file and counts the rest, which the download chat-luong.csv lists in full.

/** Warnings a file shows on the page; the others are counted, and listed in the download. */
export const WARNINGS_SHOWN = 100;

export type PublicWarning = Omit<Issue, 'severity'>;

export interface QualityFile {
  file: string;
  count: number;
  /** The first warnings of the file, in the order check-data reports them. */
  shown: PublicWarning[];
  /** How many more the download lists. */
  more: number;
}

/** Whether the workbook chat-luong.xlsx lists the warnings, or only says to take the CSV (too many for Excel). */
export const warningsInWorkbook = (warnings: readonly PublicWarning[]) => warnings.length <= XLSX_ROWS_MAX;

export function qualityFiles(warnings: readonly PublicWarning[], shown = WARNINGS_SHOWN): QualityFile[] {
  const byFile = new Map<string, PublicWarning[]>();
  for (const w of warnings) {
    const list = byFile.get(w.file);
    if (list) list.push(w);
    else byFile.set(w.file, [w]);
  }
  return [...byFile.keys()].sort().map((file) => {
    const list = byFile.get(file) ?? [];
    return {
      file,
      count: list.length,
      shown: list.slice(0, shown),
      more: Math.max(0, list.length - shown),
    };
  });
}
