import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { AWARDS, fixtureFiles, SETTINGS } from '../__tests__/fixture.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { allAwardViews } from './awards.ts';
import { unitPaths } from './paths.ts';
import { allShareCards, isDrawnShareImage, shareImagePath, unitCard } from './share-card.ts';

function site(shareImages?: string) {
  const settings = shareImages ? [...SETTINGS, { khoa: 'anh_chia_se', gia_tri: shareImages }] : SETTINGS;
  const { dataset, errors } = buildDataset(fixtureFiles({ awards: AWARDS, settings }));
  expect(errors).toEqual([]);
  return fromSnapshot(toSnapshot(dataset!, [], []));
}

describe('share cards', () => {
  it('publish each image beside the page it shows', () => {
    expect(shareImagePath('/')).toBe('/anh-chia-se/trang-chu.png');
    expect(shareImagePath('/xa/mot/mot/')).toBe('/anh-chia-se/xa/mot/mot.png');
  });

  it("state a village's verdict in words, naming the village with its commune", () => {
    const s = site();
    const card = unitCard(s, unitPaths(s.index), 'X1-01');
    const verdict = s.verdictOf('X1-01', 'TC_THON', 2025);
    expect(card?.title).toBe('Bản Một, xã Một');
    expect(card?.statement).toMatchObject({ tone: verdict?.ket_qua, context: expect.stringContaining('năm 2025') });
    expect(card?.statement?.detail.length).toBeGreaterThan(20);
    expect(card?.alt).toContain(card?.statement?.label);
  });

  it('draw every unit, published entry and the site, and never an entry that may not be named', () => {
    const s = site();
    const paths = unitPaths(s.index);
    const views = allAwardViews(s, paths);
    const cards = allShareCards(s, paths, views);
    expect(cards.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        '/anh-chia-se/trang-chu.png',
        '/anh-chia-se/xa/mot.png',
        '/anh-chia-se/xa/mot/hai.png',
        '/anh-chia-se/xa-moi/moi.png',
        ...views.map((v) => shareImagePath(v.path)),
      ]),
    );
    const hidden = AWARDS.filter((a) => a['dong_y_cong_khai'] !== 'có').map((a) =>
      String(a['ten_doi_tuong']).replace(/^Hộ ông /, ''),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const text = JSON.stringify(cards);
    for (const name of hidden) expect(text).not.toContain(name);
    expect(new Set(cards.map((c) => c.path)).size).toBe(cards.length);
  });

  it("draw fewer images for a large locality: villages share their commune's, or the site has one", () => {
    const byCommune = site('cap_xa');
    const paths = unitPaths(byCommune.index);
    expect(unitCard(byCommune, paths, 'X1-01')).toEqual(unitCard(byCommune, paths, 'X1'));
    const drawn = allShareCards(byCommune, paths, allAwardViews(byCommune, paths)).map((c) => c.path);
    expect(drawn).toContain('/anh-chia-se/xa/mot.png');
    expect(drawn.filter((p) => p.startsWith('/anh-chia-se/xa/mot/'))).toEqual([]);
    const one = site('chung');
    const onePaths = unitPaths(one.index);
    expect(allShareCards(one, onePaths, allAwardViews(one, onePaths)).map((c) => c.path)).toEqual([
      '/anh-chia-se/trang-chu.png',
    ]);
    expect(unitCard(one, onePaths, 'X1')).toBeNull();
  });
});

describe('a drawn share image, as the output scan tells it', () => {
  it('is a PNG the build wrote under the share images, never a story photo or another file', () => {
    expect(isDrawnShareImage(shareImagePath('/xa/dao-san/').slice(1))).toBe(true);
    expect(isDrawnShareImage('anh-chia-se/trang-chu.png')).toBe(true);
    for (const other of [
      'dien-hinh/anh/nuong-thao.png',
      'xa/anh-chia-se/x.png',
      'anh-chia-se/x.svg',
      'anh-chia-se.png',
    ])
      expect(isDrawnShareImage(other), other).toBe(false);
  });
});
