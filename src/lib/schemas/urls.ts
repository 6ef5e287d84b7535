import { column, defineTable, type RowOf } from '../ingest/table.ts';
import { cleanText } from '../ingest/text.ts';
import { code, text, type CellType } from '../ingest/values.ts';
import { SEGMENT_MAX } from '../site/paths.ts';

// Old URLs the data no longer produces, declared by the steward: each redirects to a unit or an
// award entry, or becomes a notice that the page was removed. Without a declaration, a build that
// would drop a URL recorded in duong-dan.lock is refused.

/** The lock file: every URL the site publishes, one per line, written by `npm run accept-urls`. */
export const LOCK_FILE = 'duong-dan.lock';

/** A page path as the site writes it: "/xa/ma-ly-pho/" (the final "/" may be left out). */
const pagePath: CellType<string> = {
  name: 'đường dẫn trang (bắt đầu và kết thúc bằng /)',
  parse(raw) {
    const s = cleanText(raw);
    const path = s.endsWith('/') ? s : `${s}/`;
    const segments = path.split('/').slice(1, -1);
    if (!/^(\/[a-z0-9][a-z0-9-]*)+\/$/.test(path)) {
      const message =
        `"${s}" không phải đường dẫn trang của trang này. Viết phần sau tên miền, bắt đầu bằng "/", ` +
        'chỉ gồm chữ thường không dấu, số, "-" và "/", ví dụ /xa/ma-ly-pho/.';
      return { ok: false, code: 'constraint-error', message };
    }
    if (segments.some((seg) => seg.length > SEGMENT_MAX)) {
      const message =
        `Đường dẫn "${s}" có một phần dài hơn ${SEGMENT_MAX} ký tự; trang này không bao giờ tạo ` +
        'đường dẫn như vậy. Kiểm tra lại đường dẫn trong duong-dan.lock.';
      return { ok: false, code: 'constraint-error', message };
    }
    return { ok: true, value: path };
  },
};

export const movedUrlsTable = defineTable({
  file: 'duong-dan-cu.csv',
  title: 'Đường dẫn cũ (không bắt buộc)',
  description:
    'Đường dẫn đã công khai (ghi trong duong-dan.lock) mà dữ liệu mới không còn tạo ra: chuyển đến ' +
    'trang của một đơn vị hoặc một mục vinh danh, hoặc thay bằng thông báo trang đã gỡ. Mỗi đường dẫn một dòng.',
  columns: [
    column(
      'duong_dan_cu',
      'Đường dẫn cũ',
      pagePath,
      true,
      'Đường dẫn cũ đúng như trong duong-dan.lock (phần sau tên miền).',
      '/xa/ma-ly-pho/',
    ),
    column(
      'chuyen_den_ma',
      'Chuyển đến mã',
      code,
      false,
      'Mã đơn vị (don-vi.csv) hoặc mã khen thưởng đang công khai (khen-thuong.csv) mà đường dẫn cũ chuyển đến. ' +
        'Để trống: đường dẫn cũ hiện thông báo trang đã được gỡ.',
      '03574',
    ),
    column(
      'ly_do',
      'Lý do',
      text(),
      true,
      'Vì sao đường dẫn đổi; để người sau hiểu, không đăng lên trang.',
      'Thôn sáp nhập vào Bản Ma Ly Pho',
    ),
  ],
});

export type MovedUrlRow = RowOf<typeof movedUrlsTable.columns>;
