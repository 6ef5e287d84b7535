import type { Settings } from '../schemas/settings.ts';
import {
  type Comparator,
  type CriterionId,
  type CriterionRow,
  type ReviewStatus,
  type UnitRow,
} from '../schemas/tables.ts';
import { ceil, compare, div, floor, frac, fromDecimal, mul, sub, toNumber, type Fraction } from './exact.ts';
import type { Figures, FiguresLookup } from './figures.ts';
import { povertyStandard, sameStandard } from './poverty-standard.ts';
import { existsIn, type UnitIndex } from './units.ts';
import {
  acrossStandardsWords,
  cannotCompute,
  COMMUNE_CRITERIA_NAMES,
  exitDecisive,
  exitLabels,
  exitShortfall,
  exitText,
  HOUSEHOLDS,
  RATES,
  scaleMissingText,
  missingVillages,
  newBaselineNote,
  noFigures,
  NOT_APPLICABLE,
  officialsDecisive,
  officialsLabel,
  officialsText,
  rateDecisive,
  rateLabels,
  rateMetText,
  rateMissingText,
  rateNotMetText,
  regionNote,
  scaleDecisive,
  scaleLabels,
  scaleMetText,
  scaleNotMetText,
  shortfall,
  shown,
  type Decisive,
  type RateFallYear,
  type RateMargin,
  type RateWords,
  type ScaleWords,
  VERDICT_RESULTS,
} from './verdict-text.ts';

// The criteria engine. Thresholds, comparators and legal bases come from tieu-chi.csv; what each
// criterion measures and which units it applies to is fixed here by its id. One engine evaluates
// every unit × criterion × review year after the baseline into a verdict with its evidence.

// The verdicts' names live with the other words (verdict-text.ts); pages import them from here too.
export { VERDICT_RESULTS };
export type VerdictResult = keyof typeof VERDICT_RESULTS;

export type Measure = 'diem_phan_tram' | 'phan_tram' | 'don_vi';

/** A value the verdict used: a figure of a year (with its status) or a derived quantity. */
export interface ValueUsed {
  nam: number;
  /** What it is, in words ("tỷ lệ nghèo đa chiều"); the year is in `nam`. */
  chi_so: string;
  gia_tri: number;
  /** The value with its unit, as a citizen reads it: "31,58%", "5 điểm phần trăm", "12 hộ", "đạt". */
  hien_thi: string;
  trang_thai: ReviewStatus | null;
}

export interface Verdict {
  ma_don_vi: string;
  ten_don_vi: string;
  cap: UnitRow['cap'];
  tieu_chi: CriterionId;
  ten_tieu_chi: string;
  nam: number;
  /** The movement's two rounds: sơ kết (mid-term) and tổng kết (final). */
  dot: 'so_ket' | 'tong_ket' | null;
  ket_qua: VerdictResult;
  /** The measured value compared with the threshold, in `don_vi_do`. */
  gia_tri: number | null;
  nguong: number;
  phep_so_sanh: Comparator;
  don_vi_do: Measure;
  /** Households (or units, for targets C and D) still needed to meet the threshold; 0 when met. */
  can_them: number | null;
  /** sơ bộ when any figure used is preliminary. */
  trang_thai_so_lieu: ReviewStatus | null;
  so_lieu: ValueUsed[];
  giai_thich: string;
  /** What the value that decided the verdict is ("năm giảm ít nhất trong 3 năm"); null when none did. */
  nhan_gia_tri_quyet_dinh: string | null;
  /** That value with its unit ("3,1 điểm phần trăm"), for a per-year table. */
  gia_tri_quyet_dinh: string | null;
  /** What is missing, with its unit, when not met and countable: "cần giảm thêm 17 hộ nghèo và cận nghèo". */
  muc_thieu: string | null;
  can_cu_phap_ly: string;
}

/** What a verdict says in words. */
interface OutcomeWords {
  giai_thich: string;
  quyet_dinh?: Decisive | null;
  thieu?: string | null;
}

type Outcome = Pick<Verdict, 'ket_qua' | 'gia_tri' | 'can_them' | 'so_lieu'> & {
  don_vi_do: Measure;
  /** Written only for a verdict that is kept: check-data counts verdicts and reads none of their words. */
  wording: () => OutcomeWords;
};

export interface EngineContext {
  settings: Settings;
  index: UnitIndex;
  figures: FiguresLookup;
  criteria: ReadonlyMap<CriterionId, CriterionRow>;
  /** How each value used is written ("12 hộ"); verdicts judged without their words write none. */
  shown?: typeof shown;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const passes = (value: Fraction, threshold: Fraction, op: Comparator) =>
  op === '>=' ? compare(value, threshold) >= 0 : compare(value, threshold) > 0;

/** The unit of a yearly fall of a rate: points by default, percent when the setting says relative. */
const rateMeasure = (settings: Settings): Measure =>
  settings.cach_tinh_muc_giam === 'tuong_doi' ? 'phan_tram' : 'diem_phan_tram';

/** Why a tổ dân phố has no village verdict when the setting keeps the criterion to thôn, bản. */
export const VILLAGE_SCOPE_EXCLUDED = NOT_APPLICABLE.villageScope;

/** A review year is closed once the data were updated in a later year: its shortfall is told in the past. */
const closed = (settings: Settings, year: number) => year < Number(settings.ngay_cap_nhat.slice(0, 4));

function notApplicable(why: string, measure: Measure): Outcome {
  return {
    ket_qua: 'khong_ap_dung',
    gia_tri: null,
    can_them: null,
    so_lieu: [],
    wording: () => ({ giai_thich: why }),
    don_vi_do: measure,
  };
}

/** Whether a year's figures can be used, or why not. */
function usable(ctx: EngineContext, unit: UnitRow, year: number, f: Figures | null): string | null {
  if (!f) return noFigures(year, unit.ten_don_vi);
  if (f.thieu.length > 0) {
    return missingVillages(
      year,
      f.thieu.map((id) => ctx.index.byId.get(id)?.ten_don_vi ?? id),
    );
  }
  return null;
}

/** Why year `later` cannot be compared with year `earlier` (two poverty standards), or null. */
function acrossStandards(settings: Settings, earlier: number, later: number): string | null {
  if (sameStandard(settings, earlier, later)) return null;
  return acrossStandardsWords(
    earlier,
    povertyStandard(settings, earlier).ten,
    later,
    povertyStandard(settings, later).ten,
  );
}

interface Indicator {
  /** "tỷ lệ nghèo đa chiều" */
  name: string;
  /** "hộ nghèo và cận nghèo" */
  households: string;
  part(f: Figures): number | null;
  whole(f: Figures): number | null;
}

function scaleOf(settings: Settings): { households: string; part: (f: Figures) => number } {
  return settings.quy_mo_gom === 'chi_ngheo'
    ? { households: HOUSEHOLDS.poor, part: (f) => f.so_ho_ngheo }
    : { households: HOUSEHOLDS.poorAndNearPoor, part: (f) => f.so_ho_ngheo + f.so_ho_can_ngheo };
}

function povertyRate(settings: Settings): Indicator {
  return settings.ty_le_ngheo_gom === 'chi_ngheo'
    ? { ...RATES.poor, part: (f) => f.so_ho_ngheo, whole: (f) => f.tong_so_ho }
    : {
        ...RATES.multidimensional,
        part: (f) => f.so_ho_ngheo + f.so_ho_can_ngheo,
        whole: (f) => f.tong_so_ho,
      };
}

const ethnicMinorityPoorRate: Indicator = {
  ...RATES.ethnicMinorityPoor,
  part: (f) => f.so_ho_ngheo_dtts,
  whole: (f) => f.so_ho_dtts,
};

/** The rate falls by the threshold in each of `years` consecutive years ending with `year`. */
function rateFall(
  ctx: EngineContext,
  unit: UnitRow,
  year: number,
  c: CriterionRow,
  ind: Indicator,
  years: number,
): Outcome {
  const { settings, shown: show = shown } = ctx;
  const relative = settings.cach_tinh_muc_giam === 'tuong_doi';
  const measure = rateMeasure(settings);
  const words: RateWords = {
    indicator: ind.name,
    households: ind.households,
    op: c.phep_so_sanh,
    threshold: c.nguong,
    relative,
    years,
  };
  const threshold = fromDecimal(c.nguong);
  // A fall across a change of standard inside the period is not a fall: the years that would need one are
  // not judged. Before the baseline, the earlier standard's lists are not the movement's data: not enough data.
  for (let y = Math.max(year - years + 1, settings.nam_goc + 1); y <= year; y++) {
    const across = acrossStandards(settings, y - 1, y);
    if (across) return notApplicable(NOT_APPLICABLE.rateAcross(years, across), measure);
  }
  const soLieu: ValueUsed[] = [];
  const missing: string[] = [];
  const falls: (RateFallYear & { f0: Figures; f1: Figures })[] = [];
  const seen = new Set<number>();
  const rateValue = (y: number, f: Figures) => {
    if (seen.has(y)) return;
    seen.add(y);
    const value = round4((100 * (ind.part(f) ?? 0)) / (ind.whole(f) || 1));
    soLieu.push({
      nam: y,
      chi_so: rateLabels.rate(ind.name),
      gia_tri: value,
      hien_thi: show.percent(value),
      trang_thai: f.trang_thai,
    });
  };

  for (let y = year - years + 1; y <= year; y++) {
    const f0 = ctx.figures(unit.ma_don_vi, y - 1);
    const f1 = ctx.figures(unit.ma_don_vi, y);
    const why = acrossStandards(settings, y - 1, y) ?? usable(ctx, unit, y - 1, f0) ?? usable(ctx, unit, y, f1);
    if (why || !f0 || !f1) {
      missing.push(why ?? noFigures(y, unit.ten_don_vi));
      continue;
    }
    const p0 = ind.part(f0),
      w0 = ind.whole(f0),
      p1 = ind.part(f1),
      w1 = ind.whole(f1);
    if (p0 === null || w0 === null || p1 === null || w1 === null || w0 === 0 || w1 === 0 || (relative && p0 === 0)) {
      missing.push(cannotCompute(ind.name, y));
      continue;
    }
    rateValue(y - 1, f0);
    rateValue(y, f1);
    const r0 = frac(p0, w0);
    const r1 = frac(p1, w1);
    const relativeDrop = p0 === 0 ? null : mul(frac(100), div(sub(r0, r1), r0));
    const drop = relative && relativeDrop ? relativeDrop : mul(frac(100), sub(r0, r1));
    falls.push({ y, drop, relativeDrop, ok: passes(drop, threshold, c.phep_so_sanh), f0, f1 });
  }
  soLieu.sort((a, b) => a.nam - b.nam);
  for (const f of falls) {
    const drop = round4(toNumber(f.drop));
    soLieu.push({
      nam: f.y,
      chi_so: rateLabels.fall(ind.name, f.y),
      gia_tri: drop,
      hien_thi: relative ? show.percent(drop) : show.points(drop),
      trang_thai: f.f1.trang_thai,
    });
    // Points are the measure; the relative fall is shown beside them so both readings are visible.
    if (!relative && f.relativeDrop) {
      const relativeDrop = round4(toNumber(f.relativeDrop));
      soLieu.push({
        nam: f.y,
        chi_so: rateLabels.relativeFall(f.y),
        gia_tri: relativeDrop,
        hien_thi: show.percent(relativeDrop),
        trang_thai: f.f1.trang_thai,
      });
    }
  }

  const minDrop = falls.reduce<Fraction | null>((m, f) => (m === null || compare(f.drop, m) < 0 ? f.drop : m), null);
  const value = minDrop === null ? null : round4(toNumber(minDrop));
  const common = { gia_tri: value, so_lieu: soLieu, don_vi_do: measure };
  const decisive = () => rateDecisive(words, year, minDrop);

  if (missing.length > 0) {
    return {
      ...common,
      ket_qua: 'chua_du_du_lieu',
      can_them: null,
      // The smallest fall of an incomplete run decides nothing.
      wording: () => ({ quyet_dinh: null, giai_thich: rateMissingText(words, missing, falls) }),
    };
  }
  if (falls.every((f) => f.ok)) {
    return {
      ...common,
      ket_qua: 'dat',
      can_them: 0,
      wording: () => ({ quyet_dinh: decisive(), giai_thich: rateMetText(words, falls) }),
    };
  }
  const failed = falls.filter((f) => !f.ok);
  const last = falls[falls.length - 1];
  let canThem: number | null = null;
  let margin: RateMargin = { kind: 'lien_tiep' };
  if (failed.length === 1 && last && !last.ok) {
    // Only the latest year falls short: how many fewer households would have met it.
    const p1 = ind.part(last.f1) ?? 0;
    const w1 = ind.whole(last.f1) ?? 0;
    const r0 = frac(ind.part(last.f0) ?? 0, ind.whole(last.f0) ?? 1);
    const allowedRate = relative
      ? mul(r0, sub(frac(1), div(threshold, frac(100))))
      : sub(r0, div(threshold, frac(100)));
    const bound = mul(allowedRate, frac(w1));
    const maxAllowed = c.phep_so_sanh === '>=' ? floor(bound) : ceil(bound) - 1n;
    if (maxAllowed >= 0n) {
      canThem = p1 - Number(maxAllowed);
      margin = { kind: 'ho', year: last.y, households: canThem, closed: closed(settings, last.y) };
    } else {
      margin = { kind: 'khong_the', year: last.y };
    }
  }
  return {
    ...common,
    ket_qua: 'chua_dat',
    can_them: canThem,
    wording: () => ({
      quyet_dinh: decisive(),
      thieu: margin.kind === 'ho' ? shortfall(margin.households, ind.households, margin.closed) : null,
      giai_thich: rateNotMetText(words, falls, margin),
    }),
  };
}

/** (S_base − S_t) / S_base compared with a percentage. */
function scaleReduction(ctx: EngineContext, unit: UnitRow, year: number, c: CriterionRow): Outcome {
  const { settings, shown: show = shown } = ctx;
  const scale = scaleOf(settings);
  const scaleYear = settings.nam_xet_quy_mo === 'nam_truoc' ? year - 1 : year;
  let baseYear = settings.nam_goc;
  let newBase = '';
  const across = acrossStandards(settings, baseYear, scaleYear);
  if (across) {
    const treatment = c.ma_tieu_chi === 'TC_THON' ? settings.doi_chuan_tc_thon : settings.doi_chuan_tc_xa_2;
    if (treatment === 'khong_so_sanh')
      return notApplicable(NOT_APPLICABLE.scaleAcross(baseYear, scaleYear, across), 'phan_tram');
    // Re-baseline: the first review under the standard of the year judged is the new baseline.
    const standard = povertyStandard(settings, scaleYear);
    baseYear = standard.tu_nam ?? baseYear;
    if (baseYear === scaleYear) return notApplicable(NOT_APPLICABLE.newBaseline(scaleYear, standard.ten), 'phan_tram');
    newBase = newBaselineNote(baseYear, standard.ten);
  }
  const fb = ctx.figures(unit.ma_don_vi, baseYear);
  const ft = ctx.figures(unit.ma_don_vi, scaleYear);
  const missing = [usable(ctx, unit, baseYear, fb), usable(ctx, unit, scaleYear, ft)].filter((m) => m !== null);
  if (missing.length > 0 || !fb || !ft) {
    return {
      ket_qua: 'chua_du_du_lieu',
      gia_tri: null,
      can_them: null,
      so_lieu: [],
      don_vi_do: 'phan_tram',
      wording: () => ({ giai_thich: scaleMissingText(missing) }),
    };
  }
  const sb = scale.part(fb);
  const st = scale.part(ft);
  const soLieu: ValueUsed[] = [
    {
      nam: baseYear,
      chi_so: scaleLabels.base(scale.households),
      gia_tri: sb,
      hien_thi: show.count(sb, 'hộ'),
      trang_thai: fb.trang_thai,
    },
    {
      nam: scaleYear,
      chi_so: scaleLabels.now(scale.households),
      gia_tri: st,
      hien_thi: show.count(st, 'hộ'),
      trang_thai: ft.trang_thai,
    },
  ];
  if (sb === 0)
    return {
      ...notApplicable(NOT_APPLICABLE.emptyBaseline(baseYear, scale.households), 'phan_tram'),
      so_lieu: soLieu,
    };

  const threshold = fromDecimal(c.nguong);
  const reduction = mul(frac(100), frac(sb - st, sb));
  const met = passes(reduction, threshold, c.phep_so_sanh);
  const v = round4(toNumber(reduction));
  // Largest S_t that meets the threshold: S_t ≤ S_b·(1 − p/100), strictly below for ">".
  const bound = mul(frac(sb), sub(frac(1), div(threshold, frac(100))));
  const maxAllowed = Number(c.phep_so_sanh === '>=' ? floor(bound) : ceil(bound) - 1n);
  const words: ScaleWords = {
    households: scale.households,
    baseYear,
    scaleYear,
    base: sb,
    now: st,
    reduction,
    op: c.phep_so_sanh,
    threshold: c.nguong,
    maxAllowed,
    closed: closed(settings, scaleYear),
  };
  const common = { gia_tri: v, so_lieu: soLieu, don_vi_do: 'phan_tram' as const };
  if (met) {
    return {
      ...common,
      ket_qua: 'dat',
      can_them: 0,
      wording: () => ({ quyet_dinh: scaleDecisive(words), giai_thich: scaleMetText(words) + newBase }),
    };
  }
  const canThem = maxAllowed >= 0 ? st - maxAllowed : null;
  return {
    ...common,
    ket_qua: 'chua_dat',
    can_them: canThem,
    wording: () => ({
      quyet_dinh: scaleDecisive(words),
      thieu: canThem === null ? null : shortfall(canThem, scale.households, words.closed),
      giai_thich: scaleNotMetText(words, canThem) + newBase,
    }),
  };
}

/** Units leaving extremely-difficult status by decision; the estimate from poverty rates is labelled. */
function statusExit(
  ctx: EngineContext,
  year: number,
  c: CriterionRow,
  population: UnitRow[],
  kind: 'xã' | 'thôn',
  measure: Measure,
): Outcome {
  const { shown: show = shown } = ctx;
  if (population.length === 0) return notApplicable(NOT_APPLICABLE.noDifficultUnits(kind), measure);
  const exited = population.filter((u) => u.nam_thoat_dbkk !== null && u.nam_thoat_dbkk <= year);
  const total = population.length;
  const threshold = fromDecimal(c.nguong);
  const value = measure === 'don_vi' ? frac(exited.length) : frac(100 * exited.length, total);
  const met = passes(value, threshold, c.phep_so_sanh);
  // Units needed: the smallest k with value(k) meeting the threshold.
  const bound = measure === 'don_vi' ? threshold : mul(threshold, frac(total, 100));
  const needK = Number(c.phep_so_sanh === '>=' ? ceil(bound) : floor(bound) + 1n);

  const limit = ctx.settings.nguong_uoc_tinh_thoat_dbkk;
  const estimateLimit = fromDecimal(limit);
  const remaining = population.filter((u) => !exited.includes(u));
  const estimated = remaining.filter((u) => {
    const f = ctx.figures(u.ma_don_vi, year);
    return (
      f !== null &&
      f.thieu.length === 0 &&
      f.tong_so_ho > 0 &&
      compare(frac(100 * f.so_ho_ngheo, f.tong_so_ho), estimateLimit) < 0
    );
  });
  const count = (label: string, n: number): ValueUsed => ({
    nam: year,
    chi_so: label,
    gia_tri: n,
    hien_thi: show.count(n, kind),
    trang_thai: null,
  });
  const words = {
    year,
    kind,
    exited: exited.length,
    total,
    estimated: estimated.length,
    estimateLimit: limit,
    op: c.phep_so_sanh,
    threshold: c.nguong,
    byCount: measure === 'don_vi',
    met,
    needed: Math.max(0, needK - exited.length),
    closed: closed(ctx.settings, year),
  };
  return {
    ket_qua: met ? 'dat' : 'chua_dat',
    gia_tri: round4(toNumber(value)),
    can_them: met ? 0 : words.needed,
    so_lieu: [
      count(exitLabels.total(kind), total),
      count(exitLabels.exited(kind), exited.length),
      count(exitLabels.estimated(kind, limit), estimated.length),
    ],
    don_vi_do: measure,
    wording: () => ({
      quyet_dinh: exitDecisive(words),
      thieu: met ? null : exitShortfall(words),
      giai_thich: exitText(words),
    }),
  };
}

const COMBINED = ['TC_XA_1', 'TC_XA_2'] as const;

/** Officials in charge of a commune: met when the commune meets enough of criteria 1 and 2
 * (threshold 1 by default: either one). */
function communeCriteriaMet(
  ctx: EngineContext,
  prior: (id: CriterionId) => Verdict | undefined,
  c: CriterionRow,
): Outcome {
  const { shown: show = shown } = ctx;
  const parts = COMBINED.map((id) => prior(id)).filter(
    (v): v is Verdict => v !== undefined && v.ket_qua !== 'khong_ap_dung',
  );
  if (parts.length === 0) return notApplicable(NOT_APPLICABLE.neitherCommuneCriterion, 'don_vi');
  const met = parts.filter((v) => v.ket_qua === 'dat').length;
  const unknown = parts.filter((v) => v.ket_qua === 'chua_du_du_lieu').length;
  const threshold = fromDecimal(c.nguong);
  const ket_qua: VerdictResult = passes(frac(met), threshold, c.phep_so_sanh)
    ? 'dat'
    : passes(frac(met + unknown), threshold, c.phep_so_sanh)
      ? 'chua_du_du_lieu'
      : 'chua_dat';
  const name = (v: Verdict) => COMMUNE_CRITERIA_NAMES[v.tieu_chi as (typeof COMBINED)[number]];
  return {
    ket_qua,
    gia_tri: met,
    can_them: null,
    don_vi_do: 'don_vi',
    so_lieu: parts.map((v) => ({
      nam: v.nam,
      chi_so: officialsLabel(name(v)),
      gia_tri: v.ket_qua === 'dat' ? 1 : 0,
      hien_thi: show.result(v.ket_qua),
      trang_thai: v.trang_thai_so_lieu,
    })),
    wording: () => ({
      quyet_dinh: officialsDecisive(met, parts.length),
      giai_thich: officialsText(
        VERDICT_RESULTS[ket_qua],
        c.phep_so_sanh,
        c.nguong,
        parts.map((v) => ({ criterion: name(v), result: VERDICT_RESULTS[v.ket_qua] })),
        met,
      ),
    }),
  };
}

/** Every review year the verdicts cover: after the baseline, to the end of the period. */
export function reviewYears(settings: Settings): number[] {
  const years: number[] = [];
  for (let y = settings.nam_goc + 1; y <= settings.nam_ket_thuc; y++) years.push(y);
  return years;
}

/** Which criteria a unit is judged on: its level's own, never another level's (a commune has no village criterion). */
export type CriterionScope = 'huyen' | 'xa' | 'thon';
export const CRITERIA_OF_SCOPE: Record<CriterionScope, readonly CriterionId[]> = {
  huyen: ['MT_HUYEN_A', 'MT_HUYEN_B', 'MT_HUYEN_C', 'MT_HUYEN_D'],
  // TC_CAN_BO reads the commune's verdicts of TC_XA_1 and TC_XA_2 of the same year, so it comes last.
  xa: ['TC_XA_1', 'TC_XA_2', 'TC_CAN_BO'],
  thon: ['TC_THON'],
};

// A verdict judged without its words: what check-data counts.
const UNWORDED: OutcomeWords = { giai_thich: '' };
const UNSHOWN: typeof shown = { percent: () => '', points: () => '', count: () => '', result: () => '' };

/**
 * Every verdict, unit by unit, handed on as it is made, so a caller that only counts holds none of them.
 * Without `wording` a verdict's words are left empty (giai_thich '', the decisive value and shortfall
 * null, each value used written '' in hien_thi): a caller that only counts never pays for sentences or
 * numbers it does not read.
 */
export function forEachVerdict(
  given: EngineContext,
  onVerdict: (verdict: Verdict) => void,
  { wording = true }: { wording?: boolean } = {},
): void {
  const ctx: EngineContext = wording ? given : { ...given, shown: UNSHOWN };
  const { settings, index } = ctx;
  const movementVillages = index.movementCommunes.flatMap((c) => index.villagesOf(c.ma_don_vi));
  const dbkkCommunes = index.movementCommunes.filter((u) => u.dac_biet_kho_khan === true);
  const dbkkVillages = movementVillages.filter((u) => u.dac_biet_kho_khan === true);
  const units: [CriterionScope, UnitRow[]][] = [
    ['huyen', [index.district]],
    ['xa', index.movementCommunes],
    ['thon', movementVillages],
  ];

  const fall = rateMeasure(settings);
  for (const [scope, unitsOfScope] of units) {
    for (const unit of unitsOfScope) {
      for (const year of reviewYears(settings)) {
        const ofYear = new Map<CriterionId, Verdict>();
        for (const id of CRITERIA_OF_SCOPE[scope]) {
          const verdict = judge(unit, year, id, ofYear);
          ofYear.set(id, verdict);
          onVerdict(verdict);
        }
      }
    }
  }

  function judge(unit: UnitRow, year: number, id: CriterionId, ofYear: ReadonlyMap<CriterionId, Verdict>): Verdict {
    const c = ctx.criteria.get(id);
    if (!c) throw new Error(`evaluate: criterion ${id} missing (checked before evaluating)`);
    const outcome = ((): Outcome => {
      switch (id) {
        case 'TC_XA_1':
          if (unit.vung_cao_bien_gioi_dbkk !== true) return notApplicable(NOT_APPLICABLE.notHighland, fall);
          return rateFall(ctx, unit, year, c, povertyRate(settings), c.so_nam_lien_tiep ?? 1);
        case 'TC_XA_2': {
          const region = index.regionIn(unit.ma_don_vi, year);
          if (!region) return notApplicable(NOT_APPLICABLE.noRegion(year), 'phan_tram');
          const o = scaleReduction(ctx, unit, year, c);
          return {
            ...o,
            wording: () => {
              const w = o.wording();
              return { ...w, giai_thich: w.giai_thich + regionNote(year, region.khu_vuc, region.can_cu) };
            },
          };
        }
        case 'TC_THON':
          if (!existsIn(unit, year)) return notApplicable(NOT_APPLICABLE.notExisting(year), 'phan_tram');
          if (unit.cap === 'to_dan_pho' && !settings.tc_thon_ap_dung_to_dan_pho)
            return notApplicable(VILLAGE_SCOPE_EXCLUDED, 'phan_tram');
          return scaleReduction(ctx, unit, year, c);
        case 'TC_CAN_BO':
          return communeCriteriaMet(ctx, (prior) => ofYear.get(prior), c);
        case 'MT_HUYEN_A':
          return rateFall(ctx, unit, year, c, povertyRate(settings), 1);
        case 'MT_HUYEN_B':
          return rateFall(ctx, unit, year, c, ethnicMinorityPoorRate, 1);
        case 'MT_HUYEN_C':
          return statusExit(ctx, year, c, dbkkCommunes, 'xã', 'don_vi');
        case 'MT_HUYEN_D':
          return statusExit(ctx, year, c, dbkkVillages, 'thôn', 'phan_tram');
      }
    })();
    const used = outcome.so_lieu.map((v) => v.trang_thai).filter((s) => s !== null);
    const w = wording ? outcome.wording() : UNWORDED;
    return {
      ma_don_vi: unit.ma_don_vi,
      ten_don_vi: unit.ten_don_vi,
      cap: unit.cap,
      tieu_chi: id,
      ten_tieu_chi: c.ten_tieu_chi,
      nam: year,
      dot: year === settings.nam_so_ket ? 'so_ket' : year === settings.nam_tong_ket ? 'tong_ket' : null,
      ket_qua: outcome.ket_qua,
      gia_tri: outcome.gia_tri,
      nguong: c.nguong,
      phep_so_sanh: c.phep_so_sanh,
      don_vi_do: outcome.don_vi_do,
      can_them: outcome.can_them,
      trang_thai_so_lieu: used.length === 0 ? null : used.includes('so_bo') ? 'so_bo' : 'chinh_thuc',
      so_lieu: outcome.so_lieu,
      giai_thich: w.giai_thich,
      nhan_gia_tri_quyet_dinh: w.quyet_dinh?.nhan ?? null,
      gia_tri_quyet_dinh: w.quyet_dinh?.hien_thi ?? null,
      muc_thieu: w.thieu ?? null,
      can_cu_phap_ly: c.can_cu_phap_ly,
    };
  }
}
