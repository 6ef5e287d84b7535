import { formatDecimal } from '../format/vi.ts';
import { percent } from '../ingest/values.ts';
import {
  CHANGE_MEASURES,
  SCALE_BASES,
  SCALE_YEARS,
  SETTINGS,
  STANDARD_CHANGE_TREATMENTS,
  type SettingKey,
  type Settings,
} from '../schemas/settings.ts';
import type { Comparator, CriterionId, CriterionRow } from '../schemas/tables.ts';
import { changesInPeriod, incomeLineWords, povertyStandard } from './poverty-standard.ts';
import { frac } from './exact.ts';
import { exactDecimal, thresholdWords } from './verdict-text.ts';

// Every sentence that explains the method to citizens, generated from the settings and the criteria
// table in force, so a locality that changes a setting or a threshold never publishes words written
// for the defaults. Pure: the methodology page, the unit pages and the golden tests read it.
// Setting keys never appear here: a citizen reads the setting's plain name (SETTINGS[k].label).

/** 4 → "4"; 41.6 → "41,6". */
const num = (x: number) => formatDecimal(x, Number.isInteger(x) ? 0 : 1);

/** What a fall of a rate is measured in, as words after a number. */
function fallUnit(s: Settings): string {
  return s.cach_tinh_muc_giam === 'tuong_doi' ? '%' : ' điểm phần trăm';
}

/** "từ 4 điểm phần trăm trở lên", or for a relative fall "từ 4% trở lên (tương đối, so với tỷ lệ năm trước)". */
function rateThresholdWords(op: Comparator, value: number, s: Settings): string {
  const words = thresholdWords(op, value, fallUnit(s));
  return s.cach_tinh_muc_giam === 'tuong_doi' ? `${words} (tương đối, so với tỷ lệ năm trước)` : words;
}

/** The rate criterion 1 and target A are judged on. */
export function rateName(s: Settings): string {
  return s.ty_le_ngheo_gom === 'chi_ngheo' ? 'tỷ lệ hộ nghèo' : 'tỷ lệ nghèo đa chiều';
}

function rateDefinition(s: Settings): string {
  return s.ty_le_ngheo_gom === 'chi_ngheo'
    ? 'tỷ lệ hộ nghèo (số hộ nghèo / tổng số hộ, không tính hộ cận nghèo)'
    : 'tỷ lệ nghèo đa chiều ((số hộ nghèo + số hộ cận nghèo) / tổng số hộ)';
}

/** Which households make up the scale S. */
export function scaleHouseholds(s: Settings): string {
  return s.quy_mo_gom === 'chi_ngheo' ? 'số hộ nghèo (không tính hộ cận nghèo)' : 'số hộ nghèo + số hộ cận nghèo';
}

function scaleYearWords(s: Settings): string {
  return s.nam_xet_quy_mo === 'nam_truoc'
    ? 'theo kết quả rà soát cuối năm liền trước năm đánh giá'
    : 'theo kết quả rà soát cuối chính năm đánh giá';
}

function fallWords(s: Settings): string {
  return s.cach_tinh_muc_giam === 'tuong_doi'
    ? 'mức giảm tương đối: (tỷ lệ năm trước − tỷ lệ năm sau) / tỷ lệ năm trước, tính bằng %'
    : 'mức giảm tính bằng điểm phần trăm: tỷ lệ năm trước trừ tỷ lệ năm sau';
}

/** How each criterion is judged, from its id (what it measures) and its row (threshold, comparator, years). */
export interface CriterionMethod {
  apDung: string;
  cachTinh: string;
  nguong: string;
  /** How the page reads a word of the plan that can be read two ways; null when nothing is read into it. */
  cachHieu: string | null;
  /** Set when the comparator in force contradicts the plan's words quoted from tieu-chi.csv. */
  khacKeHoach: string | null;
}

const mentions = (text: string, n: string) => new RegExp(`(?<![\\d,])${n}(?![\\d,])`).test(text);

/** The threshold or the number of consecutive years in the table is not the one the plan's words give. */
function numbersDeparture(c: CriterionRow): string | null {
  const found: string[] = [];
  if (!mentions(c.mo_ta, num(c.nguong))) found.push(`ngưỡng ${num(c.nguong)}`);
  const years = /(\d+) năm liên tiếp/.exec(c.mo_ta)?.[1];
  if (c.so_nam_lien_tiep && years && Number(years) !== c.so_nam_lien_tiep) {
    found.push(`${formatDecimal(c.so_nam_lien_tiep, 0)} năm liên tiếp (kế hoạch ghi ${years} năm)`);
  }
  return found.length
    ? `Khác lời kế hoạch trích ở trên: bảng tiêu chí đặt ${found.join(' và ')}; trang tính theo bảng tiêu chí.`
    : null;
}

/**
 * The plan's words give a share with its percentage, "5/12 xã (41,6%)", whose rounding is not half up: the
 * correct percentage is stated (5/12 = 41,7%), so no reader takes the quoted figure for the rule.
 */
function quotedShareNote(c: CriterionRow): string | null {
  const m = /(\d+)\/(\d+)[^()]*\((\d+)(?:,(\d+))?%\)/.exec(c.mo_ta);
  if (!m) return null;
  const [, part, whole, units, decimals = ''] = m;
  const exact = exactDecimal(frac(100 * Number(part), Number(whole)), decimals.length);
  const quoted = decimals ? `${units},${decimals}` : units!;
  return exact === quoted
    ? null
    : `Kế hoạch ghi ${part}/${whole} là ${quoted}%; làm tròn đúng là ${exact}%. Trang xét theo số đơn vị trong bảng tiêu chí.`;
}

/**
 * The plan's words say "trên N" while the table says "≥ N", or "từ N … trở lên" while it says "> N": the
 * one case where the quoted words and the rule judged differ exactly at the threshold.
 */
function comparatorDeparture(c: CriterionRow): string | null {
  const n = num(c.nguong);
  const saysAbove = new RegExp(`trên ${n}(?![\\d,])`).test(c.mo_ta);
  const saysFrom = new RegExp(`từ ${n}(?![\\d,])[^.;]*trở lên`).test(c.mo_ta);
  if (c.phep_so_sanh === '>=' && saysAbove && !saysFrom) {
    return `Khác kế hoạch: kế hoạch ghi "trên ${num(c.nguong)}", bảng tiêu chí đặt "từ ${num(c.nguong)} trở lên", nên đạt đúng ${num(c.nguong)} cũng được tính là đạt.`;
  }
  if (c.phep_so_sanh === '>' && saysFrom && !saysAbove) {
    return `Khác kế hoạch: kế hoạch ghi "từ ${num(c.nguong)} … trở lên", bảng tiêu chí đặt "trên ${num(c.nguong)}", nên đạt đúng ${num(c.nguong)} không được tính là đạt.`;
  }
  return null;
}

function consecutiveReading(c: CriterionRow, s: Settings, years: number): string {
  const last = s.nam_tong_ket;
  const first = last - years + 1;
  const span = years > 1 ? `các năm ${first}–${last}` : `năm ${last}`;
  const run =
    `Năm đánh giá là năm cuối của chuỗi ${formatDecimal(years, 0)} năm liên tiếp: đánh giá năm ${last} xét ${span}, ` +
    `mỗi năm so với năm liền trước (lần so sánh đầu tiên dùng năm ${first - 1}).`;
  // The plan's "trước năm đề nghị khen thưởng" could be read as excluding the year under review.
  return c.mo_ta.includes('trước năm đề nghị')
    ? `Kế hoạch ghi các năm "trước năm đề nghị khen thưởng"; trang tính cả năm đánh giá, vì việc đề nghị khen thưởng diễn ra sau kỳ rà soát cuối năm đó. ${run}`
    : run;
}

const yearsFrom = (first: number, count: number, last: number) => {
  const end = Math.min(first + count - 1, last);
  return end > first ? `các năm đánh giá ${first}–${end}` : `năm đánh giá ${first}`;
};

/** What a change of standard inside the period does to a criterion, or '' when none happens. */
function standardChangeWords(c: CriterionRow, s: Settings): string {
  const changes = changesInPeriod(s);
  const id = c.ma_tieu_chi;
  if (changes.length === 0 || id === 'TC_CAN_BO' || id === 'MT_HUYEN_C' || id === 'MT_HUYEN_D') return '';
  if (id === 'TC_XA_2' || id === 'TC_THON') {
    const treatment = id === 'TC_THON' ? s.doi_chuan_tc_thon : s.doi_chuan_tc_xa_2;
    const judged = (e: number) => (s.nam_xet_quy_mo === 'nam_truoc' ? e + 1 : e);
    if (treatment === 'khong_so_sanh') {
      const e = changes[0]!;
      return (
        ` Chuẩn nghèo đổi từ kỳ rà soát năm ${e}: quy mô theo chuẩn mới không so sánh với đầu kỳ (năm ${s.nam_goc}) ` +
        `theo chuẩn cũ, nên từ năm đánh giá ${judged(e)} kết quả là "Không áp dụng".`
      );
    }
    return changes
      .map(
        (e) =>
          ` Chuẩn nghèo đổi từ kỳ rà soát năm ${e}: quy mô năm ${e} là đầu kỳ mới; năm đánh giá ${judged(e)} có kết ` +
          'quả "Không áp dụng" (chưa có gì để so sánh), các năm sau so với đầu kỳ mới.',
      )
      .join('');
  }
  const years = id === 'TC_XA_1' ? (c.so_nam_lien_tiep ?? 1) : 1;
  return changes
    .map(
      (e) =>
        ` Chuẩn nghèo đổi từ kỳ rà soát năm ${e}: tỷ lệ năm ${e} không so sánh với năm ${e - 1}, nên ` +
        `${yearsFrom(e, years, s.nam_ket_thuc)} có kết quả "Không áp dụng".`,
    )
    .join('');
}

export function criterionMethod(c: CriterionRow, s: Settings): CriterionMethod {
  const years = c.so_nam_lien_tiep ?? 1;
  const eachYear = years > 1 ? ` mỗi năm, ${formatDecimal(years, 0)} năm liên tiếp` : ' mỗi năm';
  const rateThreshold = rateThresholdWords(c.phep_so_sanh, c.nguong, s);
  const upper = c.nguong_tren !== null ? ` (mục tiêu đến ${num(c.nguong_tren)}${fallUnit(s)})` : '';
  const scale = (unit: string) =>
    `Mức giảm quy mô = (quy mô đầu kỳ − quy mô tại thời điểm xét) / quy mô đầu kỳ, tính cho ${unit}; quy mô là ` +
    `${scaleHouseholds(s)}, tại thời điểm xét lấy ${scaleYearWords(s)}.`;
  const scaleThreshold = `${thresholdWords(c.phep_so_sanh, c.nguong, '%')} so với đầu kỳ (năm ${s.nam_goc})`;
  const rules: Record<CriterionId, () => Omit<CriterionMethod, 'khacKeHoach'>> = {
    TC_XA_1: () => ({
      apDung: 'Xã, thị trấn được đánh dấu "xã vùng cao, biên giới đặc biệt khó khăn" trong danh mục đơn vị.',
      cachTinh: `${capitalise(rateDefinition(s))} của xã năm sau thấp hơn năm trước; ${fallWords(s)}. Chỉ so sánh các năm cùng một chuẩn nghèo.`,
      nguong: `Giảm ${rateThreshold}${eachYear}.`,
      cachHieu: years > 1 ? consecutiveReading(c, s, years) : null,
    }),
    TC_XA_2: () => ({
      apDung: 'Xã, thị trấn thuộc khu vực I, II hoặc III trong năm đánh giá (theo bảng khu vực theo thời kỳ).',
      cachTinh: scale('xã'),
      nguong: `Giảm ${scaleThreshold}.`,
      cachHieu: null,
    }),
    TC_THON: () => ({
      apDung: s.tc_thon_ap_dung_to_dan_pho
        ? 'Mọi thôn, bản và tổ dân phố có hộ thuộc quy mô ở đầu kỳ.'
        : 'Mọi thôn, bản có hộ thuộc quy mô ở đầu kỳ; tổ dân phố không thuộc diện xét.',
      cachTinh: scale('thôn, bản' + (s.tc_thon_ap_dung_to_dan_pho ? ', tổ dân phố' : '')),
      nguong: `Giảm ${scaleThreshold}.`,
      cachHieu: s.tc_thon_ap_dung_to_dan_pho
        ? 'Kế hoạch chỉ nêu "thôn, bản". Trang xét cả tổ dân phố (đơn vị tương ứng ở thị trấn), theo thiết lập đang dùng.'
        : null,
    }),
    TC_CAN_BO: () => ({
      apDung: 'Thành viên Ban Chỉ đạo được phân công phụ trách một xã, thị trấn.',
      cachTinh: 'Đếm số tiêu chí (tiêu chí 1, tiêu chí 2) mà xã được phân công đạt trong năm.',
      nguong: `Xã đạt ${thresholdWords(c.phep_so_sanh, c.nguong, ' tiêu chí')}.`,
      cachHieu: null,
    }),
    MT_HUYEN_A: () => ({
      apDung: 'Toàn huyện.',
      cachTinh: `${capitalise(rateDefinition(s))} toàn huyện (cộng từ mọi thôn) năm sau thấp hơn năm trước; ${fallWords(s)}.`,
      nguong: `Giảm ${rateThreshold} mỗi năm${upper}.`,
      cachHieu: null,
    }),
    MT_HUYEN_B: () => ({
      apDung: 'Toàn huyện.',
      cachTinh:
        `Tỷ lệ hộ nghèo trong số hộ dân tộc thiểu số năm sau thấp hơn năm trước; ${fallWords(s)}.` +
        (s.cach_tinh_muc_giam === 'tuong_doi' ? '' : ' Trang ghi thêm mức giảm tương đối để tham khảo.'),
      nguong: `Giảm ${rateThreshold} mỗi năm.`,
      cachHieu: null,
    }),
    MT_HUYEN_C: () => ({
      apDung: 'Các xã thuộc diện đặc biệt khó khăn đầu kỳ.',
      cachTinh:
        'Số xã đã có quyết định thoát diện đặc biệt khó khăn đến năm đánh giá. Ước tính theo tỷ lệ hộ nghèo chỉ để tham khảo, ghi rõ là ước tính.',
      nguong: `${capitalise(thresholdWords(c.phep_so_sanh, c.nguong, ' xã'))} thoát diện.`,
      cachHieu: null,
    }),
    MT_HUYEN_D: () => ({
      apDung: 'Các thôn, bản thuộc diện đặc biệt khó khăn đầu kỳ.',
      cachTinh:
        'Tỷ lệ thôn, bản đã có quyết định thoát diện đặc biệt khó khăn đến năm đánh giá. Ước tính theo tỷ lệ hộ nghèo chỉ để tham khảo.',
      nguong: `${capitalise(thresholdWords(c.phep_so_sanh, c.nguong, '%'))} số thôn, bản thoát diện.`,
      cachHieu: null,
    }),
  };
  const departures = [comparatorDeparture(c), numbersDeparture(c)].filter((d) => d !== null);
  const rule = rules[c.ma_tieu_chi]();
  const share = quotedShareNote(c);
  return {
    ...rule,
    cachHieu: [rule.cachHieu, share].filter((t) => t !== null).join(' ') || null,
    cachTinh: rule.cachTinh + standardChangeWords(c, s),
    khacKeHoach: departures.length ? departures.join(' ') : null,
  };
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** One sentence a citizen can read on a unit's page: the rule as judged, not as first written. */
export function criterionSentence(c: CriterionRow, s: Settings): string {
  const m = criterionMethod(c, s);
  return `${m.cachTinh} Ngưỡng: ${m.nguong.charAt(0).toLowerCase()}${m.nguong.slice(1)}`;
}

/** An exact comparison at the threshold, told with the comparator in force. */
function exactnessExample(c: CriterionRow, unit: string): string {
  const at = `${num(c.nguong)}${unit}`;
  return c.phep_so_sanh === '>='
    ? `giảm đúng ${at} là đạt ("${thresholdWords('>=', c.nguong, unit)}")`
    : `giảm đúng ${at} là chưa đạt ("${thresholdWords('>', c.nguong, unit)}")`;
}

/**
 * Which standard each review year of the period follows, in words ("Kỳ rà soát năm 2026 theo …; từ kỳ rà
 * soát năm 2027 áp dụng …"), and that figures under two standards are never compared.
 */
export function standardsWords(s: Settings): string {
  const starts = [s.nam_goc, ...changesInPeriod(s)];
  const parts = starts.map((from, i) => {
    const p = povertyStandard(s, from);
    const standard = described(p);
    // A standard the code does not know is named by its first year: say it once.
    if (i > 0) return `từ kỳ rà soát năm ${from} áp dụng ${p.van_ban || p.thu_nhap ? standard : 'một chuẩn nghèo mới'}`;
    const next = starts[1];
    if (next === undefined) return `Các kỳ rà soát từ năm ${from} theo ${standard}`;
    return next - 1 === from
      ? `Kỳ rà soát năm ${from} vẫn theo ${standard}`
      : `Các kỳ rà soát từ năm ${from} đến năm ${next - 1} theo ${standard}`;
  });
  const why =
    starts.length > 1
      ? 'Chuẩn nghèo mới đổi mức thu nhập và cách xác định hộ nghèo, nên tỷ lệ và quy mô hộ nghèo theo hai chuẩn ' +
        'không được so sánh với nhau'
      : 'Số liệu theo chuẩn nghèo trước đó (nếu có) không được so sánh với số liệu theo chuẩn này';
  return `${parts.join('; ')}. ${why}; biểu đồ ngắt đường ở chỗ đổi chuẩn.`;
}

function described(p: ReturnType<typeof povertyStandard>): string {
  const notes = [p.van_ban, incomeLineWords(p)].filter((n) => n !== null);
  return notes.length ? `${p.ten} (${notes.join('; ')})` : p.ten;
}

/** How a scale criterion treats a change of standard inside the period, in words. */
function treatmentWords(s: Settings, criterion: string): string {
  const treatment = criterion === 'tiêu chí thôn' ? s.doi_chuan_tc_thon : s.doi_chuan_tc_xa_2;
  const changes = changesInPeriod(s);
  const rule =
    treatment === 'khong_so_sanh'
      ? `Khi chuẩn nghèo đổi trong giai đoạn, ${criterion} không so sánh quy mô theo chuẩn mới với đầu kỳ theo chuẩn cũ: ` +
        'các năm đó có kết quả "Không áp dụng", kèm lý do.'
      : `Khi chuẩn nghèo đổi trong giai đoạn, ${criterion} lấy lần rà soát đầu tiên theo chuẩn mới làm đầu kỳ mới: ` +
        'năm đó có kết quả "Không áp dụng" (chưa có gì để so sánh), các năm sau so với đầu kỳ mới.';
  return changes.length
    ? `${rule} Trong giai đoạn này chuẩn nghèo đổi từ kỳ rà soát năm ${changes.join(', năm ')}.`
    : `${rule} Trong giai đoạn này chỉ áp dụng một chuẩn nghèo, nên thiết lập này không ảnh hưởng kết quả.`;
}

export interface SettingMethod {
  label: string;
  dangDung: string;
  macDinh: string;
  yNghia: string;
  /** Set when the value in force contradicts the plan's own definition, not only reads an ambiguity. */
  khacKeHoach: string | null;
}

/** The settings that decide how the plan is read, in the order the page lists them. */
export const INTERPRETATION_SETTINGS: readonly SettingKey[] = [
  'nam_goc',
  'nam_ap_dung_chuan_ngheo',
  'doi_chuan_tc_xa_2',
  'doi_chuan_tc_thon',
  'nam_so_ket',
  'nam_tong_ket',
  'quy_mo_gom',
  'ty_le_ngheo_gom',
  'cach_tinh_muc_giam',
  'nam_xet_quy_mo',
  'tc_thon_ap_dung_to_dan_pho',
  'nguong_uoc_tinh_thoat_dbkk',
];

const LABELS: Record<string, string> = {
  ...SCALE_BASES,
  ...CHANGE_MEASURES,
  ...SCALE_YEARS,
  ...STANDARD_CHANGE_TREATMENTS,
};
function shown(v: unknown): string {
  if (Array.isArray(v)) return v.map(shown).join('; ');
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return Number.isInteger(v) && v > 1900 ? String(v) : num(v);
  return LABELS[String(v)] ?? String(v);
}

function settingMeaning(k: SettingKey, s: Settings): { yNghia: string; khacKeHoach: string | null } {
  switch (k) {
    case 'nam_goc':
      return {
        yNghia: `Đầu kỳ là kết quả rà soát cuối năm ${s.nam_goc}; mọi mức giảm quy mô so với năm này.`,
        khacKeHoach: null,
      };
    case 'nam_ap_dung_chuan_ngheo':
      return { yNghia: standardsWords(s), khacKeHoach: null };
    case 'doi_chuan_tc_xa_2':
    case 'doi_chuan_tc_thon':
      return {
        yNghia: treatmentWords(s, k === 'doi_chuan_tc_thon' ? 'tiêu chí thôn' : 'tiêu chí 2 của xã'),
        khacKeHoach: null,
      };
    case 'nam_so_ket':
      return { yNghia: `Kết quả năm ${s.nam_so_ket} được đánh dấu là đợt sơ kết.`, khacKeHoach: null };
    case 'nam_tong_ket':
      return { yNghia: `Kết quả năm ${s.nam_tong_ket} được đánh dấu là đợt tổng kết.`, khacKeHoach: null };
    case 'quy_mo_gom':
      return {
        yNghia: `Quy mô dùng cho tiêu chí 2 của xã và tiêu chí thôn là ${scaleHouseholds(s)}.`,
        khacKeHoach:
          s.quy_mo_gom === 'chi_ngheo'
            ? 'Khác kế hoạch: chú thích 1 của kế hoạch định nghĩa quy mô là số hộ nghèo cộng số hộ cận nghèo. Thiết lập này bỏ hộ cận nghèo, nên kết quả không theo đúng định nghĩa của kế hoạch.'
            : null,
      };
    case 'ty_le_ngheo_gom':
      return {
        yNghia: `Tiêu chí 1 của xã và mục tiêu A dùng ${rateDefinition(s)}.`,
        khacKeHoach:
          s.ty_le_ngheo_gom === 'chi_ngheo'
            ? 'Khác kế hoạch: kế hoạch dùng "tỷ lệ nghèo đa chiều", mà thống kê quốc gia tính gồm cả hộ cận nghèo. Thiết lập này chỉ tính hộ nghèo.'
            : null,
      };
    case 'cach_tinh_muc_giam':
      return {
        yNghia:
          `Mức giảm tỷ lệ hằng năm (tiêu chí 1, mục tiêu A, B) là ${fallWords(s)}. ` +
          'Kế hoạch ghi mức giảm bằng "%" mà không nói rõ là điểm phần trăm hay phần trăm tương đối.',
        khacKeHoach: null,
      };
    case 'nam_xet_quy_mo':
      return {
        yNghia: `Quy mô "tại thời điểm xét khen thưởng" (chú thích 1 của kế hoạch) lấy ${scaleYearWords(s)}.`,
        khacKeHoach: null,
      };
    case 'tc_thon_ap_dung_to_dan_pho':
      return {
        yNghia: s.tc_thon_ap_dung_to_dan_pho
          ? 'Tiêu chí thôn xét cả thôn, bản và tổ dân phố. Kế hoạch chỉ nêu "thôn, bản"; xét cả tổ dân phố là cách hiểu mở rộng.'
          : 'Tiêu chí thôn chỉ xét thôn, bản, đúng lời kế hoạch; tổ dân phố có kết quả "Không áp dụng".',
        khacKeHoach: null,
      };
    case 'nguong_uoc_tinh_thoat_dbkk':
      return {
        yNghia: `Một xã, thôn chưa có quyết định thoát diện đặc biệt khó khăn nhưng có tỷ lệ hộ nghèo dưới ${num(s.nguong_uoc_tinh_thoat_dbkk)}% được ghi là "ước tính", không tính là đã thoát.`,
        khacKeHoach: null,
      };
    default:
      return { yNghia: SETTINGS[k].description, khacKeHoach: null };
  }
}

export function settingMethod(k: SettingKey, s: Settings): SettingMethod {
  const def = SETTINGS[k];
  const unit = (def.type as unknown) === percent ? '%' : '';
  return {
    label: def.label,
    dangDung: shown(s[k]) + unit,
    macDinh: shown(def.default) + unit,
    ...settingMeaning(k, s),
  };
}

/** The methodology page's words, section by section. */
export interface MethodText {
  khaiNiem: string[];
  chinhXac: string;
  tieuChi: (CriterionMethod & { id: CriterionId; ten: string; loiKeHoach: string; canCu: string })[];
  thietLap: SettingMethod[];
}

export function methodText(s: Settings, criteria: readonly CriterionRow[]): MethodText {
  const byId = new Map(criteria.map((c) => [c.ma_tieu_chi, c]));
  const examples: string[] = [];
  const c1 = byId.get('TC_XA_1');
  const c2 = byId.get('TC_XA_2');
  if (c2) examples.push(`với tiêu chí 2 của xã, ${exactnessExample(c2, '%')}`);
  if (c1) examples.push(`với tiêu chí 1, ${exactnessExample(c1, fallUnit(s))}`);
  return {
    khaiNiem: [
      'Tỷ lệ hộ nghèo = số hộ nghèo / tổng số hộ. Tỷ lệ hộ cận nghèo = số hộ cận nghèo / tổng số hộ.',
      'Tỷ lệ nghèo đa chiều = (số hộ nghèo + số hộ cận nghèo) / tổng số hộ, như cách thống kê quốc gia.',
      `Tỷ lệ dùng để xét tiêu chí 1 của xã và mục tiêu A là ${rateDefinition(s)}.`,
      `Quy mô = ${scaleHouseholds(s)}, tính ${scaleYearWords(s)}.`,
      `Đầu kỳ là kết quả rà soát cuối năm ${s.nam_goc}. ${standardsWords(s)}`,
      'Sơ bộ và chính thức: kết quả rà soát được báo cáo sơ bộ trước ngày 15/11 và chính thức khi có quyết định công nhận. Mỗi số liệu và mỗi kết quả ghi rõ số liệu nào là sơ bộ.',
      'Số liệu của xã, thị trấn là tổng của các thôn, bản, tổ dân phố; của huyện là tổng các xã. Khi thiếu số liệu của một thôn, tổng của xã không được tính.',
      `Đợt sơ kết là năm ${s.nam_so_ket}; đợt tổng kết là năm ${s.nam_tong_ket}.`,
    ],
    chinhXac:
      'Phép so sánh được tính chính xác trên phân số, không làm tròn' +
      (examples.length ? `: ${examples.join('; ')}.` : '.'),
    tieuChi: criteria.map((c) => ({
      id: c.ma_tieu_chi,
      ten: c.ten_tieu_chi,
      loiKeHoach: c.mo_ta,
      canCu: c.can_cu_phap_ly,
      ...criterionMethod(c, s),
    })),
    thietLap: INTERPRETATION_SETTINGS.map((k) => settingMethod(k, s)),
  };
}

/** The methodology as plain text, one statement a line: what the golden files hold and a reviewer reads. */
export function methodPlainText(m: MethodText): string {
  const lines: string[] = ['# Khái niệm', ...m.khaiNiem.map((t) => `- ${t}`), '', m.chinhXac, '', '# Tiêu chí'];
  for (const c of m.tieuChi) {
    lines.push(`## ${c.ten}`, `Kế hoạch ghi: ${c.loiKeHoach}`, `Áp dụng cho: ${c.apDung}`, `Cách tính: ${c.cachTinh}`);
    lines.push(`Ngưỡng: ${c.nguong}`);
    if (c.cachHieu) lines.push(`Cách hiểu: ${c.cachHieu}`);
    if (c.khacKeHoach) lines.push(`⚠ ${c.khacKeHoach}`);
    lines.push(`Căn cứ: ${c.canCu}`);
  }
  lines.push('', '# Thiết lập');
  for (const t of m.thietLap) {
    lines.push(`## ${t.label}: ${t.dangDung} (mặc định: ${t.macDinh})`, t.yNghia);
    if (t.khacKeHoach) lines.push(`⚠ ${t.khacKeHoach}`);
  }
  return lines.join('\n') + '\n';
}
