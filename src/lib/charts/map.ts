import { extent } from 'd3-array';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import {
  geoArea,
  geoIdentity,
  geoMercator,
  geoPath,
  type GeoProjection,
  type GeoStream,
  type GeoStreamWrapper,
} from 'd3-geo';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

// Map geometry for inline SVG. With a boundary file in the data folder (GeoJSON or TopoJSON,
// features keyed by unit code, geographic or projected coordinates, either ring winding) the units
// are drawn as their polygons; without one, as a schematic diagram from approximate positions,
// which the page labels as a diagram, not an administrative boundary map.

export interface MapUnit {
  id: string;
  /** Codes a boundary feature may carry for this unit (unit key and official code). */
  codes: string[];
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface MapShape {
  id: string;
  /** SVG path of the polygon; null in a schematic map (a symbol is drawn at the label point). */
  d: string | null;
  labelX: number;
  labelY: number;
  /** The unit's name, or its number in the key beside the map where the name finds no room; null: neither fits. */
  label: MapLabel | null;
}

/** A text on the map: its anchor point, alignment and text (a name, or a number of the map's key). */
export interface MapLabel {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
  /** Number in the key beside the map; null when the name itself is written. */
  key: number | null;
}

export interface MapGeometry {
  width: number;
  height: number;
  source: 'ranh_gioi' | 'so_do';
  shapes: MapShape[];
  /** Units that could not be placed (no position, no feature). */
  missing: string[];
}

/** A unit as a map takes it from don-vi.csv: a feature may carry its key or its official code. */
export function mapUnitOf(u: {
  ma_don_vi: string;
  ma_hanh_chinh: string | null;
  ten_don_vi: string;
  vi_do: number | null;
  kinh_do: number | null;
}): MapUnit {
  const codes = [...new Set([u.ma_don_vi, ...(u.ma_hanh_chinh ? [u.ma_hanh_chinh] : [])])];
  return { id: u.ma_don_vi, codes, name: u.ten_don_vi, lat: u.vi_do, lon: u.kinh_do };
}

export type Boundary = FeatureCollection;

/** Which units a boundary file describes: the movement's communes (2021–6/2025) or today's. */
export type BoundaryKind = 'xa' | 'xa_moi';

/** A boundary file as the steward gave it, with the credit (source and licence) to print on its maps. */
export interface BoundaryFile {
  file: string;
  kind: BoundaryKind;
  boundary: Boundary;
  credit: string | null;
}

/** Read a GeoJSON FeatureCollection or a TopoJSON Topology; null with a reason when it is neither. */
export function parseBoundary(text: string): { boundary: Boundary } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { error: 'Tệp ranh giới không phải JSON hợp lệ. Xuất lại tệp dạng GeoJSON hoặc TopoJSON.' };
  }
  const obj = json as { type?: string; objects?: Record<string, unknown>; features?: unknown };
  if (obj.type === 'Topology' && obj.objects) {
    const topology = json as Topology;
    const features = Object.keys(topology.objects).flatMap((name) => {
      const fc = topoFeature(topology, topology.objects[name]!) as Feature | FeatureCollection;
      return fc.type === 'FeatureCollection' ? fc.features : [fc];
    });
    return { boundary: { type: 'FeatureCollection', features: features as Boundary['features'] } };
  }
  if (obj.type === 'FeatureCollection' && Array.isArray(obj.features)) return { boundary: json as Boundary };
  return {
    error:
      'Tệp ranh giới phải là GeoJSON FeatureCollection hoặc TopoJSON Topology, mỗi vùng có mã đơn vị trong thuộc tính.',
  };
}

/** The unit a feature describes: the first property whose value is one of the units' codes. */
function matchFeature(f: Boundary['features'][number], byCode: Map<string, MapUnit>): MapUnit | null {
  for (const value of Object.values(f.properties ?? {})) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const code = String(value).trim();
    const unit = byCode.get(code) ?? (/^\d+$/.test(code) ? byCode.get(code.padStart(5, '0')) : undefined);
    if (unit) return unit;
  }
  return null;
}

export interface BoundaryMatch {
  matched: { unit: MapUnit; feature: Feature }[];
  /** Units no feature carries the code of. */
  unitsWithoutShape: MapUnit[];
  /** Features that name no unit: their name-like property, or their position in the file. */
  shapesWithoutUnit: string[];
}

/** Pair each unit with the first feature that carries one of its codes in any property. */
export function matchBoundary(boundary: Boundary, units: readonly MapUnit[]): BoundaryMatch {
  const byCode = new Map<string, MapUnit>();
  for (const u of units) for (const c of u.codes) byCode.set(c, u);
  const matched: BoundaryMatch['matched'] = [];
  const shapesWithoutUnit: string[] = [];
  boundary.features.forEach((f, i) => {
    const unit = f.geometry ? matchFeature(f, byCode) : null;
    if (!unit) shapesWithoutUnit.push(featureName(f, i));
    else if (!matched.some((m) => m.unit === unit)) matched.push({ unit, feature: f });
  });
  const unitsWithoutShape = units.filter((u) => !matched.some((m) => m.unit === u));
  return { matched, unitsWithoutShape, shapesWithoutUnit };
}

/** How a report names a feature: a property whose key says name (ten, name), or its number in the file. */
function featureName(f: Feature, index: number): string {
  const props = Object.entries(f.properties ?? {});
  const named = props.find(([k, v]) => /^(ten|name)|_(ten|name)$|^ten_/i.test(k) && typeof v === 'string');
  const any = props.find(([, v]) => typeof v === 'string' || typeof v === 'number');
  const shown = named ?? any;
  return shown ? `vùng thứ ${index + 1} (${shown[0]} = ${String(shown[1])})` : `vùng thứ ${index + 1}`;
}

function firstPosition(g: Geometry): Position | null {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates[0] ?? null;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0] ?? null;
    case 'GeometryCollection':
      return g.geometries[0] ? firstPosition(g.geometries[0]) : null;
  }
}

/** d3-geo wants clockwise exterior rings (RFC 7946 says the opposite): a polygon that covers more
 * than a hemisphere was wound the other way, so reverse its rings. */
function rewind(f: Feature): Feature {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  const rev = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  if (g.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: rev(g.coordinates) } };
  if (g.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(rev) } };
  return f;
}

/** Drop points closer than `min` pixels to the last one kept: detail a phone screen cannot show. */
function thinned(projection: GeoProjection, min: number): GeoStreamWrapper {
  return {
    stream(output: GeoStream): GeoStream {
      let lx = 0,
        ly = 0,
        fresh = true;
      return projection.stream({
        point(x, y) {
          if (fresh || Math.hypot(x - lx, y - ly) >= min) {
            output.point(x, y);
            lx = x;
            ly = y;
            fresh = false;
          }
        },
        lineStart() {
          fresh = true;
          output.lineStart();
        },
        lineEnd() {
          output.lineEnd();
        },
        polygonStart() {
          output.polygonStart();
        },
        polygonEnd() {
          output.polygonEnd();
        },
        sphere() {
          output.sphere?.();
        },
      });
    },
  };
}

/** A map uses a boundary file that covers at least half of its units; otherwise it stays a diagram. */
export const drawsAsBoundaryMap = (matched: number, units: number) => matched > 0 && matched * 2 >= units;

/** Polygons of the units found in the boundary file; null when it hardly covers these units. */
/** `symbols`: whether a symbol is drawn at each unit's point (a verdict map); without, names sit on the centroid. */
export function boundaryMap(
  boundary: Boundary,
  units: readonly MapUnit[],
  symbols = true,
  width = 360,
  height = 320,
): MapGeometry | null {
  const { matched } = matchBoundary(boundary, units);
  if (!drawsAsBoundaryMap(matched.length, units.length)) return null;

  const projected = matched.some((m) => {
    const p = firstPosition(m.feature.geometry);
    return p !== null && (Math.abs(p[0] ?? 0) > 180 || Math.abs(p[1] ?? 0) > 90);
  });
  const features = projected ? matched.map((m) => m.feature) : matched.map((m) => rewind(m.feature));
  const collection: FeatureCollection = { type: 'FeatureCollection', features: features as Feature[] };
  const pad = 8;
  const extent: [[number, number], [number, number]] = [
    [pad, pad],
    [width - pad, height - pad],
  ];
  const projection = projected
    ? geoIdentity().reflectY(true).fitExtent(extent, collection)
    : geoMercator().fitExtent(extent, collection);
  const draw = geoPath(thinned(projection as GeoProjection, 0.8)).digits(1);
  const centre = geoPath(projection as GeoProjection);
  const round = (v: number) => Math.round(v * 10) / 10;
  const points = matched.map((m, i) => {
    const [cx, cy] = centre.centroid(features[i] as Feature);
    return { id: m.unit.id, name: m.unit.name, x: round(cx), y: round(cy), d: draw(features[i] as Feature) ?? '' };
  });
  return {
    width,
    height,
    source: 'ranh_gioi',
    shapes: placeLabels(points, width, height, symbols).map((p) => ({
      id: p.id,
      d: p.d,
      labelX: p.x,
      labelY: p.y,
      label: p.label,
    })),
    missing: units.filter((u) => !matched.some((m) => m.unit === u)).map((u) => u.id),
  };
}

/** The name as a map labels it: without its kind ("Xã Sì Lở Lầu" → "Sì Lở Lầu"). */
export const mapLabel = (name: string) => name.replace(/^(Xã|Thị trấn|Phường) /, '');

/** Half the size of the symbol drawn at a unit's point (MapFigure draws it with radius 9). */
export const SYMBOL_RADIUS = 9;
export const MAP_FONT_SIZE = 11;
/** Width of a character of an 11 px label: generous (Vietnamese letters with marks, bold digits). */
const CHAR_WIDTH = 6.6;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box a label takes on the map, with room for tone marks above and descenders below. */
export function labelBox(label: Pick<MapLabel, 'x' | 'y' | 'anchor' | 'text'>): Box {
  const width = [...label.text].length * CHAR_WIDTH + 2;
  const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
  return { left, right: left + width, top: label.y - MAP_FONT_SIZE - 2, bottom: label.y + 3 };
}

export const boxesIntersect = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where a label may go around its point, in order of preference: below, above, right, left, then further out. */
const CANDIDATES: { dx: number; dy: number; anchor: MapLabel['anchor'] }[] = [
  { dx: 0, dy: SYMBOL_RADIUS + MAP_FONT_SIZE + 3, anchor: 'middle' },
  { dx: 0, dy: -SYMBOL_RADIUS - 4, anchor: 'middle' },
  { dx: SYMBOL_RADIUS + 3, dy: 4, anchor: 'start' },
  { dx: -SYMBOL_RADIUS - 3, dy: 4, anchor: 'end' },
  { dx: SYMBOL_RADIUS + 2, dy: SYMBOL_RADIUS + MAP_FONT_SIZE + 1, anchor: 'start' },
  { dx: -SYMBOL_RADIUS - 2, dy: SYMBOL_RADIUS + MAP_FONT_SIZE + 1, anchor: 'end' },
  { dx: SYMBOL_RADIUS + 2, dy: -SYMBOL_RADIUS - 3, anchor: 'start' },
  { dx: -SYMBOL_RADIUS - 2, dy: -SYMBOL_RADIUS - 3, anchor: 'end' },
];

/**
 * Greedy placement that guarantees no two labels overlap each other, a symbol or the frame: each name
 * takes the first candidate place whose box is free; a name that finds none is replaced by a number
 * (explained in the key beside the map); a number that finds none is left off (the table names every unit).
 */
export function placeLabels<P extends { name: string; x: number; y: number }>(
  points: readonly P[],
  width: number,
  height: number,
  symbols = true,
): (P & { label: MapLabel | null })[] {
  // Without symbols a name is best on its point itself (the centroid of its area).
  const candidates = symbols ? CANDIDATES : [{ dx: 0, dy: 4, anchor: 'middle' as const }, ...CANDIDATES];
  const symbolBox = (p: P): Box => ({
    left: p.x - SYMBOL_RADIUS,
    right: p.x + SYMBOL_RADIUS,
    top: p.y - SYMBOL_RADIUS,
    bottom: p.y + SYMBOL_RADIUS,
  });
  const taken: Box[] = symbols ? points.map(symbolBox) : [];
  const fits = (b: Box) =>
    b.left >= 0 && b.right <= width && b.top >= 0 && b.bottom <= height && !taken.some((o) => boxesIntersect(b, o));
  const place = (p: P, text: string, key: number | null): MapLabel | null => {
    for (const c of candidates) {
      const label = {
        x: Math.round((p.x + c.dx) * 10) / 10,
        y: Math.round((p.y + c.dy) * 10) / 10,
        anchor: c.anchor,
        text,
        key,
      };
      const box = labelBox(label);
      // A label's own symbol is not in its way: the candidates keep clear of it.
      if (fits(box)) {
        taken.push(box);
        return label;
      }
    }
    return null;
  };
  // Top to bottom, left to right: the same data always gives the same map.
  const order = [...points].sort((a, b) => a.y - b.y || a.x - b.x);
  const labels = new Map<P, MapLabel | null>();
  const crowded: P[] = [];
  for (const p of order) {
    const label = place(p, mapLabel(p.name), null);
    if (label) labels.set(p, label);
    else crowded.push(p);
  }
  // Numbers after every name that fits, in reading order, so the key counts 1, 2, 3 … down the map.
  let next = 1;
  for (const p of crowded) {
    const label = place(p, String(next), next);
    if (label) next++;
    labels.set(p, label);
  }
  return points.map((p) => ({ ...p, label: labels.get(p) ?? null }));
}

/** A diagram from approximate positions: equirectangular, scaled to fit, north up. */
export function schematicMap(units: readonly MapUnit[], width = 360, height = 320): MapGeometry {
  const placed = units.filter((u): u is MapUnit & { lat: number; lon: number } => u.lat !== null && u.lon !== null);
  const pad = 28;
  const lats = placed.map((u) => u.lat);
  const lons = placed.map((u) => u.lon);
  // extent(), not Math.min(...lats): a spread of every unit overflows the stack on large data.
  const [south = 0, north = 0] = extent(lats);
  const [west = 0, east = 0] = extent(lons);
  const midLat = ((south + north) / 2) * (Math.PI / 180);
  const spanX = Math.max(1e-6, (east - west) * Math.cos(midLat));
  const spanY = Math.max(1e-6, north - south);
  const k = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * k) / 2;
  const offY = (height - spanY * k) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  const points = placed.map((u) => ({
    id: u.id,
    name: u.name,
    x: round(offX + (u.lon - west) * Math.cos(midLat) * k),
    y: round(offY + (north - u.lat) * k),
  }));
  return {
    width,
    height,
    source: 'so_do',
    shapes: placeLabels(points, width, height).map((p) => ({
      id: p.id,
      d: null,
      labelX: p.x,
      labelY: p.y,
      label: p.label,
    })),
    missing: units.filter((u) => u.lat === null || u.lon === null).map((u) => u.id),
  };
}
