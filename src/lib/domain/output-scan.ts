import { ID_NUMBER, PHONE, phoneDigits } from '../ingest/personal.ts';
import { foldMarkup, foldText, markupReadings, type MarkupReadings } from './fold.ts';
import type { NameFinder } from './protected-names.ts';

// The last line of defence: every file of the built site, before it replaces the live one, is read as a
// reader, a search engine or a spreadsheet would, and searched for protected names and for numbers that
// identify a person (ID card, phone, date of birth). The input gate should have caught everything; this
// catches what reaches the output by a path the gate does not know (a template, image metadata, a bug).

export type FindingKind = 'ten' | 'so_giay_to' | 'so_dien_thoai' | 'ngay_sinh';

export const FINDING_KINDS: Record<FindingKind, string> = {
  ten: 'tên hộ gia đình, cá nhân chưa đồng ý công khai',
  so_giay_to: 'dãy số giống số CMND/CCCD',
  so_dien_thoai: 'số điện thoại không phải số công vụ trong dia-phuong.csv',
  ngay_sinh: 'ngày sinh hoặc năm sinh',
};

export interface Finding {
  path: string;
  line: number;
  kind: FindingKind;
  /** For a name: the award entry to look at (never the name itself). */
  ma_khen_thuong: string | null;
}

/** JSON and URL escapes undone, so "\u00f9" and "%C3%B9" read as the letter they stand for. */
function unescape(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
}

const BIRTH = /\b(?:ngay sinh|nam sinh|sinh ngay|sinh nam|sinh thang) (?:\d{1,2} ){0,2}\d{4}\b/g;

/** What every ID number and phone number holds: nine digits, with at most one space or point between two. */
const NINE_DIGITS = /\d(?:[ .]?\d){8}/;

/** An entity, as the folding reads one (`&` and letters, digits or `#`), with a digit in it. */
const DIGIT_ENTITY = /&[#0-9A-Za-z]*\d/;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Scan one output file. `publicPhones` are the agency's own numbers from the settings, which every page
 * carries in its footer. Binary files (images) are searched for names only: their metadata is text.
 */
export function scanOutput(
  path: string,
  text: string,
  names: NameFinder,
  publicPhones: ReadonlySet<string>,
  binary: boolean,
  pieceChars = PIECE_CHARS,
): Finding[] {
  const pieces = function* () {
    for (let i = 0; i < text.length; i += pieceChars) yield text.slice(i, i + pieceChars);
  };
  return scanPieces(path, pieces(), names, publicPhones, binary);
}

/** Characters of a file scanned at once: each reading of a text is a copy, so a country's files go in pieces. */
export const PIECE_CHARS = 1 << 22;
/** How far back from the end of a piece the next one is scanned again. */
const OVERLAP_CHARS = 400;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Scan a file given as consecutive pieces of its text, as read: each piece is scanned with the last few
 * hundred characters of the one before it, so a name cut between two pieces is still found, on its line.
 */
export function scanPieces(
  path: string,
  pieces: Iterable<string>,
  names: NameFinder,
  publicPhones: ReadonlySet<string>,
  binary: boolean,
): Finding[] {
  const found = new Map<string, Finding>();
  let tail = '';
  let tailLine = 1;
  for (const piece of pieces) {
    const text = tail + piece;
    for (const f of scanText(path, text, names, publicPhones, binary)) {
      const line = f.line + tailLine - 1;
      found.set(`${f.kind}|${line}|${f.ma_khen_thuong}`, { ...f, line });
    }
    // The tail starts at a word, never inside one ("ng A Chứ" could read as another name).
    let from = Math.max(0, text.length - OVERLAP_CHARS);
    const inWord = (i: number) => WORD_CHARACTER.test(text[i] ?? '');
    while (from > 0 && from < text.length && inWord(from) && inWord(from - 1)) from++;
    tailLine += lineBreaks(text, from);
    tail = text.slice(from);
  }
  return [...found.values()];
}

function lineBreaks(text: string, before: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < before; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function scanText(
  path: string,
  text: string,
  names: NameFinder,
  publicPhones: ReadonlySet<string>,
  binary: boolean,
): Finding[] {
  const found = new Map<string, Finding>();
  const add = (f: Finding) => found.set(`${f.kind}|${f.line}|${f.ma_khen_thuong}`, f);
  const plain = unescape(text);
  const markup = !binary && /\.(html?|svg|xml)$/i.test(path);
  // Markup is read three ways (see `markupReadings`), folded in one pass. The readings as written are only
  // needed where a candidate name or a run of digits is found: most files have neither.
  const folded: Partial<MarkupReadings> & { whole: string } = markup
    ? foldMarkup(plain)
    : { whole: foldText(plain, true) };
  let raw: MarkupReadings | undefined;
  const written = (reading: keyof MarkupReadings) =>
    reading === 'whole' ? plain : (raw ??= markupReadings(plain))[reading];
  const readings = markup ? (['whole', 'apart', 'joined'] as const) : (['whole'] as const);
  for (const reading of readings) {
    for (const hit of names.findInText(() => written(reading), folded[reading] ?? '')) {
      add({ path, line: hit.line ?? 1, kind: 'ten', ma_khen_thuong: hit.ma_khen_thuong });
    }
  }
  if (binary) return [...found.values()];
  for (const reading of readings) {
    const text = folded[reading] ?? '';
    if (!text.includes('sinh')) continue;
    for (const m of text.matchAll(BIRTH))
      add({ path, line: lineAt(text, m.index), kind: 'ngay_sinh', ma_khen_thuong: null });
  }
  // Both number patterns start with look-behinds that cost a test at every character: most files have no run
  // of nine digits at all, which a plain pattern rules out quickly. For markup the folded reading rules it out
  // without copying the file: folding keeps every digit and reads a space or a point as one space. It reads an
  // entity as the character it stands for, though, so a file with digits in an entity ("&#39;") is read as written.
  const foldedApart = markup && !DIGIT_ENTITY.test(plain) ? folded.apart : undefined;
  // Numbers only where markup separates them, so adjacent chart labels never join into one long number.
  // In a CSV file a comma separates cells (its decimals use a point), so "96,0912345678" is two cells.
  if (!NINE_DIGITS.test(foldedApart ?? (markup ? written('apart') : plain))) return [...found.values()];
  const apart = markup ? written('apart') : plain;
  const numbers = path.endsWith('.csv') ? apart.replace(/,/g, '\t') : apart;
  for (const m of numbers.matchAll(ID_NUMBER))
    add({ path, line: lineAt(numbers, m.index), kind: 'so_giay_to', ma_khen_thuong: null });
  for (const m of numbers.matchAll(PHONE)) {
    const digits = phoneDigits(m[0]);
    if ([10, 11].includes(digits.length) && !publicPhones.has(digits)) {
      add({ path, line: lineAt(numbers, m.index), kind: 'so_dien_thoai', ma_khen_thuong: null });
    }
  }
  return [...found.values()];
}

export function describeFinding(f: Finding): string {
  const award = f.ma_khen_thuong ? ` (mã khen thưởng ${f.ma_khen_thuong})` : '';
  return `  - ${f.path}, dòng ${f.line}: có ${FINDING_KINDS[f.kind]}${award}.`;
}
