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

/** A table of contents: the shards of one part of the index, by the start of the words they hold. */
export interface SearchContents {
  /** [start of the words, size in bytes], sorted by start. */
  shards: [string, number][];
  /** Whole words too common for one shard: their documents are split by other words, under contents of their own. */
  split: string[];
}

/** The index's table of contents, with the labels of the kinds of result. */
export interface SearchManifest extends SearchContents {
  kinds: Record<SearchKind, string>;
}

/** Where the index lives; the shards are not permanent URLs (they change with the data). */
export const SEARCH_DIR = '/tim-kiem/';
export const MANIFEST_FILE = 'muc-luc.json';
/** "tu-" keeps every file name clear of names Windows reserves (con, aux, nul …). */
export const shardFile = (start: string) => `tu-${start}.json`;
/** The table of contents under split words (`tong`, `co_tong`). */
export const contentsFile = (node: string) => `muc-luc-${node}.json`;

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

/** The words a document is filed under: its name and other names without their kind, and its place. */
export function documentKeys(d: SearchDocument): Set<string> {
  const names = [d.n, ...(d.a ? d.a.split(' · ') : [])];
  return new Set([...names.flatMap(nameWords), ...(d.w ? d.w.split(', ').flatMap(nameWords) : [])]);
}

/**
 * Whether a document is named by a query: some word of the query starts a word it is filed under, and every
 * other is a kind of unit of its name. "Thôn" alone names no "Thôn Nà Củng"; "xã bản" names "Xã Bản Lang".
 */
export const namedBy = (d: SearchDocument, query: string): boolean => {
  const keys = [...documentKeys(d)];
  const words = searchWords(d.n);
  const filed = (w: string) => keys.some((k) => k.startsWith(w));
  const asked = searchWords(query);
  return asked.some(filed) && asked.every((w) => filed(w) || (TYPE_WORDS.includes(w) && words.includes(w)));
};

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

/** Joins the split words of a path and a start under them: `co_tong`, `co_tong_n`. */
export const COMPANION = '_';

/** What a query needs from the index. */
export type ShardPlan =
  /** These shards hold every document the query can find. */
  | { kind: 'load'; starts: string[]; bytes: number }
  /**
   * Its words are whole words too common to load together, or kinds of unit alone ("tổng", "thôn"): no
   * letter more can narrow them, another word can. These shards hold the places named by just these words.
   */
  | { kind: 'many'; starts: string[]; bytes: number }
  /** Its word is the start of a word too common to load ("tổn"): more letters narrow it. */
  | { kind: 'more' }
  /** The table of contents under these split words must be loaded first. */
  | { kind: 'contents'; node: string };

/**
 * The fewest bytes to load for a query: every document that contains all its words contains each of
 * them, so the shards of one word are enough. Kinds of unit ("bản", "xã") are not in the index's keys
 * (`nameWords`), so a word that may be the start of one ("ba", "so" of "sóc") chooses only when no other
 * word can, and a kind itself last, and neither when no document is filed under it. When every word is
 * split (`searchIndex`), the documents of all of them are under the first in the alphabet, then the next.
 * `contents` gives the table of contents under split words, once loaded.
 */
export function shardsForQuery(
  query: string,
  manifest: SearchManifest,
  contents: (node: string) => SearchContents | undefined = () => undefined,
): ShardPlan | null {
  const words = [...new Set(searchWords(query))];
  if (words.length === 0) return null;
  const size = new Map(manifest.shards);
  const starts = [...manifest.shards.map(([s]) => s), ...manifest.split];
  const split = new Set(manifest.split);
  const bytesOf = (list: readonly string[]) => list.reduce((sum, s) => sum + (size.get(s) ?? 0), 0);
  let more = false;
  /** The top's shards of one word; none when it starts a split word and is not itself one ("tổn"). */
  const load = (word: string): ShardPlan | null => {
    const found = shardsFor(word, starts);
    if (found.some((s) => split.has(s) && s.startsWith(word)) && !found.includes(word)) {
      more = true;
      return null;
    }
    // A whole word typed ("na") does not wait for the longer split words it starts ("nam").
    const chosen = found.filter((s) => !split.has(s));
    return { kind: 'load', starts: chosen, bytes: bytesOf(chosen) };
  };
  const kinds = words.every((w) => TYPE_WORDS.includes(w));
  // A name's split word says more than a kind of unit: "thôn tổng" is every "tổng", not the names with "thôn".
  const splitName = words.some((w) => split.has(w) && !TYPE_WORDS.includes(w));
  const tiers = [
    words.filter((w) => !mayBeKind(w)),
    words.filter((w) => mayBeKind(w) && !TYPE_WORDS.includes(w)),
    splitName ? [] : words.filter((w) => TYPE_WORDS.includes(w)),
  ];
  for (const [tier, candidates] of tiers.entries()) {
    let best: ShardPlan | null = null;
    for (const word of candidates) {
      if (split.has(word) || (tier > 0 && shardsFor(word, starts).length === 0)) continue;
      const plan = load(word);
      if (plan?.kind === 'load' && (best?.kind !== 'load' || plan.bytes < best.bytes)) best = plan;
    }
    // Kinds of unit alone ("thôn", "bản xã") name half the country: only the places named by them.
    if (best?.kind === 'load') return kinds ? { ...best, kind: 'many' } : best;
  }
  if (more && !kinds) return { kind: 'more' };
  /**
   * The documents of every word of `path` (split words): under the first in the alphabet, the documents are
   * filed again under each later split word they have, so one of these is enough, the smallest; when all of
   * them are split again, under the first of them, and so on.
   */
  const under = (path: readonly string[]): ShardPlan | null => {
    const sorted = [...path].sort();
    let node = sorted.shift();
    while (node !== undefined) {
      const list = contents(node);
      if (list === undefined) return { kind: 'contents', node };
      const prefix = `${node}${COMPANION}`;
      if (sorted.length === 0) {
        const exact = list.shards.filter(([s]) => s === prefix);
        return { kind: 'many', starts: exact.map(([s]) => s), bytes: exact.reduce((sum, [, b]) => sum + b, 0) };
      }
      const sizes = new Map(list.shards);
      const here = list.shards.map(([s]) => s.slice(prefix.length)).filter((s) => s !== '');
      const options = sorted
        .filter((w) => !list.split.includes(w))
        // A whole word: its own shard, else the one of a start it extends.
        .map((w) => (here.includes(w) ? [w] : shardsFor(w, here)).map((s) => `${prefix}${s}`))
        .map((starts) => ({ starts, bytes: starts.reduce((sum, s) => sum + (sizes.get(s) ?? 0), 0) }))
        .sort((a, b) => a.bytes - b.bytes);
      if (options[0]) return { kind: 'load', ...options[0] };
      node = `${prefix}${sorted.shift()!}`;
    }
    return null;
  };
  // Every word is split, or a kind of unit. A kind may also be a word of a name ("Xã Bản Lang"): the places
  // named by it are shown too, but the kind alone does not narrow the query ("bản nậm" is every "nậm").
  const names = under(words.filter((w) => split.has(w) && !TYPE_WORDS.includes(w)));
  if (names?.kind === 'load' || names?.kind === 'contents') return names;
  const named = words.some((w) => split.has(w) && TYPE_WORDS.includes(w))
    ? under(words.filter((w) => split.has(w)))
    : null;
  if (named?.kind === 'contents') return named;
  const all = [names, named].flatMap((p) => (p?.kind === 'load' || p?.kind === 'many' ? [p] : []));
  if (all.length === 0) return kinds ? { kind: 'many', starts: [], bytes: 0 } : null;
  return {
    kind: 'many',
    starts: [...new Set(all.flatMap((p) => p.starts))],
    bytes: all.reduce((sum, p) => sum + p.bytes, 0),
  };
}
