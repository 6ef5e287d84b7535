import { describe, expect, it } from 'vitest';
import type { ShareCard } from '../lib/site/share-card.ts';
import { drawShareImage, shareImagePng } from './share-image.ts';

const card: ShareCard = {
  path: '/anh-chia-se/xa/thu/thu.png',
  kicker: 'Thôn, bản, tổ dân phố',
  title: 'Bản Thử Nghiệm Đường Ẩn, xã Sì Lở Lầu',
  subtitle: 'Huyện Phong Thổ, tỉnh Lai Châu',
  statement: {
    tone: 'chua_dat',
    label: 'Chưa đạt',
    context: 'Tiêu chí thôn, năm 2025',
    detail: 'Cần giảm thêm 17 hộ nghèo và cận nghèo để đạt.',
  },
  footer: 'Phong Thổ chung tay vì người nghèo',
  alt: '',
};

describe('share images', () => {
  it('draws a 1200×630 PNG without text metadata, the same bytes every time', async () => {
    const png = Buffer.from(await drawShareImage(card, 'chungtay.example.vn'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.toString('latin1')).not.toMatch(/tEXt|iTXt|zTXt|eXIf/);
    expect(Buffer.from(await drawShareImage(card, 'chungtay.example.vn')).equals(png)).toBe(true);
    // Through the cache (drawn or read), the same image.
    expect(Buffer.from(await shareImagePng(card, 'https://chungtay.example.vn/')).equals(png)).toBe(true);
    expect(Buffer.from(await shareImagePng(card, 'https://chungtay.example.vn/')).equals(png)).toBe(true);
  }, 60_000);

  it('draws another image when what the card says changes', async () => {
    const other = { ...card, statement: { ...card.statement!, tone: 'dat' as const, label: 'Đạt' } };
    const [a, b] = await Promise.all([shareImagePng(card, 'https://a.vn/'), shareImagePng(other, 'https://a.vn/')]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  }, 60_000);
});
