import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchIndex } from '../lib/site/search.ts';
import { contentsFile, MANIFEST_FILE, searchWords, shardFile, type SearchDocument } from '../lib/site/search-key.ts';
import { createEngine } from './search-engine.ts';

// The browser's engine against an index whose words are too common for one shard (a country in miniature,
// shards of 300 bytes): what it fetches and what it tells the reader.

const doc = (n: string, w?: string): SearchDocument => ({
  p: `/${searchWords(`${n} ${w ?? ''}`).join('-')}/`,
  n,
  ...(w ? { w } : {}),
  k: w ? 'thon' : 'xa',
});
const KINDS = { xa: 'Xã', 'xa-moi': 'Xã mới', thon: 'Thôn', 'vinh-danh': 'Vinh danh', 'dien-hinh': 'Điển hình' };
const others = ['An', 'Bình', 'Hòa', 'Lập', 'Yên', 'Đông', 'Sơn', 'Thịnh'];
const docs = [
  doc('Xã Tổng'),
  doc('Xã Tổng Cọ'),
  ...others.flatMap((o) => [doc(`Thôn Tổng ${o}`, `xã Nậm ${o}`), doc(`Bản Cọ ${o}`, `xã Tổng ${o}`)]),
];
const index = searchIndex(docs, KINDS, 300);
const files = new Map<string, unknown>([
  [MANIFEST_FILE, index.manifest],
  ...[...index.contents].map(([node, list]): [string, unknown] => [contentsFile(node), list]),
  ...[...index.shards].map(([start, list]): [string, unknown] => [shardFile(start), list]),
]);

afterEach(() => vi.unstubAllGlobals());

async function engine() {
  const fetched: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    const file = url.replace('/tim-kiem/', '');
    fetched.push(file);
    const body = files.get(file);
    return Promise.resolve(new Response(JSON.stringify(body), { status: body === undefined ? 404 : 200 }));
  });
  return { search: await createEngine('/'), fetched };
}

describe('the search engine on an index with words too common for one shard', () => {
  it('asks for another word for a lone common word, listing only the places of exactly that name', async () => {
    expect(index.manifest.split).toContain('tong');
    const { search, fetched } = await engine();
    const outcome = await search.search('tổng');
    expect(outcome).toMatchObject({ kind: 'many', total: 1 });
    expect(outcome.kind === 'many' && outcome.docs.map((d) => d.n)).toEqual(['Xã Tổng']);
    expect(fetched).toEqual([MANIFEST_FILE, contentsFile('tong'), shardFile('tong_')]);
  });

  it('finds the place with a second word, loading one small shard, with or without diacritics', async () => {
    const { search, fetched } = await engine();
    for (const query of ['tổng yên', 'tong yen', 'Yên Tổng']) {
      const outcome = await search.search(query);
      expect(outcome.kind === 'found' && outcome.docs.map((d) => d.n), query).toEqual(
        expect.arrayContaining(['Thôn Tổng Yên', 'Bản Cọ Yên']),
      );
    }
    expect(fetched.filter((f) => f !== MANIFEST_FILE).every((f) => !f.includes('tong'))).toBe(true);
    // Two common words together, still too many: the place of exactly that name; a third word finds the rest.
    const both = await search.search('tổng cọ');
    expect(both.kind === 'many' && both.docs.map((d) => d.n)).toEqual(['Xã Tổng Cọ']);
    const three = await search.search('tổng cọ yên');
    expect(three.kind === 'found' && three.docs.map((d) => d.n)).toEqual(['Bản Cọ Yên']);
  });

  it('asks for more letters while the start of a common word is typed', async () => {
    const { search } = await engine();
    expect(await search.search('tổn')).toEqual({ kind: 'more' });
  });
});
