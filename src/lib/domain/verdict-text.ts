import { formatCount, formatDecimal, formatScaled } from '../format/vi.ts';
import type { Comparator } from '../schemas/tables.ts';
import { compare, floor, frac, fromDecimal, mul, type Fraction } from './exact.ts';
import { nameInSentence } from '../format/names.ts';

// Every word of a verdict a citizen reads (the explanation, the labels of the values used, the value that
// decided the verdict), in one place so it can be reviewed and later translated without reading the
// engine. The engine (criteria.ts) computes; these functions take its numbers and return sentences.
// Rules: every number carries its unit; no key or code of the data files; a unit's kind is lower-case
// mid-sentence ("xã Sì Lở Lầu"); a year whose review is closed is told in the past ("còn thiếu"), the
// open one as what is still needed ("cần giảm thêm"); nothing is said about "0 hộ".

/** The four verdicts, as a citizen reads them. */
export const VERDICT_RESULTS = {
  dat: 'Đạt',
  chua_dat: 'Chưa đạt',
  chua_du_du_lieu: 'Chưa đủ dữ liệu',
  khong_ap_dung: 'Không áp dụng',
} as const;

// Powers of ten for the decimals verdicts show.
const SCALES = [1n, 10n, 100n, 1000n];

/** The value rounded half up on its exact digits (5/12 → 41,7), never a binary artefact (0,145 → 0,15). */
export function exactDecimal(value: Fraction, decimals = 1): string {
  const scale = SCALES[decimals] ?? 10n ** BigInt(decimals);
  // floor(value·scale + 1/2); the denominator of a Fraction is positive.
  return formatScaled(floor({ num: 2n * value.num * scale + value.den, den: 2n * value.den }), decimals);
}

/** Decimals enough that a value that differs from its threshold does not read as the threshold. */
export function exactNear(value: Fraction, threshold: Fraction, start = 1): string {
  let d = start;
  let shown = exactDecimal(value, d);
  const differs = compare(value, threshold) !== 0;
  while (differs && d < 3 && shown === exactDecimal(threshold, d)) shown = exactDecimal(value, ++d);
  return shown;
}

/** 4 → "4"; 41.6 → "41,6". */
const num = (x: number) => formatDecimal(x, Number.isInteger(x) ? 0 : 1);

/** "từ 4 điểm phần trăm trở lên" or "trên 4 điểm phần trăm". */
export function thresholdWords(op: Comparator, value: number, unit: string): string {
  return op === '>=' ? `từ ${num(value)}${unit} trở lên` : `trên ${num(value)}${unit}`;
}

/** Years as words: "năm 2025", "các năm 2023, 2025". */
const yearsWords = (years: readonly number[]) =>
  years.length === 1 ? `năm ${years[0]}` : `các năm ${years.slice(0, -1).join(', ')} và ${years[years.length - 1]}`;
const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The value that decided a verdict: its name ("năm giảm ít nhất trong 3 năm") and reading ("3,1 điểm phần trăm"). */
export interface Decisive {
  nhan: string;
  hien_thi: string;
}

/** Which households a count or a scale is made of. */
export const HOUSEHOLDS = { poor: 'hộ nghèo', poorAndNearPoor: 'hộ nghèo và cận nghèo' } as const;

/** The rates the yearly falls are measured on, and the households they count. */
export const RATES = {
  poor: { name: 'tỷ lệ hộ nghèo', households: HOUSEHOLDS.poor },
  multidimensional: { name: 'tỷ lệ nghèo đa chiều', households: HOUSEHOLDS.poorAndNearPoor },
  ethnicMinorityPoor: { name: 'tỷ lệ hộ nghèo trong hộ dân tộc thiểu số', households: 'hộ nghèo dân tộc thiểu số' },
} as const;

// Reasons a year's figures cannot be used.
export const noFigures = (year: number, unitName: string) =>
  `chưa có số liệu năm ${year} của ${nameInSentence(unitName)}`;
export const missingVillages = (year: number, names: readonly string[]) =>
  `số liệu năm ${year} còn thiếu ${names.map(nameInSentence).join(', ')}`;
export const acrossStandardsWords = (earlier: number, earlierName: string, later: number, laterName: string) =>
  `năm ${earlier} rà soát theo ${earlierName}, năm ${later} theo ${laterName}; ` +
  'số liệu theo hai chuẩn nghèo không so sánh được với nhau';
export const cannotCompute = (indicator: string, year: number) =>
  `chưa đủ số liệu để tính ${indicator} năm ${year - 1} và ${year}`;

// Why a criterion does not apply.
export const NOT_APPLICABLE = {
  villageScope:
    'Không áp dụng: kế hoạch nêu tiêu chí thôn cho thôn, bản; theo thiết lập đang dùng, tổ dân phố không thuộc diện xét.',
  notHighland:
    'Không áp dụng: tiêu chí 1 chỉ áp dụng cho xã vùng cao, biên giới đặc biệt khó khăn; xã này không thuộc diện đó.',
  noRegion: (year: number) =>
    `Không áp dụng: năm ${year} xã không thuộc khu vực I, II, III vùng đồng bào dân tộc thiểu số và miền núi.`,
  notExisting: (year: number) => `Không áp dụng: năm ${year} đơn vị này không tồn tại.`,
  neitherCommuneCriterion: 'Không áp dụng: tiêu chí 1 và tiêu chí 2 đều không áp dụng cho xã này.',
  noDifficultUnits: (kind: string) => `Không áp dụng: không có ${kind} nào thuộc diện đặc biệt khó khăn đầu kỳ.`,
  emptyBaseline: (baseYear: number, households: string) =>
    `Không áp dụng: đầu kỳ (năm ${baseYear}) không có ${households}, nên không có quy mô để giảm.`,
  rateAcross: (years: number, across: string) =>
    `Không áp dụng: ${years > 1 ? `tiêu chí cần ${years} năm liên tiếp so sánh được, nhưng ` : ''}${across}.`,
  scaleAcross: (baseYear: number, scaleYear: number, across: string) =>
    `Không áp dụng: đầu kỳ là năm ${baseYear}, quy mô xét là năm ${scaleYear}; ${across}.`,
  newBaseline: (scaleYear: number, standard: string) =>
    `Không áp dụng: năm ${scaleYear} là lần rà soát đầu tiên theo ${standard}, được dùng làm đầu kỳ mới; ` +
    'mức giảm quy mô được tính từ lần đánh giá sau.',
} as const;

export const newBaselineNote = (baseYear: number, standard: string) =>
  ` Đầu kỳ mới là năm ${baseYear}, lần rà soát đầu tiên theo ${standard}.`;
/** Dates inside a text from the data written dd/mm/yyyy, like every date of the site: "4/6/2021" → "04/06/2021". */
export const datesInText = (text: string) =>
  text.replace(
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    (_, d: string, m: string, y: string) => `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}`,
  );

export const regionNote = (year: number, region: string, basis: string) =>
  ` (Năm ${year} xã thuộc khu vực ${region} theo ${datesInText(basis)}.)`;

/** What a verdict not met still lacks, short, for the top of a page: "cần giảm thêm 17 hộ nghèo và cận nghèo". */
export const shortfall = (n: number, households: string, closed: boolean) =>
  `${closed ? 'còn thiếu' : 'cần giảm thêm'} ${formatCount(n)} ${households}`;

// A yearly fall of a rate (criterion 1, targets A and B).

export interface RateFallYear {
  y: number;
  drop: Fraction;
  relativeDrop: Fraction | null;
  ok: boolean;
}

export interface RateWords {
  /** "tỷ lệ nghèo đa chiều" */
  indicator: string;
  /** "hộ nghèo và cận nghèo" */
  households: string;
  op: Comparator;
  threshold: number;
  relative: boolean;
  years: number;
}

const fallUnit = (relative: boolean) => (relative ? '%' : ' điểm phần trăm');

export const rateLabels = {
  rate: (indicator: string) => indicator,
  fall: (indicator: string, year: number) => `mức giảm ${indicator} so với năm ${year - 1}`,
  relativeFall: (year: number) => `mức giảm tương đối so với năm ${year - 1}`,
};

/** "31,58%", "5 điểm phần trăm", "12 hộ", "3 xã", "đạt". */
export const shown = {
  percent: (x: number) => `${formatDecimal(x, Number.isInteger(x) ? 0 : 2)}%`,
  points: (x: number) => `${formatDecimal(x, Number.isInteger(x) ? 0 : 2)} điểm phần trăm`,
  count: (n: number, unit: string) => `${formatCount(n)} ${unit}`,
  result: (r: keyof typeof VERDICT_RESULTS) => VERDICT_RESULTS[r].toLowerCase(),
};

function need(w: RateWords): string {
  return (
    `${thresholdWords(w.op, w.threshold, fallUnit(w.relative))}${w.relative ? ' so với tỷ lệ năm trước' : ''} mỗi năm` +
    (w.years > 1 ? `, ${w.years} năm liên tiếp` : '')
  );
}

function describeFalls(w: RateWords, falls: readonly RateFallYear[]): string {
  const threshold = fromDecimal(w.threshold);
  return falls
    .map((f) => {
      const sign = compare(f.drop, frac(0));
      if (sign === 0) return `năm ${f.y} không giảm`;
      const size = sign > 0 ? exactNear(f.drop, threshold) : exactDecimal(mul(f.drop, frac(-1)));
      const relative = !w.relative && f.relativeDrop && sign > 0 ? ` (tương đối ${exactDecimal(f.relativeDrop)}%)` : '';
      return `năm ${f.y} ${sign > 0 ? 'giảm' : 'tăng'} ${size}${fallUnit(w.relative)}${relative}`;
    })
    .join('; ');
}

/** The smallest fall of the window decided the verdict. */
export function rateDecisive(w: RateWords, year: number, minDrop: Fraction | null): Decisive | null {
  if (minDrop === null) return null;
  const threshold = fromDecimal(w.threshold);
  return {
    nhan: w.years > 1 ? `năm giảm ít nhất trong ${w.years} năm` : `mức giảm năm ${year}`,
    hien_thi: `${exactNear(minDrop, threshold)}${fallUnit(w.relative)}`,
  };
}

export function rateMissingText(w: RateWords, missing: readonly string[], falls: readonly RateFallYear[]): string {
  const known = describeFalls(w, falls);
  const failed = falls.filter((f) => !f.ok).map((f) => f.y);
  return (
    `Chưa đủ dữ liệu: tiêu chí cần ${w.indicator} giảm ${need(w)}, nhưng ${[...new Set(missing)].join('; ')}.` +
    (known ? ` Số liệu đã có: ${known}.` : '') +
    (failed.length ? ` Lưu ý: ${yearsWords(failed)} đã giảm dưới ngưỡng.` : '')
  );
}

export const rateMetText = (w: RateWords, falls: readonly RateFallYear[]) =>
  `Đạt: ${w.indicator} giảm ${need(w)} (${describeFalls(w, falls)}).`;

/** What would have met a rate criterion not met. */
export type RateMargin =
  | { kind: 'ho'; year: number; households: number; closed: boolean }
  | { kind: 'khong_the'; year: number }
  | { kind: 'lien_tiep' };

export function rateNotMetText(w: RateWords, falls: readonly RateFallYear[], margin: RateMargin): string {
  const failed = falls.filter((f) => !f.ok).map((f) => f.y);
  const short = `${capitalise(yearsWords(failed))} chưa đạt ngưỡng`;
  const households = (n: number) => `${formatCount(n)} ${w.households}`;
  const what =
    margin.kind === 'ho'
      ? margin.closed
        ? `: còn thiếu ${households(margin.households)} so với mức cần giảm.`
        : `: cần giảm thêm ${households(margin.households)} trong năm ${margin.year} để đạt.`
      : margin.kind === 'khong_the'
        ? ' và không thể đạt dù giảm hết số hộ.'
        : '; tiêu chí cần đạt liên tiếp nên không bù được bằng số liệu năm sau.';
  return `Chưa đạt: tiêu chí cần ${w.indicator} giảm ${need(w)}; ${describeFalls(w, falls)}. ${short}${what}`;
}

// The fall of the scale since the baseline (criterion 2 of communes, the village criterion).

export interface ScaleWords {
  households: string;
  baseYear: number;
  scaleYear: number;
  base: number;
  now: number;
  reduction: Fraction;
  op: Comparator;
  threshold: number;
  /** The largest scale that meets the threshold. */
  maxAllowed: number;
  closed: boolean;
}

export const scaleMissingText = (missing: readonly string[]) => `Chưa đủ dữ liệu: ${missing.join('; ')}.`;

export const scaleLabels = {
  base: (households: string) => `quy mô ${households} đầu kỳ`,
  now: (households: string) => `quy mô ${households} tại thời điểm xét`,
};

const scaleChange = (w: ScaleWords) =>
  `${w.households} từ ${formatCount(w.base)} hộ (năm ${w.baseYear}) ` +
  (w.now === 0
    ? `xuống không còn hộ nào (năm ${w.scaleYear})`
    : `${w.now <= w.base ? 'xuống' : 'lên'} ${formatCount(w.now)} hộ (năm ${w.scaleYear})`);
const reductionShown = (w: ScaleWords) => exactNear(w.reduction, fromDecimal(w.threshold));

export function scaleDecisive(w: ScaleWords): Decisive {
  const fell = w.now <= w.base;
  return {
    nhan: `mức ${fell ? 'giảm' : 'tăng'} quy mô so với đầu kỳ (năm ${w.baseYear})`,
    hien_thi: `${fell ? reductionShown(w) : exactDecimal(mul(w.reduction, frac(-1)))}%`,
  };
}

export function scaleMetText(w: ScaleWords): string {
  const spare = w.maxAllowed - w.now;
  return (
    `Đạt: quy mô ${scaleChange(w)}, giảm ${reductionShown(w)}%, đạt ngưỡng ${thresholdWords(w.op, w.threshold, '%')}. ` +
    (w.now === 0
      ? ''
      : spare > 0
        ? `Quy mô thấp hơn mức tối đa để đạt (${formatCount(w.maxAllowed)} hộ) ${formatCount(spare)} hộ.`
        : `Quy mô vừa bằng mức tối đa để đạt (${formatCount(w.maxAllowed)} hộ).`)
  );
}

export function scaleNotMetText(w: ScaleWords, canThem: number | null): string {
  const change = w.now <= w.base ? `giảm ${reductionShown(w)}%` : `tăng ${exactDecimal(mul(w.reduction, frac(-1)))}%`;
  const max = `quy mô phải không quá ${formatCount(w.maxAllowed)} hộ`;
  const margin =
    canThem === null
      ? ''
      : w.closed
        ? ` Năm ${w.scaleYear} còn thiếu ${formatCount(canThem)} ${w.households} so với mức cần giảm (${max}).`
        : ` Cần giảm thêm ${formatCount(canThem)} ${w.households} để đạt (${max}).`;
  return `Chưa đạt: quy mô ${scaleChange(w)}, ${change}, chưa đạt ngưỡng ${thresholdWords(w.op, w.threshold, '%')}.${margin}`;
}

// Units leaving extremely-difficult status (targets C and D).

export interface ExitWords {
  year: number;
  kind: 'xã' | 'thôn';
  exited: number;
  total: number;
  estimated: number;
  estimateLimit: number;
  op: Comparator;
  threshold: number;
  /** Whether the threshold is a number of units (target C) or a share (target D). */
  byCount: boolean;
  met: boolean;
  /** Units still needed when not met. */
  needed: number;
  closed: boolean;
}

const share = (w: ExitWords) => exactDecimal(frac(100 * w.exited, w.total));

export const exitLabels = {
  total: (kind: string) => `số ${kind} đặc biệt khó khăn đầu kỳ`,
  exited: (kind: string) => `số ${kind} đã có quyết định thoát diện`,
  estimated: (kind: string, limit: number) =>
    `ước tính: số ${kind} còn lại có tỷ lệ hộ nghèo dưới ${formatDecimal(limit, 0)}%`,
};

export const exitDecisive = (w: ExitWords): Decisive => ({
  nhan: exitLabels.exited(w.kind),
  hien_thi: `${formatCount(w.exited)}/${formatCount(w.total)} ${w.kind} (${share(w)}%)`,
});

export const exitShortfall = (w: ExitWords) =>
  `${w.closed ? 'còn thiếu' : 'cần thêm'} ${formatCount(w.needed)} ${w.kind} thoát diện`;

export function exitText(w: ExitWords): string {
  const target = thresholdWords(w.op, w.threshold, w.byCount ? ` ${w.kind}` : '%');
  const fact =
    `đến năm ${w.year}, ${formatCount(w.exited)}/${formatCount(w.total)} ${w.kind} đặc biệt khó khăn đầu kỳ ` +
    `(${share(w)}%) đã có quyết định thoát diện; mục tiêu ${target}.`;
  const missing = w.met
    ? ''
    : w.closed
      ? ` Năm ${w.year} còn thiếu ${formatCount(w.needed)} ${w.kind} thoát diện so với mục tiêu.`
      : ` Cần thêm ${formatCount(w.needed)} ${w.kind} thoát diện để đạt.`;
  const limit = `${formatDecimal(w.estimateLimit, 0)}%`;
  const estimate =
    w.estimated > 0
      ? ` Ước tính (không phải quyết định): thêm ${formatCount(w.estimated)} ${w.kind} có tỷ lệ hộ nghèo dưới ${limit}.`
      : ` Ước tính (không phải quyết định): chưa có ${w.kind} nào khác có tỷ lệ hộ nghèo dưới ${limit}.`;
  return `${w.met ? 'Đạt' : 'Chưa đạt'}: ${fact}${missing}${estimate}`;
}

// Officials in charge of a commune: the commune's criteria 1 and 2.

export const COMMUNE_CRITERIA_NAMES = { TC_XA_1: 'tiêu chí 1', TC_XA_2: 'tiêu chí 2' } as const;

export const officialsLabel = (criterion: string) => `kết quả ${criterion} của xã`;

export function officialsText(
  result: string,
  op: Comparator,
  threshold: number,
  parts: readonly { criterion: string; result: string }[],
  met: number,
): string {
  const list = parts.map((p) => `${p.criterion}: ${p.result.toLowerCase()}`).join('; ');
  return (
    `${result}: cán bộ phụ trách xã đạt khi xã đạt ${thresholdWords(op, threshold, ' tiêu chí')} trong tiêu chí 1 ` +
    `và tiêu chí 2 của xã; xã đạt ${formatCount(met)} trong ${formatCount(parts.length)} tiêu chí được xét (${list}).`
  );
}

export const officialsDecisive = (met: number, counted: number): Decisive => ({
  nhan: 'số tiêu chí của xã đạt',
  hien_thi: `${formatCount(met)}/${formatCount(counted)} tiêu chí`,
});
