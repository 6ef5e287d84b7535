import { makeIssue, type Issue } from './issues.ts';

// How Excel on Windows saves: "CSV UTF-8" (UTF-8 with BOM), "Unicode Text" (UTF-16LE with BOM,
// tab-separated), "CSV (Comma delimited)" (windows-1258 on Vietnamese Windows, "?" for every
// Vietnamese letter on English Windows). Only the first two keep the data intact.

export type Decoded = { ok: true; text: string } | { ok: false; issue: Issue };

const SAVE_AS_UTF8 =
  'Mở tệp bằng Excel, chọn Tệp → Lưu thành → kiểu "CSV UTF-8 (Comma delimited) (*.csv)", rồi chạy lại.';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte-order mark: most ASCII characters leave a zero byte on one side. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.3 && oddZero < half * 0.05) return 'utf-16be';
  return null;
}

// UTF-8 opened as windows-1252 and saved again as UTF-8: every Vietnamese letter becomes two or
// three characters ("Xã" → "XÃ£", "ư" → "Æ°", "đ" → "Ä‘", "ở" → "á»Ÿ"). Real text never has
// these pairs: a capital Ã Ä Å Æ before a Latin-1 symbol or a windows-1252 punctuation mark.
const CP1252_MARKS =
  '\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u0152\u0153\u0160\u0161' +
  '\u0178\u017D\u017E\u0192\u02C6\u02DC\u20AC\u2122';
const MOJIBAKE = new RegExp(`[ÃÄÅÆ][\u0080-\u00BF${CP1252_MARKS}]|á[º»]`);

/** The line (1-based) a character offset falls on, whatever the line endings. */
const lineAt = (text: string, index: number) => text.slice(0, index).split(/\r\n?|\n/).length;

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

export function decodeCsv(file: string, bytes: Uint8Array): Decoded {
  const fail = (code: string, message: string, line: number | null = null): Decoded => ({
    ok: false,
    issue: makeIssue('error', { file, line }, code, message),
  });

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail(
      'format-error',
      'Tệp này là tệp Excel .xlsx được đổi tên thành .csv, không phải CSV. Đổi đuôi tệp ' +
        `lại thành .xlsx (trang đọc được tệp Excel), hoặc lưu thành CSV: ${lowerFirst(SAVE_AS_UTF8)}`,
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail(
      'format-error',
      `Tệp này là tệp Excel .xls (đời cũ) được đổi tên thành .csv, không phải CSV. ${SAVE_AS_UTF8}`,
    );
  }

  const hasBom16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const noBom = hasBom16 ? null : utf16WithoutBom(bytes);
  if (noBom) {
    const order = noBom === 'utf-16le' ? 'little-endian' : 'big-endian';
    return fail(
      'encoding-error',
      `Tệp được lưu dạng UTF-16 (${order}) nhưng thiếu dấu BOM ở đầu tệp, nên không biết chắc bảng mã. ` + SAVE_AS_UTF8,
    );
  }

  let text: string;
  if (hasBom16) {
    const le = bytes[0] === 0xff;
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  } else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return fail(
        'encoding-error',
        `Tệp không phải UTF-8 (có thể được lưu bằng "CSV (Comma delimited)" với bảng mã Windows-1258, làm hỏng dấu tiếng Việt). ${SAVE_AS_UTF8}`,
      );
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = lineAt(text, nul);
    return fail(
      'encoding-error',
      `Tệp chứa ký tự rỗng (NUL) ở dòng ${line}: tệp có thể bị hỏng khi sao chép, là tệp nhị phân hoặc sai bảng mã. ` +
        `Mở tệp, xóa ký tự lạ ở dòng này (hoặc xuất lại từ bảng tính). ${SAVE_AS_UTF8}`,
      line,
    );
  }
  if (/^\s*<(!doctype|html|table|\?xml|meta|head)/i.test(text)) {
    return fail(
      'format-error',
      'Tệp là trang web (HTML), không phải CSV: thường do Excel "Lưu thành trang web", hoặc tệp .xls tải từ phần ' +
        `mềm là bảng HTML đổi tên. Mở tệp bằng Excel rồi ${lowerFirst(SAVE_AS_UTF8)}`,
    );
  }
  const normalised = text.normalize('NFC');
  const garbled = MOJIBAKE.exec(normalised);
  if (garbled) {
    const line = lineAt(normalised, garbled.index);
    const sample = normalised.slice(garbled.index, garbled.index + 6).trim();
    return fail(
      'encoding-error',
      `Chữ tiếng Việt bị hỏng (ví dụ "${sample}" ở dòng ${line}, như "XÃ£" thay cho "Xã"): tệp UTF-8 đã bị mở ` +
        'bằng bảng mã khác rồi lưu lại. Lấy lại tệp gốc; nếu chỉ còn tệp này, mở Excel → Dữ liệu (Data) → Từ văn ' +
        'bản/CSV (From Text/CSV), chọn "Nguồn tệp" (File origin) là 65001: Unicode (UTF-8), kiểm tra chữ hiển thị ' +
        'đúng rồi lưu bằng "CSV UTF-8".',
      line,
    );
  }
  return { ok: true, text: normalised };
}
