import { formatCount } from '../format/vi.ts';
import type { Settings } from '../schemas/settings.ts';

// Which poverty standard each review year was judged under. Figures under two standards are never
// compared: a rate or a scale changes meaning when the income line and the indicators change.
// The settings give the first review year of each standard starting in the period; the national
// standards known here only lend them a name and their income lines.

export interface PovertyStandard {
  /** First review year under this standard, or null for the one in force before the first listed year. */
  tu_nam: number | null;
  /** Last review year under it inside what the settings say, or null when it runs on. */
  den_nam: number | null;
  /** "chuẩn nghèo đa chiều giai đoạn 2022–2025" */
  ten: string;
  /** The legal text that set it, when known. */
  van_ban: string | null;
  /** Monthly income line per person in đồng, when known. */
  thu_nhap: { nong_thon: number; thanh_thi: number } | null;
}

interface KnownStandard {
  tu_nam: number;
  ten: string;
  van_ban: string | null;
  thu_nhap: { nong_thon: number; thanh_thi: number } | null;
}

// The end-2021 review was the first under Nghị định 07/2021/NĐ-CP; it stays in force through the 2026
// review, and a new standard applies from the 2027 review (/work/shared/docs/domain-vn.md, section 1).
const KNOWN: readonly KnownStandard[] = [
  {
    tu_nam: 2015,
    ten: 'chuẩn nghèo đa chiều giai đoạn 2016–2020',
    van_ban: 'Quyết định 59/2015/QĐ-TTg',
    thu_nhap: null,
  },
  {
    tu_nam: 2021,
    ten: 'chuẩn nghèo đa chiều giai đoạn 2022–2025',
    van_ban: 'Nghị định 07/2021/NĐ-CP',
    thu_nhap: { nong_thon: 1_500_000, thanh_thi: 2_000_000 },
  },
  {
    tu_nam: 2027,
    ten: 'chuẩn nghèo giai đoạn 2027–2030',
    van_ban: null,
    thu_nhap: { nong_thon: 2_200_000, thanh_thi: 2_800_000 },
  },
];

// Read once per settings: every review row and every verdict asks which standard a year falls under.
const startsOf = new WeakMap<Settings, readonly number[]>();

/** The first review year of each standard the settings list, in order. */
export function standardStarts(s: Settings): readonly number[] {
  let starts = startsOf.get(s);
  if (!starts) startsOf.set(s, (starts = s.nam_ap_dung_chuan_ngheo.map(Number)));
  return starts;
}

/** 0 for the standard in force before the first listed year, then 1, 2, … */
export function standardIndex(s: Settings, year: number): number {
  let index = 0;
  for (const start of standardStarts(s)) if (start <= year) index++;
  return index;
}

export const sameStandard = (s: Settings, a: number, b: number): boolean => standardIndex(s, a) === standardIndex(s, b);

export function povertyStandard(s: Settings, year: number): PovertyStandard {
  const starts = standardStarts(s);
  const i = standardIndex(s, year);
  const from = i === 0 ? null : starts[i - 1]!;
  const next = starts[i];
  const until = next === undefined ? null : next - 1;
  // Before the first listed year: the latest national standard that had started by then.
  const known =
    from === null ? [...KNOWN].reverse().find((k) => k.tu_nam < starts[0]!) : KNOWN.find((k) => k.tu_nam === from);
  const ten =
    known?.ten ??
    (from === null ? `chuẩn nghèo áp dụng trước năm ${starts[0]}` : `chuẩn nghèo mới từ kỳ rà soát năm ${from}`);
  return { tu_nam: from, den_nam: until, ten, van_ban: known?.van_ban ?? null, thu_nhap: known?.thu_nhap ?? null };
}

/** The review years of the period that start a new standard: comparisons with earlier years stop there. */
export const changesInPeriod = (s: Settings): number[] =>
  standardStarts(s).filter((start) => start > s.nam_goc && start <= s.nam_ket_thuc);

/** "mức thu nhập khu vực nông thôn 2.200.000 đồng/người/tháng, khu vực thành thị 2.800.000 đồng/người/tháng" */
export function incomeLineWords(p: PovertyStandard): string | null {
  if (!p.thu_nhap) return null;
  const line = (n: number) => `${formatCount(n)} đồng/người/tháng`;
  return `mức thu nhập khu vực nông thôn ${line(p.thu_nhap.nong_thon)}, khu vực thành thị ${line(p.thu_nhap.thanh_thi)}`;
}
