import { personalNumberIn } from './personal.ts';
import { cleanText, CONVERT_WITH_UNIKEY, hiddenCharacter, legacyEncoding, matchKey } from './text.ts';

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
    ? bad(
        `Ô chứa lỗi công thức Excel "${raw.trim()}". Sửa công thức trong bảng tính (hoặc nhập số liệu trực tiếp) rồi xuất lại tệp.`,
      )
    : null;
}

/** Whole part and decimals a figure of this contract can need; more is a typing or export slip. */
const MAX_DIGITS = 9;
export const MAX_DECIMALS = 4;

/**
 * Whole, non-negative counts: "1234", "1.234", "1 234". A fraction or a sign is an error. `what`
 * names what is counted in messages ("số hộ, số người", "số năm"), as the steward reads it.
 */
function wholeNumber(what: string): CellType<number> {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  return {
    name: 'số nguyên ≥ 0 (có thể viết 1.234)',
    parse(raw) {
      const spaced = raw.trim();
      const s = spaced.replace(/[\s\u00A0\u202F]/g, '');
      if (/^-/.test(s)) return bad(`${What} không thể âm ("${raw.trim()}"). Nhập số ≥ 0.`);
      // A space may group thousands ("1 234"), nothing else: "31 12" is two numbers run together.
      if (s !== spaced && !/^\d{1,3}([\s\u00A0\u202F]\d{3})+$/.test(spaced)) {
        return bad(
          `"${spaced}" có dấu cách giữa các chữ số nhưng không phải cách viết hàng nghìn (1 234). ` +
            'Kiểm tra ô có bị dính hai số vào nhau không, rồi viết lại số liền (1234) hoặc với dấu chấm (1.234).',
          'type-error',
        );
      }
      const digits = /^\d+$/.test(s) ? s : /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : null;
      if (digits !== null) {
        return digits.replace(/^0+/, '').length <= MAX_DIGITS
          ? ok(Number(digits))
          : bad(
              `"${raw.trim()}" quá lớn cho một ${what} (tối đa ${MAX_DIGITS} chữ số). ` +
                'Kiểm tra ô có bị dính hai số vào nhau không.',
              'constraint-error',
            );
      }
      if (/^\d+,\d+$/.test(s) || /^\d+\.\d+$/.test(s)) {
        return bad(
          `"${raw.trim()}" không phải số nguyên. ${What} phải là số nguyên; kiểm tra lại công thức hoặc bỏ phần thập phân. Dấu chấm chỉ dùng để phân cách hàng nghìn (1.234).`,
        );
      }
      return bad(`"${raw.trim()}" không phải là số. Nhập số nguyên, ví dụ 1234 hoặc 1.234.`);
    },
  };
}

/** Households and people. */
export const count = wholeNumber('số hộ, số người');
/** A number of years (consecutive years a criterion needs). */
export const yearCount = wholeNumber('số năm');

/**
 * Decimal numbers written the Vietnamese way: "41,6", "41,6%", "60", "1.234,5". A lone dot is
 * refused either way: "41.6" is an English decimal point, and "4.125" could be 4125 (a thousands
 * dot) or 4,125 (a decimal written the English way), so it is refused as ambiguous.
 */
export const decimal: CellType<number> = {
  name: `số (dấu phẩy thập phân, tối đa ${MAX_DECIMALS} chữ số thập phân, có thể có %: 41,6 hoặc 41,6%)`,
  parse(raw) {
    const shown = raw.trim();
    const s = shown.replace(/[\s\u00A0\u202F]/g, '').replace(/%$/, '');
    const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
    if (m) {
      const whole = (m[2] ?? '').replace(/\./g, '');
      const part = m[3] ?? '';
      if (m[3] === undefined && whole !== m[2]) {
        const comma = s.replace('.', ',');
        return bad(
          `"${shown}" không rõ nghĩa: dấu chấm có thể là phân cách hàng nghìn (${Number(whole)}) hoặc ` +
            `dấu thập phân kiểu Anh (${comma}). Cột này là số thập phân: viết dấu phẩy thập phân (ví dụ ${comma}) ` +
            `hoặc bỏ dấu chấm (${whole}).`,
        );
      }
      if (part.length > MAX_DECIMALS) {
        const rounded = `${m[1]}${whole},${part.slice(0, MAX_DECIMALS).replace(/0+$/, '') || '0'}`;
        return bad(
          `"${shown}" có ${part.length} chữ số sau dấu phẩy; cột này nhận tối đa ${MAX_DECIMALS}. ` +
            `Làm tròn số (ví dụ ${rounded}), hoặc kiểm tra lại ô.`,
          'constraint-error',
        );
      }
      if (whole.replace(/^0+/, '').length > MAX_DIGITS) {
        return bad(`"${shown}" quá lớn (phần nguyên tối đa ${MAX_DIGITS} chữ số). Kiểm tra lại ô.`, 'constraint-error');
      }
      return ok(Number(`${m[1]}${whole}.${part || '0'}`));
    }
    if (/^-?\d+\.\d+$/.test(s)) {
      return bad(`"${shown}" dùng dấu chấm thập phân. Theo cách viết Việt Nam, viết dấu phẩy: ${s.replace('.', ',')}.`);
    }
    return bad(`"${shown}" không phải là số. Viết ví dụ 41,6 hoặc 60.`);
  },
};

/** A share in percent, 0 to 100. */
export const percent: CellType<number> = {
  name: 'tỷ lệ phần trăm từ 0 đến 100 (dấu phẩy thập phân: 15 hoặc 12,5)',
  parse(raw) {
    const r = decimal.parse(raw);
    if (!r.ok || (r.value >= 0 && r.value <= 100)) return r;
    return bad(`${raw.trim()} không phải tỷ lệ phần trăm: ghi số từ 0 đến 100.`, 'constraint-error');
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
      return v
        ? ok(v)
        : bad(`"${raw.trim()}" không phải giá trị hợp lệ. Chọn một trong: ${listed}.`, 'constraint-error');
    },
  };
}

const PLACEHOLDER_QUESTION = /\?/;

/** Longest text each kind of cell takes: enough for any real name, code or note; more is a slip. */
export const MAX_LENGTH = { name: 120, code: 40, free: 1000, link: 300 } as const;

type TextKind = 'name' | 'free' | 'public-contact';

const TEXT_NAMES: Record<TextKind, string> = {
  name: `tên (chữ tiếng Việt có dấu, Unicode; tối đa ${MAX_LENGTH.name} ký tự)`,
  free: `văn bản (tối đa ${MAX_LENGTH.free} ký tự)`,
  'public-contact': `văn bản (tối đa ${MAX_LENGTH.free} ký tự)`,
};

/** Problems every text shares: hidden characters, legacy-font encoding, length. */
function textProblem(raw: string, s: string, strict: boolean, max: number, what: string): Parsed<never> | null {
  const hidden = hiddenCharacter(raw, strict);
  if (hidden) {
    return bad(
      `${what} chứa ${hidden}, không nhìn thấy được nhưng làm sai cách hiển thị hoặc tìm kiếm. ` +
        'Gõ lại ô này (không dán từ trang web hoặc Word), rồi xuất lại tệp.',
      'constraint-error',
    );
  }
  const legacy = legacyEncoding(s);
  if (legacy) {
    return bad(
      `${what} "${s.slice(0, 60)}" có vẻ được gõ bằng bảng mã ${legacy} (phông chữ cũ như .VnTime, ` +
        `VNI-Times), không phải Unicode, nên hiển thị sai chữ. ${CONVERT_WITH_UNIKEY}`,
      'encoding-error',
    );
  }
  if (s.length > max) {
    return bad(
      `${what} dài ${s.length} ký tự, quá ${max} ký tự cho phép. Viết ngắn lại, hoặc kiểm tra ô có bị ` +
        'dính nội dung của ô khác không.',
      'constraint-error',
    );
  }
  return null;
}

/**
 * Free text. Names additionally refuse text that lost its Vietnamese letters, and any hidden
 * character. Only 'public-contact' text (an agency's own phone line) may hold a phone number.
 */
export function text(kind: TextKind = 'free'): CellType<string> {
  const isName = kind === 'name';
  return {
    name: TEXT_NAMES[kind],
    parse(raw) {
      const s = cleanText(raw);
      if (isName && PLACEHOLDER_QUESTION.test(s)) {
        return bad(
          `Tên "${s}" có dấu "?" thay cho chữ tiếng Việt: tệp đã được lưu bằng bảng mã không có tiếng Việt và dữ liệu đã mất. Lưu lại từ bảng tính gốc bằng "CSV UTF-8".`,
          'encoding-error',
        );
      }
      const max = isName ? MAX_LENGTH.name : MAX_LENGTH.free;
      const problem = textProblem(raw, s, isName, max, isName ? 'Tên' : 'Văn bản');
      if (problem) return problem;
      const personal = kind === 'public-contact' ? null : personalNumber(s);
      if (personal) return bad(personal, 'constraint-error');
      return ok(s);
    },
  };
}

/** Codes of units, decisions and entries: letters, digits, dot, dash, slash, underscore. */
export const code: CellType<string> = {
  name: `mã (chữ, số, - . / _; tối đa ${MAX_LENGTH.code} ký tự)`,
  parse(raw) {
    const hidden = hiddenCharacter(raw, true);
    if (hidden) return bad(`Mã chứa ${hidden}. Gõ lại mã (không dán từ trang web hoặc Word).`, 'constraint-error');
    const s = cleanText(raw);
    if (!/^[0-9A-Za-z][0-9A-Za-z./_-]*$/.test(s)) {
      return bad(
        `Mã "${s}" chứa ký tự không hợp lệ. Mã chỉ gồm chữ không dấu, số và các dấu - . / _ (không có khoảng trắng).`,
      );
    }
    return s.length <= MAX_LENGTH.code
      ? ok(s)
      : bad(
          `Mã dài ${s.length} ký tự, quá ${MAX_LENGTH.code} ký tự cho phép (mã dùng làm đường dẫn). ` +
            'Dùng mã ngắn hơn.',
          'constraint-error',
        );
  },
};

/** A list in one cell, separated by "|" or ";" (e.g. other spellings of a name). */
export const nameList: CellType<string[]> = {
  name: `danh sách tên, cách nhau bởi "|" hoặc ";" (mỗi tên tối đa ${MAX_LENGTH.name} ký tự)`,
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
  name: `đường dẫn (https://… hoặc tên bài viết; tối đa ${MAX_LENGTH.link} ký tự)`,
  parse(raw) {
    const s = cleanText(raw);
    if ((s.length <= MAX_LENGTH.link && /^https:\/\/[^\s"'<>]+$/.test(s)) || /^[a-z0-9][a-z0-9-]*$/.test(s))
      return ok(s);
    return bad(
      `"${s}" không phải đường dẫn hợp lệ. Dùng đường dẫn bắt đầu bằng https:// hoặc tên bài viết không dấu (ví dụ ho-ong-a-nuong).`,
      'constraint-error',
    );
  },
};

/**
 * A run of 9–12 digits reads as an ID number (CMND 9, CCCD 12) or a phone number (10, +84…).
 * Such text must never be published, so it is refused where it appears in data meant for the site.
 */
export function personalNumber(value: string): string | null {
  const found = personalNumberIn(value);
  return found === null
    ? null
    : `Văn bản có dãy số "${found}" giống số CMND/CCCD hoặc số điện thoại. ` +
        'Không đưa số giấy tờ, số điện thoại cá nhân vào dữ liệu công khai: xóa dãy số này.';
}
