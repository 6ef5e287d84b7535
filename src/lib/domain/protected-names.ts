import type { AwardRow } from '../schemas/tables.ts';
import { MARKS, prepare } from './fold.ts';
import { mayName } from './privacy.ts';

// The names that must never be published: every household or individual award that may not name
// its recipient (no consent, consent withdrawn). A protected name can arrive through any text — another
// award's achievement, a unit's note, a story's body, caption or file name — so every published string
// is cut into words and searched for these names, at check time and once more on the built site.
//
// A word matches a name's word when both read the same letters and either carries the same diacritics
// (in any Unicode form, old or new tone placement) or carries none at all: "SUNG A CHU" and "Sùng A Chứ"
// are the name, "vàng thi đua" is not "Vàng Thị Dua".

/** A word in two keys: `fold` without any diacritic, `exact` with them, tone placement normalised. */
export interface WordKeys {
  fold: string;
  exact: string;
}

/** One protected recipient: the award to look at (shown in messages) and the words of the name. */
export interface ProtectedName {
  ma_khen_thuong: string;
  words: readonly WordKeys[];
}

// Vietnamese tones, compared apart from the vowel they sit on (Hòa = Hoà).
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

function keysOf(word: string): WordKeys {
  let keys = keysOfWord.get(word);
  if (!keys) {
    keys = wordKeys(word);
    if (keysOfWord.size >= WORDS_CACHE_SIZE) keysOfWord.clear();
    keysOfWord.set(word, keys);
  }
  return keys;
}

// Words repeat far more than texts ("bản", a year, a commune's name in every URL): each is keyed once.
const keysOfWord = new Map<string, WordKeys>();

function wordKeys(word: string): WordKeys {
  const nfd = word.normalize('NFD');
  const tones = (nfd.match(TONES) ?? []).sort().join('');
  const fold = nfd.replace(MARKS, '').replace(/đ/g, 'd');
  return { fold, exact: `${nfd.replace(TONES, '').normalize('NFC')}${tones ? `|${tones}` : ''}` };
}

const splitWords = (prepared: string): string[] => prepared.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

// How officials write a recipient: "Hộ ông", "Hộ gia đình bà", "Gia đình bác", "Ông", "Cụ", "Đồng chí" ...
// Matched with their diacritics, so the surname Hồ is never taken for the word hộ.
const HOUSEHOLD = /^(?:hộ gia đình|hộ|gia đình) /u;
const HONORIFIC = /^(ông bà|vợ chồng|đồng chí|ông|bà|anh|chị|cụ|em|bác|chú|cô|dì|thím|mợ|cậu) /u;

/**
 * The people a recipient cell names: "Hộ ông Sùng A Chứ và bà Lý Thị Mai (bản Hai)" names two. What follows
 * a bracket, a dash or a comma is a description, unless it starts with an honorific (another person).
 */
export function namesIn(recipient: string): WordKeys[][] {
  const text = prepare(recipient)
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/\([^)]*\)?/gu, ' ');
  const parts = text.split(/\s*(?:,|;|&|\+|\svà\s|\s[-–—]\s)\s*/u);
  const names: WordKeys[][] = [];
  parts.forEach((part, i) => {
    const afterHousehold = part.replace(HOUSEHOLD, '');
    const honorific = HONORIFIC.exec(afterHousehold)?.[1];
    if (i > 0 && !honorific && afterHousehold === part) return;
    const words = splitWords(afterHousehold.replace(HONORIFIC, ''));
    // A one-word name ("Bà Dua") would match every use of that word: it is searched with its honorific.
    if (words.length === 1 && honorific) words.unshift(...honorific.split(' '));
    if (words.length >= 2) names.push(words.map(keysOf));
  });
  return names;
}

/** Every protected recipient, and the award codes whose names are also published by a consenting namesake. */
export function protectedNames(awards: readonly AwardRow[]): { names: ProtectedName[]; namesakes: string[] } {
  const key = (words: readonly WordKeys[]) => words.map((w) => w.exact).join(' ');
  const published = new Set(awards.filter(mayName).flatMap((a) => namesIn(a.ten_doi_tuong).map(key)));
  const names: ProtectedName[] = [];
  const namesakes = new Set<string>();
  for (const a of awards.filter((x) => !mayName(x))) {
    for (const words of namesIn(a.ten_doi_tuong)) {
      // The same name published with consent cannot be told apart from this one in any text.
      if (published.has(key(words))) namesakes.add(a.ma_khen_thuong);
      else names.push({ ma_khen_thuong: a.ma_khen_thuong, words });
    }
  }
  return { names, namesakes: [...namesakes] };
}

/** A word of a published text, with the line it stands on and, within a row or a story, its field. */
export interface Token extends WordKeys {
  line: number | null;
  field?: string | undefined;
}

// The same cell text comes back on many rows (a unit's name every year): its words are read once. Bounded,
// so a million distinct texts never pile up.
const wordsOfText = new Map<string, WordKeys[]>();
const WORDS_CACHE_SIZE = 50_000;

/** The words of a text, with neither line nor field. */
export function wordsOf(text: string): readonly WordKeys[] {
  let words = wordsOfText.get(text);
  if (!words) {
    words = splitWords(prepare(text)).map(keysOf);
    if (wordsOfText.size >= WORDS_CACHE_SIZE) wordsOfText.clear();
    wordsOfText.set(text, words);
  }
  return words;
}

/** Split a text into words, all on one line (null: the text has no line, e.g. a setting). */
export function tokens(text: string, line: number | null, field?: string): Token[] {
  return wordsOf(text).map((w) => ({ fold: w.fold, exact: w.exact, line, field }));
}

/** A multi-line text (a story file) as words with their lines, so a name may run across lines. */
export function tokensByLine(text: string, firstLine = 1): Token[] {
  return text.split('\n').flatMap((l, i) => tokens(l, firstLine + i));
}

export interface NameHit {
  ma_khen_thuong: string;
  /** The line and field of the name's first word. */
  line: number | null;
  field?: string | undefined;
}

export interface NameFinder {
  readonly size: number;
  /** Whether a protected name may start at this word: a text with no such word holds none. */
  mayStart(word: WordKeys): boolean;
  find(words: readonly Token[]): NameHit[];
  /**
   * The same search over a whole file: candidates from its folded form (`foldText(text, true)`, fast on
   * megabytes), each confirmed word by word on the lines where it stands. The text may be given as how to get it:
   * it is read only when a candidate is found, which most files never have.
   */
  findInText(text: string | (() => string), folded: string): NameHit[];
}

const isPlain = (w: WordKeys) => /^[a-z0-9]+$/.test(w.exact);
const sameWord = (t: WordKeys, n: WordKeys) => t.fold === n.fold && (t.exact === n.exact || isPlain(t));

/** Index names by their first word, so finding them costs one look-up per word of text. */
export function nameFinder(names: readonly ProtectedName[]): NameFinder {
  const byFirst = new Map<string, ProtectedName[]>();
  for (const n of names) {
    // Many names share a surname: append, never copy the list.
    const first = n.words[0]?.fold ?? '';
    const list = byFirst.get(first);
    if (list) list.push(n);
    else byFirst.set(first, [n]);
  }
  const find = (words: readonly Token[]): NameHit[] => {
    const hits: NameHit[] = [];
    words.forEach((t, i) => {
      for (const n of byFirst.get(t.fold) ?? []) {
        if (
          n.words.every((w, k) => {
            const word = words[i + k];
            return word !== undefined && sameWord(word, w);
          })
        ) {
          hits.push({ ma_khen_thuong: n.ma_khen_thuong, line: t.line, field: t.field });
        }
      }
    });
    return hits;
  };
  const pattern = names.length === 0 ? /(?!)/g : new RegExp(`\\b(?=${trieSource(names)}\\b)`, 'g');
  return {
    size: names.length,
    mayStart: (word) => byFirst.has(word.fold),
    find,
    findInText(text, folded) {
      let lines: string[] | undefined;
      const hits = new Map<string, NameHit>();
      // Candidates come in order: lines are counted on from the last one, never from the start of a long file.
      let line = 1;
      let counted = 0;
      // A line is confirmed once, for every name starting on it: a one-line JSON file may hold thousands of
      // candidates (a consenting namesake spelled with other diacritics), each of which would read the whole line.
      let confirmed = 0;
      for (const m of folded.matchAll(pattern)) {
        lines ??= (typeof text === 'string' ? text : text()).split('\n');
        for (let i = folded.indexOf('\n', counted); i !== -1 && i < m.index; i = folded.indexOf('\n', i + 1)) line++;
        counted = m.index;
        if (line === confirmed) continue;
        confirmed = line;
        // A name may run onto the next lines: confirm on the candidate's line and the two after it.
        const around = lines.slice(line - 1, line + 2).flatMap((l, i) => tokens(l, line + i));
        for (const hit of find(around).filter((h) => h.line === line)) hits.set(`${hit.ma_khen_thuong}|${line}`, hit);
      }
      return [...hits.values()];
    },
  };
}

/** A node of the trie of folded names: the next characters, and whether a name ends here. */
interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * The folded names as one pattern shaped as a trie ("sung a (?:chu|pao)"), words split by spaces or line breaks.
 * A regular expression tries the alternatives of a flat list one by one at every word of a file: with the 2,500
 * protected names of a country that was 17 to 40 times slower than the trie, which reads each character once. Every
 * place where a name starts is a candidate (a look-ahead), also inside another candidate.
 */
function trieSource(names: readonly ProtectedName[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const n of names) {
    let node = root;
    // Folded words hold only a–z and 0–9, nothing a pattern would read as syntax.
    for (const ch of n.words.map((w) => w.fold).join(' ')) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => (ch === ' ' ? '[ \\n]+' : ch) + source(child));
    if (branches.length === 0) return '';
    const rest = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${rest})?` : rest;
  };
  return source(root);
}
