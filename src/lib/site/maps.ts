import { max } from 'd3-array';
import { boundaryMap, schematicMap, type MapGeometry, type MapUnit } from '../charts/map.ts';
import { VERDICT_RESULTS, type VerdictResult } from '../domain/criteria.ts';
import { formatPercent } from '../format/vi.ts';
import type { CriterionId, UnitRow } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { latestYear } from './common.ts';
import type { UnitPaths } from './paths.ts';

// Maps of the movement's communes or of today's communes, coloured by an indicator. Each
// indicator is its own static page, so choosing one needs no JavaScript; every map has a table.

export interface MapIndicator {
  slug: string;
  label: string;
  criterion: CriterionId | null;
}

export const RATE_INDICATOR: MapIndicator = { slug: 'ty-le-ngheo-da-chieu', label: 'Tỷ lệ nghèo đa chiều', criterion: null };

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

export interface MapItem {
  id: string;
  name: string;
  path: string | null;
  valueText: string;
  /** CSS class for the fill: muc-0 … muc-4, or kq-<verdict>. */
  className: string;
  /** Rate class 0–4 on a rate map; null where there is no rate. */
  level: number | null;
  /** Verdict shown as a shape too (colour is never the only cue). */
  verdict: VerdictResult | null;
  labelX: number;
  labelY: number;
  textY: number;
  d: string | null;
}

export interface MapView {
  title: string;
  takeaway: string;
  year: number;
  indicator: MapIndicator;
  geometry: MapGeometry;
  items: MapItem[];
  legend: { className: string; label: string; verdict: VerdictResult | null }[];
  diagramNote: string | null;
}

const mapUnit = (u: UnitRow): MapUnit => ({ id: u.ma_don_vi, codes: [u.ma_don_vi, ...(u.ma_hanh_chinh ? [u.ma_hanh_chinh] : [])], name: u.ten_don_vi, lat: u.vi_do, lon: u.kinh_do });

export function mapView(site: SiteData, paths: UnitPaths, units: readonly UnitRow[], indicator: MapIndicator, what: string): MapView {
  const year = latestYear(site);
  const mapUnits = units.map(mapUnit);
  const geometry = (site.boundary && boundaryMap(site.boundary, mapUnits)) || schematicMap(mapUnits);
  const items: MapItem[] = geometry.shapes.map((shape) => {
    const unit = site.index.byId.get(shape.id)!;
    const base = { id: unit.ma_don_vi, name: unit.ten_don_vi, path: paths.of(unit.ma_don_vi), labelX: shape.labelX, labelY: shape.labelY, textY: shape.textY, d: shape.d };
    if (indicator.criterion === null) {
      const f = site.figures(unit.ma_don_vi, year);
      if (!f || f.thieu.length > 0 || f.tong_so_ho === 0) return { ...base, valueText: 'chưa đủ số liệu', className: 'kq-chua_du_du_lieu', level: null, verdict: null };
      const r = (100 * (f.so_ho_ngheo + f.so_ho_can_ngheo)) / f.tong_so_ho;
      const level = rateLevel(r);
      return { ...base, valueText: `${formatPercent(r)}${f.trang_thai === 'so_bo' ? ' (sơ bộ)' : ''}`, className: `muc-${level}`, level, verdict: null };
    }
    const v = site.verdictOf(unit.ma_don_vi, indicator.criterion, year);
    const result = v?.ket_qua ?? 'khong_ap_dung';
    return { ...base, valueText: VERDICT_RESULTS[result], className: `kq-${result}`, level: null, verdict: result };
  });
  const legend = indicator.criterion === null
    ? RATE_LEGEND.map((label, i) => ({ className: `muc-${i}`, label, verdict: null }))
    : (Object.keys(VERDICT_RESULTS) as VerdictResult[]).map((r) => ({ className: `kq-${r}`, label: VERDICT_RESULTS[r], verdict: r }));
  const counts = indicator.criterion === null
    ? null
    : (Object.keys(VERDICT_RESULTS) as VerdictResult[]).map((r) => [r, items.filter((i) => i.verdict === r).length] as const).filter(([, n]) => n > 0);
  const takeaway = counts
    ? `Năm ${year}: ${counts.map(([r, n]) => `${n} ${what} ${VERDICT_RESULTS[r].toLowerCase()}`).join(', ')}.`
    : takeawayForRates(items, year, what);
  return {
    title: `${indicator.label}, năm ${year}: ${what} của ${site.settings.ten_dia_phuong}`,
    takeaway,
    year,
    indicator,
    geometry,
    items,
    legend,
    diagramNote: geometry.source === 'so_do'
      ? 'Sơ đồ vị trí gần đúng của các đơn vị, không phải bản đồ địa giới hành chính.'
      : null,
  };
}

function takeawayForRates(items: MapItem[], year: number, what: string): string {
  const levels = items.map((i) => i.level).filter((l) => l !== null);
  if (levels.length === 0) return `Chưa đủ số liệu năm ${year}.`;
  const highest = max(levels) ?? 0;
  const top = items.filter((i) => i.level === highest);
  return `Năm ${year}, ${top.length} ${what} có tỷ lệ nghèo đa chiều ${RATE_LEGEND[highest]}: ${top.map((i) => i.name).join(', ')}.`;
}
