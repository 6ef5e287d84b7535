import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { mapIndicators, mapView, RATE_INDICATOR } from './maps.ts';
import { unitPaths } from './paths.ts';

// The map's view model on the fixture: communes X1 and X2 of the movement, M1 of today.

function site(extra: Record<string, string> = {}) {
  const files = fixtureFiles();
  for (const [name, text] of Object.entries(extra)) files.set(name, new TextEncoder().encode(text));
  const { dataset, errors } = buildDataset(files);
  if (!dataset) throw new Error(JSON.stringify(errors));
  return fromSnapshot(toSnapshot(dataset, [], []));
}
const square = (lon: number) => [
  [
    [lon, 22],
    [lon, 22.1],
    [lon + 0.1, 22.1],
    [lon + 0.1, 22],
    [lon, 22],
  ],
];
const boundary = (codes: string[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: codes.map((ma, i) => ({
      type: 'Feature',
      properties: { ma },
      geometry: { type: 'Polygon', coordinates: square(103 + i / 10) },
    })),
  });

describe('map view', () => {
  it('explains every symbol a verdict map draws, and names each verdict in the table', () => {
    const s = site({ 'ranh-gioi-xa.geojson': boundary(['X1', 'X2']) });
    const indicator = mapIndicators(s).find((i) => i.criterion === 'TC_XA_2')!;
    const map = mapView(s, unitPaths(s.index), s.index.movementCommunes, indicator, 'xã');
    expect(map.items.every((i) => i.symbol !== null && i.verdict !== null)).toBe(true);
    for (const item of map.items) {
      expect(map.legend).toContainEqual(expect.objectContaining({ className: item.className, shape: item.symbol }));
      expect(['Đạt', 'Chưa đạt', 'Chưa đủ dữ liệu', 'Không áp dụng']).toContain(item.valueText);
    }
    // Without its .nguon.txt the file has no credit to print.
    expect(map.credit).toBeNull();
    expect(map.items.every((i) => i.d?.startsWith('M'))).toBe(true);
  });

  it('keeps a unit the map cannot place in the table and says it is not drawn', () => {
    const s = site();
    const map = mapView(s, unitPaths(s.index), s.index.movementCommunes, RATE_INDICATOR, 'xã');
    expect(map.items.map((i) => i.name)).toEqual(['Xã Một', 'Xã Hai']);
    expect(map.items.every((i) => i.symbol === null && i.label === null)).toBe(true);
    expect(map.unplaced).toEqual(['Xã Một', 'Xã Hai']);
  });

  it('draws each kind of commune from its own file, credits it, and explains areas with area patches', () => {
    const s = site({
      'ranh-gioi-xa.geojson': boundary(['X1', 'X2']),
      'ranh-gioi-xa.nguon.txt': 'Nguồn X. Giấy phép Y.',
      'ranh-gioi-xa-moi.geojson': boundary(['M1']),
    });
    const movement = mapView(s, unitPaths(s.index), s.index.movementCommunes, RATE_INDICATOR, 'xã');
    expect(movement.items.every((i) => i.d?.startsWith('M') && i.symbol === null)).toBe(true);
    expect(movement.credit).toBe('Nguồn X. Giấy phép Y.');
    expect(movement.diagramNote).toBeNull();
    expect(new Set(movement.legend.map((l) => l.shape))).toEqual(new Set(['vung']));
    const today = mapView(s, unitPaths(s.index), s.index.currentCommunes, RATE_INDICATOR, 'xã, phường');
    expect(today.items.map((i) => i.id)).toEqual(['M1']);
    expect(today.items[0]?.d).toMatch(/^M/);
    expect(today.credit).toBeNull();
  });
});
