import { describe, expect, it } from 'vitest';
import {
  boundaryMap,
  boxesIntersect,
  labelBox,
  matchBoundary,
  parseBoundary,
  schematicMap,
  SYMBOL_RADIUS,
  type MapUnit,
} from './map.ts';

// Boundary files made here, in every shape a user may bring: GeoJSON with either ring winding,
// projected coordinates, TopoJSON, numeric codes.

const units: MapUnit[] = [
  { id: 'N', codes: ['N', '03550'], name: 'Xã Bắc', lat: 22.8, lon: 103.3 },
  { id: 'S', codes: ['S', '03591'], name: 'Xã Nam', lat: 22.5, lon: 103.3 },
];
/** A square ring around (lon, lat), counter-clockwise as RFC 7946 asks, or clockwise. */
function square(lon: number, lat: number, d: number, clockwise: boolean): number[][] {
  const ring = [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ];
  return clockwise ? ring.reverse() : ring;
}
const geojson = (clockwise: boolean, code: (u: MapUnit) => unknown = (u) => u.codes[1]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature',
      properties: { ten: u.name, ma_xa: code(u) },
      geometry: { type: 'Polygon', coordinates: [square(u.lon!, u.lat!, 0.1, clockwise)] },
    })),
  });
function drawn(text: string) {
  const parsed = parseBoundary(text);
  if ('error' in parsed) throw new Error(parsed.error);
  const map = boundaryMap(parsed.boundary, units);
  if (!map) throw new Error('no map');
  return map;
}
/** The x and y coordinates of an SVG path made of "x,y" pairs. */
function coords(d: string | null): { xs: number[]; ys: number[] } {
  const pairs = [...(d ?? '').matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)];
  return { xs: pairs.map((m) => Number(m[1])), ys: pairs.map((m) => Number(m[2])) };
}

describe('maps from a boundary file', () => {
  for (const clockwise of [false, true]) {
    it(`draws both units inside the frame, north above south (${clockwise ? 'clockwise' : 'RFC 7946'} winding)`, () => {
      const map = drawn(geojson(clockwise));
      expect(map.source).toBe('ranh_gioi');
      expect(map.shapes).toHaveLength(2);
      for (const s of map.shapes) {
        const { xs, ys } = coords(s.d);
        expect(xs.length).toBeGreaterThan(3);
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...xs)).toBeLessThanOrEqual(map.width);
        expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...ys)).toBeLessThanOrEqual(map.height);
        // A polygon wound the wrong way fills the globe: its path would span the whole frame.
        expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(map.height * 0.6);
      }
      const [n, s] = ['N', 'S'].map((id) => map.shapes.find((x) => x.id === id)!);
      expect(n!.labelY).toBeLessThan(s!.labelY);
    });
  }

  it('reads projected coordinates (VN-2000 / UTM metres) with north up', () => {
    const utm = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'N' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [500000, 2520000],
                [510000, 2520000],
                [510000, 2530000],
                [500000, 2530000],
                [500000, 2520000],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { code: 'S' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [500000, 2480000],
                [510000, 2480000],
                [510000, 2490000],
                [500000, 2490000],
                [500000, 2480000],
              ],
            ],
          },
        },
      ],
    });
    const map = drawn(utm);
    const [n, s] = ['N', 'S'].map((id) => map.shapes.find((x) => x.id === id)!);
    expect(n!.labelY).toBeLessThan(s!.labelY);
  });

  it('reads TopoJSON', () => {
    const topo = JSON.stringify({
      type: 'Topology',
      arcs: [
        [
          [103.2, 22.7],
          [103.4, 22.7],
          [103.4, 22.9],
          [103.2, 22.9],
          [103.2, 22.7],
        ],
        [
          [103.2, 22.4],
          [103.4, 22.4],
          [103.4, 22.6],
          [103.2, 22.6],
          [103.2, 22.4],
        ],
      ],
      objects: {
        xa: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]], properties: { ma: 'N' } },
            { type: 'Polygon', arcs: [[1]], properties: { ma: 'S' } },
          ],
        },
      },
    });
    expect(
      drawn(topo)
        .shapes.map((s) => s.id)
        .sort(),
    ).toEqual(['N', 'S']);
  });

  it('matches numeric codes that lost their leading zero in a spreadsheet', () => {
    expect(drawn(geojson(false, (u) => Number(u.codes[1]))).shapes).toHaveLength(2);
  });

  it('declines a file that does not describe these units, and names a malformed one', () => {
    const parsed = parseBoundary(geojson(false, () => 'X'));
    expect('boundary' in parsed && boundaryMap(parsed.boundary, units)).toBeNull();
    expect(parseBoundary('{ not json')).toHaveProperty('error');
    expect(parseBoundary('{"type":"Feature"}')).toHaveProperty('error');
  });
});

describe('schematic map', () => {
  it('places units from their approximate positions, north up, and lists those without one', () => {
    const map = schematicMap([...units, { id: 'X', codes: ['X'], name: 'Xã Không Rõ', lat: null, lon: null }]);
    expect(map.source).toBe('so_do');
    expect(map.missing).toEqual(['X']);
    const [n, s] = ['N', 'S'].map((id) => map.shapes.find((x) => x.id === id)!);
    expect(n!.labelY).toBeLessThan(s!.labelY);
    expect(n!.d).toBeNull();
  });
});

describe('map labels', () => {
  /** Every label's box, and each must not touch another's, a symbol or the frame. */
  function expectNoOverlap(map: ReturnType<typeof schematicMap>) {
    const placed = map.shapes.flatMap((s) => (s.label ? [{ id: s.id, box: labelBox(s.label) }] : []));
    for (const [i, a] of placed.entries()) {
      expect(a.box.left).toBeGreaterThanOrEqual(0);
      expect(a.box.right).toBeLessThanOrEqual(map.width);
      expect(a.box.top).toBeGreaterThanOrEqual(0);
      expect(a.box.bottom).toBeLessThanOrEqual(map.height);
      for (const b of placed.slice(i + 1)) expect(boxesIntersect(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
      for (const s of map.shapes) {
        const symbol = {
          left: s.labelX - SYMBOL_RADIUS,
          right: s.labelX + SYMBOL_RADIUS,
          top: s.labelY - SYMBOL_RADIUS,
          bottom: s.labelY + SYMBOL_RADIUS,
        };
        expect(boxesIntersect(a.box, symbol), `${a.id} on the symbol of ${s.id}`).toBe(false);
      }
    }
  }

  it("moves a name off a neighbour's name instead of writing over it", () => {
    const near: MapUnit[] = [
      { id: 'A', codes: ['A'], name: 'Xã Mồ Sì San', lat: 22.7, lon: 103.3 },
      { id: 'B', codes: ['B'], name: 'Xã Pa Vây Sử', lat: 22.7, lon: 103.31 },
      { id: 'C', codes: ['C'], name: 'Xã Nậm Xe', lat: 22.3, lon: 103.7 },
    ];
    const map = schematicMap(near);
    expect(map.shapes.map((s) => s.label?.text)).toEqual(['Mồ Sì San', 'Pa Vây Sử', 'Nậm Xe']);
    expectNoOverlap(map);
  });

  it('never overlaps on a dense set: names that find no room become numbers of the key, in reading order', () => {
    // 80 communes with long names packed into a small area, as a province's map would be.
    const dense: MapUnit[] = Array.from({ length: 80 }, (_, i) => ({
      id: `U${i}`,
      codes: [`U${i}`],
      name: `Xã Thử Nghiệm Tên Dài ${i}`,
      lat: 22 + ((i * 37) % 80) / 200,
      lon: 103 + ((i * 53) % 80) / 180,
    }));
    const map = schematicMap(dense);
    expectNoOverlap(map);
    const keys = map.shapes.flatMap((s) => (s.label?.key ? [s.label.key] : []));
    expect(keys.length).toBeGreaterThan(0);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i + 1));
    for (const s of map.shapes) if (s.label?.key) expect(s.label.text).toBe(String(s.label.key));
  });

  it('places names on a boundary map too', () => {
    const map = drawn(geojson(false));
    expect(map.shapes.every((s) => s.label?.key === null)).toBe(true);
    expectNoOverlap(map);
  });

  it("writes an area's name on its centroid when no symbol is drawn there", () => {
    const parsed = parseBoundary(geojson(false));
    const map = 'boundary' in parsed ? boundaryMap(parsed.boundary, units, false) : null;
    for (const s of map?.shapes ?? [])
      expect(s.label).toMatchObject({ x: s.labelX, y: s.labelY + 4, anchor: 'middle' });
    expect(map?.shapes).toHaveLength(2);
  });
});

describe('matching a boundary file', () => {
  it('lists units without a shape and shapes without a unit', () => {
    const parsed = parseBoundary(geojson(false, (u) => (u.id === 'N' ? u.codes[1] : 'Z9')));
    if (!('boundary' in parsed)) throw new Error('not parsed');
    const match = matchBoundary(parsed.boundary, units);
    expect(match.matched.map((m) => m.unit.id)).toEqual(['N']);
    expect(match.unitsWithoutShape.map((u) => u.id)).toEqual(['S']);
    expect(match.shapesWithoutUnit).toEqual(['vùng thứ 2 (ten = Xã Nam)']);
  });
});
