import { describe, expect, it } from 'vitest';
import { AWARDS, fixtureFiles, type Row } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { mayName, publicAward, publicationOf } from './privacy.ts';

// Who may be named: collectives always; a household or a person only with consent on record and
// not withdrawn. Without it, nothing identifying them leaves the core.

const award = (over: Row): Row => ({ ...AWARDS[0], ...over, ma_khen_thuong: `KT-${String(over['ma_khen_thuong'])}` });

function awardsOf(rows: Row[]) {
  const result = buildDataset(fixtureFiles({ awards: rows }));
  expect(result.errors).toEqual([]);
  return result.dataset!.awards;
}

describe('publication of awards', () => {
  it('names a household or person only with consent that was not withdrawn', () => {
    const rows = [
      award({ ma_khen_thuong: 'dong-y', dong_y_cong_khai: 'có', ngay_dong_y: '01/12/2023' }),
      award({ ma_khen_thuong: 'khong', dong_y_cong_khai: 'không', ngay_dong_y: '' }),
      award({ ma_khen_thuong: 'trong', dong_y_cong_khai: '', ngay_dong_y: '' }),
      award({ ma_khen_thuong: 'rut', loai_doi_tuong: 'ca_nhan', ngay_rut_dong_y: '02/12/2023' }),
      award({ ma_khen_thuong: 'tap-the', loai_doi_tuong: 'tap_the', ten_doi_tuong: 'Hội Nông dân xã Một',
        dong_y_cong_khai: '', ngay_dong_y: '' }),
      award({ ma_khen_thuong: 'ngan-hang', loai_doi_tuong: 'ngan_hang', ten_doi_tuong: 'Ngân hàng Chính sách xã hội',
        dong_y_cong_khai: 'không', ngay_dong_y: '' }),
    ];
    const list = awardsOf(rows);
    expect(list.map((a) => [a.ma_khen_thuong, publicationOf(a), mayName(a)])).toEqual([
      ['KT-dong-y', 'cong_khai', true],
      ['KT-khong', 'khong_cong_khai', false],
      ['KT-trong', 'khong_cong_khai', false],
      ['KT-rut', 'da_rut_dong_y', false],
      ['KT-tap-the', 'cong_khai', true],
      ['KT-ngan-hang', 'cong_khai', true],
    ]);
  });

  it('keeps the decision public and drops name, village, achievement and story otherwise', () => {
    const story = 'https://baolaichau.vn/bai-viet';
    const [shown, hidden] = awardsOf([
      award({ ma_khen_thuong: '1', dong_y_cong_khai: 'có', bai_viet: story }),
      award({ ma_khen_thuong: '2', dong_y_cong_khai: '', ngay_dong_y: '', bai_viet: story }),
    ]).map(publicAward);
    expect(shown).toMatchObject({
      ten_doi_tuong: 'Hộ ông Lý A Sử', ma_don_vi: 'X1-01', thanh_tich: 'Thoát nghèo', bai_viet: story,
      cong_khai: 'cong_khai',
    });
    expect(hidden).toEqual({
      ma_khen_thuong: 'KT-2', so_quyet_dinh: '1/QĐ', ngay_quyet_dinh: '2023-11-20', co_quan_ban_hanh: 'UBND huyện',
      chuc_vu_nguoi_ky: 'Chủ tịch', hinh_thuc: 'giay_khen_huyen', dot: 'so_ket', loai_doi_tuong: 'ho_gia_dinh',
      cong_khai: 'khong_cong_khai', ten_doi_tuong: null, ma_don_vi: null, thanh_tich: null, can_cu_phap_ly: 'Luật',
      bai_viet: null,
    });
  });
});
