import { decodeHTML } from 'entities';
import type { AwardRow } from '../schemas/tables.ts';
import { mayName } from './privacy.ts';

// The names that must never be published: every household or individual award that may not name
// its recipient (no consent, consent withdrawn). A protected name can arrive through any text — another
// award's achievement, a unit's note, a story's body, caption or file name — so every published string
// is folded to one form and searched for these names, at check time and once more on the built site.

/** One protected recipient: the award to look at (shown in messages) and the folded words of the name. */
export interface ProtectedName {
  ma_khen_thuong: string;
  words: readonly string[];
}

// Format characters (zero-width, soft hyphen, bidi controls) vanish on screen, so they must vanish
// here too: "Lý\u200BA" reads as "LýA", not "Lý A".
const FORMAT = /\p{Cf}/gu;
// Combining marks (Vietnamese tones and any other accent a hostile text stacks on a letter).
// Cyrillic and Greek letters that look Latin ("Sùng А Chứ" with a Cyrillic А). NFKC already folds
// full-width and mathematical letters.
const LATIN_OF: Record<string, string> = Object.fromEntries(
  [...'аеорсухіјѕһԁԛԝοινκρτυχαβεζημ'].map((ch, i) => [ch, 'aeopcyxijshdqwoivkptuxabezhm'[i] ?? ch]),
);
const LOOKALIKE = new RegExp(`[${Object.keys(LATIN_OF).join('')}]`, 'g');
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * The matcher's normal form: entities decoded (&nbsp;, &#7909;), NFC/NFD alike, no diacritics, đ = d,
 * lower case, every run of anything but letters and digits (spaces, no-break spaces, punctuation,
 * markup) one space.
 */
export function foldText(text: string, keepLines = false): string {
  return decodeHTML(text)
    .replace(FORMAT, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(LOOKALIKE, (ch) => LATIN_OF[ch] ?? ch)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/đ/g, 'd')
    .replace(keepLines ? /[^a-z0-9\n]+/g : /[^a-z0-9]+/g, ' ')
    .trim();
}

// How officials write a recipient: "Hộ ông", "Hộ gia đình bà", "Gia đình", "Ông", "Cụ", ... Stripped
// with their diacritics, so the surname Hồ is never taken for the word hộ.
const HONORIFIC = /^(hộ )?(gia đình )?((ông|bà|anh|chị|cụ|em) )?/u;

/** The words a text would use for a recipient: "Hộ ông Lý A Sử" → lý a sử, folded to ["ly", "a", "su"]. */
export function nameWords(recipient: string): string[] {
  const written = decodeHTML(recipient).replace(FORMAT, '').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const bare = foldText(written.replace(HONORIFIC, ''));
  // A one-word name ("Bà Dua") would match every use of that word: only the full form is searched then.
  const words = bare.split(' ').length >= 2 ? bare : foldText(written);
  return words === '' ? [] : words.split(' ');
}

export function protectedNames(awards: readonly AwardRow[]): ProtectedName[] {
  return awards
    .filter((a) => !mayName(a))
    .map((a) => ({ ma_khen_thuong: a.ma_khen_thuong, words: nameWords(a.ten_doi_tuong) }))
    .filter((n) => n.words.length > 0);
}

/** A word of a published text, with the line it stands on. */
export interface Token {
  word: string;
  line: number | null;
}

/** Split a text into folded words, all on one line (null: the text has no line, e.g. a setting). */
export function tokens(text: string, line: number | null): Token[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ').map((word) => ({ word, line }));
}

/** A multi-line text (a story file) as folded words with their lines, so a name may run across lines. */
export function tokensByLine(text: string, firstLine = 1): Token[] {
  return text.split('\n').flatMap((l, i) => tokens(l, firstLine + i));
}

export interface NameHit {
  ma_khen_thuong: string;
  /** The line of the name's first word. */
  line: number | null;
}

export interface NameFinder {
  readonly size: number;
  find(words: readonly Token[]): NameHit[];
  /** The same search over a whole folded file (`foldText(text, true)`), lines kept: fast on megabytes. */
  findInFolded(folded: string): NameHit[];
}

/** Index names by their first word, so finding them costs one look-up per word of text. */
export function nameFinder(names: readonly ProtectedName[]): NameFinder {
  const byFirst = new Map<string, ProtectedName[]>();
  for (const n of names) {
    const first = n.words[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), n]);
  }
  // One alternation, a group per name; words may be split by spaces or line breaks.
  const pattern =
    names.length === 0
      ? null
      : new RegExp(`(?<![a-z0-9])(?:${names.map((n) => `(${n.words.join('[ \\n]+')})`).join('|')})(?![a-z0-9])`, 'g');
  return {
    size: names.length,
    findInFolded(folded) {
      if (!pattern) return [];
      return [...folded.matchAll(pattern)].map((m) => ({
        ma_khen_thuong: names[m.slice(1).findIndex((g) => g !== undefined)]?.ma_khen_thuong ?? '',
        line: folded.slice(0, m.index).split('\n').length,
      }));
    },
    find(words) {
      const hits: NameHit[] = [];
      words.forEach((t, i) => {
        for (const n of byFirst.get(t.word) ?? []) {
          if (n.words.every((w, k) => words[i + k]?.word === w))
            hits.push({ ma_khen_thuong: n.ma_khen_thuong, line: t.line });
        }
      });
      return hits;
    },
  };
}
