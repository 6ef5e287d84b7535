import { isVillageLevel } from '../domain/units.ts';
import type { UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import type { AwardView } from './awards.ts';
import { storyPath, type UnitPaths } from './paths.ts';
import {
  COMPANION,
  nameWords,
  searchWords,
  type SearchDocument,
  type SearchKind,
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

/** The words a document is filed under: its name and other names without their kind, and its place. */
export function documentKeys(d: SearchDocument): Set<string> {
  const names = [d.n, ...(d.a ? d.a.split(' · ') : [])];
  return new Set([...names.flatMap(nameWords), ...(d.w ? d.w.split(', ').flatMap(nameWords) : [])]);
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
  manifest: SearchManifest;
  /** Start of the words → the documents filed under a word with that start (and no longer shard's). */
  shards: Map<string, SearchDocument[]>;
}

/**
 * Split the documents by the start of their words: every shard starts with at least one letter, and a
 * shard over `maxBytes` splits by one more letter. A whole word still over `maxBytes` ("tổng" in a
 * national index) has no shard: its documents are split the same way by the start of their other words
 * (`tong_co` holds "Tổng Cọ", "Cò Tổng" …), and a pair still too big by a third word (`tong_co_n`), until
 * every shard fits; the documents with no other word ("Xã Tổng") are in `tong_`. A document is in the
 * shard of each of its words, so every shard stays under `maxBytes` (but for one document bigger than that,
 * or more documents of exactly the same words) whatever the size of the country.
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
  const sizes: [string, number][] = [];
  const sizeOf = (ids: readonly number[]) => ids.reduce((sum, i) => sum + bytes[i]!, 1);
  const emit = (key: string, ids: readonly number[]) => {
    shards.set(
      key,
      ids.map((i) => docs[i]!),
    );
    sizes.push([key, sizeOf(ids)]);
  };
  /** Documents filed under every word of `path` (none at the top), split by the start of their other words. */
  const fileUnder = (path: readonly string[], ids: readonly number[]) => {
    const key = (start: string) => [...path, start].join(COMPANION);
    const byWord = new Map<string, number[]>();
    const alone: number[] = [];
    for (const i of ids) {
      const others = keys[i]!.filter((k) => !path.includes(k));
      if (others.length === 0) alone.push(i);
      for (const word of others) {
        const list = byWord.get(word);
        if (list) list.push(i);
        else byWord.set(word, [i]);
      }
    }
    if (path.length > 0 && alone.length > 0) emit(key(''), alone);
    const docsOf = (words: readonly string[]) =>
      [...new Set(words.flatMap((w) => byWord.get(w) ?? []))].sort((a, b) => a - b);
    const emitWord = (word: string, list: number[]) =>
      sizeOf(list) <= maxBytes ? emit(key(word), list) : fileUnder([...path, word], list);
    const split = (start: string, words: readonly string[]) => {
      const longer = words.filter((w) => w.length > start.length);
      if (start.length > 0 && longer.length === 0) return emitWord(start, docsOf(words));
      if (start.length > 0) {
        const list = docsOf(words);
        if (sizeOf(list) <= maxBytes) return emit(key(start), list);
      }
      const groups = new Map<string, string[]>();
      for (const w of longer) {
        const next = w.slice(0, start.length + 1);
        const group = groups.get(next);
        if (group) group.push(w);
        else groups.set(next, [w]);
      }
      if (longer.length < words.length) emitWord(start, docsOf(words.filter((w) => w.length === start.length)));
      for (const [next, group] of groups) split(next, group);
    };
    split('', [...byWord.keys()].sort());
  };
  fileUnder(
    [],
    docs.map((_, i) => i),
  );
  sizes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { manifest: { kinds, shards: sizes }, shards };
}
