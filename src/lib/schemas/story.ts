import { z } from 'zod';

// Front matter of an exemplary story (content/dien-hinh/*.mdx). The facts box is pulled from the
// data through `ma_don_vi` and `ma_khen_thuong`, so a story never retypes a figure.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày viết dạng yyyy-mm-dd, ví dụ 2025-12-05.' });

export const storySchema = z.object({
  tieu_de: z.string().min(5, { error: 'Cần tiêu đề bài viết.' }),
  tom_tat: z.string().min(20, { error: 'Cần tóm tắt ít nhất một câu.' }),
  ngay: isoDate,
  tac_gia: z.string().min(2, { error: 'Cần tên tác giả hoặc đơn vị viết bài.' }),
  ma_don_vi: z.string().min(1, { error: 'Cần mã đơn vị (thôn hoặc xã) mà bài viết nói đến.' }),
  ma_khen_thuong: z.string().optional(),
  anh: z
    .array(
      z.object({
        tep: z.string().regex(/^[a-z0-9-]+\.(jpg|jpeg|png|webp)$/, { error: 'Tên tệp ảnh không dấu, ví dụ nha-van-hoa.jpg.' }),
        mo_ta: z.string().min(5, { error: 'Cần mô tả ảnh cho người không xem được ảnh.' }),
        tac_gia: z.string().min(2, { error: 'Cần ghi tác giả ảnh.' }),
        dong_y: z.literal(true, { error: 'Chỉ đăng ảnh khi người trong ảnh đã đồng ý: ghi dong_y: true sau khi có đồng ý.' }),
      }),
    )
    .default([]),
});

export type StoryMeta = z.output<typeof storySchema>;

export interface StoryInput {
  /** File name inside the content folder, e.g. "dien-hinh/ho-ong-ly-a-su.mdx". */
  file: string;
  slug: string;
  /** Front matter as parsed from YAML, not yet validated. */
  data: unknown;
  body: string;
}

export interface Story extends StoryMeta {
  slug: string;
  file: string;
  body: string;
}
