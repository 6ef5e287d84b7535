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
const PARTS_FACTOR = 4;

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
 * shard over `maxBytes` splits by one more letter. A whole word still over 4 × `maxBytes` ("tân" in a
 * national index) is also written in parts by the first letter of its documents' other words (`tan_a` holds
 * "Tân An", "An Tân" …): a query of that word alone loads it whole, a query with another word one part.
 * A document is in the shard of each of its words.
 */
export function searchIndex(
  docs: readonly SearchDocument[],
  kinds: Record<SearchKind, string>,
  maxBytes = SHARD_BYTES,
): SearchIndex {
  const encoder = new TextEncoder();
  const bytes = docs.map((d) => encoder.encode(JSON.stringify(d)).length + 1);
  const keys = docs.map((d) => [...documentKeys(d)]);
  const byWord = new Map<string, number[]>();
  keys.forEach((words, i) => {
    for (const word of words) {
      const list = byWord.get(word);
      if (list) list.push(i);
      else byWord.set(word, [i]);
    }
  });
  const docsOf = (words: readonly string[]) =>
    [...new Set(words.flatMap((w) => byWord.get(w) ?? []))].sort((a, b) => a - b);
  const shards = new Map<string, SearchDocument[]>();
  const sizes: [string, number][] = [];
  const sizeOf = (ids: readonly number[]) => ids.reduce((sum, i) => sum + bytes[i]!, 1);
  const emit = (start: string, ids: number[]) => {
    shards.set(
      start,
      ids.map((i) => docs[i]!),
    );
    sizes.push([start, sizeOf(ids)]);
  };
  /** One whole word, and when it is too big, also in parts by the first letter of its documents' other words. */
  const emitWord = (word: string, ids: number[]) => {
    emit(word, ids);
    // Parts repeat each document once per letter: worth it only for a word several shards big.
    if (sizeOf(ids) <= PARTS_FACTOR * maxBytes) return;
    const byLetter = new Map<string, number[]>();
    for (const i of ids) {
      // Not by the word itself ("tân_t" would hold them all); a document with no other word goes there.
      const companions = keys[i]!.filter((k) => k !== word);
      for (const letter of new Set((companions.length > 0 ? companions : [word]).map((k) => k.charAt(0)))) {
        const list = byLetter.get(letter);
        if (list) list.push(i);
        else byLetter.set(letter, [i]);
      }
    }
    for (const [letter, list] of [...byLetter].sort(([a], [b]) => (a < b ? -1 : 1))) {
      emit(`${word}${COMPANION}${letter}`, list);
    }
  };
  const split = (start: string, words: readonly string[]) => {
    const ids = docsOf(words);
    const longer = words.filter((w) => w.length > start.length);
    if (start.length > 0 && longer.length === 0) return emitWord(start, ids);
    if (start.length > 0 && sizeOf(ids) <= maxBytes) return emit(start, ids);
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
  sizes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { manifest: { kinds, shards: sizes }, shards };
}
