import { matchKey } from '../ingest/text.ts';

// What the search index build and the search box in the browser share: the words of a text as both
// see them, and which part of the index (shard) holds the documents a query can find. Kept tiny: the
// browser loads this module with the search box.

/** What a search result is; the labels come with the index (they name the period from the data). */
export type SearchKind = 'xa' | 'xa-moi' | 'thon' | 'vinh-danh' | 'dien-hinh';

/** One page the search finds. Short keys: a national index repeats them a million times. */
export interface SearchDocument {
  /** The page's path, also the document's identity. */
  p: string;
  /** Its name, as shown: "Bản Mồ Sì San". */
  n: string;
  /** Other spellings (`ten_khac`), searched but not shown. */
  a?: string;
  /** Where it is, shown after the name and searched: "xã Mồ Sì San". */
  w?: string;
  k: SearchKind;
}

/** The index's table of contents: the shards, by the start of the words they hold, with their sizes. */
export interface SearchManifest {
  kinds: Record<SearchKind, string>;
  /** [start of the words, size in bytes], sorted by start. */
  shards: [string, number][];
}

/** Where the index lives; the shards are not permanent URLs (they change with the data). */
export const SEARCH_DIR = '/tim-kiem/';
export const MANIFEST_FILE = 'muc-luc.json';
/** "tu-" keeps every file name clear of names Windows reserves (con, aux, nul …). */
export const shardFile = (start: string) => `tu-${start}.json`;

/**
 * The words of a text as the search compares them: lower case, without diacritics, `đ` as `d`, so
 * "Mồ Sì San", "mo si san" and "MỒ SÌ SAN" give the same words. The same key the data files match
 * names with (`matchKey`).
 */
export const searchWords = (text: string): string[] => {
  const key = matchKey(text);
  return key ? key.split(' ') : [];
};

/** The kinds of unit written before a name across the country; words that every second village shares. */
const UNIT_TYPES = [
  'to dan pho',
  'khu pho',
  'thi tran',
  'phuong',
  'huyen',
  'thon',
  'ban',
  'xom',
  'ap',
  'buon',
  'khom',
  'plei',
  'soc',
  'xa',
];
const TYPE_WORDS = [...new Set(UNIT_TYPES.flatMap((t) => t.split(' ')))];
/** "b", "ba", "bản": may be the kind of unit, which is no key of the index. */
const mayBeKind = (word: string) => TYPE_WORDS.some((t) => t.startsWith(word));

/** The words of a name without the kind of unit it starts with: "Bản Mồ Sì San" → mo si san. */
export function nameWords(name: string): string[] {
  const words = searchWords(name);
  const type = UNIT_TYPES.find((t) => words.join(' ').startsWith(`${t} `));
  return type ? words.slice(type.split(' ').length) : words;
}

/**
 * The shards that hold every document with a word starting with `word`: those whose start extends
 * `word`, and the longest one whose start `word` extends (unless one starts exactly with `word`).
 */
export function shardsFor(word: string, starts: readonly string[]): string[] {
  const found = starts.filter((s) => s.startsWith(word));
  if (found.includes(word)) return found;
  const shorter = starts.filter((s) => word.startsWith(s)).sort((a, b) => b.length - a.length)[0];
  return shorter === undefined ? found : [...found, shorter];
}

/** Joins a whole word too big for one shard and a first letter of its documents' words: `tan_a`. */
export const COMPANION = '_';

/**
 * The fewest bytes to load for a query: every document that contains all its words contains each of
 * them, so the shards of one word are enough. Kinds of unit ("bản", "xã") are not in the index's keys
 * (`nameWords`), so a word that may be the start of one ("ba", "so" of "sóc") chooses only when no other
 * word can, and a kind itself last, and neither when no document is filed under it. A word split by its
 * documents' other words loads only the part of another word of the query, when there is one, else whole.
 */
export function shardsForQuery(query: string, manifest: SearchManifest): { starts: string[]; bytes: number } | null {
  const words = searchWords(query);
  const size = new Map(manifest.shards);
  const parts = new Map<string, string[]>();
  const starts: string[] = [];
  for (const [start] of manifest.shards) {
    const [word = '', letter] = start.split(COMPANION);
    const split = parts.get(word);
    if (letter === undefined) starts.push(start);
    else if (split) split.push(start);
    else parts.set(word, [start]);
  }
  const bytesOf = (list: readonly string[]) => list.reduce((sum, s) => sum + (size.get(s) ?? 0), 0);
  const named = words.filter((w) => !mayBeKind(w));
  /**
   * The shards of a start; of a split word, the part of the smallest other word of the query (one that may
   * match the same word of a document, "tân" and "ta", does not say which part). A word that only may start
   * a kind counts ("phú" is rarely "phường" half typed); a kind itself does not.
   */
  const expand = (start: string, word: string): string[] => {
    if (!parts.has(start)) return [start];
    const others = words
      .filter((w) => !TYPE_WORDS.includes(w))
      .filter((w) => !w.startsWith(word) && !word.startsWith(w))
      .map((w) => [`${start}${COMPANION}${w.charAt(0)}`]);
    return others.sort((a, b) => bytesOf(a) - bytesOf(b))[0] ?? [start];
  };
  const tiers = [
    named,
    words.filter((w) => mayBeKind(w) && !TYPE_WORDS.includes(w)),
    words.filter((w) => TYPE_WORDS.includes(w)),
  ];
  for (const [tier, candidates] of tiers.entries()) {
    let best: { starts: string[]; bytes: number } | null = null;
    for (const word of candidates) {
      const found = shardsFor(word, starts);
      if (found.length === 0 && tier > 0) continue;
      const chosen = found.flatMap((s) => expand(s, word));
      const bytes = bytesOf(chosen);
      if (best === null || bytes < best.bytes) best = { starts: chosen, bytes };
    }
    if (best !== null) return best;
  }
  return null;
}
