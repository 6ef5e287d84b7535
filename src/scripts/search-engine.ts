import MiniSearch from 'minisearch';
import {
  contentsFile,
  MANIFEST_FILE,
  namedBy,
  SEARCH_DIR,
  searchWords,
  shardFile,
  shardsForQuery,
  type SearchContents,
  type SearchDocument,
  type SearchKind,
  type SearchManifest,
} from '../lib/site/search-key.ts';

// Loaded on the first keystroke: MiniSearch, the index's table of contents, then only the shards a
// query needs. Documents are folded with the same `searchWords` the index was split with.
// MiniSearch (about 6 KB gzip, no dependencies) takes our own tokenizer, searches every word by prefix and
// with one typo, requires all words, boosts fields and kinds, and adds documents as shards arrive. Fuse.js
// scans every document with no index; FlexSearch's builds with field search weigh 11–18 KB; Orama 22 KB.

/**
 * More than this to load (JSON bytes) for the start of a word waits for more letters: a national "th…" is
 * megabytes. One shard always loads: the index keeps each under its own bound (`SHARD_BYTES`).
 */
const BUDGET = 400_000;
const LIMIT = 8;
/** A place before what happened there: communes, then villages, then entries and stories that name them. */
const WEIGHT: Record<SearchKind, number> = { xa: 2, 'xa-moi': 2, thon: 1.5, 'vinh-danh': 1, 'dien-hinh': 1 };

export type Outcome =
  | { kind: 'found'; docs: SearchDocument[]; total: number }
  /** Too many to load: another word is needed; `docs` are the places named by exactly these words. */
  | { kind: 'many'; docs: SearchDocument[]; total: number }
  | { kind: 'short' }
  | { kind: 'more' };

export interface Engine {
  kinds: SearchManifest['kinds'];
  search(query: string): Promise<Outcome>;
}

async function json<T>(base: string, file: string): Promise<T> {
  // The site may be hosted under a sub-path (`base`, from the form's data-base).
  const response = await fetch(`${base}${SEARCH_DIR.slice(1)}${file}`);
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return (await response.json()) as T;
}

export async function createEngine(base: string): Promise<Engine> {
  const manifest = await json<SearchManifest>(base, MANIFEST_FILE);
  const byPath = new Map<string, SearchDocument>();
  const mini = new MiniSearch<SearchDocument>({
    idField: 'p',
    fields: ['n', 'a', 'w'],
    tokenize: searchWords,
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'AND',
      prefix: true,
      // One letter wrong, missing or extra in a longer word; short syllables must be typed right.
      fuzzy: (term) => (term.length > 3 ? 1 : false),
      boost: { n: 3, a: 2 },
      boostDocument: (id) => WEIGHT[byPath.get(String(id))?.k ?? 'dien-hinh'],
    },
  });
  const loaded = new Map<string, Promise<SearchDocument[]>>();
  // The tables of contents under split words, loaded when a query needs one ("tổng cọ").
  const contents = new Map<string, SearchContents>();
  const load = (start: string) => {
    let pending = loaded.get(start);
    if (!pending) {
      pending = json<SearchDocument[]>(base, shardFile(start)).then((docs) => {
        // A document is in the shard of each of its words: add it once.
        const fresh = docs.filter((d) => !byPath.has(d.p));
        for (const d of fresh) byPath.set(d.p, d);
        mini.addAll(fresh);
        return docs;
      });
      // A failed shard is fetched again next time.
      pending.catch(() => loaded.delete(start));
      loaded.set(start, pending);
    }
    return pending;
  };
  return {
    kinds: manifest.kinds,
    async search(query) {
      if (searchWords(query).join('').length < 2) return { kind: 'short' };
      let needed = shardsForQuery(query, manifest, (node) => contents.get(node));
      while (needed?.kind === 'contents') {
        const node = needed.node;
        contents.set(node, await json<SearchContents>(base, contentsFile(node)));
        needed = shardsForQuery(query, manifest, (n) => contents.get(n));
      }
      if (needed === null) return { kind: 'short' };
      if (needed.kind === 'more' || (needed.starts.length > 1 && needed.bytes > BUDGET)) return { kind: 'more' };
      const shards = await Promise.all(needed.starts.map(load));
      const many = needed.kind === 'many';
      // Too many to load: only the places named by the query's words, of the shards just loaded.
      const these = new Set(shards.flat().map((d) => d.p));
      const hits = mini.search(query).filter((h) => {
        const d = byPath.get(String(h.id));
        return !many || (d !== undefined && these.has(d.p) && namedBy(d, query));
      });
      const docs = hits.slice(0, LIMIT).flatMap((h) => byPath.get(String(h.id)) ?? []);
      return many ? { kind: 'many', docs, total: hits.length } : { kind: 'found', docs, total: hits.length };
    },
  };
}
