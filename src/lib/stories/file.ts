import { load, YAMLException } from 'js-yaml';
import { makeIssue, type Issue } from '../ingest/issues.ts';
import type { StoryInput } from '../schemas/story.ts';

// One story file, from its bytes to front matter and body, split the way the site splits it. The
// site (Astro's content loader and @astrojs/mdx) takes every `<slug>.mdx` of the story folder, finds
// the front matter with the regular expression below and reads it with js-yaml; the same rules
// here mean `check-data` accepts exactly the files the site would publish, and no other.

/** The photo folder inside the story folder (front matter `anh[].tep`). */
export const PHOTO_DIR = 'anh';

/** A story's file name is its URL: lower-case ASCII letters, digits and single hyphens. */
const STORY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/** Astro's front matter fence (@astrojs/internal-helpers `frontmatterRE`, YAML form). */
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

/**
 * What the loader does with an entry of the story folder: read a story, skip the photo folder and
 * hidden system files (.DS_Store; the site's glob skips them too), or hand it over to be refused.
 */
export function storyFolderEntry(name: string, isDirectory: boolean): 'story' | 'skip' | 'refuse' {
  if (isDirectory) return name === PHOTO_DIR ? 'skip' : 'refuse';
  if (STORY_NAME.test(name)) return 'story';
  return name.startsWith('.') && !/\.mdx?$/i.test(name) ? 'skip' : 'refuse';
}

function refusal(file: string): string {
  const name = file.split('/').pop() ?? file;
  const naming =
    'Tên tệp là địa chỉ của bài trên trang, nên chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ' +
    'kết thúc bằng .mdx, ví dụ ho-ong-ly-a-su.mdx.';
  if (/\.md$/i.test(name)) {
    const renamed = name.replace(/\.md$/i, '.mdx');
    const rename = `Bài viết phải có đuôi .mdx (trang chỉ đăng tệp .mdx): đổi tên ${name} thành ${renamed}.`;
    return STORY_NAME.test(renamed) ? rename : `${rename} ${naming}`;
  }
  if (STORY_NAME.test(name)) return `Không đọc được tệp ${name} (liên kết hỏng hoặc không có quyền đọc). Chép lại tệp.`;
  if (/\.mdx$/i.test(name)) return `Tên tệp ${name} không dùng được. ${naming} Đổi tên tệp.`;
  return (
    `Thư mục content/dien-hinh chỉ chứa bài viết (tệp .mdx) và thư mục ảnh ${PHOTO_DIR}/. ` +
    `Chuyển ${name} ra khỏi thư mục này (bài viết soạn trong Word cần chép sang tệp .mdx).`
  );
}

const problem = (file: string, line: number | null, code: string, message: string): Issue =>
  makeIssue('error', { file, line, field: line === null ? 'tep' : 'phan_dau' }, code, message);

/**
 * Split a story file into front matter (parsed, not yet validated) and body. `file` is its path in
 * the content folder ("dien-hinh/ho-ong-ly-a-su.mdx"); `bytes` is null for an entry that is not a
 * story (`storyFolderEntry` said 'refuse') or could not be read, which is then refused with the reason.
 */
export function readStoryFile(file: string, bytes: Uint8Array | null): StoryInput {
  const name = file.split('/').pop() ?? file;
  const slug = name.replace(/\.mdx$/, '');
  const refused = (issue: Issue): StoryInput => ({
    file,
    slug,
    data: null,
    body: '',
    source: '',
    bodyLine: 1,
    problems: [issue],
  });
  if (bytes === null || !STORY_NAME.test(name)) return refused(problem(file, null, 'format-error', refusal(file)));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const message = 'Tệp không phải văn bản UTF-8. Mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8.';
    return refused(problem(file, null, 'encoding-error', message));
  }
  text = text.replace(/\r\n?/g, '\n');
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    const message =
      'Bài viết cần phần đầu giữa hai dòng --- ở đầu tệp (tiêu đề, tóm tắt, ngày, tác giả, mã đơn vị). ' +
      'Xem mẫu trong README.';
    return refused(problem(file, 1, 'format-error', message));
  }
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const end = m.index + m[0].length;
  const body = text.slice(end);
  const bodyLine = lineOf(end);
  // YAML line 1 is the rest of the opening --- line.
  const fenceLine = lineOf(m.index + m[0].indexOf('---'));
  try {
    return {
      file,
      slug,
      data: load(m[1] ?? ''),
      body,
      source: text,
      bodyLine,
      fieldLines: fieldLines(m[1] ?? '', fenceLine),
    };
  } catch (e) {
    const at: unknown = e instanceof YAMLException ? e.mark?.line : null;
    const line = typeof at === 'number' && Number.isInteger(at) ? fenceLine + at : fenceLine;
    const reason = e instanceof YAMLException ? yamlHint(e.reason) : '';
    const message =
      `Phần đầu bài viết (giữa hai dòng ---) sai cú pháp YAML${reason}. Mỗi dòng viết "khóa: giá trị", ` +
      'giá trị có dấu hai chấm hoặc ký tự đặc biệt đặt trong ngoặc kép, thụt lề bằng dấu cách (không dùng Tab), ' +
      'mỗi khóa một lần.';
    return {
      file,
      slug,
      data: null,
      body,
      source: text,
      bodyLine,
      problems: [problem(file, line, 'format-error', message)],
    };
  }
}

/**
 * The file line of each front matter field, for messages: "tieu_de", "anh", "anh.0.mo_ta". js-yaml
 * gives values, not positions, so this reads the block layout staff write (one key per line, photos
 * as a "- tep: …" list); a field written another way (e.g. a flow list) falls back to its parent.
 */
function fieldLines(yaml: string, fenceLine: number): Record<string, number> {
  const lines: Record<string, number> = {};
  let inPhotos = false;
  let item = -1;
  yaml.split('\n').forEach((text, i) => {
    const line = fenceLine + i;
    const top = /^([A-Za-z_][\w-]*)\s*:/.exec(text);
    if (top?.[1] !== undefined) {
      lines[top[1]] ??= line;
      inPhotos = top[1] === 'anh';
      return;
    }
    if (!inPhotos) return;
    if (/^\s*-/.test(text)) lines[`anh.${++item}`] = line;
    const key = /^\s*(?:-\s+)?([A-Za-z_]\w*)\s*:/.exec(text)?.[1];
    if (key !== undefined && item >= 0) lines[`anh.${item}.${key}`] ??= line;
  });
  return lines;
}

/** The line of a field ("anh.0.mo_ta"), or of its nearest parent written on a line of its own. */
export function fieldLine(lines: Readonly<Record<string, number>> | undefined, field: string): number | null {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const line = lines?.[parts.slice(0, n).join('.')];
    if (line !== undefined) return line;
  }
  return null;
}

/** js-yaml's reasons are English; name the common ones in Vietnamese. */
function yamlHint(reason: string): string {
  if (/duplicated mapping key/.test(reason)) return ': một khóa được viết hai lần';
  if (/tab characters/.test(reason)) return ': thụt lề bằng Tab';
  if (/unknown tag/.test(reason)) return ': có thẻ "!" không dùng được';
  if (/indentation|mapping entry/.test(reason)) return ': thụt lề sai hoặc thiếu ngoặc kép';
  if (/end of the stream|quoted scalar|flow collection/.test(reason)) {
    return ': thiếu dấu đóng ngoặc kép hoặc ngoặc vuông';
  }
  return '';
}
