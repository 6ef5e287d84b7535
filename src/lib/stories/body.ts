import { mdxToMdast } from 'satteri';
import { makeIssue, type Issue } from '../ingest/issues.ts';

// A story is text written by staff, not a program. Its body is parsed by the parser the build uses
// (satteri, behind @astrojs/mdx 8, with the same features) and its syntax tree is checked against
// a short list of what text needs: Markdown, a few inline HTML elements, links and the story's own
// photos. Everything MDX adds beyond that (import/export, {expressions}, components, raw HTML) is
// refused here, so `check-data` says so in Vietnamese before the build would run it.

/** The build's parser features: @astrojs/mdx turns GFM and smart punctuation on. */
const FEATURES = { gfm: true, smartPunctuation: true } as const;

/**
 * Elements a story may write, with the attributes each may carry. A project component (e.g. a facts
 * box) is allowed by adding one line here and passing it to `<Content components={…} />`.
 */
const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  br: [],
  sup: [],
  sub: [],
  abbr: ['title'],
};

/** Never allowed, named in the message: they run code, restyle the page or embed another site. */
const DANGEROUS_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'frame',
  'frameset',
  'applet',
  'link',
  'meta',
  'base',
  'form',
]);

/** Markdown that only carries text; any other node in the tree is refused. */
const TEXT_NODES = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'break',
  'linkReference',
  'footnoteDefinition',
  'footnoteReference',
]);

const LINK_SCHEMES = new Set(['https', 'http', 'mailto', 'tel']);

/** Where the site publishes the photos declared in a story's front matter (src/pages/dien-hinh/anh/). */
export const PHOTO_URL_PREFIX = '/dien-hinh/anh/';

const ESCAPE_HINT = 'Muốn viết dấu { thì gõ \\{; muốn viết dấu < (ví dụ "< 5%") thì gõ \\< hoặc &lt;.';

// The part of satteri's mdast + MDX tree read here; positions are on by default.
interface Point {
  line: number;
  column: number;
}
interface Attribute {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
  position?: { start: Point };
}
interface Node {
  type: string;
  position?: { start: Point };
  children?: Node[];
  value?: string;
  url?: string;
  title?: string | null;
  alt?: string | null;
  name?: string | null;
  attributes?: Attribute[];
}

interface Problem {
  line: number;
  value: string | null;
  message: string;
}

/**
 * Parse a story body as the build does. `firstLine` is the file line the body starts on (after the
 * front matter); Astro blanks the front matter the same way before parsing, so the tree is the
 * build's and every position in it is a line of the whole file.
 */
function parseStoryBody(body: string, firstLine: number): { tree: Node } | { error: Problem } {
  try {
    return { tree: mdxToMdast('\n'.repeat(firstLine - 1) + body, { features: FEATURES }) as unknown as Node };
  } catch (e) {
    return { error: syntaxProblem(e instanceof Error ? e.message : String(e)) };
  }
}

/** satteri says "3:17: Could not parse expression …" in English: keep the place, say it in Vietnamese. */
function syntaxProblem(english: string): Problem {
  const at = /^(\d+):(\d+)/.exec(english);
  let what = 'Bài viết có chỗ sai cú pháp MDX.';
  if (/comment/i.test(english)) {
    what =
      'Chú thích HTML <!-- … --> không dùng được trong bài viết: xóa chú thích ' +
      '(bài đăng công khai, không giấu chữ).';
  } else if (/expression|brace/i.test(english)) {
    what = 'Dấu { mở một biểu thức chương trình, bài viết không dùng được.';
  } else if (/closing tag/i.test(english)) {
    what = 'Một thẻ <…> mở mà không đóng, hoặc đóng sai thẻ (thẻ đứng một mình viết <br/>).';
  } else if (/after `<`|before name|JSX|tag/i.test(english)) {
    what = 'Dấu < ở đây được hiểu là mở một thẻ HTML.';
  }
  const message = `Ký tự thứ ${at?.[2] ?? 1} của dòng: ${what} ${ESCAPE_HINT}`;
  return { line: Number(at?.[1] ?? 1), value: null, message };
}

const lineOf = (n: { position?: { start: Point } }, fallback: number) => n.position?.start.line ?? fallback;
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function hasDotDot(url: string): boolean {
  if (url.includes('..')) return true;
  try {
    return decodeURIComponent(url).includes('..');
  } catch {
    return /%2e/i.test(url);
  }
}

/** Why a link's address is refused, or null when it may be published. */
export function linkProblem(url: string): string | null {
  if (hasDotDot(url)) return 'Địa chỉ có "..": không dẫn ra ngoài thư mục bằng "..", viết đường dẫn đầy đủ.';
  // Browsers read "\" as "/" and drop control characters, so "/\evil.example" would leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(url)) return 'Địa chỉ có ký tự không hợp lệ (dấu \\ hoặc ký tự điều khiển).';
  if (url.startsWith('/') && !url.startsWith('//')) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && LINK_SCHEMES.has(scheme) && URL.canParse(url)) return null;
  return (
    'Liên kết chỉ được dẫn tới địa chỉ https:, http:, mailto:, tel: ' +
    'hoặc một trang của chính trang này (bắt đầu bằng /).'
  );
}

/** Why an image is refused: a story shows only its own photos, declared (with consent) in its front matter. */
function imageProblem(url: string, photos: readonly string[] | null): string | null {
  const how =
    `Ảnh trong bài viết dạng ![mô tả ảnh](${PHOTO_URL_PREFIX}ten-tep.jpg), với tệp ảnh nằm trong ` +
    'content/dien-hinh/anh/ và được khai trong mục "anh" ở phần đầu bài (có dong_y: true).';
  if (hasDotDot(url)) return `Địa chỉ ảnh có "..". ${how}`;
  const name = url.startsWith(PHOTO_URL_PREFIX) ? url.slice(PHOTO_URL_PREFIX.length) : '';
  if (!/^[a-z0-9-]+\.(jpg|jpeg|png|webp)$/.test(name)) return `Ảnh nằm ngoài thư mục ảnh của bài viết. ${how}`;
  if (photos !== null && !photos.includes(name)) return `Ảnh ${name} chưa được khai trong mục "anh" ở đầu bài. ${how}`;
  return null;
}

function elementProblems(node: Node, problems: Problem[]) {
  const line = lineOf(node, 1);
  const name = node.name ?? '';
  const tag = `<${name}>`;
  const allowed = ALLOWED_ELEMENTS[name];
  if (DANGEROUS_ELEMENTS.has(name.toLowerCase())) {
    const message =
      `Thẻ ${tag} không bao giờ được dùng trong bài viết ` +
      '(có thể chạy mã, đổi giao diện hoặc nhúng trang khác). Xóa thẻ này.';
    problems.push({ line, value: tag, message });
    return;
  }
  if (allowed === undefined) {
    const list = Object.keys(ALLOWED_ELEMENTS)
      .map((n) => `<${n}>`)
      .join(', ');
    const message =
      `${name === '' ? 'Thẻ rỗng <>…</>' : `Thẻ ${tag}`} không dùng được trong bài viết; ` +
      `chỉ dùng được ${list}. Viết bằng Markdown: **đậm**, *nghiêng*, [chữ](https://…). ${ESCAPE_HINT}`;
    problems.push({ line, value: tag, message });
    return;
  }
  for (const a of node.attributes ?? []) {
    const at = lineOf(a, line);
    const attribute = a.name ?? '';
    if (a.type !== 'mdxJsxAttribute' || (typeof a.value === 'object' && a.value !== null)) {
      const message =
        `Thẻ ${tag} có thuộc tính viết bằng {…} (biểu thức chương trình). ` +
        'Viết giá trị trong ngoặc kép, ví dụ title="…".';
      problems.push({ line: at, value: tag, message });
    } else if (/^on/i.test(attribute)) {
      const message =
        `Thuộc tính sự kiện ${attribute} chạy mã trong trình duyệt, không dùng được trong bài viết. ` +
        'Xóa thuộc tính này.';
      problems.push({ line: at, value: attribute, message });
    } else if (!allowed.includes(attribute)) {
      const may = allowed.length > 0 ? `chỉ nhận thuộc tính ${allowed.join(', ')}` : 'không nhận thuộc tính nào';
      problems.push({ line: at, value: attribute, message: `Thẻ ${tag} ${may}. Xóa thuộc tính ${attribute}.` });
    }
  }
}

function walk(node: Node, photos: readonly string[] | null, problems: Problem[]) {
  const line = lineOf(node, 1);
  const url = node.url ?? '';
  switch (node.type) {
    case 'mdxjsEsm': {
      const message = 'Bài viết không được có dòng import hoặc export (mã chương trình). Xóa dòng này.';
      problems.push({ line, value: short(node.value ?? ''), message });
      return;
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const message =
        'Dấu {…} là biểu thức chương trình (kể cả chú thích {/* … */}), ' + `bài viết không dùng được. ${ESCAPE_HINT}`;
      problems.push({ line, value: short(`{${node.value ?? ''}}`), message });
      return;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      elementProblems(node, problems);
      break;
    case 'link':
    case 'definition': {
      const why = linkProblem(url);
      if (why) problems.push({ line, value: short(url), message: why });
      break;
    }
    case 'image': {
      const why = imageProblem(url, photos);
      if (why) problems.push({ line, value: short(url), message: why });
      break;
    }
    case 'imageReference': {
      const message =
        'Ảnh viết dạng tham chiếu ![…][…] không dùng được. ' + `Viết ![mô tả ảnh](${PHOTO_URL_PREFIX}ten-tep.jpg).`;
      problems.push({ line, value: null, message });
      break;
    }
    default:
      if (!TEXT_NODES.has(node.type)) {
        const message =
          'Cú pháp này không dùng được trong bài viết. Chỉ dùng Markdown thông thường: ' +
          'đoạn văn, tiêu đề, danh sách, bảng, trích dẫn, liên kết, ảnh.';
        problems.push({ line, value: node.type, message });
      }
  }
  for (const child of node.children ?? []) walk(child, photos, problems);
}

/**
 * Every reason a story body cannot be published, each at the file line a person sees.
 * `photos` are the file names declared in the front matter's `anh`, or null when the front matter
 * could not be read (then an image is only checked for its folder).
 */
export function checkStoryBody(
  file: string,
  body: string,
  firstLine: number,
  photos: readonly string[] | null,
): Issue[] {
  const parsed = parseStoryBody(body, firstLine);
  const at = (p: Problem) => ({ file, line: p.line, field: 'noi_dung', value: p.value });
  if ('error' in parsed) return [makeIssue('error', at(parsed.error), 'format-error', parsed.error.message)];
  const problems: Problem[] = [];
  walk(parsed.tree, photos, problems);
  return problems.map((p) => makeIssue('error', at(p), 'constraint-error', p.message));
}

export interface TextPart {
  /** File line the block starts on. */
  line: number;
  text: string;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'mdxFlowExpression']);
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'mdxJsxTextElement',
  'mdxTextExpression',
]);
const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** The text of inline content as a reader sees it (markup dropped); alt and titles are parts of their own. */
function inlineText(node: Node): string {
  if (node.type === 'image' || node.type === 'imageReference') return '';
  if (node.type === 'break') return ' ';
  if (node.value !== undefined && node.type !== 'mdxjsEsm') return node.value;
  return (node.children ?? []).map(inlineText).join('');
}

/** Alt text, link and definition titles, and element attributes (e.g. `<abbr title>`) of a node. */
function ownExtras(node: Node, parts: TextPart[]) {
  const line = lineOf(node, 1);
  if (node.alt) parts.push({ line, text: node.alt });
  if (node.title) parts.push({ line, text: node.title });
  for (const a of node.attributes ?? []) {
    if (typeof a.value === 'string') parts.push({ line: lineOf(a, line), text: a.value });
  }
}

function allExtras(node: Node, parts: TextPart[]) {
  ownExtras(node, parts);
  for (const child of node.children ?? []) allExtras(child, parts);
}

/** A flow element such as `<sup>2</sup>` alone on a line holds inline text directly. */
const isBlock = (node: Node) =>
  BLOCKS.has(node.type) ||
  (node.type === 'mdxJsxFlowElement' && (node.children ?? []).some((c) => PHRASING.has(c.type)));

function collectParts(node: Node, parts: TextPart[]) {
  if (isBlock(node)) {
    parts.push({ line: lineOf(node, 1), text: inlineText(node) });
    allExtras(node, parts);
    return;
  }
  ownExtras(node, parts);
  for (const child of node.children ?? []) collectParts(child, parts);
}

/**
 * The text a reader sees in a story body, one part per block (paragraph, heading, list item,
 * table cell, quotation, code block), plus image alt text, link titles and element titles; markup
 * dropped, entities decoded, whitespace (no-break space included) folded. A body that does not
 * parse (refused anyway) is returned line by line, so a gate over this text still sees every word.
 */
export function storyTextParts(body: string, firstLine: number): TextPart[] {
  const parsed = parseStoryBody(body, firstLine);
  const parts: TextPart[] = [];
  if ('error' in parsed) body.split('\n').forEach((text, i) => parts.push({ line: firstLine + i, text }));
  else collectParts(parsed.tree, parts);
  return parts.map((p) => ({ line: p.line, text: fold(p.text) })).filter((p) => p.text !== '');
}
