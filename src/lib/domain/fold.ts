import { decodeHTML } from 'entities';

// Text as a reader sees it, folded for matching names: entities decoded, invisible characters gone,
// look-alike letters read as Latin, no case, no diacritics, đ = d.

// Characters that vanish on screen (zero-width, soft hyphen, bidi controls, variation selectors, fillers)
// must vanish here too: "Lý\u200BA" reads as "LýA", not "Lý A".
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
export const MARKS = /\p{M}/gu;
// Cyrillic, Greek and IPA letters that look Latin ("Sùng А Chứ" with a Cyrillic А). NFKC already folds
// full-width and mathematical letters.
const LATIN_OF: Record<string, string> = Object.fromEntries(
  [...'аеорсухіјѕһԁԛԝοινκρτυχαβεζημɡıȷɑɩɪʏ'].map((ch, i) => [ch, 'aeopcyxijshdqwoivkptuxabezhmgijaiiy'[i] ?? ch]),
);
const LOOKALIKE = new RegExp(`[${Object.keys(LATIN_OF).join('')}]`, 'g');

const PLAIN = /^[\x20-\x25\x27-\x7e]*$/;

/** What a reader sees, in one case: entities decoded, invisible characters gone, look-alikes read as Latin. */
export function prepare(text: string): string {
  // Printable ASCII without an entity is only lower-cased by the steps below (codes, paths, most words of a file).
  if (PLAIN.test(text)) return text.toLowerCase();
  return decodeHTML(text)
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(LOOKALIKE, (ch) => LATIN_OF[ch] ?? ch);
}

/**
 * The fast form for a whole file: `prepare`d, no diacritics, đ = d, every run of anything but letters and
 * digits (spaces, punctuation, markup) one space; line breaks kept when asked. Candidates found in it are
 * confirmed word by word (`nameFinder().findInText`).
 */
export function foldText(text: string, keepLines = false): string {
  const out = new FoldedWriter(keepLines, text.length);
  foldInto(decodeHTML(text), out, null);
  return out.text();
}

/** A markup file as a reader may read it: its tags as words, each tag a space, and tags removed. */
export interface MarkupReadings {
  whole: string;
  apart: string;
  joined: string;
}

const TAG = /<[^>]*>/g;
// A tag's edges, kept through decoding, so one pass folds every reading of a markup file.
const TAG_EDGE = 0;

/** The readings of a markup file: "Sùng<b>A</b>" reads "SùngA" on screen, "Lý</td><td>A" two words. */
export function markupReadings(text: string): MarkupReadings {
  return { whole: text, apart: text.replace(TAG, ' '), joined: text.replace(TAG, '') };
}

/** `foldText(reading, true)` of each of `markupReadings(text)`, in one pass over the file. */
export function foldMarkup(text: string): MarkupReadings {
  const decoded = decodeHTML(text.replace(/\u0000/g, ' ').replace(TAG, '\u0000$&\u0000'));
  const whole = new FoldedWriter(true, text.length);
  const apart = new FoldedWriter(true, text.length);
  const joined = new FoldedWriter(true, text.length);
  foldInto(decoded, whole, { apart, joined });
  return { whole: whole.text(), apart: apart.text(), joined: joined.text() };
}

/**
 * Fold `decoded` into `whole`, and with `outside` its text outside tags (between two tag edges) into
 * `joined`, and into `apart` with each tag read as a space.
 */
function foldInto(
  decoded: string,
  whole: FoldedWriter,
  outside: { apart: FoldedWriter; joined: FoldedWriter } | null,
): void {
  let inTag = false;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if (code < 0x80) {
      if (outside && code === TAG_EDGE) {
        inTag = !inTag;
        outside.apart.put(0x20);
        continue;
      }
      whole.put(code);
      if (outside && !inTag) {
        outside.apart.put(code);
        outside.joined.put(code);
      }
      continue;
    }
    const codePoint = decoded.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    const folded = foldCharacter(codePoint);
    whole.putAll(folded);
    if (outside && !inTag) {
      outside.apart.putAll(folded);
      outside.joined.putAll(folded);
    }
  }
}

// Folding reads each character on its own: normalisation only composes a letter with the marks after it,
// and folding drops every mark. So a page, mostly ASCII markup, is folded one non-ASCII character at a
// time from a table, never normalised as a whole (the cost of scanning a built site).
const foldedCharacters = new Map<number, string>();

function foldCharacter(codePoint: number): string {
  let folded = foldedCharacters.get(codePoint);
  if (folded === undefined) {
    folded = prepare(String.fromCodePoint(codePoint)).normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
    foldedCharacters.set(codePoint, folded);
  }
  return folded;
}

// The bytes are ASCII, which UTF-8 decodes fastest.
const ascii = new TextDecoder();

/**
 * Folded text written a byte at a time: lower-case ASCII letters and digits, one space for every gap
 * between two of them on a line, line breaks when kept (a blank first line stays line 1).
 */
class FoldedWriter {
  private bytes: Uint8Array;
  private length = 0;
  private gap = false;
  private lineStart = true;
  private readonly keepLines: boolean;

  constructor(keepLines: boolean, capacity: number) {
    this.keepLines = keepLines;
    this.bytes = new Uint8Array(capacity + 16);
  }

  put(code: number): void {
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if ((lower >= 0x61 && lower <= 0x7a) || (lower >= 0x30 && lower <= 0x39)) {
      if (this.gap && !this.lineStart) this.push(0x20);
      this.gap = false;
      this.lineStart = false;
      this.push(lower);
    } else if (lower === 0x0a && this.keepLines) {
      this.gap = false;
      this.lineStart = true;
      this.push(0x0a);
    } else this.gap = true;
  }

  putAll(folded: string): void {
    if (folded === '') return;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      this.put(code < 0x80 ? code : 0x20);
    }
  }

  text(): string {
    return ascii.decode(this.bytes.subarray(0, this.length));
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }
}
