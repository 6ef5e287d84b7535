import { matchKey } from './text.ts';

// Columns that carry personal data are refused whatever their spelling: the site publishes
// aggregates and award decisions, never data about a person (Law 91/2025/QH15, Nghị định
// 356/2025/NĐ-CP; ethnicity, religion and health are sensitive data). Headers are compared as
// match keys (no case, diacritics or punctuation), with spelled-out acronyms joined ("C.M.N.D").

export interface PersonalKind {
  /** What the column holds, as data/README.md and messages say it. */
  what: string;
  /** Word sequences (match keys) that name such a column. */
  words: readonly string[];
  /** A count or share of households or people ("Số hộ dân tộc thiểu số") is not personal data. */
  countsAllowed: boolean;
}

/** Word sequences, "|"-separated, as match keys. */
const kind = (what: string, countsAllowed: boolean, words: string): PersonalKind => ({
  what,
  countsAllowed,
  words: words.split('|'),
});

export const PERSONAL_KINDS: readonly PersonalKind[] = [
  kind(
    'số giấy tờ tùy thân (CCCD, CMND, CMT, số định danh cá nhân, hộ chiếu)',
    false,
    'cccd|cmnd|cmt|cmtnd|can cuoc|chung minh|dinh danh|ho chieu|passport|giay to tuy than|so giay to|bhxh|bhyt|' +
      'the bao hiem|so tai khoan|stk',
  ),
  kind('số điện thoại, Zalo', false, 'dien thoai|sdt|so dt|dtdd|di dong|zalo|phone|mobile|hotline'),
  kind(
    'ngày, năm sinh hoặc tuổi',
    false,
    'ngay sinh|nam sinh|sinh ngay|sinh nam|thang nam sinh|ngay thang nam sinh|sn|tuoi|dob|birth|birthday',
  ),
  kind('giới tính', true, 'gioi tinh|nam nu|nam hay nu|gender|sex'),
  kind('dân tộc, tôn giáo của người, hộ', true, 'dan toc|dtts|ton giao|theo dao|ethnic|ethnicity|religion'),
  kind('sức khỏe, khuyết tật', true, 'suc khoe|benh|benh tat|khuyet tat|tan tat|thuong binh|disability|health'),
  kind(
    'số nhà, địa chỉ chi tiết, nơi ở',
    false,
    'dia chi|so nha|noi o|cho o|thuong tru|tam tru|ho khau|que quan|noi sinh|duong pho|address',
  ),
  kind(
    'thành viên, nhân khẩu của hộ, họ tên người',
    true,
    'thanh vien|nhan khau|chu ho|ho ten|ho va ten|ten chu ho|quan he voi chu ho|vo chong|ten vo|ten chong|' +
      'ten con|members',
  ),
];

// Headers that count or share out people: "Số hộ dân tộc thiểu số", "Tỷ lệ hộ có người khuyết tật".
const COUNT_PREFIX = /^(so ho|so khau|so nguoi|so nhan khau|so luong|tong so|ty le|so thanh vien)( |$)/;

/** Joins letters typed apart: "c m n d" → "cmnd". */
const joinLetters = (key: string) => key.replace(/\b([a-z0-9]) (?=[a-z0-9]\b)/g, '$1');

/** The kind of personal data a column header names, or null. */
export function personalColumn(header: string): PersonalKind | null {
  const key = joinLetters(matchKey(header));
  const padded = ` ${key} `;
  for (const kind of PERSONAL_KINDS) {
    if (kind.countsAllowed && COUNT_PREFIX.test(key)) continue;
    if (kind.words.some((w) => padded.includes(` ${w} `))) return kind;
  }
  return null;
}

// Numbers that identify a person, the same for input text (values.ts) and for the built site's last scan
// (domain/output-scan.ts). Neither letters nor digits nor the joiners of hashes, codes and decimals
// (41,6 or 0.5) may touch them; a sum of money ("125000000 đồng") is not one.
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}+/=_.-])(?<!\d,)`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}+/=_-]|[.,]\d)(?!\s*(?:đồng|đ|vnđ|vnd|triệu|tỷ|nghìn|ngàn|usd|%)(?!\p{L}))`;
/** CMND has 9 digits, CCCD 12 (also written in four groups of three). */
export const ID_NUMBER = new RegExp(`${EDGE_BEFORE}(?:\\d{9}|\\d{12}|\\d{3}(?: \\d{3}){3})${EDGE_AFTER}`, 'gu');
/** Vietnamese phones: 0 or +84, a first group of at least two more digits, then digits in any grouping. */
export const PHONE = new RegExp(`${EDGE_BEFORE}(?:\\+84[ .]?|0)\\d{2,}(?:[ .]?\\d)+${EDGE_AFTER}`, 'gu');

/** Digits of a phone number in the national form (0…): how published contact numbers are compared. */
export function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return text.trim().startsWith('+84') ? `0${digits.slice(2)}` : digits;
}

const isPhone = (match: string) => [10, 11].includes(phoneDigits(match).length);

/** Every phone-like number in a text (e.g. the agency's published contact line), as national digits. */
export function phonesIn(text: string): string[] {
  return [...text.matchAll(PHONE)]
    .map((m) => m[0])
    .filter(isPhone)
    .map(phoneDigits);
}

/** The first number in a text that reads as an ID card or a phone number, if any. */
export function personalNumberIn(text: string): string | null {
  return text.match(ID_NUMBER)?.[0] ?? [...text.matchAll(PHONE)].map((m) => m[0]).find(isPhone) ?? null;
}
