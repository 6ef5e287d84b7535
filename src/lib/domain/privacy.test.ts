import { describe, expect, it } from 'vitest';
import { AWARDS, fixtureFiles, type Row } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { downloadFile, downloads } from '../open-data.ts';
import { toSnapshot } from '../snapshot.ts';
import type { AwardRow } from '../schemas/tables.ts';
import { mayName, publicAward, publicationOf } from './privacy.ts';

// The redaction of awards to people: every identifying field is dropped unless consent is recorded
// and not withdrawn; collectives are published in full.

const base: AwardRow = {
  ma_khen_thuong: 'KT-9',
  so_quyet_dinh: '9/QĐ-UBND',
  ngay_quyet_dinh: '2023-11-20',
  co_quan_ban_hanh: 'UBND huyện',
  chuc_vu_nguoi_ky: 'Chủ tịch UBND huyện',
  hinh_thuc: 'giay_khen_huyen',
  dot: 'so_ket',
  loai_doi_tuong: 'ho_gia_dinh',
  ten_doi_tuong: 'Hộ ông Thào A Páo',
  ma_don_vi: 'X1-02',
  thanh_tich: 'Nuôi ong lấy mật ở bản Hai',
  can_cu_phap_ly: 'Luật Thi đua, khen thưởng 2022',
  dong_y_cong_khai: null,
  ngay_dong_y: null,
  ngay_rut_dong_y: null,
  bai_viet: 'ho-ong-thao-a-pao',
};

const IDENTIFYING = ['ten_doi_tuong', 'ma_don_vi', 'thanh_tich', 'bai_viet'] as const;
const consented: AwardRow = { ...base, dong_y_cong_khai: true, ngay_dong_y: '2023-12-01' };
const withdrawn: AwardRow = { ...consented, ngay_rut_dong_y: '2026-03-10' };
const refused: AwardRow = { ...base, dong_y_cong_khai: false };

describe('what of an award may be published', () => {
  it('names a household or individual only with consent recorded and not withdrawn', () => {
    expect([base, refused, withdrawn, consented].map(publicationOf)).toEqual([
      'khong_cong_khai',
      'khong_cong_khai',
      'da_rut_dong_y',
      'cong_khai',
    ]);
    expect(mayName({ ...consented, loai_doi_tuong: 'ca_nhan' })).toBe(true);
    expect(mayName({ ...base, loai_doi_tuong: 'ca_nhan' })).toBe(false);
  });

  for (const field of IDENTIFYING) {
    it(`drops ${field} of a household without consent, or whose consent was withdrawn`, () => {
      for (const a of [base, refused, withdrawn, { ...base, loai_doi_tuong: 'ca_nhan' as const }])
        expect(publicAward(a)[field]).toBeNull();
      expect(publicAward(consented)[field]).toBe(consented[field]);
    });
  }

  it('publishes the decision itself for every award, and collectives in full without consent', () => {
    const hidden = publicAward(base);
    expect(hidden).toMatchObject({
      ma_khen_thuong: 'KT-9',
      so_quyet_dinh: '9/QĐ-UBND',
      ngay_quyet_dinh: '2023-11-20',
      hinh_thuc: 'giay_khen_huyen',
      dot: 'so_ket',
      loai_doi_tuong: 'ho_gia_dinh',
      co_quan_ban_hanh: 'UBND huyện',
      chuc_vu_nguoi_ky: 'Chủ tịch UBND huyện',
      can_cu_phap_ly: 'Luật Thi đua, khen thưởng 2022',
      cong_khai: 'khong_cong_khai',
    });
    for (const type of ['tap_the', 'xa', 'thon', 'doanh_nghiep', 'hop_tac_xa', 'ngan_hang'] as const) {
      const a = { ...base, loai_doi_tuong: type, ten_doi_tuong: 'Hợp tác xã Chè' };
      expect(publicAward(a)).toMatchObject({
        cong_khai: 'cong_khai',
        ten_doi_tuong: 'Hợp tác xã Chè',
        ma_don_vi: 'X1-02',
        thanh_tich: base.thanh_tich,
      });
    }
  });

  it('never writes the name, unit or achievement of a household without consent into any download', () => {
    const { dataset, warnings } = buildDataset(fixtureFiles());
    const snapshot = toSnapshot(dataset!, warnings, []);
    const hidden = AWARDS.find((a) => a['ma_khen_thuong'] === 'KT-2')!;
    const entry = snapshot.awards.find((a) => a.ma_khen_thuong === 'KT-2')!;
    expect(entry).toMatchObject({ ten_doi_tuong: null, ma_don_vi: null, thanh_tich: null, bai_viet: null });
    const award = downloads(snapshot).find((d) => d.name === 'khen-thuong')!;
    const csvLine = downloadFile(award, 'csv')
      .split('\n')
      .find((l) => l.startsWith('KT-2,'));
    const jsonEntry = (JSON.parse(downloadFile(award, 'json')) as Record<string, unknown>[]).find(
      (a) => a['ma_khen_thuong'] === 'KT-2',
    );
    for (const text of [csvLine, JSON.stringify(jsonEntry)]) {
      expect(text).toContain('1/QĐ');
      for (const value of ['ten_doi_tuong', 'ma_don_vi', 'thanh_tich'])
        expect(text).not.toContain(String(hidden[value]));
    }
  });
});

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
      award({
        ma_khen_thuong: 'tap-the',
        loai_doi_tuong: 'tap_the',
        ten_doi_tuong: 'Hội Nông dân xã Một',
        dong_y_cong_khai: '',
        ngay_dong_y: '',
      }),
      award({
        ma_khen_thuong: 'ngan-hang',
        loai_doi_tuong: 'ngan_hang',
        ten_doi_tuong: 'Ngân hàng Chính sách xã hội',
        dong_y_cong_khai: 'không',
        ngay_dong_y: '',
      }),
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
      ten_doi_tuong: 'Hộ ông Lý A Sử',
      ma_don_vi: 'X1-01',
      thanh_tich: 'Thoát nghèo',
      bai_viet: story,
      cong_khai: 'cong_khai',
    });
    expect(hidden).toEqual({
      ma_khen_thuong: 'KT-2',
      so_quyet_dinh: '1/QĐ',
      ngay_quyet_dinh: '2023-11-20',
      co_quan_ban_hanh: 'UBND huyện',
      chuc_vu_nguoi_ky: 'Chủ tịch',
      hinh_thuc: 'giay_khen_huyen',
      dot: 'so_ket',
      loai_doi_tuong: 'ho_gia_dinh',
      cong_khai: 'khong_cong_khai',
      ten_doi_tuong: null,
      ma_don_vi: null,
      thanh_tich: null,
      can_cu_phap_ly: 'Luật',
      bai_viet: null,
    });
  });
});
