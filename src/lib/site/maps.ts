import { max } from 'd3-array';
import { boundaryMap, schematicMap, SYMBOL_RADIUS, type MapGeometry, type MapLabel, mapUnitOf } from '../charts/map.ts';
import { VERDICT_RESULTS, type VerdictResult } from '../domain/criteria.ts';
import { formatCount, formatPercent } from '../format/vi.ts';
import type { CriterionId, UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { latestYear } from './common.ts';
import { COMMUNES_ON_ONE_PAGE, paginate, type ListPage } from './lists.ts';
import type { UnitPaths } from './paths.ts';

// Maps of the movement's communes or of today's communes, coloured by an indicator. Each
// indicator is its own static page, so choosing one needs no JavaScript; every map has a table.

export interface MapIndicator {
  slug: string;
  label: string;
  criterion: CriterionId | null;
}

export const RATE_INDICATOR: MapIndicator = {
  slug: 'ty-le-ngheo-da-chieu',
  label: 'Tỷ lệ nghèo đa chiều',
  criterion: null,
};

export function mapIndicators(site: SiteData): MapIndicator[] {
  const named = (id: CriterionId) => site.criteria.find((c) => c.ma_tieu_chi === id)?.ten_tieu_chi ?? id;
  return [
    RATE_INDICATOR,
    { slug: 'tieu-chi-xa-1', label: named('TC_XA_1'), criterion: 'TC_XA_1' },
    { slug: 'tieu-chi-xa-2', label: named('TC_XA_2'), criterion: 'TC_XA_2' },
    { slug: 'can-bo-phu-trach', label: named('TC_CAN_BO'), criterion: 'TC_CAN_BO' },
  ];
}

/** Rate classes, lightest to darkest, and their legend. */
const RATE_BREAKS = [10, 20, 30, 40];
const rateLevel = (rate: number) => RATE_BREAKS.filter((b) => rate >= b).length;
const RATE_LEGEND = ['dưới 10%', '10% – dưới 20%', '20% – dưới 30%', '30% – dưới 40%', 'từ 40% trở lên'];

/** How a unit is drawn: its area (boundary map), or a symbol whose shape tells the verdict (never colour alone). */
export type MapShapeKind = 'vung' | 'tron' | 'tam-giac' | 'vuong' | 'thoi';

const VERDICT_SHAPES: Record<VerdictResult, MapShapeKind> = {
  dat: 'tron',
  chua_dat: 'tam-giac',
  chua_du_du_lieu: 'vuong',
  khong_ap_dung: 'thoi',
};

/** SVG path of a symbol centred on (x, y): ✓ circle, ✗ triangle, ? square, – diamond; an area's legend patch. */
export function symbolPath(shape: MapShapeKind, cx: number, cy: number, radius = SYMBOL_RADIUS): string {
  // Tenths of a pixel: short paths, and no float noise such as 126.19999999999999.
  const [x, y, r, a, b, c] = [cx, cy, radius, radius * 0.8, radius * 1.3, radius * 0.9].map(
    (v) => Math.round(v * 10) / 10,
  ) as [number, number, number, number, number, number];
  const t = (v: number) => Math.round(v * 10) / 10;
  switch (shape) {
    case 'tam-giac':
      return `M${x},${t(y - r)}L${t(x + r)},${t(y + a)}L${t(x - r)},${t(y + a)}Z`;
    case 'vuong':
      return `M${t(x - a)},${t(y - a)}h${t(2 * a)}v${t(2 * a)}h${t(-2 * a)}Z`;
    case 'thoi':
      return `M${x},${t(y - r)}L${t(x + r)},${y}L${x},${t(y + r)}L${t(x - r)},${y}Z`;
    case 'vung':
      return `M${t(x - b)},${t(y - c)}h${t(2 * b)}v${t(2 * c)}h${t(-2 * b)}Z`;
    case 'tron':
      return `M${t(x - r)},${y}a${r},${r} 0 1,0 ${t(2 * r)},0a${r},${r} 0 1,0 ${t(-2 * r)},0`;
  }
}

export interface MapItem {
  id: string;
  name: string;
  path: string | null;
  valueText: string;
  /** CSS class for the fill: muc-0 … muc-4, or kq-<verdict>. */
  className: string;
  /** Rate class 0–4 on a rate map; null where there is no rate. */
  level: number | null;
  verdict: VerdictResult | null;
  /** The symbol at the unit's point; null where the area alone shows the value (a rate on a boundary map). */
  symbol: MapShapeKind | null;
  labelX: number;
  labelY: number;
  /** Name or key number on the map; null when neither fits (the table still names the unit). */
  label: MapLabel | null;
  d: string | null;
}

export interface MapLegendEntry {
  className: string;
  label: string;
  shape: MapShapeKind;
}

export interface MapView {
  /**
   * Whether the map is drawn: a diagram of a district's or a province's communes is, one of a country's
   * (more than COMMUNES_ON_ONE_PAGE) is neither readable nor small, and the page gives the tally and the table.
   */
  drawn: boolean;
  /** How many units each entry of the legend holds, in the legend's order ("Đạt: 312 xã, thị trấn"). */
  tally: { label: string; count: number; text: string }[];
  title: string;
  takeaway: string;
  year: number;
  indicator: MapIndicator;
  geometry: MapGeometry;
  items: MapItem[];
  /** One entry for every colour and symbol the map uses. */
  legend: MapLegendEntry[];
  /** Units whose name is a number on the map, in the order of their numbers. */
  key: { number: number; name: string }[];
  diagramNote: string | null;
  /** Units the map cannot place (no position, or no shape in the boundary file); the table has them. */
  unplaced: string[];
  /** Source and licence of the boundary file, as the steward gave them. */
  credit: string | null;
}

export function mapView(
  site: SiteData,
  paths: UnitPaths,
  units: readonly UnitRow[],
  indicator: MapIndicator,
  what: string,
): MapView {
  const year = latestYear(site);
  const mapUnits = units.map(mapUnitOf);
  // The boundary file of the kind of units shown: the movement's communes or today's.
  const ids = new Set(units.map((u) => u.ma_don_vi));
  const kind = site.index.currentCommunes.some((u) => ids.has(u.ma_don_vi)) ? 'xa_moi' : 'xa';
  const file = site.boundaries.find((b) => b.kind === kind);
  const geometry =
    (file && boundaryMap(file.boundary, mapUnits, indicator.criterion !== null)) || schematicMap(mapUnits);
  const areas = geometry.source === 'ranh_gioi';
  const shapes = new Map(geometry.shapes.map((s) => [s.id, s]));
  // Every unit has its row in the table, also one the map cannot place (no position, no shape).
  const items: MapItem[] = units.map((unit) => {
    const shape = shapes.get(unit.ma_don_vi);
    const base = {
      id: unit.ma_don_vi,
      name: unit.ten_don_vi,
      path: paths.of(unit.ma_don_vi),
      labelX: shape?.labelX ?? 0,
      labelY: shape?.labelY ?? 0,
      label: shape?.label ?? null,
      d: shape?.d ?? null,
    };
    if (indicator.criterion === null) {
      const symbol = areas || !shape ? null : 'tron';
      const f = site.figures(unit.ma_don_vi, year);
      if (!f || f.thieu.length > 0 || f.tong_so_ho === 0)
        return {
          ...base,
          valueText: 'chưa đủ số liệu',
          className: 'kq-chua_du_du_lieu',
          level: null,
          verdict: null,
          symbol,
        };
      const r = (100 * (f.so_ho_ngheo + f.so_ho_can_ngheo)) / f.tong_so_ho;
      const level = rateLevel(r);
      return {
        ...base,
        valueText: `${formatPercent(r)}${f.trang_thai === 'so_bo' ? ' (sơ bộ)' : ''}`,
        className: `muc-${level}`,
        level,
        verdict: null,
        symbol,
      };
    }
    const v = site.verdictOf(unit.ma_don_vi, indicator.criterion, year);
    const result = v?.ket_qua ?? 'khong_ap_dung';
    return {
      ...base,
      valueText: VERDICT_RESULTS[result],
      className: `kq-${result}`,
      level: null,
      verdict: result,
      symbol: shape ? VERDICT_SHAPES[result] : null,
    };
  });
  const rateShape: MapShapeKind = areas ? 'vung' : 'tron';
  const legend: MapLegendEntry[] =
    indicator.criterion === null
      ? [
          ...RATE_LEGEND.map((label, i) => ({ className: `muc-${i}`, label, shape: rateShape })),
          ...(items.some((i) => i.level === null)
            ? [{ className: 'kq-chua_du_du_lieu', label: 'chưa đủ số liệu', shape: rateShape }]
            : []),
        ]
      : (Object.keys(VERDICT_RESULTS) as VerdictResult[]).map((r) => ({
          className: `kq-${r}`,
          label: VERDICT_RESULTS[r],
          shape: VERDICT_SHAPES[r],
        }));
  const counts =
    indicator.criterion === null
      ? null
      : (Object.keys(VERDICT_RESULTS) as VerdictResult[])
          .map((r) => [r, items.filter((i) => i.verdict === r).length] as const)
          .filter(([, n]) => n > 0);
  const takeaway = counts
    ? `Năm ${year}: ${counts.map(([r, n]) => `${n} ${what} ${VERDICT_RESULTS[r].toLowerCase()}`).join(', ')}.`
    : takeawayForRates(items, year, what);
  const key = items
    .flatMap((i) => (i.label?.key ? [{ number: i.label.key, name: i.name }] : []))
    .sort((a, b) => a.number - b.number);
  return {
    drawn: items.length <= COMMUNES_ON_ONE_PAGE,
    tally: legend.map((l) => {
      const count = items.filter((i) => i.className === l.className).length;
      return { label: l.label, count, text: `${l.label}: ${formatCount(count)} ${what}` };
    }),
    title: `${indicator.label}, năm ${year}: ${what} của ${site.settings.ten_dia_phuong}`,
    takeaway,
    year,
    indicator,
    geometry,
    items,
    legend,
    key,
    diagramNote: areas ? null : 'Sơ đồ vị trí gần đúng của các đơn vị, không phải bản đồ địa giới hành chính.',
    credit: areas ? (file?.credit ?? null) : null,
    unplaced: items.filter((i) => !shapes.has(i.id)).map((i) => i.name),
  };
}

/** Units named in a map's one-sentence takeaway: beyond it the sentence gives their number only. */
const NAMES_IN_TAKEAWAY = 12;

function takeawayForRates(items: MapItem[], year: number, what: string): string {
  const levels = items.map((i) => i.level).filter((l) => l !== null);
  if (levels.length === 0) return `Chưa đủ số liệu năm ${year}.`;
  const highest = max(levels) ?? 0;
  const top = items.filter((i) => i.level === highest);
  // Names only as long as a sentence can hold them; the table lists every unit.
  const names = top.length <= NAMES_IN_TAKEAWAY ? `: ${top.map((i) => i.name).join(', ')}` : '';
  return `Năm ${year}, ${top.length} ${what} có tỷ lệ nghèo đa chiều ${RATE_LEGEND[highest]}${names}.`;
}

/** The table of a map, on one page with its map, or in pages of rows at `base` when the map is not drawn. */
export function mapTablePages(base: string, map: MapView): ListPage<MapItem>[] {
  return map.drawn ? [{ path: base, entries: map.items, pager: null }] : paginate(base, map.items);
}
