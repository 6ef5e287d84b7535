import { extent } from 'd3-array';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { geoArea, geoIdentity, geoMercator, geoPath, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3-geo';
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
  /** Baseline of the unit's name: below its symbol, or above where a neighbour's name sits below. */
  textY: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  source: 'ranh_gioi' | 'so_do';
  shapes: MapShape[];
  /** Units that could not be placed (no position, no feature). */
  missing: string[];
}

export type Boundary = FeatureCollection;

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
  return { error: 'Tệp ranh giới phải là GeoJSON FeatureCollection hoặc TopoJSON Topology, mỗi vùng có mã đơn vị trong thuộc tính.' };
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

function firstPosition(g: Geometry): Position | null {
  switch (g.type) {
    case 'Point': return g.coordinates;
    case 'MultiPoint': case 'LineString': return g.coordinates[0] ?? null;
    case 'MultiLineString': case 'Polygon': return g.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon': return g.coordinates[0]?.[0]?.[0] ?? null;
    case 'GeometryCollection': return g.geometries[0] ? firstPosition(g.geometries[0]) : null;
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
      let lx = 0, ly = 0, fresh = true;
      return projection.stream({
        point(x, y) {
          if (fresh || Math.hypot(x - lx, y - ly) >= min) {
            output.point(x, y);
            lx = x;
            ly = y;
            fresh = false;
          }
        },
        lineStart() { fresh = true; output.lineStart(); },
        lineEnd() { output.lineEnd(); },
        polygonStart() { output.polygonStart(); },
        polygonEnd() { output.polygonEnd(); },
        sphere() { output.sphere?.(); },
      });
    },
  };
}

/** Polygons of the units found in the boundary file; null when it hardly covers these units. */
export function boundaryMap(boundary: Boundary, units: readonly MapUnit[], width = 360, height = 320): MapGeometry | null {
  const byCode = new Map<string, MapUnit>();
  for (const u of units) for (const c of u.codes) byCode.set(c, u);
  const matched: { unit: MapUnit; feature: Feature }[] = [];
  for (const f of boundary.features) {
    const unit = matchFeature(f, byCode);
    if (unit && f.geometry && !matched.some((m) => m.unit === unit)) matched.push({ unit, feature: f });
  }
  if (matched.length === 0 || matched.length * 2 < units.length) return null;

  const projected = matched.some((m) => {
    const p = firstPosition(m.feature.geometry);
    return p !== null && (Math.abs(p[0] ?? 0) > 180 || Math.abs(p[1] ?? 0) > 90);
  });
  const features = projected ? matched.map((m) => m.feature) : matched.map((m) => rewind(m.feature));
  const collection: FeatureCollection = { type: 'FeatureCollection', features: features as Feature[] };
  const pad = 8;
  const extent: [[number, number], [number, number]] = [[pad, pad], [width - pad, height - pad]];
  const projection = projected ? geoIdentity().reflectY(true).fitExtent(extent, collection) : geoMercator().fitExtent(extent, collection);
  const draw = geoPath(thinned(projection as GeoProjection, 0.8)).digits(1);
  const centre = geoPath(projection as GeoProjection);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    width,
    height,
    source: 'ranh_gioi',
    shapes: matched.map((m, i) => {
      const [cx, cy] = centre.centroid(features[i] as Feature);
      return { id: m.unit.id, d: draw(features[i] as Feature) ?? '', labelX: round(cx), labelY: round(cy), textY: round(cy + LABEL_BELOW) };
    }),
    missing: units.filter((u) => !matched.some((m) => m.unit === u)).map((u) => u.id),
  };
}

/** The name as a map labels it: without its kind ("Xã Sì Lở Lầu" → "Sì Lở Lầu"). */
export const mapLabel = (name: string) => name.replace(/^(Xã|Thị trấn|Phường) /, '');

const LABEL_BELOW = 22;
const LABEL_ABOVE = -14;

/** Names go below their symbol unless that would overlap a name already placed; then above. */
function placeLabels<P extends { name: string; x: number; y: number }>(points: P[]): (P & { textY: number })[] {
  // A 10 px label is about 5.5 px a character wide and 12 px tall (the name without its kind).
  const box = (p: P, textY: number) => {
    const half = (mapLabel(p.name).length * 5.5) / 2;
    return { left: p.x - half, right: p.x + half, top: textY - 10, bottom: textY + 2 };
  };
  const placed: ReturnType<typeof box>[] = [];
  const clash = (b: ReturnType<typeof box>) => placed.some((o) => b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom);
  const textY = new Map<P, number>();
  // Top to bottom, so a name pushed above its symbol goes where there is room.
  for (const p of [...points].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const y = clash(box(p, p.y + LABEL_BELOW)) && !clash(box(p, p.y + LABEL_ABOVE)) ? p.y + LABEL_ABOVE : p.y + LABEL_BELOW;
    placed.push(box(p, y));
    textY.set(p, y);
  }
  return points.map((p) => ({ ...p, textY: textY.get(p) ?? p.y + LABEL_BELOW }));
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
    shapes: placeLabels(points).map((p) => ({ id: p.id, d: null, labelX: p.x, labelY: p.y, textY: p.textY })),
    missing: units.filter((u) => u.lat === null || u.lon === null).map((u) => u.id),
  };
}
