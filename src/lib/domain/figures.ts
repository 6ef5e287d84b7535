import type { ReviewRow, ReviewStatus, UnitRow } from '../schemas/tables.ts';
import { existsIn, isVillageLevel, type UnitIndex } from './units.ts';

// A unit's figures for one review year: a village's own row, or the sum over the villages a
// commune, the district or a current commune is made of. A sum with a village missing is never
// passed off as complete: `thieu` names the villages whose figures are missing.

export interface Figures {
  nam: number;
  tong_so_ho: number;
  so_ho_ngheo: number;
  so_ho_can_ngheo: number;
  /** Ethnic-minority households and their poor; null when any part lacks them. */
  so_ho_dtts: number | null;
  so_ho_ngheo_dtts: number | null;
  trang_thai: ReviewStatus;
  /** Villages (ma_don_vi) that exist this year but have no review row. */
  thieu: string[];
}

export type FiguresLookup = (unitId: string, year: number) => Figures | null;

/** The villages whose rows make up a unit's figures in a year. */
function partsOf(index: UnitIndex, unit: UnitRow): UnitRow[] {
  if (isVillageLevel(unit)) return [unit];
  if (unit.ma_don_vi === index.district.ma_don_vi) {
    return index.movementCommunes.flatMap((c) => index.villagesOf(c.ma_don_vi));
  }
  const own = index.villagesOf(unit.ma_don_vi);
  return own.length > 0 ? own : index.villagesNowIn(unit.ma_don_vi);
}

/** Review rows by unit, then year (a later row of the same unit and year wins). */
export type RowsByUnit<R> = ReadonlyMap<string, ReadonlyMap<number, R>>;

/**
 * Rows by unit, then year: a look-up builds no key text (a country's checks and verdicts make millions).
 */
export function byUnitAndYear<R>(rows: readonly R[], review: (row: R) => ReviewRow): RowsByUnit<R> {
  const byUnit = new Map<string, Map<number, R>>();
  for (const row of rows) {
    const { ma_don_vi, nam } = review(row);
    const ofUnit = byUnit.get(ma_don_vi);
    if (ofUnit) ofUnit.set(nam, row);
    else byUnit.set(ma_don_vi, new Map([[nam, row]]));
  }
  return byUnit;
}

export function figuresLookup(index: UnitIndex, reviews: readonly ReviewRow[]): FiguresLookup {
  const rowOf = byUnitAndYear(reviews, (r) => r);
  const cache = new Map<string, Map<number, Figures | null>>();
  return (unitId, year) => {
    let known = cache.get(unitId);
    if (!known) cache.set(unitId, (known = new Map()));
    let result = known.get(year);
    if (result === undefined) {
      const unit = index.byId.get(unitId);
      result = unit ? sumOf(partsOf(index, unit), year, rowOf) : null;
      known.set(year, result);
    }
    return result;
  };
}

/** The figures of these villages in a year, or null when none of those that exist then has a row. */
function sumOf(parts: readonly UnitRow[], year: number, rowOf: RowsByUnit<ReviewRow>) {
  const thieu: string[] = [];
  let present = 0;
  let tong = 0;
  let ngheo = 0;
  let canNgheo = 0;
  let dtts: number | null = 0;
  let ngheoDtts: number | null = 0;
  let preliminary = false;
  for (const v of parts) {
    if (!existsIn(v, year)) continue;
    const r = rowOf.get(v.ma_don_vi)?.get(year);
    if (!r) {
      thieu.push(v.ma_don_vi);
      continue;
    }
    present++;
    tong += r.tong_so_ho;
    ngheo += r.so_ho_ngheo;
    canNgheo += r.so_ho_can_ngheo;
    // A part without ethnic-minority figures leaves the sum unknown.
    dtts = dtts === null || r.so_ho_dtts === null ? null : dtts + r.so_ho_dtts;
    ngheoDtts = ngheoDtts === null || r.so_ho_ngheo_dtts === null ? null : ngheoDtts + r.so_ho_ngheo_dtts;
    if (r.trang_thai === 'so_bo') preliminary = true;
  }
  if (present === 0) return null;
  return {
    nam: year,
    tong_so_ho: tong,
    so_ho_ngheo: ngheo,
    so_ho_can_ngheo: canNgheo,
    so_ho_dtts: dtts,
    so_ho_ngheo_dtts: ngheoDtts,
    trang_thai: preliminary ? 'so_bo' : 'chinh_thuc',
    thieu,
  } satisfies Figures;
}
