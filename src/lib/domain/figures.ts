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

export function figuresLookup(index: UnitIndex, reviews: readonly ReviewRow[]): FiguresLookup {
  const rowOf = new Map(reviews.map((r) => [`${r.ma_don_vi}|${r.nam}`, r]));
  const cache = new Map<string, Figures | null>();
  return (unitId, year) => {
    const key = `${unitId}|${year}`;
    if (cache.has(key)) return cache.get(key) ?? null;
    const unit = index.byId.get(unitId);
    let result: Figures | null = null;
    if (unit) {
      const parts = partsOf(index, unit).filter((v) => existsIn(v, year));
      const rows = parts.map((v) => rowOf.get(`${v.ma_don_vi}|${year}`));
      const present = rows.filter((r): r is ReviewRow => r !== undefined);
      if (present.length > 0) {
        const sum = (pick: (r: ReviewRow) => number) => present.reduce((a, r) => a + pick(r), 0);
        const sumOptional = (pick: (r: ReviewRow) => number | null) =>
          present.every((r) => pick(r) !== null) ? present.reduce((a, r) => a + (pick(r) ?? 0), 0) : null;
        result = {
          nam: year,
          tong_so_ho: sum((r) => r.tong_so_ho),
          so_ho_ngheo: sum((r) => r.so_ho_ngheo),
          so_ho_can_ngheo: sum((r) => r.so_ho_can_ngheo),
          so_ho_dtts: sumOptional((r) => r.so_ho_dtts),
          so_ho_ngheo_dtts: sumOptional((r) => r.so_ho_ngheo_dtts),
          trang_thai: present.some((r) => r.trang_thai === 'so_bo') ? 'so_bo' : 'chinh_thuc',
          thieu: parts.filter((_, i) => rows[i] === undefined).map((v) => v.ma_don_vi),
        };
      }
    }
    cache.set(key, result);
    return result;
  };
}
