import { z } from 'zod';
import type { Issue } from '../ingest/issues.ts';

// Front matter of an exemplary story (content/dien-hinh/*.mdx). The facts box is pulled from the
// data through `ma_don_vi` and `ma_khen_thuong`, so a story never retypes a figure.

// Every message is Vietnamese, including for a missing or mistyped field (zod's own are English).
const text = (min: number, error: string) => z.string({ error }).min(min, { error });
const isoDateText = z
  .string({ error: 'Cần ngày, dạng yyyy-mm-dd, ví dụ 2025-12-05.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày viết dạng yyyy-mm-dd, ví dụ 2025-12-05 (trong ngoặc kép).' });

// js-yaml (the site's front matter reader) reads an unquoted 2025-12-05 as a date: same day, as text.
const dayOf = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v);
const isoDate = z.preprocess(dayOf, isoDateText);

const fields = {
  tieu_de: text(5, 'Cần tiêu đề bài viết.'),
  tom_tat: text(20, 'Cần tóm tắt ít nhất một câu.'),
  ngay: isoDate,
  tac_gia: text(2, 'Cần tên tác giả hoặc đơn vị viết bài.'),
  ma_don_vi: text(1, 'Cần mã đơn vị (thôn hoặc xã) mà bài viết nói đến, trong ngoặc kép, ví dụ "03550-02".'),
  ma_khen_thuong: z.string({ error: 'Mã khen thưởng viết trong ngoặc kép, ví dụ "KT-2023-001".' }).optional(),
  anh: z
    .array(
      z.object(
        {
          tep: z
            .string({ error: 'Cần tên tệp ảnh.' })
            .regex(/^[a-z0-9-]+\.(jpg|jpeg|png|webp)$/, { error: 'Tên tệp ảnh không dấu, ví dụ nha-van-hoa.jpg.' }),
          mo_ta: text(5, 'Cần mô tả ảnh cho người không xem được ảnh.'),
          tac_gia: text(2, 'Cần ghi tác giả ảnh.'),
          dong_y: z.literal(true, {
            error: 'Chỉ đăng ảnh khi người trong ảnh đã đồng ý: ghi dong_y: true sau khi có đồng ý.',
          }),
        },
        { error: 'Mỗi ảnh cần tep, mo_ta, tac_gia, dong_y.' },
      ),
      { error: 'Mục "anh" là danh sách ảnh.' },
    )
    .default([]),
};

// Strict: Astro acts on keys of its own (`layout` imports a file into the page, `slug` changes the URL),
// so a key this contract does not know is refused rather than passed on.
export const storySchema = z.strictObject(fields, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `Phần đầu bài viết có mục không dùng được: ${issue.keys.join(', ')}. ` +
        `Chỉ dùng các mục ${Object.keys(fields).join(', ')}; xóa hoặc sửa tên mục.`
      : 'Phần đầu bài viết (giữa hai dòng ---) không đọc được. Kiểm tra cú pháp: mỗi dòng "khóa: giá trị".',
});

export type StoryMeta = z.output<typeof storySchema>;

export interface StoryInput {
  /** File name inside the content folder, e.g. "dien-hinh/ho-ong-ly-a-su.mdx". */
  file: string;
  slug: string;
  /** Front matter as parsed from YAML, not yet validated. */
  data: unknown;
  body: string;
  /** The whole file as written (front matter and body), for the privacy gate. */
  source: string;
  /** The file line the body starts on, after the front matter; 1 when not given. */
  bodyLine?: number;
  /** Why the file cannot be read as a story (name, encoding, YAML syntax), found by `readStoryFile`. */
  problems?: readonly Issue[];
  /** The file line of each front matter field ("tieu_de", "anh.0.mo_ta"); see `fieldLine`. */
  fieldLines?: Readonly<Record<string, number>>;
}

export interface Story extends StoryMeta {
  slug: string;
  file: string;
  body: string;
  bodyLine: number;
  fieldLines: Readonly<Record<string, number>>;
}
