import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { readStoryFile, storyFolderEntry } from './file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const FRONT = [
  '---',
  'tieu_de: "Bài thử nghiệm"',
  'tom_tat: "Một câu chuyện điển hình để thử."',
  'ngay: "2025-12-01"',
  'tac_gia: "Ban Tuyên giáo"',
  'ma_don_vi: "X1-01"',
  '---',
];
/** A story file whose body text starts on line 8 (the front matter takes lines 1–7). */
const storyText = (body: string, front = FRONT) => [...front, body].join('\n');
const build = (file: string, text: string | null) =>
  buildDataset(fixtureFiles(), [readStoryFile(file, text === null ? null : bytes(text))]);

describe('which files of the story folder are stories', () => {
  it('reads <slug>.mdx, skips the photo folder and hidden system files, refuses the rest', () => {
    expect(storyFolderEntry('ho-ong-ly-a-su.mdx', false)).toBe('story');
    expect(storyFolderEntry('anh', true)).toBe('skip');
    expect(storyFolderEntry('.DS_Store', false)).toBe('skip');
    for (const name of ['bai.md', 'Bai Viet.mdx', 'bài-viết.mdx', 'bai.MDX', 'bai.docx', '.an.mdx', 'cu']) {
      expect(storyFolderEntry(name, name === 'cu')).toBe('refuse');
    }
  });

  it('says in Vietnamese what to do with a .md, a badly named .mdx and a Word file', () => {
    expect(build('dien-hinh/bai.md', null).errors[0]).toMatchObject({ file: 'dien-hinh/bai.md', code: 'format-error' });
    expect(build('dien-hinh/bai.md', null).errors[0]?.message).toContain('đổi tên bai.md thành bai.mdx.');
    expect(build('dien-hinh/Bai Viet.mdx', storyText('Chữ.')).errors[0]?.message).toContain('chữ thường không dấu');
    expect(build('dien-hinh/bao-cao.docx', null).errors[0]?.message).toContain('Chuyển bao-cao.docx ra khỏi');
    expect(build('dien-hinh/lien-ket.mdx', null).errors[0]?.message).toContain('Không đọc được tệp lien-ket.mdx');
  });

  it('refuses a file that is not UTF-8', () => {
    const latin = new Uint8Array([...bytes(storyText('Ch')), 0xe0, 0x0a]);
    const result = buildDataset(fixtureFiles(), [readStoryFile('dien-hinh/bai.mdx', latin)]);
    expect(result.errors[0]).toMatchObject({ code: 'encoding-error', file: 'dien-hinh/bai.mdx' });
  });
});

describe('front matter, read as the site reads it', () => {
  it('gives the body and the file line it starts on, with Windows line ends and a BOM', () => {
    const input = readStoryFile('dien-hinh/bai.mdx', bytes(`\uFEFF${storyText('Đoạn một.').replace(/\n/g, '\r\n')}`));
    // The body string starts right after the closing ---, on line 7; its text on line 8.
    expect(input).toMatchObject({ slug: 'bai', bodyLine: 7, data: { ma_don_vi: 'X1-01' } });
    expect(input.body.trim()).toBe('Đoạn một.');
  });

  it('names the file line of a YAML syntax error, in Vietnamese', () => {
    const front = [...FRONT.slice(0, 3), 'ngay: "2025-12-01', ...FRONT.slice(4)];
    const [error] = build('dien-hinh/bai.mdx', storyText('Chữ.', front)).errors;
    expect(error).toMatchObject({ file: 'dien-hinh/bai.mdx', code: 'format-error' });
    expect(error?.line).toBeGreaterThanOrEqual(4);
    expect(error?.message).toContain('sai cú pháp YAML');
    const withTwoTitles = [...FRONT.slice(0, 3), 'tieu_de: "Lần hai"', ...FRONT.slice(3)];
    const twice = build('dien-hinh/bai.mdx', storyText('Chữ.', withTwoTitles)).errors[0];
    expect(twice).toMatchObject({ line: 4 });
    expect(twice?.message).toContain('một khóa được viết hai lần');
    // A tag js-yaml (the site's reader) does not know fails the build: refused here too.
    const tagged = [...FRONT.slice(0, 6), 'ma_khen_thuong: !foo "KT-1"', '---'];
    expect(build('dien-hinh/bai.mdx', storyText('Chữ.', tagged)).errors[0]).toMatchObject({ line: 7 });
  });

  it('refuses a story with no front matter', () => {
    expect(build('dien-hinh/bai.mdx', 'Chỉ có nội dung.').errors[0]).toMatchObject({ line: 1, code: 'format-error' });
  });

  it('refuses keys Astro would act on (layout imports a file, slug changes the URL), at their line', () => {
    for (const key of ['layout: "../../../etc/passwd"', 'slug: "bai-khac"']) {
      const error = build('dien-hinh/bai.mdx', storyText('Chữ.', [...FRONT.slice(0, 6), key, '---'])).errors[0];
      expect(error?.message).toContain(`mục không dùng được: ${key.split(':')[0]}`);
      expect(error?.line).toBe(7);
    }
  });

  it('names the line of a front matter field that is wrong, photo fields included', () => {
    const photos = [
      'anh:',
      '  - tep: "a.png"',
      '    mo_ta: "Ảnh một"',
      '    tac_gia: "Phóng viên"',
      '    dong_y: true',
    ];
    const second = ['  - tep: "b.png"', '    mo_ta: "Ảnh hai"', '    tac_gia: "Phóng viên"', '    dong_y: false'];
    const front = [...FRONT.slice(0, 3), 'ngay: "hôm qua"', ...FRONT.slice(4, 6), ...photos, ...second, '---'];
    const { errors } = build('dien-hinh/bai.mdx', storyText('Chữ.', front));
    expect(errors.map((e) => [e.field, e.line])).toEqual([
      ['ngay', 4],
      ['anh.1.dong_y', 15],
    ]);
  });

  it('accepts an unquoted date as that day', () => {
    const front = [...FRONT.slice(0, 3), 'ngay: 2025-12-01', ...FRONT.slice(4)];
    const result = build('dien-hinh/bai.mdx', storyText('Chữ.', front));
    expect(result.errors).toEqual([]);
    expect(result.dataset?.stories[0]?.ngay).toBe('2025-12-01');
  });
});

describe('the body check inside check-data', () => {
  it('refuses a hostile body at the file line, and accepts a plain one', () => {
    expect(build('dien-hinh/bai.mdx', storyText('Đoạn một.')).errors).toEqual([]);
    const result = build('dien-hinh/bai.mdx', storyText('Đoạn một.\n\n<iframe src="https://evil.example"></iframe>'));
    expect(result.dataset).toBeNull();
    expect(result.errors).toMatchObject([{ file: 'dien-hinh/bai.mdx', line: 10, value: '<iframe>' }]);
  });
});
