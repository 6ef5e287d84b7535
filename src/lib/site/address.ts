import { makeIssue, type Issue } from '../ingest/issues.ts';
import { settingsTable, siteAddress } from '../schemas/settings.ts';

// Where the site is published. The setting `dia_chi_trang` gives it; the environment variable
// CHUNG_TAY_SITE_URL overrides it for a test build served elsewhere. Its path is the base path that
// every link is written under (withBase in paths.ts).

export const SITE_URL_VARIABLE = 'CHUNG_TAY_SITE_URL';

export type AddressResult = { address: string; issue: null } | { address: null; issue: Issue };

/** The address the site is built for, or the error that names the fix. */
export function effectiveSiteAddress(setting: string, override: string | undefined): AddressResult {
  const at = { file: settingsTable.file, field: 'dia_chi_trang' };
  if (override) {
    const parsed = siteAddress.parse(override);
    if (parsed.ok) return { address: parsed.value, issue: null };
    const message = `Biến môi trường ${SITE_URL_VARIABLE} (thay cho thiết lập "dia_chi_trang"): ${parsed.message}`;
    return { address: null, issue: makeIssue('error', { ...at, value: override }, parsed.code, message) };
  }
  if (setting) return { address: setting, issue: null };
  const message =
    'Thiếu thiết lập "dia_chi_trang" (Địa chỉ trang): địa chỉ đầy đủ nơi trang được đăng, dùng cho liên kết chia sẻ, ' +
    'sơ đồ trang và tin RSS. Thêm một dòng "dia_chi_trang" với địa chỉ đó, ' +
    'ví dụ https://phongtho.laichau.gov.vn/chung-tay/';
  return { address: null, issue: makeIssue('error', at, 'missing-cell', message) };
}

/** The folder the site is served from: "/" or e.g. "/chung-tay/". */
export const basePath = (address: string): string => new URL(address).pathname;
