import { isVillageLevel } from '../domain/units.ts';
import type { UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import type { AwardView } from './awards.ts';
import { storyPath, type UnitPaths } from './paths.ts';
import {
  COMPANION,
  documentKeys,
  nameWords,
  searchWords,
  type SearchDocument,
  type SearchKind,
  type SearchContents,
  type SearchManifest,
} from './search-key.ts';

// The search index: one document per page people look for (communes of the movement and of today,
// villages with their commune, published honour-roll entries, stories), split into shards by the start
// of their words so the browser loads only what a query needs, even for a whole country.

/** A shard stops splitting once it is this small (bytes of JSON): about 6 KB gzip. */
export const SHARD_BYTES = 32_000;

/** A name inside a sentence: the kind of unit in lower case ("xã Mồ Sì San", Nghị định 30/2020). */
function inSentence(name: string): string {
  return nameWords(name).length < searchWords(name).length
    ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1)
    : name;
}

/**
 * Every document of the index, in a fixed order. Honour-roll entries come only from the public award
 * views (`allAwardViews`), so a name without consent never reaches the index.
 */
export function searchDocuments(site: SiteData, paths: UnitPaths, awardViews: readonly AwardView[]): SearchDocument[] {
  const { index } = site;
  const place = (u: UnitRow): string => {
    const commune = isVillageLevel(u) && u.ma_don_vi_cha ? index.byId.get(u.ma_don_vi_cha) : undefined;
    return commune ? `${inSentence(u.ten_don_vi)}, ${inSentence(commune.ten_don_vi)}` : inSentence(u.ten_don_vi);
  };
  const unit = (u: UnitRow, k: SearchKind, w?: string): SearchDocument[] => {
    const p = paths.of(u.ma_don_vi);
    if (p === null) return [];
    const aliases = (u.ten_khac ?? []).join(' · ');
    return [{ p, n: u.ten_don_vi, ...(aliases ? { a: aliases } : {}), ...(w ? { w } : {}), k }];
  };
  /** Where an entry or a story is, unless its name already says it ("Xã Dào San" awarded as itself). */
  const at = (unitId: string | null, name: string): { w?: string } => {
    const u = unitId === null ? undefined : index.byId.get(unitId);
    const w = u ? place(u) : '';
    return w && searchWords(w).join(' ') !== searchWords(name).join(' ') ? { w } : {};
  };
  return [
    ...index.movementCommunes.flatMap((c) => unit(c, 'xa')),
    ...index.currentCommunes.flatMap((c) => unit(c, 'xa-moi')),
    ...index.movementCommunes.flatMap((c) =>
      index.villagesOf(c.ma_don_vi).flatMap((v) => unit(v, 'thon', inSentence(c.ten_don_vi))),
    ),
    ...awardViews.map((a): SearchDocument => ({ p: a.path, n: a.name, ...at(a.unitId, a.name), k: 'vinh-danh' })),
    ...site.stories.map((s): SearchDocument => ({
      p: storyPath(s.slug),
      n: s.tieu_de,
      ...at(s.ma_don_vi, s.tieu_de),
      k: 'dien-hinh',
    })),
  ];
}

/** The labels of the kinds of result, with the movement's period from the data. */
export function searchKinds(site: SiteData): Record<SearchKind, string> {
  const { nam_bat_dau: from, nam_ket_thuc: to } = site.settings;
  return {
    xa: `Xã, thị trấn giai đoạn ${from}–${to}`,
    'xa-moi': 'Xã, phường sau sắp xếp',
    thon: 'Thôn, bản, tổ dân phố',
    'vinh-danh': 'Vinh danh',
    'dien-hinh': 'Điển hình',
  };
}

export interface SearchIndex {
  /** The table of contents of the top. */
  manifest: SearchManifest;
  /** The table of contents under each split word or words (`tong`, `co_tong`). */
  contents: Map<string, SearchContents>;
  /** Start of the words → the documents filed under a word with that start (and no longer shard's). */
  shards: Map<string, SearchDocument[]>;
}

/**
 * Split the documents by the start of their words: every shard starts with at least one letter, and a
 * shard over `maxBytes` splits by one more letter. A whole word still over `maxBytes` ("tổng" in a
 * national index) is split: no shard holds it alone. Its documents are filed again under the other split
 * words they have, later in the alphabet (`co_tong` holds "Cọ Tổng", "Tổng Cọ, xã Nậm Xe", …; a query with
 * a word that is not split loads that word's shard instead), and a pair still too big the same way by a
 * third (`co_nam_tong`), until every shard fits. The documents with no other word than the split ones of
 * their path ("Xã Tổng") are in `tong_`. So every shard stays under `maxBytes` whatever the size of the
 * country (but for one document bigger than that, or more documents of exactly the same words).
 */
export function searchIndex(
  docs: readonly SearchDocument[],
  kinds: Record<SearchKind, string>,
  maxBytes = SHARD_BYTES,
): SearchIndex {
  const encoder = new TextEncoder();
  const bytes = docs.map((d) => encoder.encode(JSON.stringify(d)).length + 1);
  const keys = docs.map((d) => [...documentKeys(d)]);
  const shards = new Map<string, SearchDocument[]>();
  const contents = new Map<string, SearchContents>();
  const sizeOf = (ids: readonly number[]) => ids.reduce((sum, i) => sum + bytes[i]!, 1);
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const everyWord = new Map<string, number[]>();
  keys.forEach((words, i) => words.forEach((w) => push(everyWord, w, i)));
  const split = new Set([...everyWord].filter(([, ids]) => sizeOf(ids) > maxBytes).map(([w]) => w));

  /** Documents filed under every word of `path` (none at the top), split by the start of their other words. */
  const fileUnder = (path: readonly string[], byWord: ReadonlyMap<string, number[]>, alone: readonly number[]) => {
    const node = path.join(COMPANION);
    const here: SearchContents = { shards: [], split: [] };
    contents.set(node, here);
    const key = (start: string) => [...path, start].join(COMPANION);
    const emit = (start: string, ids: readonly number[]) => {
      shards.set(
        key(start),
        ids.map((i) => docs[i]!),
      );
      here.shards.push([key(start), sizeOf(ids)]);
    };
    if (alone.length > 0) emit('', alone);
    const docsOf = (words: readonly string[]) =>
      [...new Set(words.flatMap((w) => byWord.get(w) ?? []))].sort((a, b) => a - b);
    const emitWord = (word: string, ids: number[]) => {
      if (sizeOf(ids) <= maxBytes) return emit(word, ids);
      here.split.push(word);
      // Under a split word, its documents by their other split words after it, or alone if they have none.
      const inner = new Map<string, number[]>();
      const only: number[] = [];
      const within = [...path, word];
      for (const i of ids) {
        const others = keys[i]!.filter((k) => split.has(k) && k > word && !within.includes(k));
        others.forEach((k) => push(inner, k, i));
        if (keys[i]!.every((k) => within.includes(k))) only.push(i);
      }
      fileUnder(within, inner, only);
    };
    const byStart = (start: string, words: readonly string[]) => {
      const longer = words.filter((w) => w.length > start.length);
      if (start.length > 0 && longer.length === 0) return emitWord(start, docsOf(words));
      if (start.length > 0) {
        const ids = docsOf(words);
        if (sizeOf(ids) <= maxBytes) return emit(start, ids);
      }
      const groups = new Map<string, string[]>();
      for (const w of longer) push(groups, w.slice(0, start.length + 1), w);
      if (longer.length < words.length) emitWord(start, docsOf(words.filter((w) => w.length === start.length)));
      for (const [next, group] of groups) byStart(next, group);
    };
    byStart('', [...byWord.keys()].sort());
    here.shards.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    here.split.sort();
  };
  fileUnder([], everyWord, []);
  const { shards: top, split: words } = contents.get('')!;
  contents.delete('');
  return { manifest: { kinds, shards: top, split: words }, contents, shards };
}
