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
import { searchDocuments, searchIndex, searchKinds, SHARD_BYTES, type SearchIndex } from './search.ts';
import {
  documentKeys,
  namedBy,
  nameWords,
  searchWords,
  shardsFor,
  shardsForQuery,
  type SearchDocument,
} from './search-key.ts';

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

/** What a query needs, with every table of contents at hand (the browser loads them as needed). */
const plan = (index: SearchIndex, query: string) =>
  shardsForQuery(query, index.manifest, (node) => index.contents.get(node));

/** The documents a query can reach: those in the shards it loads. */
function reachable(index: SearchIndex, query: string): string[] {
  const needed = plan(index, query);
  const chosen = needed?.kind === 'load' || needed?.kind === 'many' ? needed.starts : [];
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
    const { shards, manifest, contents } = searchIndex(docs, searchKinds(site), 200);
    const text = JSON.stringify([manifest, ...contents.values(), ...shards.values()]);
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
    const index = searchIndex(docs, KINDS, 200);
    const { manifest, shards, contents } = index;
    expect(manifest.shards.length).toBeGreaterThan(5);
    const listed = [manifest, ...contents.values()].flatMap((c) => c.shards.map(([s]) => s));
    expect(listed.sort()).toEqual([...shards.keys()].sort());
    for (const [start, list] of shards) {
      const size = new TextEncoder().encode(JSON.stringify(list)).length;
      if (list.length > 1) expect(size, start).toBeLessThanOrEqual(200 + list.length);
    }
    // "mo si san": the shard of one word ("mo" or "san"), not the whole index.
    const chosen = plan(index, 'mo si san')!;
    expect(chosen.kind).toBe('load');
    if (chosen.kind === 'load')
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
            // What the query loads holds the document; only a split index may ask for another word or letter.
            if (max === 1_000_000 || plan(index, q)?.kind === 'load') {
              expect(reachable(index, q), `${q} (${max})`).toContain(d.n);
            }
          }
        }
        // All its words always reach it, even when every word is too common to load alone (max 1).
        const all = words.join(' ');
        expect(plan(index, all)?.kind, `${all} (${max})`).toMatch(/^(load|many)$/);
        expect(reachable(index, all), `${all} (${max})`).toContain(d.n);
      }
    }
  });

  it('split a word too big for one shard: alone it asks for another word, with one it loads that one', () => {
    const others = ['An', 'Bình', 'Hòa', 'Lập', 'Phú', 'Thịnh', 'Yên', 'Đông'];
    const many = [doc('Xã Tân'), ...others.flatMap((o) => [doc(`Thôn Tân ${o}`, `xã ${o}`), doc(`Bản ${o} Tân`)])];
    const index = searchIndex([...many, ...docs], KINDS, 200);
    expect(index.manifest.split).toEqual(['tan']);
    expect(index.shards.has('tan')).toBe(false);
    // Alone, the word needs its own table of contents, then loads only the places of exactly that name.
    expect(shardsForQuery('tân', index.manifest)).toEqual({ kind: 'contents', node: 'tan' });
    expect(plan(index, 'tân')).toEqual({ kind: 'many', starts: ['tan_'], bytes: expect.any(Number) });
    expect(reachable(index, 'tân')).toEqual(['Xã Tân']);
    // Its start must go on: "tâ" could be "tân" or any word of "ta…".
    expect(plan(index, 'ta')).toEqual({ kind: 'more' });
    // With another word, whole or its start, the shard of that word.
    expect(plan(index, 'thon tan phu')).toEqual({ kind: 'load', starts: ['phu'], bytes: expect.any(Number) });
    expect(reachable(index, 'thon tan phu')).toEqual(['Bản Phú Tân', 'Thôn Tân Phú']);
    expect(reachable(index, 'dong tan')).toEqual(['Bản Đông Tân', 'Thôn Tân Đông']);
    expect(reachable(index, 'tan p')).toEqual(expect.arrayContaining(['Thôn Tân Phú', 'Bản Phú Tân']));
    // A kind of unit does not narrow it: "thôn tân" asks for a name too.
    expect(plan(index, 'thon tan')?.kind).toBe('many');
  });

  it('split two words too common together under the first in the alphabet, then by a third', () => {
    const others = ['An', 'Bình', 'Hòa', 'Lập', 'Yên', 'Đông'];
    const many = [doc('Xã Tân Phú'), ...others.map((o) => doc(`Thôn Tân Phú ${o}`, `xã Phú Tân ${o}`))];
    const index = searchIndex([...many, ...docs], KINDS, 150);
    expect(index.manifest.split).toEqual(expect.arrayContaining(['phu', 'tan']));
    expect(index.contents.get('phu')?.split).toEqual(['tan']);
    expect(plan(index, 'tân phú')).toEqual({ kind: 'many', starts: ['phu_tan_'], bytes: expect.any(Number) });
    expect(plan(index, 'phú tân')).toEqual(plan(index, 'tân phú'));
    expect(reachable(index, 'tân phú')).toEqual(['Xã Tân Phú']);
    expect(reachable(index, 'tân phú yên')).toEqual(['Thôn Tân Phú Yên']);
  });

  it('ask for a name when the query is only kinds of unit, loading just the places named by them', () => {
    const index = searchIndex(docs, KINDS, 200);
    // The engine shows only the documents named by the query's words: no "thôn" is in a name here.
    const named = (query: string) => {
      const found = plan(index, query);
      expect(found?.kind).toBe('many');
      const starts = found?.kind === 'many' ? found.starts : [];
      return starts
        .flatMap((s) => index.shards.get(s)!)
        .filter((d) => namedBy(d, query))
        .map((d) => d.n);
    };
    expect(named('thôn')).toEqual([]);
    expect(named('Bản')).toEqual(['Xã Bản Lang']);
    expect(named('xã bản')).toEqual(['Xã Bản Lang']);
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

// The list pages' country, its names numbered, and the same names without their numbers: every name shared by
// dozens of places, every word by thousands.
describe.each([
  ['numbered', (name: string) => name],
  ['shared', (name: string) => name.replace(/ \d+$/, '')],
])('the search index of a country of 10,000 communes and 100,000 villages, names %s', (_, place) => {
  const national: SearchDocument[] = [
    ...communes.map((c): SearchDocument => ({ p: c.path, n: place(c.name), k: 'xa' })),
    ...villages.map((v): SearchDocument => ({ p: v.path, n: place(v.name), w: place(v.commune), k: 'thon' })),
  ];
  const index = searchIndex(national, KINDS);
  /**
   * 32 KB of JSON (`SHARD_BYTES`) is about 6 KB gzip; the bound leaves room for names that compress worse,
   * and is far under the 100 KB a page may weigh.
   */
  const GZIP_BOUND = 12 * 1024;

  it(`keeps every shard and every table of contents under ${GZIP_BOUND / 1024} KB gzip`, () => {
    const gzip = (value: unknown) => gzipSync(JSON.stringify(value)).length;
    const files = [...index.shards.values(), index.manifest, ...index.contents.values()];
    const largest = Math.max(...files.map(gzip));
    const raw = Math.max(...[index.manifest, ...index.contents.values()].flatMap((c) => c.shards.map(([, b]) => b)));
    console.log(`national search index: ${files.length} files, the largest ${(largest / 1024).toFixed(1)} KB gzip`);
    expect(largest).toBeLessThanOrEqual(GZIP_BOUND);
    expect(raw).toBeLessThanOrEqual(SHARD_BYTES);
  });

  it('loses no document: a sample reached by all their words, in any order, loading one or two shards', () => {
    // Two when a word is both a kind of unit and a name ("Bản"): the places of either sense.
    for (const d of national.filter((_, i) => i % 499 === 0)) {
      const words = [...documentKeys(d)];
      for (const [i] of words.entries()) {
        const query = [...words.slice(i), ...words.slice(0, i)].join(' ');
        const needed = plan(index, query);
        expect(needed?.kind, query).toMatch(/^(load|many)$/);
        if (needed?.kind === 'load' || needed?.kind === 'many')
          expect(needed.bytes, query).toBeLessThanOrEqual(2 * SHARD_BYTES);
        expect(reachable(index, query), query).toContain(d.n);
      }
    }
  });

  it('asks for another word for a word in thousands of names, and finds the place with one', () => {
    expect(plan(index, 'Nà')?.kind).toBe('many');
    expect(plan(index, 'nậm')?.kind).toBe('many');
    expect(plan(index, 'thôn nậm')?.kind).toBe('many');
    const village = national.find((d) => d.n.startsWith('Thôn Nà Củng') && !d.w!.startsWith('Xã Nà Củng'))!;
    const query = `${village.n} ${village.w!}`;
    expect(plan(index, query)?.kind).toBe('load');
    expect(reachable(index, query)).toContain(village.n);
  });
});
