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

export function decodeCsv(file: string, bytes: Uint8Array): Decoded {
  const fail = (code: string, message: string): Decoded => ({
    ok: false,
    issue: makeIssue('error', { file }, code, message),
  });

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail('format-error', `Tệp này là tệp Excel .xlsx được đổi tên thành .csv, không phải CSV. ${SAVE_AS_UTF8}`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail('format-error', `Tệp này là tệp Excel .xls (đời cũ) được đổi tên thành .csv, không phải CSV. ${SAVE_AS_UTF8}`);
  }

  let text: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
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
  if (text.includes('\u0000')) {
    return fail('encoding-error', `Tệp chứa ký tự rỗng (NUL): có thể là tệp nhị phân hoặc sai bảng mã. ${SAVE_AS_UTF8}`);
  }
  return { ok: true, text: text.normalize('NFC') };
}
