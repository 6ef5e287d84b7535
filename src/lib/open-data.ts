import type { Verdict } from './domain/criteria.ts';
import type { PublicAward } from './domain/privacy.ts';
import { toCsv, toJson, type Cell } from './export.ts';
import type { Column } from './ingest/table.ts';
import { SETTINGS } from './schemas/settings.ts';
import { awardsTable, criteriaTable, regionsTable, reviewTable, unitsTable } from './schemas/tables.ts';
import type { Snapshot } from './snapshot.ts';

// The downloads of /du-lieu/: every validated input table and every verdict, each as CSV and JSON,
// with a data dictionary. One concept, one name: the keys are the data contract's keys.

export interface FieldDoc {
  key: string;
  label: string;
  description: string;
}

export interface Download {
  /** Base file name: /du-lieu/<name>.csv and .json */
  name: string;
  title: string;
  description: string;
  fields: FieldDoc[];
  rows: Record<string, Cell>[];
  /** JSON keeps nested values (a verdict's values used); CSV flattens them away. */
  json: unknown;
}

const docsOf = (columns: readonly Column[]): FieldDoc[] => columns.map((c) => ({ key: c.key, label: c.label, description: c.description }));
const asRows = <T extends object>(rows: readonly T[]) => rows as unknown as Record<string, Cell>[];

const AWARD_FIELDS: FieldDoc[] = [
  ...docsOf(awardsTable.columns).filter((f) => !['dong_y_cong_khai', 'ngay_dong_y', 'ngay_rut_dong_y'].includes(f.key)),
  { key: 'cong_khai', label: 'Công khai', description: 'cong_khai: công khai đầy đủ; khong_cong_khai: hộ gia đình, cá nhân chưa đồng ý nêu tên (chỉ được đếm); da_rut_dong_y: đã gỡ theo yêu cầu. Khi không công khai, tên, đơn vị, thành tích và bài viết để trống.' },
];

const VERDICT_FIELDS: FieldDoc[] = [
  { key: 'ma_don_vi', label: 'Mã đơn vị', description: 'Mã đơn vị được đánh giá.' },
  { key: 'ten_don_vi', label: 'Tên đơn vị', description: 'Tên chính thức.' },
  { key: 'cap', label: 'Cấp', description: 'huyen, xa, thi_tran, phuong, thon, to_dan_pho.' },
  { key: 'tieu_chi', label: 'Mã tiêu chí', description: 'TC_XA_1, TC_XA_2, TC_THON, TC_CAN_BO, MT_HUYEN_A … MT_HUYEN_D.' },
  { key: 'ten_tieu_chi', label: 'Tên tiêu chí', description: 'Tên hiển thị của tiêu chí.' },
  { key: 'nam', label: 'Năm', description: 'Năm rà soát được đánh giá (sau năm gốc).' },
  { key: 'dot', label: 'Đợt', description: 'so_ket (sơ kết), tong_ket (tổng kết) hoặc trống.' },
  { key: 'ket_qua', label: 'Kết quả', description: 'dat (Đạt), chua_dat (Chưa đạt), chua_du_du_lieu (Chưa đủ dữ liệu), khong_ap_dung (Không áp dụng: xã không thuộc diện của tiêu chí 1, không thuộc khu vực nào năm đó, thôn chưa hoặc không còn tồn tại…).' },
  { key: 'gia_tri', label: 'Giá trị', description: 'Giá trị so với ngưỡng, theo don_vi_do; với tiêu chí nhiều năm là mức giảm nhỏ nhất.' },
  { key: 'nguong', label: 'Ngưỡng', description: 'Ngưỡng trong tieu-chi.csv.' },
  { key: 'phep_so_sanh', label: 'Phép so sánh', description: '">=" hoặc ">".' },
  { key: 'don_vi_do', label: 'Đơn vị đo', description: 'diem_phan_tram (điểm phần trăm), phan_tram (%), don_vi (số đơn vị).' },
  { key: 'can_them', label: 'Cần thêm', description: 'Số hộ cần giảm thêm (hoặc số đơn vị cần thoát diện thêm) để đạt; 0 khi đạt; trống khi không xác định.' },
  { key: 'trang_thai_so_lieu', label: 'Trạng thái số liệu', description: 'so_bo nếu có số liệu sơ bộ được dùng, chinh_thuc nếu tất cả đã chính thức.' },
  { key: 'giai_thich', label: 'Giải thích', description: 'Giải thích bằng lời, kèm mức chênh lệch.' },
  { key: 'can_cu_phap_ly', label: 'Căn cứ', description: 'Văn bản quy định tiêu chí.' },
];

export function downloads(s: Snapshot): Download[] {
  const settingsRows = Object.entries(SETTINGS).map(([key, def]) => ({ khoa: key, ten: def.label, gia_tri: (s.settings as Record<string, Cell>)[key] ?? null }));
  const verdictRows = s.verdicts.map(({ so_lieu: _values, ...flat }: Verdict) => flat);
  const table = (name: string, def: { title: string; description: string; columns: readonly Column[] }, rows: readonly object[]): Download => ({
    name, title: def.title, description: def.description, fields: docsOf(def.columns), rows: asRows(rows), json: rows,
  });
  return [
    { name: 'danh-gia', title: 'Kết quả đánh giá tiêu chí', description: 'Mỗi đơn vị, mỗi tiêu chí dành cho cấp của đơn vị (huyện: mục tiêu A–D; xã: tiêu chí 1, 2 và cán bộ phụ trách; thôn: tiêu chí thôn), mỗi năm rà soát sau năm gốc: kết quả, giá trị, ngưỡng, mức chênh lệch và giải thích. Bản JSON có thêm các số liệu đã dùng (so_lieu).', fields: VERDICT_FIELDS, rows: asRows(verdictRows), json: { verdicts: s.verdicts } },
    table('ket-qua-ra-soat', reviewTable, s.reviews),
    table('don-vi', unitsTable, s.units),
    table('khu-vuc', regionsTable, s.regions),
    table('tieu-chi', criteriaTable, s.criteria),
    { name: 'khen-thuong', title: 'Khen thưởng (bản công khai)', description: 'Quyết định khen thưởng. Hộ gia đình, cá nhân chưa đồng ý hoặc đã rút đồng ý chỉ được đếm, không có tên, đơn vị, thành tích.', fields: AWARD_FIELDS, rows: asRows(s.awards as PublicAward[]), json: s.awards },
    { name: 'dia-phuong', title: 'Địa phương và thiết lập', description: 'Các thiết lập dùng để tính (năm gốc, cách hiểu tiêu chí…).', fields: [{ key: 'khoa', label: 'Khóa', description: 'Tên thiết lập.' }, { key: 'ten', label: 'Tên', description: 'Tên tiếng Việt.' }, { key: 'gia_tri', label: 'Giá trị', description: 'Giá trị đang dùng (mặc định nếu tệp không ghi).' }], rows: settingsRows, json: s.settings },
  ];
}

export function downloadFile(d: Download, format: 'csv' | 'json'): string {
  return format === 'csv' ? toCsv(d.fields.map((f) => f.key), d.rows) : toJson(d.json);
}
