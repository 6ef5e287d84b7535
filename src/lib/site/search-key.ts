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

/** Joins a whole word too big for one shard and the start of its documents' other words: `tong_co`. */
export const COMPANION = '_';

/** What a query needs from the index. */
export type ShardPlan =
  /** These shards hold every document the query can find. */
  | { kind: 'load'; starts: string[]; bytes: number }
  /**
   * Its words are whole words too common to load, or kinds of unit alone ("tổng", "thôn"): no letter more
   * can narrow them, another word can. These shards hold only the documents named by just these words.
   */
  | { kind: 'many'; starts: string[]; bytes: number }
  /** Its word is the start of a word too common to load ("tổn"): more letters narrow it. */
  | { kind: 'more' };

const RANK: Record<ShardPlan['kind'], number> = { load: 0, many: 1, more: 2 };
const better = (a: ShardPlan | null, b: ShardPlan): ShardPlan =>
  a === null || RANK[b.kind] < RANK[a.kind] || (b.kind !== 'more' && a.kind === b.kind && b.bytes < a.bytes) ? b : a;
const overlap = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The fewest bytes to load for a query: every document that contains all its words contains each of
 * them, so the shards of one word are enough. Kinds of unit ("bản", "xã") are not in the index's keys
 * (`nameWords`), so a word that may be the start of one ("ba", "so" of "sóc") chooses only when no other
 * word can, and a kind itself last, and neither when no document is filed under it. A word split by its
 * documents' other words (`searchIndex`) loads the shards of another word of the query under it, and so
 * on; with no other word, or only kinds of unit, it loads nothing but the documents of exactly its words.
 */
export function shardsForQuery(query: string, manifest: SearchManifest): ShardPlan | null {
  const words = searchWords(query);
  const size = new Map(manifest.shards);
  /** The starts under each path of split words ('' the top), and its split words. */
  const starts = new Map<string, string[]>();
  const split = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const [key] of manifest.shards) {
    const path = key.split(COMPANION);
    add(starts, path.slice(0, -1).join(COMPANION), path.at(-1)!);
    for (let i = 1; i < path.length; i++) {
      const parent = path.slice(0, i - 1).join(COMPANION);
      if (!split.get(parent)?.includes(path[i - 1]!)) add(split, parent, path[i - 1]!);
    }
  }
  const bytesOf = (list: readonly string[]) => list.reduce((sum, s) => sum + (size.get(s) ?? 0), 0);
  const plan = (node: string, words: readonly string[]): ShardPlan | null => {
    const key = (start: string) => (node ? `${node}${COMPANION}${start}` : start);
    const splitHere = split.get(node) ?? [];
    const here = [...(starts.get(node) ?? []).filter((s) => s !== ''), ...splitHere];
    /** What one start found for `word` needs: itself, or under a split word, what the other words need. */
    const need = (start: string, word: string): ShardPlan => {
      if (!splitHere.includes(start)) return { kind: 'load', starts: [key(start)], bytes: size.get(key(start))! };
      // A longer word of the query ("tổngx") is in no document of this one.
      if (!start.startsWith(word)) return { kind: 'load', starts: [], bytes: 0 };
      const exact = size.has(key(`${start}${COMPANION}`)) ? [key(`${start}${COMPANION}`)] : [];
      const alone: ShardPlan =
        start === word ? { kind: 'many', starts: exact, bytes: bytesOf(exact) } : { kind: 'more' };
      // Another word that may match this same word of a document ("tổng t") does not say which part.
      const others = words.filter((w) => !overlap(w, start));
      const under = others.length > 0 ? plan(key(start), others) : null;
      return under ?? alone;
    };
    /** Every start found for `word`: all loaded, or the reason they cannot be. */
    const needAll = (found: readonly string[], word: string): ShardPlan =>
      found
        .map((s) => need(s, word))
        .reduce<ShardPlan>(
          (all, one) =>
            RANK[one.kind] > RANK[all.kind]
              ? one
              : all.kind === 'load' && one.kind === 'load'
                ? { kind: 'load', starts: [...all.starts, ...one.starts], bytes: all.bytes + one.bytes }
                : all,
          { kind: 'load', starts: [], bytes: 0 },
        );
    const tiers = [
      words.filter((w) => !mayBeKind(w)),
      words.filter((w) => mayBeKind(w) && !TYPE_WORDS.includes(w)),
      words.filter((w) => TYPE_WORDS.includes(w)),
    ];
    let fallback: ShardPlan | null = null;
    for (const [tier, candidates] of tiers.entries()) {
      let best: ShardPlan | null = null;
      for (const word of candidates) {
        const found = shardsFor(word, here);
        if (found.length === 0 && tier > 0) continue;
        best = better(best, needAll(found, word));
      }
      if (best?.kind === 'load') return best;
      if (best !== null) fallback ??= best;
    }
    return fallback;
  };
  if (words.length === 0) return null;
  const found = plan('', words);
  // Kinds of unit alone ("thôn", "bản xã") name half the country: only places named by them ("Xã Bản Lang").
  if (words.every((w) => TYPE_WORDS.includes(w))) {
    return found?.kind === 'load' || found?.kind === 'many'
      ? { ...found, kind: 'many' }
      : { kind: 'many', starts: [], bytes: 0 };
  }
  return found;
}
