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
  foldInto(text, out, null);
  return out.text();
}

/** A markup file as a reader may read it: its tags as words, each tag a space, and tags removed. */
export interface MarkupReadings {
  whole: string;
  apart: string;
  joined: string;
}

const TAG = /<[^>]*>/g;

/** The readings of a markup file: "Sùng<b>A</b>" reads "SùngA" on screen, "Lý</td><td>A" two words. */
export function markupReadings(text: string): MarkupReadings {
  return { whole: text, apart: text.replace(TAG, ' '), joined: text.replace(TAG, '') };
}

/** `foldText(reading, true)` of each of `markupReadings(text)`, in one pass over the file. */
export function foldMarkup(text: string): MarkupReadings {
  const whole = new FoldedWriter(true, text.length);
  const apart = new FoldedWriter(true, text.length);
  const joined = new FoldedWriter(true, text.length);
  foldInto(text, whole, { apart, joined });
  return { whole: whole.text(), apart: apart.text(), joined: joined.text() };
}

const AMPERSAND = 0x26;
const TAG_OPEN = 0x3c;
const TAG_CLOSE = 0x3e;
/** What an entity is written with after its "&" ("amp", "#233", "#xE9"), before an optional ";". */
const ENTITY_BODY = /[#0-9A-Za-z]*;?/y;
/** A character folded to nothing written: a gap between words. */
const GAP = 0;

/**
 * Fold `text` into `whole`, and with `outside` its text outside tags (as `TAG` finds them) into `joined`, and
 * into `apart` with each tag read as a space. Entities are decoded where they stand, inside tags or out, so a
 * "&lt;" is a letter of the text, never a tag, and the file is read once, not copied by each step.
 */
function foldInto(
  text: string,
  whole: FoldedWriter,
  outside: { apart: FoldedWriter; joined: FoldedWriter } | null,
): void {
  const apart = outside?.apart ?? null;
  const joined = outside?.joined ?? null;
  // A "<" opens a tag only when a ">" follows somewhere, as for `TAG`.
  const lastClose = outside ? text.lastIndexOf('>') : -1;
  let inTag = false;
  let entity: string | null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most characters of any file: ASCII that is neither markup nor an entity, one code each (a tenth faster).
    if (code < 0x80 && code !== AMPERSAND && code !== TAG_OPEN && code !== TAG_CLOSE) {
      const folded = ASCII_FOLDED[code]!;
      whole.write(folded);
      if (apart && joined && !inTag) {
        apart.write(folded);
        joined.write(folded);
      }
      continue;
    }
    let folded: number | string;
    if (code >= 0x80) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      folded = foldCharacter(codePoint);
    } else if (apart && code === TAG_OPEN && !inTag && i < lastClose) {
      inTag = true;
      apart.put(GAP);
      folded = GAP;
    } else if (apart && code === TAG_CLOSE && inTag) {
      whole.put(GAP);
      inTag = false;
      apart.put(GAP);
      continue;
    } else if (code === AMPERSAND && (entity = decodedEntity(text, i)) !== null) {
      folded = entity;
      i = ENTITY_BODY.lastIndex - 1;
    } else folded = ASCII_FOLDED[code]!;
    whole.put(folded);
    if (apart && joined && !inTag) {
      apart.put(folded);
      joined.put(folded);
    }
  }
}

/** The entity written at `at` ("&amp;"), folded, and ENTITY_BODY.lastIndex where it ends; null if none is. */
function decodedEntity(text: string, at: number): string | null {
  ENTITY_BODY.lastIndex = at + 1;
  ENTITY_BODY.test(text);
  const written = text.slice(at, ENTITY_BODY.lastIndex);
  const decoded = written.length > 1 ? decodeHTML(written) : written;
  if (decoded === written) return null;
  let folded = '';
  for (let k = 0; k < decoded.length; k++) {
    const code = decoded.codePointAt(k)!;
    if (code > 0xffff) k++;
    const character = code < 0x80 ? ASCII_FOLDED[code]! : foldCharacter(code);
    folded += typeof character === 'number' ? String.fromCharCode(character) : character;
  }
  return folded;
}

/** An ASCII character as written folded: a letter or digit in lower case, a line break, or GAP. */
const ASCII_FOLDED = Uint8Array.from({ length: 0x80 }, (_, code) => {
  const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  const kept = (lower >= 0x61 && lower <= 0x7a) || (lower >= 0x30 && lower <= 0x39) || lower === 0x0a;
  return kept ? lower : GAP;
});

// Folding reads each character on its own: normalisation only composes a letter with the marks after it,
// and folding drops every mark. So a page, mostly ASCII markup, is folded one non-ASCII character at a
// time from a table, never normalised as a whole (the cost of scanning a built site).
const UNKNOWN = -1;
/** Characters of the Basic Multilingual Plane folded to one code (`UNKNOWN` until first met): most of any text. */
const foldedCodes = new Int16Array(0x10000).fill(UNKNOWN);
/** The others: those that fold to several codes or none, and those beyond the plane. */
const foldedCharacters = new Map<number, number | string>();

/**
 * A character folded: as `ASCII_FOLDED` writes one character for most (a Vietnamese letter is one letter, a
 * letter of another script a gap), else the ASCII codes of its text (none for an invisible one, several for "ﬃ").
 */
function foldCharacter(codePoint: number): number | string {
  const code = codePoint <= 0xffff ? foldedCodes[codePoint]! : UNKNOWN;
  if (code !== UNKNOWN) return code;
  let folded = foldedCharacters.get(codePoint);
  if (folded === undefined) {
    const text = prepare(String.fromCodePoint(codePoint)).normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
    const codes = [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ASCII_FOLDED[ch.charCodeAt(0)]! : GAP));
    folded = codes.length === 1 ? codes[0]! : String.fromCharCode(...codes);
    if (typeof folded === 'number' && codePoint <= 0xffff) foldedCodes[codePoint] = folded;
    else foldedCharacters.set(codePoint, folded);
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
  /**
   * Bytes to spare. Each character of the text writes at most one byte (a space stands for the gap before it), so
   * the text's length is enough, but for the characters that fold to several: they take from this, and grow it.
   */
  private spare = 16;

  constructor(keepLines: boolean, textLength: number) {
    this.keepLines = keepLines;
    this.bytes = new Uint8Array(textLength + this.spare);
  }

  /** A character folded: an `ASCII_FOLDED` code, or the codes of one that folds to several (or none). */
  put(folded: number | string): void {
    if (typeof folded === 'number') {
      this.write(folded);
      return;
    }
    this.spare -= folded.length;
    if (this.spare < 0) {
      const grown = new Uint8Array(this.bytes.length * 2 + folded.length);
      grown.set(this.bytes);
      this.spare += grown.length - this.bytes.length;
      this.bytes = grown;
    }
    for (let i = 0; i < folded.length; i++) this.write(folded.charCodeAt(i));
  }

  text(): string {
    return ascii.decode(this.bytes.subarray(0, this.length));
  }

  /** An `ASCII_FOLDED` code. */
  write(folded: number): void {
    if (folded > 0x0a) {
      if (this.gap && !this.lineStart) this.bytes[this.length++] = 0x20;
      this.gap = false;
      this.lineStart = false;
      this.bytes[this.length++] = folded;
    } else if (folded === 0x0a && this.keepLines) {
      this.gap = false;
      this.lineStart = true;
      this.bytes[this.length++] = 0x0a;
    } else this.gap = true;
  }
}
