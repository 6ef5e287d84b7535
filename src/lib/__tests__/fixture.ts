// A tiny locality for core tests: one district, two communes, three villages, with figures the
// test states itself. Files are built as CSV text, exactly as a steward's export would arrive.

import { awardsTable } from '../schemas/tables.ts';

export type Row = Record<string, string | number>;

export function csv(rows: readonly Row[], header?: readonly string[]): string {
  const keys = header ?? Object.keys(rows[0] ?? {});
  const cell = (v: string | number | undefined) => {
    const s = String(v ?? '');
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

export const SETTINGS: Row[] = [
  { khoa: 'ten_dia_phuong', gia_tri: 'huyện Thử' },
  { khoa: 'ten_tinh', gia_tri: 'tỉnh Thử' },
  { khoa: 'ten_phong_trao', gia_tri: 'Chung tay vì người nghèo' },
  { khoa: 'ke_hoach', gia_tri: 'Kế hoạch thử' },
  { khoa: 'van_ban_cap_tren', gia_tri: 'QĐ 666/QĐ-TTg' },
  { khoa: 'co_quan_chu_quan', gia_tri: 'UBND huyện Thử' },
  { khoa: 'dia_chi_co_quan', gia_tri: 'Thử' },
  { khoa: 'dien_thoai_co_quan', gia_tri: '0213 3 000 000' },
  { khoa: 'email_co_quan', gia_tri: 'a@example.vn' },
  { khoa: 'nguoi_chiu_trach_nhiem', gia_tri: 'Nguyễn Văn A' },
  { khoa: 'chuc_vu_nguoi_chiu_trach_nhiem', gia_tri: 'Chủ tịch' },
  { khoa: 'lien_he_bao_chi', gia_tri: 'Văn phòng' },
  { khoa: 'ngay_cap_nhat', gia_tri: '05/12/2025' },
];

export const UNITS: Row[] = [
  { ma_don_vi: 'H', ten_don_vi: 'Huyện Thử', cap: 'huyen', hieu_luc_den: '30/06/2025' },
  {
    ma_don_vi: 'X1',
    ten_don_vi: 'Xã Một',
    ten_khac: 'Xã Mốt',
    cap: 'xa',
    ma_don_vi_cha: 'H',
    vung_cao_bien_gioi_dbkk: 'có',
    dac_biet_kho_khan: 'có',
    ma_don_vi_moi: 'M1',
  },
  { ma_don_vi: 'X2', ten_don_vi: 'Xã Hai', cap: 'xa', ma_don_vi_cha: 'H', ma_don_vi_moi: 'M1' },
  {
    ma_don_vi: 'X1-01',
    ten_don_vi: 'Bản Một',
    cap: 'thon',
    ma_don_vi_cha: 'X1',
    dac_biet_kho_khan: 'có',
    nam_thoat_dbkk: 2024,
    quyet_dinh_thoat_dbkk: 'QĐ 1',
  },
  { ma_don_vi: 'X1-02', ten_don_vi: 'Bản Hai', cap: 'thon', ma_don_vi_cha: 'X1', dac_biet_kho_khan: 'có' },
  { ma_don_vi: 'X2-01', ten_don_vi: 'Thôn Ba', cap: 'thon', ma_don_vi_cha: 'X2' },
  { ma_don_vi: 'M1', ten_don_vi: 'Xã Mới', cap: 'xa', hieu_luc_tu: '01/07/2025' },
];
export const UNIT_HEADER = [
  'ma_don_vi',
  'ten_don_vi',
  'ten_khac',
  'cap',
  'ma_don_vi_cha',
  'hieu_luc_tu',
  'hieu_luc_den',
  'ma_don_vi_moi',
  'vung_cao_bien_gioi_dbkk',
  'dac_biet_kho_khan',
  'nam_thoat_dbkk',
  'quyet_dinh_thoat_dbkk',
];

export const REGIONS: Row[] = [
  { ma_don_vi: 'X1', khu_vuc: 'III', tu_nam: 2021, can_cu: 'QĐ 861' },
  { ma_don_vi: 'X2', khu_vuc: 'II', tu_nam: 2021, can_cu: 'QĐ 861' },
];
export const REGION_HEADER = ['ma_don_vi', 'khu_vuc', 'tu_nam', 'den_nam', 'can_cu'];

export const CRITERIA: Row[] = [
  {
    ma_tieu_chi: 'TC_XA_1',
    ten_tieu_chi: 'Tiêu chí 1',
    phep_so_sanh: '>=',
    nguong: 4,
    so_nam_lien_tiep: 3,
    can_cu_phap_ly: 'KH',
    mo_ta: 'Giảm 4 điểm mỗi năm',
  },
  {
    ma_tieu_chi: 'TC_XA_2',
    ten_tieu_chi: 'Tiêu chí 2',
    phep_so_sanh: '>',
    nguong: 60,
    can_cu_phap_ly: 'KH',
    mo_ta: 'Giảm trên 60%',
  },
  {
    ma_tieu_chi: 'TC_THON',
    ten_tieu_chi: 'Tiêu chí thôn',
    phep_so_sanh: '>',
    nguong: 50,
    can_cu_phap_ly: 'KH',
    mo_ta: 'Giảm trên 50%',
  },
  {
    ma_tieu_chi: 'TC_CAN_BO',
    ten_tieu_chi: 'Cán bộ',
    phep_so_sanh: '>=',
    nguong: 1,
    can_cu_phap_ly: 'KH',
    mo_ta: 'Xã đạt 1 hoặc 2',
  },
  {
    ma_tieu_chi: 'MT_HUYEN_A',
    ten_tieu_chi: 'Mục tiêu A',
    phep_so_sanh: '>=',
    nguong: 6,
    can_cu_phap_ly: 'KH',
    mo_ta: 'Giảm 6 điểm',
  },
  {
    ma_tieu_chi: 'MT_HUYEN_B',
    ten_tieu_chi: 'Mục tiêu B',
    phep_so_sanh: '>',
    nguong: 5,
    can_cu_phap_ly: 'KH',
    mo_ta: 'Giảm trên 5 điểm',
  },
  {
    ma_tieu_chi: 'MT_HUYEN_C',
    ten_tieu_chi: 'Mục tiêu C',
    phep_so_sanh: '>=',
    nguong: 1,
    can_cu_phap_ly: 'KH',
    mo_ta: '1 xã thoát',
  },
  {
    ma_tieu_chi: 'MT_HUYEN_D',
    ten_tieu_chi: 'Mục tiêu D',
    phep_so_sanh: '>=',
    nguong: 50,
    can_cu_phap_ly: 'KH',
    mo_ta: '50% thôn thoát',
  },
];
export const CRITERIA_HEADER = [
  'ma_tieu_chi',
  'ten_tieu_chi',
  'phep_so_sanh',
  'nguong',
  'nguong_tren',
  'so_nam_lien_tiep',
  'can_cu_phap_ly',
  'mo_ta',
];

export const REVIEW_HEADER = [
  'ma_don_vi',
  'ten_don_vi',
  'nam',
  'trang_thai',
  'so_quyet_dinh',
  'tong_so_ho',
  'so_ho_dtts',
  'so_ho_ngheo',
  'so_ho_ngheo_dtts',
  'so_ho_can_ngheo',
  'so_ho_ngheo_dau_nam',
];

/** One review row: total households, poor, near-poor (ethnic-minority figures default to all). */
export function review(id: string, nam: number, tong: number, ngheo: number, canNgheo: number, extra: Row = {}): Row {
  return {
    ma_don_vi: id,
    nam,
    trang_thai: 'chinh_thuc',
    so_quyet_dinh: `${nam}/QĐ`,
    tong_so_ho: tong,
    so_ho_dtts: tong,
    so_ho_ngheo: ngheo,
    so_ho_ngheo_dtts: ngheo,
    so_ho_can_ngheo: canNgheo,
    ...extra,
  };
}

/** Every village 2021–2025 with 100 households and (poor + near-poor) falling 5 a year from 50. */
export function steadyReviews(): Row[] {
  const rows: Row[] = [];
  for (const id of ['X1-01', 'X1-02', 'X2-01']) {
    for (let y = 2021; y <= 2025; y++) rows.push(review(id, y, 100, 40 - 4 * (y - 2021), 10 - (y - 2021)));
  }
  return rows;
}

export const AWARD_HEADER = awardsTable.columns.map((c) => c.key);
export const AWARDS: Row[] = [
  {
    ma_khen_thuong: 'KT-1',
    so_quyet_dinh: '1/QĐ',
    ngay_quyet_dinh: '20/11/2023',
    co_quan_ban_hanh: 'UBND huyện',
    chuc_vu_nguoi_ky: 'Chủ tịch',
    hinh_thuc: 'giay_khen_huyen',
    dot: 'so_ket',
    loai_doi_tuong: 'ho_gia_dinh',
    ten_doi_tuong: 'Hộ ông Lý A Sử',
    ma_don_vi: 'X1-01',
    thanh_tich: 'Thoát nghèo',
    can_cu_phap_ly: 'Luật',
    dong_y_cong_khai: 'có',
    ngay_dong_y: '01/12/2023',
  },
  {
    ma_khen_thuong: 'KT-2',
    so_quyet_dinh: '1/QĐ',
    ngay_quyet_dinh: '20/11/2023',
    co_quan_ban_hanh: 'UBND huyện',
    chuc_vu_nguoi_ky: 'Chủ tịch',
    hinh_thuc: 'giay_khen_huyen',
    dot: 'so_ket',
    loai_doi_tuong: 'ho_gia_dinh',
    ten_doi_tuong: 'Hộ ông Sùng A Chứ',
    ma_don_vi: 'X1-02',
    thanh_tich: 'Thoát nghèo',
    can_cu_phap_ly: 'Luật',
  },
];

export interface FixtureSpec {
  settings?: Row[];
  units?: Row[];
  regions?: Row[];
  criteria?: Row[];
  reviews?: Row[];
  awards?: Row[];
}

export function fixtureTexts(spec: FixtureSpec = {}): Record<string, string> {
  return {
    'dia-phuong.csv': csv(spec.settings ?? SETTINGS, ['khoa', 'gia_tri']),
    'don-vi.csv': csv(spec.units ?? UNITS, UNIT_HEADER),
    'khu-vuc.csv': csv(spec.regions ?? REGIONS, REGION_HEADER),
    'tieu-chi.csv': csv(spec.criteria ?? CRITERIA, CRITERIA_HEADER),
    'ket-qua-ra-soat.csv': csv(spec.reviews ?? steadyReviews(), REVIEW_HEADER),
    'khen-thuong.csv': csv(spec.awards ?? AWARDS, AWARD_HEADER),
  };
}

export function toFiles(texts: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(texts).map(([name, text]) => [name, new TextEncoder().encode(text)]));
}

export const fixtureFiles = (spec: FixtureSpec = {}) => toFiles(fixtureTexts(spec));
