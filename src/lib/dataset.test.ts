import { describe, expect, it } from 'vitest';
import { AWARDS, CRITERIA, fixtureFiles, review, steadyReviews, UNITS, type Row } from './__tests__/fixture.ts';
import { buildDataset } from './dataset.ts';
import { dump } from 'js-yaml';
import type { StoryInput } from './schemas/story.ts';
import { readStoryFile } from './stories/file.ts';

const firstError = (result: ReturnType<typeof buildDataset>) => result.errors[0];

function story(over: Record<string, unknown> = {}, body = 'Một câu chuyện.'): StoryInput {
  const data = {
    tieu_de: 'Bài thử nghiệm',
    tom_tat: 'Một câu chuyện điển hình để thử.',
    ngay: '2025-12-01',
    tac_gia: 'Ban Tuyên giáo',
    ma_don_vi: 'X1-01',
    ...over,
  };
  return readStoryFile('dien-hinh/bai.mdx', new TextEncoder().encode(`---\n${dump(data)}---\n${body}`));
}

describe('checks across files', () => {
  it('accepts the fixture and names no problem', () => {
    const result = buildDataset(fixtureFiles());
    expect(result.errors).toEqual([]);
    expect(result.dataset).not.toBeNull();
  });

  it('says which file is missing', () => {
    const files = fixtureFiles();
    files.delete('khu-vuc.csv');
    expect(firstError(buildDataset(files))).toMatchObject({ file: 'khu-vuc.csv', code: 'format-error' });
  });

  it('refuses an unknown unit code, naming the line and the unit the name belongs to', () => {
    const reviews: Row[] = [...steadyReviews(), { ...review('X9-01', 2023, 10, 1, 1), ten_don_vi: 'Bản Hai' }];
    const result = buildDataset(fixtureFiles({ reviews }));
    expect(result.dataset).toBeNull();
    expect(firstError(result)).toMatchObject({
      file: 'ket-qua-ra-soat.csv',
      line: 17,
      field: 'ma_don_vi',
      code: 'foreign-key',
      value: 'X9-01',
    });
  });

  it('refuses a number of consecutive years that the period cannot hold', () => {
    const criteria = CRITERIA.map((r) => (r['ma_tieu_chi'] === 'TC_XA_1' ? { ...r, so_nam_lien_tiep: 5 } : r));
    const error = firstError(buildDataset(fixtureFiles({ criteria })));
    expect(error).toMatchObject({ file: 'tieu-chi.csv', line: 2, field: 'so_nam_lien_tiep', code: 'constraint-error' });
    expect(error?.message).toContain('chỉ có 4 năm giảm');
    const four = CRITERIA.map((r) => (r['ma_tieu_chi'] === 'TC_XA_1' ? { ...r, so_nam_lien_tiep: 4 } : r));
    expect(buildDataset(fixtureFiles({ criteria: four })).errors).toEqual([]);
  });

  it('refuses a village under a commune that does not exist', () => {
    const units = [...UNITS, { ma_don_vi: 'X7-01', ten_don_vi: 'Bản Lạc', cap: 'thon', ma_don_vi_cha: 'X7' }];
    expect(firstError(buildDataset(fixtureFiles({ units })))).toMatchObject({
      file: 'don-vi.csv',
      line: 9,
      field: 'ma_don_vi_cha',
    });
  });

  it('refuses the same unit and year twice', () => {
    const reviews = [...steadyReviews(), review('X1-01', 2023, 100, 30, 10)];
    expect(firstError(buildDataset(fixtureFiles({ reviews })))).toMatchObject({ code: 'primary-key', line: 17 });
  });

  it('matches unit names written another way, and refuses a name that belongs to another code', () => {
    const withNames = steadyReviews().map((r) => ({
      ...r,
      ten_don_vi: r['ma_don_vi'] === 'X1-01' ? 'BẢN MỘT'.normalize('NFD') : '',
    }));
    expect(buildDataset(fixtureFiles({ reviews: withNames })).errors).toEqual([]);
    const wrong = steadyReviews().map((r, i) => (i === 0 ? { ...r, ten_don_vi: 'Thôn Ba' } : r));
    expect(firstError(buildDataset(fixtureFiles({ reviews: wrong })))).toMatchObject({ field: 'ten_don_vi', line: 2 });
  });

  it('warns, with the numbers, when a commune total differs from the sum of its villages', () => {
    const reviews = [...steadyReviews(), review('X1', 2023, 200, 60, 16)];
    const result = buildDataset(fixtureFiles({ reviews }));
    expect(result.errors).toEqual([]);
    expect(result.warnings.find((w) => w.field === 'so_ho_ngheo')?.message).toContain(
      'ghi 60, nhưng cộng 2 thôn được 64',
    );
  });

  it('warns that a commune total is not used while the commune has no villages', () => {
    const units = [...UNITS, { ma_don_vi: 'X3', ten_don_vi: 'Xã Ba', cap: 'xa', ma_don_vi_cha: 'H' }];
    const result = buildDataset(fixtureFiles({ units, reviews: [...steadyReviews(), review('X3', 2023, 100, 20, 5)] }));
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]?.message).toContain('Xã Ba chưa có thôn nào');
  });

  it("warns when this year's start differs from last year's end", () => {
    const reviews = steadyReviews().map((r) =>
      r['ma_don_vi'] === 'X1-01' && r['nam'] === 2024 ? { ...r, so_ho_ngheo_dau_nam: 33 } : r,
    );
    const result = buildDataset(fixtureFiles({ reviews }));
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]).toMatchObject({ field: 'so_ho_ngheo_dau_nam', line: 5 });
    expect(result.warnings[0]?.message).toContain('khác số hộ nghèo cuối năm 2023 (32)');
  });

  it('refuses a district Giấy khen dated after the district ended', () => {
    const awards = [{ ...AWARDS[0]!, ngay_quyet_dinh: '20/11/2025' }];
    expect(firstError(buildDataset(fixtureFiles({ awards })))).toMatchObject({
      file: 'khen-thuong.csv',
      field: 'ngay_quyet_dinh',
      line: 2,
    });
  });

  it('refuses an award that points to a story that does not exist', () => {
    const awards = [{ ...AWARDS[0]!, bai_viet: 'khong-co-bai' }];
    expect(firstError(buildDataset(fixtureFiles({ awards })))).toMatchObject({
      field: 'bai_viet',
      code: 'foreign-key',
    });
    expect(buildDataset(fixtureFiles({ awards: [{ ...AWARDS[0]!, bai_viet: 'bai' }] }), [story()]).errors).toEqual([]);
  });

  it('refuses a story about a unit or award that does not exist', () => {
    expect(firstError(buildDataset(fixtureFiles(), [story({ ma_don_vi: 'X9' })]))).toMatchObject({
      file: 'dien-hinh/bai.mdx',
      field: 'ma_don_vi',
    });
    expect(firstError(buildDataset(fixtureFiles(), [story({ ma_khen_thuong: 'KT-9' })]))).toMatchObject({
      field: 'ma_khen_thuong',
    });
  });

  it('refuses a story that names a household without consent, however the name is written', () => {
    const result = buildDataset(fixtureFiles(), [story({}, 'Gia đình ông SÙNG A CHỨ đã vươn lên.')]);
    expect(result.dataset).toBeNull();
    expect(firstError(result)?.message).toContain('chưa đồng ý');
    expect(firstError(result)?.message).not.toContain('Sùng');
    expect(buildDataset(fixtureFiles(), [story({ ma_khen_thuong: 'KT-2' })]).dataset).toBeNull();
    expect(buildDataset(fixtureFiles(), [story({ ma_khen_thuong: 'KT-1' }, 'Ông Lý A Sử kể lại.')]).errors).toEqual([]);
  });

  it('refuses a story with a photo but no recorded consent', () => {
    const photo = { tep: 'anh.jpg', mo_ta: 'Nương chè của bản', tac_gia: 'Phóng viên', dong_y: false };
    expect(firstError(buildDataset(fixtureFiles(), [story({ anh: [photo] })]))?.field).toBe('anh.0.dong_y');
  });
});

describe('story front matter', () => {
  it('explains in Vietnamese a missing field or unreadable front matter', () => {
    const missing = buildDataset(fixtureFiles(), [{ ...story(), data: { tieu_de: 'Bài thử nghiệm' } }]);
    expect(missing.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['tom_tat', 'ngay', 'tac_gia', 'ma_don_vi']),
    );
    const unreadable = buildDataset(fixtureFiles(), [{ ...story(), data: null }]);
    expect(unreadable.errors[0]?.message).toContain('không đọc được');
    for (const e of [...missing.errors, ...unreadable.errors])
      expect(e.message).not.toMatch(/Invalid|expected|received/);
  });
});

describe('story photos', () => {
  const photo = { tep: 'nuong.png', mo_ta: 'Nương thảo quả của bản', tac_gia: 'Phóng viên', dong_y: true };
  const png = (size: number) => {
    const b = new Uint8Array(size);
    b.set([0x89, 0x50, 0x4e, 0x47]);
    return b;
  };
  const withPhoto = (files: Map<string, Uint8Array>) => buildDataset(fixtureFiles(), [story({ anh: [photo] })], files);

  it('accepts a light image that exists, and refuses a missing, mistyped or heavy one', () => {
    expect(withPhoto(new Map([['nuong.png', png(2000)]])).errors).toEqual([]);
    expect(firstError(withPhoto(new Map()))).toMatchObject({ field: 'anh.0.tep', code: 'foreign-key' });
    expect(firstError(withPhoto(new Map([['nuong.png', new Uint8Array([0xff, 0xd8, 0xff, 0])]])))?.code).toBe(
      'format-error',
    );
    const heavy = firstError(withPhoto(new Map([['nuong.png', png(200 * 1024)]])));
    expect(heavy?.message).toContain('nặng 200 KB');
  });

  it('refuses a photo that carries hidden text (a description, EXIF), naming the story and the photo', () => {
    const text = new TextEncoder().encode('tEXtDescription\0Nương nhà ông A');
    const chunk = new Uint8Array([0, 0, 0, text.length - 4, ...text, 0, 0, 0, 0]);
    const tagged = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk]);
    const error = firstError(withPhoto(new Map([['nuong.png', tagged]])));
    expect(error).toMatchObject({ file: 'dien-hinh/bai.mdx', field: 'anh.0.tep', code: 'constraint-error' });
    expect(error?.message).toContain('thông tin ẩn (tEXt)');
  });
});
