import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, listFiles, pageText } from './helpers.ts';

// Another locality reuses the project by changing data only: a fictional district of another province
// (tests/dia-phuong-khac/), with its own period (2022–2026), thresholds, comparators and settings
// (scale of poor households only, relative falls, the village criterion for thôn only). Its site must
// state its own rules and carry no word of the sample locality.

const DATA = 'tests/dia-phuong-khac/data';
let out = '';

beforeAll(() => {
  out = buildFixtureSite(DATA, 'chung-tay-khac-');
}, 600_000);

const page = (rel: string) => pageText(readFileSync(join(out, rel), 'utf8'));

describe('a site built for another locality', () => {
  it('carries no word of the sample locality in any file', () => {
    const text = /\.(html|xml|json|csv|txt|js|css|svg|webmanifest)$/;
    const files = listFiles(out).filter((f) => text.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const body = readFileSync(join(out, f), 'utf8');
      for (const word of ['Phong Thổ', 'Lai Châu', 'phongtho', 'laichau'])
        expect(body, `${f}: ${word}`).not.toContain(word);
    }
  });

  it('states its own rules on the methodology page', () => {
    const text = page('phuong-phap/index.html');
    expect(text).toContain('huyện Sông Mây');
    expect(text).toContain('Quy mô = số hộ nghèo (không tính hộ cận nghèo)');
    expect(text).not.toContain('Quy mô = số hộ nghèo + số hộ cận nghèo');
    expect(text).toContain('Khác kế hoạch: chú thích 1');
    expect(text).toContain('Giảm từ 10% trở lên (tương đối, so với tỷ lệ năm trước) mỗi năm, 2 năm liên tiếp.');
    expect(text).toContain('đánh giá năm 2026 xét các năm 2025–2026');
    expect(text).toContain('giảm đúng 55% là đạt ("từ 55% trở lên")');
    expect(text).toContain('Giảm trên 45% so với đầu kỳ (năm 2022).');
    expect(text).toContain('tổ dân phố không thuộc diện xét');
    expect(text).toContain('Đợt sơ kết là năm 2024; đợt tổng kết là năm 2026.');
  });

  it('judges the tổ dân phố on no village criterion, and a thôn of the same town on it', () => {
    type Row = { ma_don_vi: string; tieu_chi: string; ket_qua: string };
    const { verdicts } = JSON.parse(readFileSync(join(out, 'du-lieu/danh-gia.json'), 'utf8')) as { verdicts: Row[] };
    const ofUnit = (id: string) => verdicts.filter((v) => v.ma_don_vi === id && v.tieu_chi === 'TC_THON');
    expect(ofUnit('90002-01').map((v) => v.ket_qua)).toEqual(Array(4).fill('khong_ap_dung'));
    expect(ofUnit('90002-02').map((v) => v.ket_qua)).not.toContain('khong_ap_dung');
  });
});
