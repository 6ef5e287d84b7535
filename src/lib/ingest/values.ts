import { cleanText, looksLikeLegacyFont, matchKey } from './text.ts';

// Cell types of the data contract. Each turns the raw text of one cell into a value, or says in
// Vietnamese what is wrong and how to fix it. No cell is ever typed by guessing (no dynamic typing).

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export interface CellType<T> {
  /** How the type is described in the data dictionary. */
  readonly name: string;
  parse(raw: string): Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string, code = 'type-error'): Parsed<never> => ({ ok: false, code, message });

const EXCEL_ERROR = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** An Excel error value is never data, whatever the column's type. */
export function excelError(raw: string): Parsed<never> | null {
  return EXCEL_ERROR.test(raw.trim())
    ? bad(`Ô chứa lỗi công thức Excel "${raw.trim()}". Sửa công thức trong bảng tính (hoặc nhập số liệu trực tiếp) rồi xuất lại tệp.`)
    : null;
}

/** Whole, non-negative counts: "1234", "1.234", "1 234". A fraction or a sign is an error. */
export const count: CellType<number> = {
  name: 'số nguyên ≥ 0 (có thể viết 1.234)',
  parse(raw) {
    const s = raw.trim().replace(/[\s\u00A0\u202F]/g, '');
    if (/^-/.test(s)) return bad(`Số hộ, số người không thể âm ("${raw.trim()}"). Nhập số ≥ 0.`);
    if (/^\d+$/.test(s)) return ok(Number(s));
    if (/^\d{1,3}(\.\d{3})+$/.test(s)) return ok(Number(s.replace(/\./g, '')));
    if (/^\d+,\d+$/.test(s) || /^\d+\.\d+$/.test(s)) {
      return bad(`"${raw.trim()}" không phải số nguyên. Số hộ, số người phải là số nguyên; kiểm tra lại công thức hoặc bỏ phần thập phân. Dấu chấm chỉ dùng để phân cách hàng nghìn (1.234).`);
    }
    return bad(`"${raw.trim()}" không phải là số. Nhập số nguyên, ví dụ 1234 hoặc 1.234.`);
  },
};

/** Decimal numbers written the Vietnamese way: "41,6", "41,6%", "60", "1.234,5". */
export const decimal: CellType<number> = {
  name: 'số (dấu phẩy thập phân, có thể có %: 41,6 hoặc 41,6%)',
  parse(raw) {
    const s = raw.trim().replace(/[\s\u00A0\u202F]/g, '').replace(/%$/, '');
    const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
    if (m) {
      const whole = (m[2] ?? '').replace(/\./g, '');
      return ok(Number(`${m[1]}${whole}.${m[3] ?? '0'}`));
    }
    if (/^-?\d+\.\d+$/.test(s)) {
      return bad(`"${raw.trim()}" dùng dấu chấm thập phân. Theo cách viết Việt Nam, viết dấu phẩy: ${s.replace('.', ',')}.`);
    }
    return bad(`"${raw.trim()}" không phải là số. Viết ví dụ 41,6 hoặc 60.`);
  },
};

export const year: CellType<number> = {
  name: 'năm (4 chữ số)',
  parse(raw) {
    const s = raw.trim();
    if (!/^\d{4}$/.test(s) || Number(s) < 1990 || Number(s) > 2100) {
      return bad(`"${s}" không phải là năm. Viết năm bằng 4 chữ số, ví dụ 2023.`);
    }
    return ok(Number(s));
  },
};

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Dates as dd/mm/yyyy (how Vietnamese Excel shows them) or yyyy-mm-dd; stored as ISO. */
export const date: CellType<string> = {
  name: 'ngày (dd/mm/yyyy hoặc yyyy-mm-dd)',
  parse(raw) {
    const s = raw.trim();
    let parts: [number, number, number] | null = null;
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!parts) return bad(`"${s}" không phải là ngày. Viết theo dạng ngày/tháng/năm, ví dụ 20/11/2025.`);
    const iso = isoDate(...parts);
    if (!iso) return bad(`Ngày "${s}" không có thật (tháng hoặc ngày vượt quá lịch). Kiểm tra lại ngày.`);
    return ok(iso);
  },
};

/** Yes/no cells as staff fill them in: có/không, x/blank handled by optional columns, 1/0. */
export const yesNo: CellType<boolean> = {
  name: 'có / không',
  parse(raw) {
    const k = matchKey(raw);
    if (['co', 'x', '1', 'dung', 'yes', 'true'].includes(k)) return ok(true);
    if (['khong', '0', 'sai', 'no', 'false'].includes(k)) return ok(false);
    return bad(`"${raw.trim()}" không phải là "có" hoặc "không".`);
  },
};

/** One of a fixed list of values, matched on key or Vietnamese label regardless of case and accents. */
export function choice<const V extends string>(options: Readonly<Record<V, string>>): CellType<V> {
  const entries = Object.entries(options) as [V, string][];
  // Exact values first: symbols such as ">=" and ">" have no letters for matchKey to compare.
  const exact = new Map<string, V>(entries.map(([value]) => [value, value]));
  const byKey = new Map<string, V>();
  for (const [value, label] of entries) {
    for (const k of [matchKey(value), matchKey(label)]) if (k) byKey.set(k, value);
  }
  const listed = entries.map(([value, label]) => `${value} (${label})`).join(', ');
  return {
    name: `một trong: ${listed}`,
    parse(raw) {
      const v = exact.get(raw.trim()) ?? byKey.get(matchKey(raw));
      return v ? ok(v) : bad(`"${raw.trim()}" không phải giá trị hợp lệ. Chọn một trong: ${listed}.`, 'constraint-error');
    },
  };
}

const PLACEHOLDER_QUESTION = /\?/;

/**
 * Free text. Names additionally refuse text that lost its Vietnamese letters or uses a legacy
 * font. Only 'public-contact' text (an agency's own phone line) may hold a phone number.
 */
export function text(kind: 'name' | 'free' | 'public-contact' = 'free'): CellType<string> {
  return {
    name: kind === 'name' ? 'tên (chữ tiếng Việt có dấu, Unicode)' : 'văn bản',
    parse(raw) {
      const s = cleanText(raw);
      if (kind === 'name') {
        if (PLACEHOLDER_QUESTION.test(s)) {
          return bad(`Tên "${s}" có dấu "?" thay cho chữ tiếng Việt: tệp đã được lưu bằng bảng mã không có tiếng Việt và dữ liệu đã mất. Lưu lại từ bảng tính gốc bằng "CSV UTF-8".`, 'encoding-error');
        }
        if (looksLikeLegacyFont(s)) {
          return bad(`Tên "${s}" có vẻ được gõ bằng phông chữ cũ (TCVN3/.VnTime hoặc VNI), không phải Unicode. Chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi xuất lại.`, 'encoding-error');
        }
      }
      const personal = kind === 'public-contact' ? null : personalNumber(s);
      if (personal) return bad(personal, 'constraint-error');
      return ok(s);
    },
  };
}

/** Codes of units, decisions and entries: letters, digits, dot, dash, slash, underscore. */
export const code: CellType<string> = {
  name: 'mã (chữ, số, - . / _)',
  parse(raw) {
    const s = cleanText(raw);
    return /^[0-9A-Za-z][0-9A-Za-z./_-]*$/.test(s)
      ? ok(s)
      : bad(`Mã "${s}" chứa ký tự không hợp lệ. Mã chỉ gồm chữ không dấu, số và các dấu - . / _ (không có khoảng trắng).`);
  },
};

/** A list in one cell, separated by "|" or ";" (e.g. other spellings of a name). */
export const nameList: CellType<string[]> = {
  name: 'danh sách tên, cách nhau bởi "|" hoặc ";"',
  parse(raw) {
    const names: string[] = [];
    for (const part of raw.split(/[|;]/)) {
      const r = text('name').parse(part);
      if (!r.ok) return r;
      if (r.value) names.push(r.value);
    }
    return ok(names);
  },
};

/** A relative path or an https link; never javascript: or other schemes. */
export const link: CellType<string> = {
  name: 'đường dẫn (https://… hoặc tên bài viết)',
  parse(raw) {
    const s = cleanText(raw);
    if (/^https:\/\/[^\s"'<>]+$/.test(s) || /^[a-z0-9][a-z0-9-]*$/.test(s)) return ok(s);
    return bad(`"${s}" không phải đường dẫn hợp lệ. Dùng đường dẫn bắt đầu bằng https:// hoặc tên bài viết không dấu (ví dụ ho-ong-a-nuong).`, 'constraint-error');
  },
};

/**
 * A run of 9–12 digits reads as an ID number (CMND 9, CCCD 12) or a phone number (10, +84…).
 * Such text must never be published, so it is refused where it appears in data meant for the site.
 */
export function personalNumber(value: string): string | null {
  for (const m of value.matchAll(/\+?\d[\d .-]{7,16}\d/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 9 && digits.length <= 12 && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(m[0])) {
      return `Văn bản có dãy số "${m[0]}" giống số CMND/CCCD hoặc số điện thoại. Không đưa số giấy tờ, số điện thoại cá nhân vào dữ liệu công khai: xóa dãy số này.`;
    }
  }
  return null;
}
