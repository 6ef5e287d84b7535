import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { communes, villages } from '../__tests__/country.ts';
import { AWARDS, fixtureFiles, UNITS } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { foldText } from '../domain/fold.ts';
import { nameFinder, protectedNames } from '../domain/protected-names.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { allAwardViews } from './awards.ts';
import { unitPaths } from './paths.ts';
import { documentKeys, searchDocuments, searchIndex, searchKinds, SHARD_BYTES, type SearchIndex } from './search.ts';
import { nameWords, searchWords, shardsFor, shardsForQuery, type SearchDocument } from './search-key.ts';

function fixtureSite(units = UNITS) {
  const { dataset } = buildDataset(fixtureFiles({ units }));
  const site = fromSnapshot(toSnapshot(dataset!, [], []));
  const paths = unitPaths(site.index);
  return { dataset: dataset!, site, paths, docs: searchDocuments(site, paths, allAwardViews(site, paths)) };
}

const doc = (n: string, w?: string): SearchDocument => ({
  p: `/${searchWords(`${n} ${w ?? ''}`).join('-')}/`,
  n,
  ...(w ? { w } : {}),
  k: 'thon',
});

const KINDS = searchKinds(fixtureSite().site);

/** The documents a query can reach: those in the shards it loads. */
function reachable(index: SearchIndex, query: string): string[] {
  const plan = shardsForQuery(query, index.manifest);
  const chosen = plan === null || plan.kind === 'more' ? [] : plan.starts;
  return [...new Set(chosen.flatMap((s) => index.shards.get(s) ?? []).map((d) => d.n))].sort();
}

describe('the words the search compares', () => {
  it('are the same typed with or without diacritics, in any case, in NFC or NFD, and with d for đ', () => {
    const words = ['mo', 'si', 'san'];
    expect(searchWords('Mồ Sì San')).toEqual(words);
    expect(searchWords('MỒ SÌ SAN')).toEqual(words);
    expect(searchWords('mo si  san ')).toEqual(words);
    expect(searchWords('Mồ Sì San'.normalize('NFD'))).toEqual(words);
    expect(searchWords('Đào San')).toEqual(searchWords('dao san'));
    expect(searchWords('Dào San')).toEqual(['dao', 'san']);
    expect(searchWords('Hoà')).toEqual(searchWords('Hòa'));
    expect(searchWords('Lả/Lản Nhì Thàng')).toEqual(['la', 'lan', 'nhi', 'thang']);
    expect(searchWords(' – ')).toEqual([]);
  });

  it('of a name leave out the kind of unit it starts with, and only that', () => {
    expect(nameWords('Bản Mồ Sì San')).toEqual(['mo', 'si', 'san']);
    expect(nameWords('Tổ dân phố số 1')).toEqual(['so', '1']);
    expect(nameWords('Thị trấn Phong Thổ')).toEqual(['phong', 'tho']);
    expect(nameWords('Xã Bản Lang')).toEqual(['ban', 'lang']);
    expect(nameWords('Xã Ma Ly Pho')).toEqual(['ma', 'ly', 'pho']);
    expect(nameWords('Bản')).toEqual(['ban']);
  });
});

describe('the documents of the search index', () => {
  it('hold the communes of the movement and of today, and every village with its commune', () => {
    const { docs } = fixtureSite();
    expect(docs.filter((d) => d.k === 'xa').map((d) => [d.n, d.p, d.a])).toEqual([
      ['Xã Một', '/xa/mot/', 'Xã Mốt'],
      ['Xã Hai', '/xa/hai/', undefined],
    ]);
    expect(docs.filter((d) => d.k === 'xa-moi').map((d) => [d.n, d.p])).toEqual([['Xã Mới', '/xa-moi/moi/']]);
    expect(docs.filter((d) => d.k === 'thon').map((d) => `${d.n}, ${d.w}`)).toEqual([
      'Bản Một, xã Một',
      'Bản Hai, xã Một',
      'Thôn Ba, xã Hai',
    ]);
  });

  it('name an honour-roll entry only with consent, and no protected name appears in any document', () => {
    const { dataset, site, docs } = fixtureSite();
    const hidden = AWARDS.find((a) => !a['dong_y_cong_khai'])!;
    expect(docs.filter((d) => d.k === 'vinh-danh').map((d) => [d.n, d.w, d.p])).toEqual([
      ['Hộ ông Lý A Sử', 'bản Một, xã Một', '/vinh-danh/kt-1/'],
    ]);
    const { shards, manifest } = searchIndex(docs, searchKinds(site), 200);
    const text = JSON.stringify([manifest, ...shards.values()]);
    const names = nameFinder(protectedNames(dataset.awards).names);
    expect(names.findInText(text, foldText(text, true))).toEqual([]);
    expect(foldText(text)).not.toContain(foldText(String(hidden['ten_doi_tuong']).replace(/^Hộ ông /, '')));
    expect(text).not.toContain(String(hidden['ma_khen_thuong']));
  });

  it('are filed under the words of their names, other names and place, without the kind of unit', () => {
    const village = { ...doc('Bản Mồ Sì San', 'xã Dào San'), a: 'Bản Mô Si San' };
    expect([...documentKeys(village)]).toEqual(['mo', 'si', 'san', 'dao']);
  });
});

describe('the shards of the search index', () => {
  const docs = [
    doc('Bản Mồ Sì San', 'xã Mồ Sì San'),
    doc('Bản Ma Mé', 'xã Huổi Luông'),
    doc('Bản Lang Thàng', 'xã Sì Lở Lầu'),
    doc('Xã Bản Lang'),
    doc('Bản Mường', 'xã Dào San'),
    doc('Thôn Mù Sang', 'xã Mù Sang'),
    doc('Tổ dân phố số 1', 'thị trấn Phong Thổ'),
  ];

  it('split until each is under the size asked for, and a query loads only the shards of one of its words', () => {
    const { manifest, shards } = searchIndex(docs, KINDS, 200);
    expect(manifest.shards.length).toBeGreaterThan(5);
    expect(manifest.shards.map(([s]) => s)).toEqual([...shards.keys()].sort());
    for (const [start, list] of shards) {
      const splittable = list.some((d) => [...documentKeys(d)].some((w) => w.startsWith(start) && w !== start));
      const size = new TextEncoder().encode(JSON.stringify(list)).length;
      if (splittable && list.length > 1) expect(size, start).toBeLessThanOrEqual(200 + list.length);
    }
    // "mo si san": the shard of one word ("mo" or "san"), not the whole index.
    const chosen = shardsForQuery('mo si san', manifest)!;
    expect(chosen.bytes).toBeLessThan(manifest.shards.reduce((sum, [, b]) => sum + b, 0) / 2);
  });

  it('let every query of a document\u2019s words (name first) reach it, or ask for more, at any shard size', () => {
    for (const max of [1, 200, 1_000_000]) {
      const index = searchIndex(docs, KINDS, max);
      for (const d of docs) {
        const words = searchWords(`${d.n} ${d.w ?? ''}`);
        // A query of the kind of unit alone ("bản") is not enough: every second village is one.
        const kind = searchWords(d.n).length - nameWords(d.n).length;
        for (let i = kind; i < words.length; i++) {
          const query = words.slice(0, i + 1).join(' ');
          const cut = `${words.slice(0, i).join(' ')} ${words[i]!.slice(0, 2)}`;
          for (const q of [query, cut]) {
            // Whatever the query loads holds the document; only a split index may ask for another word.
            const plan = shardsForQuery(q, index.manifest)!;
            if (plan.kind === 'load' || max === 1_000_000) expect(reachable(index, q), `${q} (${max})`).toContain(d.n);
          }
        }
        // All its words always reach it, even when every word is split from the others (max 1).
        const plan = shardsForQuery(words.join(' '), index.manifest)!;
        expect(plan.kind, `${d.n} (${max})`).not.toBe('more');
        expect(reachable(index, words.join(' ')), `${d.n} (${max})`).toContain(d.n);
      }
    }
  });

  it('split a word too big for one shard by the other words of its documents: alone, it asks for another', () => {
    const others = ['An', 'Bình', 'Hòa', 'Lập', 'Phú', 'Thịnh', 'Yên', 'Đông'];
    const many = others.flatMap((o) => [doc(`Thôn Tân ${o}`, `xã ${o}`), doc(`Bản ${o} Tân`), doc(`Xã Tân`)]);
    const index = searchIndex([...many, ...docs], KINDS, 200);
    const parts = index.manifest.shards.filter(([s]) => s.startsWith('tan_'));
    expect(parts.map(([s]) => s)).toEqual(expect.arrayContaining(['tan_', 'tan_a', 'tan_b', 'tan_d', 'tan_p']));
    expect(index.shards.has('tan')).toBe(false);
    // Alone, the word loads only the places of exactly that name: more letters cannot narrow it.
    expect(shardsForQuery('tan', index.manifest)).toEqual({
      kind: 'many',
      starts: ['tan_'],
      bytes: expect.any(Number),
    });
    expect(reachable(index, 'tân')).toEqual(['Xã Tân']);
    // The start of it must go on: "tâ" could be "tân" or any word of "ta…".
    expect(shardsForQuery('ta', index.manifest)).toEqual({ kind: 'more' });
    // With another word, whole or its start, one part of it.
    const part = shardsForQuery('thon tan phu', index.manifest)!;
    expect(part).toEqual({ kind: 'load', starts: ['tan_p'], bytes: expect.any(Number) });
    expect(reachable(index, 'thon tan phu')).toEqual(expect.arrayContaining(['Thôn Tân Phú', 'Bản Phú Tân']));
    expect(reachable(index, 'dong tan')).toEqual(expect.arrayContaining(['Thôn Tân Đông', 'Bản Đông Tân']));
    expect(reachable(index, 'tan p')).toEqual(expect.arrayContaining(['Thôn Tân Phú', 'Bản Phú Tân']));
    // A kind of unit does not narrow it: "thôn tân" asks for a name too.
    expect(shardsForQuery('thon tan', index.manifest)?.kind).toBe('many');
  });

  it('ask for a name when the query is only kinds of unit, loading just the places named by them', () => {
    const index = searchIndex(docs, KINDS, 200);
    expect(shardsForQuery('thôn', index.manifest)).toEqual({ kind: 'many', starts: [], bytes: 0 });
    expect(shardsForQuery('Bản', index.manifest)?.kind).toBe('many');
    expect(reachable(index, 'Bản')).toEqual(['Xã Bản Lang']);
  });

  it('choose a word of the name over the kind of unit: "ban lang" loads the shards of "lang"', () => {
    expect(reachable(searchIndex(docs, KINDS, 200), 'ban lang')).toEqual(['Bản Lang Thàng', 'Xã Bản Lang']);
  });

  it('are found from the start of a word: longer starts that extend it, or the one it extends', () => {
    const starts = ['b', 'ma', 'mai', 'mo', 's'];
    expect(shardsFor('ma', starts)).toEqual(['ma', 'mai']);
    expect(shardsFor('m', starts)).toEqual(['ma', 'mai', 'mo']);
    expect(shardsFor('mong', starts)).toEqual(['mo']);
    expect(shardsFor('san', starts)).toEqual(['s']);
    expect(shardsFor('x', starts)).toEqual([]);
  });
});

describe('the search index of a country of 10,000 communes and 100,000 villages', () => {
  // The same names without their numbers: every name is shared by hundreds of places, every word by thousands.
  const place = (name: string) => name.replace(/ \d+$/, '');
  const national: SearchDocument[] = [
    ...communes.map((c): SearchDocument => ({ p: c.path, n: place(c.name), k: 'xa' })),
    ...villages.map((v): SearchDocument => ({ p: v.path, n: place(v.name), w: place(v.commune), k: 'thon' })),
  ];
  const index = searchIndex(national, KINDS);
  /** 32 KB of JSON is about 6 KB gzip; a shard a little over one document more compresses no worse. */
  const GZIP_BOUND = 12 * 1024;

  it(`keeps every shard and the table of contents under ${GZIP_BOUND / 1024} KB gzip`, () => {
    const gzip = (value: unknown) => gzipSync(JSON.stringify(value)).length;
    const largest = Math.max(...[...index.shards.values()].map(gzip));
    console.log(`national search index: ${index.shards.size} shards, largest ${(largest / 1024).toFixed(1)} KB gzip`);
    expect(largest).toBeLessThanOrEqual(GZIP_BOUND);
    expect(Math.max(...index.manifest.shards.map(([, bytes]) => bytes))).toBeLessThanOrEqual(SHARD_BYTES);
    expect(gzip(index.manifest)).toBeLessThanOrEqual(GZIP_BOUND);
  });

  it('loses no document: a sample of them reached by all their words, in any order, loading little', () => {
    for (const d of national.filter((_, i) => i % 211 === 0)) {
      const words = [...documentKeys(d)];
      for (const [i] of words.entries()) {
        const query = [...words.slice(i), ...words.slice(0, i)].join(' ');
        const plan = shardsForQuery(query, index.manifest)!;
        expect(plan.kind, query).not.toBe('more');
        if (plan.kind !== 'more') expect(plan.bytes, query).toBeLessThanOrEqual(4 * SHARD_BYTES);
        expect(reachable(index, query), query).toContain(d.n);
      }
    }
  });

  it('asks for another word for a word in thousands of names, and finds it with one', () => {
    expect(shardsForQuery('Nà', index.manifest)?.kind).toBe('many');
    expect(shardsForQuery('nậm', index.manifest)?.kind).toBe('many');
    const village = national.find((d) => d.n === 'Thôn Nà Củng')!;
    const query = `Nà Củng ${nameWords(village.w!).join(' ')}`;
    expect(shardsForQuery(query, index.manifest)?.kind).toBe('load');
    expect(reachable(index, query)).toContain('Thôn Nà Củng');
  });
});
