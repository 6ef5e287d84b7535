import { PERSONAL_RECIPIENTS, type AwardRow } from '../schemas/tables.ts';

// What of an award may be published. Collectives are published in full; a household or an
// individual is named only while their consent is recorded and not withdrawn. Otherwise the award
// is counted, and nothing that identifies them (name, village, achievement, story) leaves the core.

export const PUBLICATION = {
  cong_khai: 'Công khai',
  khong_cong_khai: 'Không công khai tên (chưa có đồng ý)',
  da_rut_dong_y: 'Đã gỡ theo yêu cầu của người được khen',
} as const;
export type Publication = keyof typeof PUBLICATION;

export interface PublicAward {
  ma_khen_thuong: string;
  so_quyet_dinh: string;
  ngay_quyet_dinh: string;
  co_quan_ban_hanh: string;
  chuc_vu_nguoi_ky: string;
  hinh_thuc: AwardRow['hinh_thuc'];
  dot: AwardRow['dot'];
  loai_doi_tuong: AwardRow['loai_doi_tuong'];
  cong_khai: Publication;
  ten_doi_tuong: string | null;
  ma_don_vi: string | null;
  thanh_tich: string | null;
  can_cu_phap_ly: string;
  bai_viet: string | null;
}

export function publicationOf(a: AwardRow): Publication {
  if (!PERSONAL_RECIPIENTS.includes(a.loai_doi_tuong)) return 'cong_khai';
  if (a.ngay_rut_dong_y !== null) return 'da_rut_dong_y';
  return a.dong_y_cong_khai === true ? 'cong_khai' : 'khong_cong_khai';
}

/** Whether an award may name its recipient. */
export const mayName = (a: AwardRow): boolean => publicationOf(a) === 'cong_khai';

export function publicAward(a: AwardRow): PublicAward {
  const shown = mayName(a);
  return {
    ma_khen_thuong: a.ma_khen_thuong,
    so_quyet_dinh: a.so_quyet_dinh,
    ngay_quyet_dinh: a.ngay_quyet_dinh,
    co_quan_ban_hanh: a.co_quan_ban_hanh,
    chuc_vu_nguoi_ky: a.chuc_vu_nguoi_ky,
    hinh_thuc: a.hinh_thuc,
    dot: a.dot,
    loai_doi_tuong: a.loai_doi_tuong,
    cong_khai: publicationOf(a),
    ten_doi_tuong: shown ? a.ten_doi_tuong : null,
    ma_don_vi: shown ? a.ma_don_vi : null,
    thanh_tich: shown ? a.thanh_tich : null,
    can_cu_phap_ly: a.can_cu_phap_ly,
    bai_viet: shown ? a.bai_viet : null,
  };
}
