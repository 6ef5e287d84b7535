import { column, defineTable, type RowIssue, type RowOf } from '../ingest/table.ts';
import {
  choice,
  code,
  count,
  date,
  decimal,
  link,
  nameList,
  text,
  year,
  yearCount,
  yesNo,
  type CellType,
} from '../ingest/values.ts';

// The data contract: one table per CSV file in the data folder. Keys are the names used
// everywhere (CSV header, TypeScript field, JSON export); labels are what staff may write instead.
// data/README.md documents the same columns; a test keeps the two in step.

export const UNIT_LEVELS = {
  huyen: 'Huyện',
  xa: 'Xã',
  thi_tran: 'Thị trấn',
  phuong: 'Phường',
  thon: 'Thôn, bản',
  to_dan_pho: 'Tổ dân phố',
} as const;
export type UnitLevel = keyof typeof UNIT_LEVELS;
export const COMMUNE_LEVELS: readonly UnitLevel[] = ['xa', 'thi_tran', 'phuong'];
export const VILLAGE_LEVELS: readonly UnitLevel[] = ['thon', 'to_dan_pho'];

/** Latitude/longitude: both "22.520" and "22,520" are clear here, since grouping makes no sense. */
const coordinate: CellType<number> = {
  name: 'tọa độ thập phân (22.520 hoặc 22,520)',
  parse(raw) {
    const s = raw.trim().replace(',', '.');
    const n = Number(s);
    return /^-?\d{1,3}(\.\d+)?$/.test(s) && Math.abs(n) <= 180
      ? { ok: true, value: n }
      : {
          ok: false,
          code: 'type-error',
          message: `"${raw.trim()}" không phải tọa độ. Viết độ thập phân, ví dụ 22.520.`,
        };
  },
};

export const unitsTable = defineTable({
  file: 'don-vi.csv',
  title: 'Danh mục đơn vị',
  description: 'Huyện, xã, thị trấn, thôn, bản, tổ dân phố và các xã, phường từ 1/7/2025, mỗi đơn vị một dòng.',
  columns: [
    column(
      'ma_don_vi',
      'Mã đơn vị',
      code,
      true,
      'Mã duy nhất trong bộ dữ liệu. Xã, thị trấn dùng mã thống kê; thôn dùng mã xã + số thứ tự; xã mới từ 1/7/2025 dùng "2025-" + mã thống kê (vì xã mới mang lại mã của xã cũ nơi đặt trụ sở).',
      '03550',
    ),
    column(
      'ma_hanh_chinh',
      'Mã hành chính',
      code,
      false,
      'Mã đơn vị hành chính theo danh mục của Tổng cục Thống kê (thôn để trống). Dùng để ghép với tệp ranh giới.',
      '03550',
    ),
    column(
      'ten_don_vi',
      'Tên đơn vị',
      text('name'),
      true,
      'Tên chính thức, có tiếng Việt có dấu, gồm cả loại đơn vị.',
      'Xã Sì Lở Lầu',
    ),
    column(
      'ten_khac',
      'Tên gọi khác',
      nameList,
      false,
      'Các cách viết khác của tên, cách nhau bởi "|". Tên ở các tệp khác viết theo cách nào trong số này cũng được nhận.',
      'Xã Sì Lờ Lầu',
    ),
    column('cap', 'Cấp', choice(UNIT_LEVELS), true, 'Loại đơn vị.', 'xa'),
    column(
      'ma_don_vi_cha',
      'Mã đơn vị cấp trên',
      code,
      false,
      'Mã đơn vị chứa đơn vị này (thôn → xã, xã → huyện). Để trống với huyện và xã mới sau 1/7/2025.',
      '109',
    ),
    column(
      'hieu_luc_tu',
      'Hiệu lực từ ngày',
      date,
      false,
      'Ngày đơn vị bắt đầu tồn tại (để trống nếu có từ trước giai đoạn).',
      '01/07/2025',
    ),
    column(
      'hieu_luc_den',
      'Hiệu lực đến ngày',
      date,
      false,
      'Ngày cuối cùng đơn vị tồn tại (để trống nếu còn).',
      '30/06/2025',
    ),
    column(
      'ma_don_vi_moi',
      'Mã đơn vị sau sắp xếp',
      code,
      false,
      'Đơn vị mà đơn vị này trở thành khi sắp xếp ngày 1/7/2025 (NQ 1670/NQ-UBTVQH15). Thôn để trống thì theo xã của thôn.',
      '2025-03562',
    ),
    column(
      'vung_cao_bien_gioi_dbkk',
      'Xã vùng cao, biên giới đặc biệt khó khăn',
      yesNo,
      false,
      'Có nếu xã thuộc diện xã vùng cao, biên giới đặc biệt khó khăn (áp dụng tiêu chí 1 của xã). Là dữ liệu, không tự suy ra.',
      'có',
    ),
    column('bien_gioi', 'Xã biên giới', yesNo, false, 'Có nếu xã có đường biên giới quốc gia.', 'có'),
    column(
      'dac_biet_kho_khan',
      'Đặc biệt khó khăn đầu kỳ',
      yesNo,
      false,
      'Có nếu đầu giai đoạn đơn vị thuộc diện đặc biệt khó khăn (xã khu vực III; thôn đặc biệt khó khăn theo QĐ 612/QĐ-UBDT).',
      'có',
    ),
    column(
      'nam_thoat_dbkk',
      'Năm thoát đặc biệt khó khăn',
      year,
      false,
      'Năm đơn vị được công nhận thoát diện đặc biệt khó khăn (chỉ khi có quyết định).',
      '2024',
    ),
    column(
      'quyet_dinh_thoat_dbkk',
      'Quyết định thoát đặc biệt khó khăn',
      text(),
      false,
      'Số, ngày của quyết định công nhận thoát diện đặc biệt khó khăn.',
      '698/QĐ-TTg ngày 19/7/2024',
    ),
    column(
      'vi_do',
      'Vĩ độ',
      coordinate,
      false,
      'Vị trí gần đúng (độ thập phân) để vẽ sơ đồ khi không có tệp ranh giới.',
      '22.780',
    ),
    column('kinh_do', 'Kinh độ', coordinate, false, 'Vị trí gần đúng (độ thập phân).', '103.351'),
    column(
      'ghi_chu',
      'Ghi chú',
      text(),
      false,
      'Ghi chú công khai về đơn vị (ví dụ phần nhận từ huyện khác khi sắp xếp).',
      'Gồm cả xã Thèn Sin (huyện Tam Đường)',
    ),
  ],
  rowRules(row) {
    const issues: RowIssue[] = [];
    if (row.nam_thoat_dbkk !== null && !row.quyet_dinh_thoat_dbkk) {
      issues.push({
        field: 'quyet_dinh_thoat_dbkk',
        code: 'row-constraint',
        message:
          'Có năm thoát đặc biệt khó khăn nhưng thiếu quyết định. Thoát diện chỉ chính thức khi có quyết định: ghi số, ngày quyết định hoặc xóa năm.',
      });
    }
    if (row.hieu_luc_tu && row.hieu_luc_den && row.hieu_luc_den < row.hieu_luc_tu) {
      issues.push({
        field: 'hieu_luc_den',
        code: 'row-constraint',
        message: 'Ngày hết hiệu lực trước ngày bắt đầu hiệu lực. Kiểm tra lại hai ngày.',
      });
    }
    if ((row.vi_do === null) !== (row.kinh_do === null)) {
      issues.push({
        field: row.vi_do === null ? 'vi_do' : 'kinh_do',
        code: 'row-constraint',
        message: 'Vị trí cần cả vĩ độ và kinh độ. Điền đủ hai ô hoặc để trống cả hai.',
      });
    }
    return issues;
  },
});

export const REGIONS = { I: 'Khu vực I', II: 'Khu vực II', III: 'Khu vực III' } as const;

export const regionsTable = defineTable({
  file: 'khu-vuc.csv',
  title: 'Khu vực của xã theo thời kỳ',
  description:
    'Xã thuộc khu vực I, II, III vùng đồng bào dân tộc thiểu số và miền núi theo từng thời kỳ (QĐ 861/QĐ-TTg, điều chỉnh bởi QĐ 698/QĐ-TTg).',
  columns: [
    column('ma_don_vi', 'Mã đơn vị', code, true, 'Mã xã, thị trấn (theo don-vi.csv).', '03550'),
    column('khu_vuc', 'Khu vực', choice(REGIONS), true, 'Khu vực I, II hoặc III.', 'III'),
    column('tu_nam', 'Từ năm', year, true, 'Năm rà soát đầu tiên áp dụng khu vực này.', '2021'),
    column(
      'den_nam',
      'Đến năm',
      year,
      false,
      'Năm rà soát cuối cùng áp dụng (để trống nếu đến hết giai đoạn).',
      '2023',
    ),
    column('can_cu', 'Căn cứ', text(), true, 'Quyết định xác định khu vực.', 'QĐ 861/QĐ-TTg ngày 04/6/2021'),
  ],
  rowRules(row) {
    return row.den_nam !== null && row.den_nam < row.tu_nam
      ? [{ field: 'den_nam', code: 'row-constraint', message: '"Đến năm" nhỏ hơn "Từ năm". Kiểm tra lại hai năm.' }]
      : [];
  },
});

export const REVIEW_STATUSES = { so_bo: 'Sơ bộ', chinh_thuc: 'Chính thức' } as const;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

export const reviewTable = defineTable({
  file: 'ket-qua-ra-soat.csv',
  title: 'Kết quả rà soát hộ nghèo, hộ cận nghèo',
  description:
    'Kết quả rà soát cuối năm của từng thôn, bản, tổ dân phố (có thể kèm dòng tổng của xã để đối chiếu). Không chứa danh sách hộ.',
  columns: [
    column('ma_don_vi', 'Mã đơn vị', code, true, 'Mã thôn (hoặc mã xã cho dòng tổng hợp để đối chiếu).', '03550-01'),
    column(
      'ten_don_vi',
      'Tên đơn vị',
      text('name'),
      false,
      'Tên thôn, để người đọc dễ kiểm tra; phải khớp với mã.',
      'Bản Sì Lở Lầu',
    ),
    column('nam', 'Năm rà soát', year, true, 'Năm của kỳ rà soát cuối năm (danh sách phê duyệt cuối năm).', '2023'),
    column(
      'trang_thai',
      'Trạng thái số liệu',
      choice(REVIEW_STATUSES),
      true,
      'Sơ bộ (báo cáo trước 15/11) hoặc chính thức (đã có quyết định công nhận).',
      'chinh_thuc',
    ),
    column(
      'so_quyet_dinh',
      'Số quyết định',
      text(),
      false,
      'Quyết định phê duyệt kết quả rà soát (với số liệu chính thức).',
      '215/QĐ-UBND',
    ),
    column('ngay_quyet_dinh', 'Ngày quyết định', date, false, 'Ngày của quyết định phê duyệt.', '15/12/2023'),
    column('tong_so_ho', 'Tổng số hộ', count, true, 'Tổng số hộ dân cư.', '96'),
    column('tong_so_khau', 'Tổng số khẩu', count, false, 'Tổng số nhân khẩu.', '452'),
    column('so_ho_dtts', 'Số hộ dân tộc thiểu số', count, false, 'Số hộ đồng bào dân tộc thiểu số.', '95'),
    column('so_ho_ngheo', 'Số hộ nghèo', count, true, 'Số hộ nghèo cuối năm.', '31'),
    column('so_khau_ngheo', 'Số khẩu nghèo', count, false, 'Số nhân khẩu của hộ nghèo.', '150'),
    column(
      'so_ho_ngheo_dtts',
      'Số hộ nghèo dân tộc thiểu số',
      count,
      false,
      'Trong số hộ nghèo, số hộ dân tộc thiểu số.',
      '31',
    ),
    column('so_ho_can_ngheo', 'Số hộ cận nghèo', count, true, 'Số hộ cận nghèo cuối năm.', '12'),
    column('so_khau_can_ngheo', 'Số khẩu cận nghèo', count, false, 'Số nhân khẩu của hộ cận nghèo.', '55'),
    column(
      'so_ho_ngheo_dau_nam',
      'Số hộ nghèo đầu năm',
      count,
      false,
      'Số hộ nghèo đầu năm (bằng cuối năm trước).',
      '36',
    ),
    column('so_ho_thoat_ngheo', 'Số hộ thoát nghèo', count, false, 'Số hộ thoát nghèo trong năm.', '7'),
    column('so_ho_ngheo_phat_sinh', 'Số hộ nghèo phát sinh', count, false, 'Số hộ nghèo mới trong năm.', '1'),
    column('so_ho_tai_ngheo', 'Số hộ tái nghèo', count, false, 'Số hộ tái nghèo trong năm.', '1'),
    column('so_ho_can_ngheo_dau_nam', 'Số hộ cận nghèo đầu năm', count, false, 'Số hộ cận nghèo đầu năm.', '13'),
    column('so_ho_thoat_can_ngheo', 'Số hộ thoát cận nghèo', count, false, 'Số hộ thoát cận nghèo trong năm.', '4'),
    column(
      'so_ho_can_ngheo_phat_sinh',
      'Số hộ cận nghèo phát sinh',
      count,
      false,
      'Số hộ cận nghèo mới trong năm (kể cả hộ nghèo chuyển sang).',
      '3',
    ),
  ],
  rowRules(row) {
    const issues: RowIssue[] = [];
    const over = (field: string, what: string, value: number, limit: string, max: number) =>
      issues.push({
        field,
        code: 'row-constraint',
        message: `${what} (${value}) lớn hơn ${limit} (${max}). Kiểm tra lại số liệu dòng này.`,
      });
    if (row.so_ho_ngheo > row.tong_so_ho)
      over('so_ho_ngheo', 'Số hộ nghèo', row.so_ho_ngheo, 'tổng số hộ', row.tong_so_ho);
    if (row.so_ho_can_ngheo > row.tong_so_ho)
      over('so_ho_can_ngheo', 'Số hộ cận nghèo', row.so_ho_can_ngheo, 'tổng số hộ', row.tong_so_ho);
    else if (row.so_ho_ngheo <= row.tong_so_ho && row.so_ho_ngheo + row.so_ho_can_ngheo > row.tong_so_ho) {
      over(
        'so_ho_can_ngheo',
        'Số hộ nghèo cộng số hộ cận nghèo',
        row.so_ho_ngheo + row.so_ho_can_ngheo,
        'tổng số hộ',
        row.tong_so_ho,
      );
    }
    if (row.so_ho_ngheo_dtts !== null && row.so_ho_ngheo_dtts > row.so_ho_ngheo)
      over('so_ho_ngheo_dtts', 'Số hộ nghèo dân tộc thiểu số', row.so_ho_ngheo_dtts, 'số hộ nghèo', row.so_ho_ngheo);
    if (row.so_ho_dtts !== null && row.so_ho_dtts > row.tong_so_ho)
      over('so_ho_dtts', 'Số hộ dân tộc thiểu số', row.so_ho_dtts, 'tổng số hộ', row.tong_so_ho);
    if (row.so_ho_dtts !== null && row.so_ho_ngheo_dtts !== null && row.so_ho_ngheo_dtts > row.so_ho_dtts)
      over(
        'so_ho_ngheo_dtts',
        'Số hộ nghèo dân tộc thiểu số',
        row.so_ho_ngheo_dtts,
        'số hộ dân tộc thiểu số',
        row.so_ho_dtts,
      );
    if (row.tong_so_khau !== null && row.tong_so_khau < row.tong_so_ho)
      over('tong_so_ho', 'Tổng số hộ', row.tong_so_ho, 'tổng số khẩu', row.tong_so_khau);
    return issues;
  },
});

export const AWARD_FORMS = {
  huan_chuong: 'Huân chương',
  bang_khen_thu_tuong: 'Bằng khen của Thủ tướng Chính phủ',
  bang_khen_tinh: 'Bằng khen của Chủ tịch UBND tỉnh',
  giay_khen_huyen: 'Giấy khen của Chủ tịch UBND huyện',
  giay_khen_xa: 'Giấy khen của Chủ tịch UBND xã',
  giay_khen_khac: 'Giấy khen của thủ trưởng cơ quan, đơn vị',
} as const;

export const AWARD_ROUNDS = { so_ket: 'Sơ kết', tong_ket: 'Tổng kết', hang_nam: 'Hằng năm' } as const;

export const RECIPIENT_TYPES = {
  ho_gia_dinh: 'Hộ gia đình',
  ca_nhan: 'Cá nhân',
  tap_the: 'Tập thể',
  xa: 'Xã, thị trấn',
  thon: 'Thôn, bản, tổ dân phố',
  doanh_nghiep: 'Doanh nghiệp',
  hop_tac_xa: 'Hợp tác xã',
  ngan_hang: 'Ngân hàng',
} as const;
export type RecipientType = keyof typeof RECIPIENT_TYPES;
/** Recipients who are people: named only with recorded consent. */
export const PERSONAL_RECIPIENTS: readonly RecipientType[] = ['ho_gia_dinh', 'ca_nhan'];

export const awardsTable = defineTable({
  file: 'khen-thuong.csv',
  title: 'Quyết định khen thưởng',
  description:
    'Mỗi dòng là một đối tượng được khen trong một quyết định. Hộ gia đình, cá nhân chỉ được nêu tên khi có đồng ý công khai.',
  columns: [
    column(
      'ma_khen_thuong',
      'Mã khen thưởng',
      code,
      true,
      'Mã cố định của dòng khen thưởng; dùng làm đường dẫn lâu dài, không bao giờ đổi hay dùng lại.',
      'KT-2023-001',
    ),
    column('so_quyet_dinh', 'Số quyết định', text(), true, 'Số hiệu quyết định khen thưởng.', '1520/QĐ-UBND'),
    column('ngay_quyet_dinh', 'Ngày quyết định', date, true, 'Ngày ký quyết định.', '20/11/2023'),
    column(
      'co_quan_ban_hanh',
      'Cơ quan ban hành',
      text(),
      true,
      'Cơ quan ban hành quyết định.',
      'UBND huyện Phong Thổ',
    ),
    column(
      'chuc_vu_nguoi_ky',
      'Chức vụ người ký',
      text(),
      true,
      'Chức vụ của người ký (không ghi tên người ký).',
      'Chủ tịch UBND huyện',
    ),
    column(
      'hinh_thuc',
      'Hình thức khen thưởng',
      choice(AWARD_FORMS),
      true,
      'Hình thức khen thưởng.',
      'giay_khen_huyen',
    ),
    column('dot', 'Đợt', choice(AWARD_ROUNDS), true, 'Sơ kết (2023), tổng kết (2025) hoặc khen hằng năm.', 'so_ket'),
    column(
      'loai_doi_tuong',
      'Loại đối tượng',
      choice(RECIPIENT_TYPES),
      true,
      'Loại đối tượng được khen.',
      'ho_gia_dinh',
    ),
    column(
      'ten_doi_tuong',
      'Tên đối tượng',
      text('name'),
      true,
      'Tên tập thể, đơn vị, hoặc tên hộ/cá nhân (chỉ công khai khi có đồng ý).',
      'Hộ ông Nguyễn Văn A',
    ),
    column(
      'ma_don_vi',
      'Mã đơn vị',
      code,
      true,
      'Đơn vị (thôn hoặc xã) nơi đối tượng được khen, hoặc chính đơn vị được khen.',
      '03550-02',
    ),
    column(
      'thanh_tich',
      'Thành tích',
      text(),
      true,
      'Thành tích được khen, viết ngắn gọn.',
      'Tự lực vươn lên thoát nghèo bền vững',
    ),
    column(
      'can_cu_phap_ly',
      'Căn cứ pháp lý',
      text(),
      true,
      'Văn bản pháp luật làm căn cứ khen thưởng, còn hiệu lực tại ngày quyết định.',
      'Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP',
    ),
    column(
      'dong_y_cong_khai',
      'Đồng ý công khai',
      yesNo,
      false,
      'Với hộ gia đình, cá nhân: "có" nếu đã có văn bản đồng ý công khai tên và thành tích. Để trống là chưa đồng ý.',
      'có',
    ),
    column('ngay_dong_y', 'Ngày đồng ý', date, false, 'Ngày của văn bản đồng ý công khai.', '05/12/2023'),
    column(
      'ngay_rut_dong_y',
      'Ngày rút đồng ý',
      date,
      false,
      'Ngày người được khen rút lại đồng ý; từ đó không công khai nữa.',
      '10/03/2026',
    ),
    column(
      'bai_viet',
      'Bài viết',
      link,
      false,
      'Tên bài điển hình trong thư mục content (không dấu) kể về đối tượng này.',
      'htx-che-si-lo-lau',
    ),
  ],
  rowRules(row) {
    const issues: RowIssue[] = [];
    if (row.dong_y_cong_khai === true && row.ngay_dong_y === null) {
      issues.push({
        field: 'ngay_dong_y',
        code: 'row-constraint',
        message: 'Có đồng ý công khai nhưng thiếu ngày đồng ý. Ghi ngày của văn bản đồng ý.',
      });
    }
    if (row.ngay_rut_dong_y !== null && row.dong_y_cong_khai !== true) {
      issues.push({
        field: 'ngay_rut_dong_y',
        code: 'row-constraint',
        message:
          'Có ngày rút đồng ý nhưng cột "dong_y_cong_khai" không ghi "có". Ghi "có" (đã từng đồng ý) hoặc xóa ngày rút.',
      });
    }
    if (row.ngay_dong_y && row.ngay_rut_dong_y && row.ngay_rut_dong_y < row.ngay_dong_y) {
      issues.push({
        field: 'ngay_rut_dong_y',
        code: 'row-constraint',
        message: 'Ngày rút đồng ý trước ngày đồng ý. Kiểm tra lại hai ngày.',
      });
    }
    return issues;
  },
});

export const CRITERION_IDS = {
  TC_XA_1: 'Tiêu chí 1 của xã',
  TC_XA_2: 'Tiêu chí 2 của xã',
  TC_THON: 'Tiêu chí của thôn, bản',
  TC_CAN_BO: 'Tiêu chí đối với cán bộ phụ trách xã',
  MT_HUYEN_A: 'Mục tiêu A của huyện',
  MT_HUYEN_B: 'Mục tiêu B của huyện',
  MT_HUYEN_C: 'Mục tiêu C của huyện',
  MT_HUYEN_D: 'Mục tiêu D của huyện',
} as const;
export type CriterionId = keyof typeof CRITERION_IDS;

export const COMPARATORS = { '>=': 'lớn hơn hoặc bằng', '>': 'lớn hơn' } as const;
export type Comparator = keyof typeof COMPARATORS;

export const criteriaTable = defineTable({
  file: 'tieu-chi.csv',
  title: 'Tiêu chí và ngưỡng',
  description: 'Ngưỡng và căn cứ của từng tiêu chí, mục tiêu. Địa phương khác thay số ở đây, không sửa mã nguồn.',
  columns: [
    column(
      'ma_tieu_chi',
      'Mã tiêu chí',
      choice(CRITERION_IDS),
      true,
      'Một trong các mã tiêu chí, mục tiêu của phong trào.',
      'TC_XA_2',
    ),
    column('ten_tieu_chi', 'Tên tiêu chí', text(), true, 'Tên hiển thị.', 'Giảm quy mô hộ nghèo, cận nghèo của xã'),
    column('phep_so_sanh', 'Phép so sánh', choice(COMPARATORS), true, 'Đạt khi giá trị ≥ hoặc > ngưỡng.', '>'),
    column('nguong', 'Ngưỡng', decimal, true, 'Ngưỡng (điểm phần trăm, phần trăm hoặc số đơn vị, tùy tiêu chí).', '60'),
    column(
      'nguong_tren',
      'Ngưỡng trên',
      decimal,
      false,
      'Mức trên của khoảng mục tiêu (ví dụ giảm 6–7 điểm), chỉ để hiển thị.',
      '7',
    ),
    column(
      'so_nam_lien_tiep',
      'Số năm liên tiếp',
      yearCount,
      false,
      'Với tiêu chí giảm hằng năm: số năm liên tiếp phải đạt.',
      '3',
    ),
    column(
      'can_cu_phap_ly',
      'Căn cứ',
      text(),
      true,
      'Văn bản quy định tiêu chí.',
      'Kế hoạch của UBND huyện Phong Thổ (2022), mục III',
    ),
    column(
      'mo_ta',
      'Mô tả',
      text(),
      true,
      'Tiêu chí nói gì, bằng lời thường.',
      'Quy mô hộ nghèo và cận nghèo giảm trên 60% so với đầu kỳ.',
    ),
  ],
  rowRules(row) {
    const issues: RowIssue[] = [];
    const measure = CRITERION_MEASURES[row.ma_tieu_chi];
    for (const field of ['nguong', 'nguong_tren'] as const) {
      const value = row[field];
      if (value === null) continue;
      const inRange = measure === 'count' ? Number.isInteger(value) && value >= 0 : value >= 0 && value <= 100;
      if (!inRange) {
        const range =
          measure === 'count'
            ? 'một số nguyên ≥ 0 (số đơn vị, số tiêu chí)'
            : 'từ 0 đến 100 (điểm phần trăm hoặc phần trăm)';
        const message =
          `Ngưỡng ${row[field]} của ${row.ma_tieu_chi} nằm ngoài thang đo của tiêu chí: phải là ` +
          `${range}. Mức giảm ghi bằng số dương (giảm 4 điểm thì ghi 4).`;
        issues.push({ field, code: 'constraint-error', message });
      }
    }
    if (row.nguong_tren !== null && row.nguong_tren < row.nguong) {
      const message =
        `Ngưỡng trên (${row.nguong_tren}) nhỏ hơn ngưỡng (${row.nguong}). Ngưỡng trên là mức cao ` +
        'của khoảng mục tiêu: sửa hoặc để trống.';
      issues.push({ field: 'nguong_tren', code: 'row-constraint', message });
    }
    return issues;
  },
});

/** What each criterion's threshold measures, so a threshold outside its scale is refused. */
export const CRITERION_MEASURES: Record<CriterionId, 'percent' | 'count'> = {
  TC_XA_1: 'percent',
  TC_XA_2: 'percent',
  TC_THON: 'percent',
  TC_CAN_BO: 'count',
  MT_HUYEN_A: 'percent',
  MT_HUYEN_B: 'percent',
  MT_HUYEN_C: 'count',
  MT_HUYEN_D: 'percent',
};

export type UnitRow = RowOf<typeof unitsTable.columns>;
export type RegionRow = RowOf<typeof regionsTable.columns>;
export type ReviewRow = RowOf<typeof reviewTable.columns>;
export type AwardRow = RowOf<typeof awardsTable.columns>;
export type CriterionRow = RowOf<typeof criteriaTable.columns>;
