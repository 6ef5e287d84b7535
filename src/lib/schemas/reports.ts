import { column, defineTable, type RowOf } from '../ingest/table.ts';
import { code, date, text, year, type CellType } from '../ingest/values.ts';

// Reporting on time (plan section VI.3): communes report to the labour office by one day of the year,
// the district to the province by another. The days are settings; this file records when each report came.

/** Days in each month of a common year: a yearly deadline on 29/02 would not exist most years. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day of the year without a year ("10/11"), normalised to "dd/mm". */
export const dayMonth: CellType<string> = {
  name: 'ngày/tháng trong năm (ví dụ 10/11)',
  parse(raw) {
    const s = raw.trim();
    const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(s);
    if (!m) {
      const message = `"${s}" không phải ngày trong năm. Viết ngày/tháng, không có năm, ví dụ 10/11.`;
      return { ok: false, code: 'type-error', message };
    }
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > (MONTH_DAYS[month - 1] ?? 0)) {
      const message = `Ngày "${s}" không có thật trong mọi năm (ngày hoặc tháng vượt quá lịch). Kiểm tra lại.`;
      return { ok: false, code: 'constraint-error', message };
    }
    return { ok: true, value: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}` };
  },
};

export const reportsTable = defineTable({
  file: 'bao-cao.csv',
  title: 'Ngày nhận báo cáo',
  description:
    'Không bắt buộc. Mỗi dòng là báo cáo kết quả phong trào của một năm: xã, thị trấn báo cáo Phòng Lao động – ' +
    'Thương binh và Xã hội (theo hạn báo cáo của xã trong tệp địa phương, mặc định 10/11), huyện báo cáo tỉnh (hạn báo cáo của huyện, mặc định 20/11). ' +
    'Trang "Báo cáo đúng hạn" tính đúng hạn, muộn hay chưa có từ tệp này.',
  columns: [
    column(
      'ma_don_vi',
      'Mã đơn vị',
      code,
      true,
      'Mã xã, thị trấn của phong trào hoặc mã huyện (theo don-vi.csv).',
      '03550',
    ),
    column('nam', 'Năm báo cáo', year, true, 'Năm của báo cáo (báo cáo kết quả năm đó, nộp trong tháng 11).', '2024'),
    column(
      'ngay_nhan',
      'Ngày nhận báo cáo',
      date,
      true,
      'Ngày cơ quan nhận được báo cáo (theo sổ công văn đến).',
      '08/11/2024',
    ),
    column('so_van_ban', 'Số văn bản', text(), false, 'Số, ký hiệu của văn bản báo cáo.', '112/BC-UBND'),
    column(
      'ghi_chu',
      'Ghi chú',
      text(),
      false,
      'Ghi chú công khai (ví dụ lý do nộp muộn đã được chấp thuận).',
      'Bổ sung số liệu ngày 12/11',
    ),
  ],
});

export type ReportRow = RowOf<typeof reportsTable.columns>;
