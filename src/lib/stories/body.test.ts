import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkStoryBody, linkProblem, storyTextParts } from './body.ts';

// Bodies start on line 10 of their file here, as after a nine-line front matter: every line asserted
// below is a line of the whole file.
const FIRST = 10;
const FILE = 'dien-hinh/bai.mdx';
const check = (body: string) => checkStoryBody(FILE, body, FIRST, ['nuong.png']);
/** The one refusal of a body whose offending construct is on its third line (file line 12). */
const refusedAt12 = (construct: string) => {
  const issues = check(`Đoạn mở đầu.\n\n${construct}\n\nĐoạn kết.`);
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatchObject({ file: FILE, line: 12, severity: 'error', field: 'noi_dung' });
  return issues[0]!;
};

describe('story bodies: what text needs is accepted', () => {
  const plain = [
    '# Tiêu đề\n\nĐoạn có **đậm**, *nghiêng*, ~~gạch~~ và `mã`.',
    '- một\n- hai\n\n1. ba\n\n> "Trích lời." — ông Sử',
    '| Năm | Hộ nghèo |\n|---|---|\n| 2021 | 12 |',
    'Tỷ lệ \\< 5% \\{năm 2025\\} và &lt; 3%, a < b.',
    'H<sub>2</sub>O, m<sup>2</sup>, <abbr title="Ngân hàng Chính sách xã hội">NHCSXH</abbr>,<br/>dòng mới.',
    '[Trang chủ](/) [UBND](https://laichau.gov.vn "Cổng") [thư](mailto:a@b.vn) [gọi](tel:+842133876543)',
    '[http](http://x.vn), www.laichau.gov.vn',
    '![Nương thảo quả](/dien-hinh/anh/nuong.png "Ảnh minh họa")',
    'Chú thích[^1].\n\n[^1]: Nguồn: UBND xã.',
  ];
  it.each(plain)('accepts %j, and the build compiles it', (body) => {
    expect(check(body)).toEqual([]);
    // The compiler the build calls accepts it too: the check and the build agree it is valid.
    expect(mdxToJs(body, { features: { gfm: true, smartPunctuation: true } }).code).toContain('function MDXContent');
  });

  it('accepts the sample stories', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { readStoryFile } = await import('./file.ts');
    const names = readdirSync('content/dien-hinh').filter((n) => n.endsWith('.mdx'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const input = readStoryFile(`dien-hinh/${name}`, new Uint8Array(readFileSync(`content/dien-hinh/${name}`)));
      expect(checkStoryBody(input.file, input.body, input.bodyLine ?? 1, null)).toEqual([]);
    }
  });
});

describe('story bodies: code is refused at the line a person sees', () => {
  it('refuses import and export', () => {
    expect(refusedAt12("import fs from 'node:fs'").message).toContain('import hoặc export');
    expect(refusedAt12('export const x = 1').message).toContain('import hoặc export');
  });

  it('refuses flow, text and attribute expressions, comments included', () => {
    expect(refusedAt12('{process.env.HOME}').message).toContain('biểu thức');
    expect(refusedAt12('Chữ {process.env.HOME} giữa câu.').value).toBe('{process.env.HOME}');
    expect(refusedAt12('{/* ghi chú ẩn */}').message).toContain('biểu thức');
    expect(refusedAt12('<abbr title={x}>A</abbr>').message).toContain('{…}');
    expect(refusedAt12('<abbr {...props}>A</abbr>').message).toContain('{…}');
  });

  it.each(['script', 'iframe', 'object', 'embed', 'style'])('always refuses <%s>', (tag) => {
    expect(refusedAt12(`<${tag}>x</${tag}>`).message).toContain(`<${tag}> không bao giờ`);
  });

  it('refuses elements outside the allowlist and components not on it', () => {
    expect(refusedAt12('<div>khung</div>').value).toBe('<div>');
    expect(refusedAt12('Chữ <b>đậm</b>.').value).toBe('<b>');
    expect(refusedAt12('<HopSoLieu ma="X" />').value).toBe('<HopSoLieu>');
    expect(refusedAt12('<>rỗng</>').value).toBe('<>');
  });

  it('refuses event handlers and attributes an allowed element does not take', () => {
    expect(refusedAt12('<abbr onclick="alert(1)">A</abbr>').message).toContain('sự kiện onclick');
    expect(refusedAt12('<sup onMouseOver="x">2</sup>').message).toContain('sự kiện');
    expect(refusedAt12('<abbr style="color:red">A</abbr>').message).toContain('chỉ nhận thuộc tính title');
    expect(refusedAt12('<br class="x"/>').message).toContain('không nhận thuộc tính nào');
  });

  it('refuses links to other schemes, protocol-relative and relative paths, and ".."', () => {
    const urls = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'file:///etc/passwd'];
    for (const url of [...urls, '//evil.example/', 'bai-khac/', '/\\evil.example']) {
      expect(refusedAt12(`[bấm](${url})`).value).toBe(url);
    }
    expect(refusedAt12('[xem](/dien-hinh/../../etc/)').message).toContain('..');
    expect(refusedAt12('[xem](https://x.vn/a/%2e%2e/b)').message).toContain('..');
    // A reference link is refused where its address is written.
    const reference = check('[xem][ref]\n\n[ref]: javascript:alert(1)');
    expect(reference).toMatchObject([{ line: 12, value: 'javascript:alert(1)' }]);
  });

  it('refuses images outside the story photo folder, undeclared photos and ".."', () => {
    expect(refusedAt12('![a](../../../../etc/passwd)').message).toContain('"..".');
    expect(refusedAt12('![a](https://evil.example/x.png)').message).toContain('ngoài thư mục ảnh');
    expect(refusedAt12('![a](anh/nuong.png)').message).toContain('ngoài thư mục ảnh');
    expect(refusedAt12('![a](/dien-hinh/anh/khac.png)').message).toContain('chưa được khai');
    expect(refusedAt12('![a][r]\n\n[r]: /dien-hinh/anh/nuong.png').message).toContain('tham chiếu');
  });

  it('refuses a raw HTML comment, which would hide text from the page but not from the file', () => {
    expect(refusedAt12('Chữ <!-- Lý A Sử --> thấy.').message).toContain('<!--');
  });
});

describe('story bodies: a syntax error is explained in Vietnamese, before the build', () => {
  it('names the line of "< 5% {năm 2025}" and says how to write { and <', () => {
    const [issue, ...rest] = check('Đoạn một.\n\nTỷ lệ hộ nghèo < 5% {năm 2025}.');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: FILE, line: 12, code: 'format-error' });
    expect(issue?.message).toContain('\\{');
    expect(issue?.message).toContain('&lt;');
    expect(issue?.message).not.toMatch(/[Uu]nexpected|expected|oxc|Error|at /);
  });

  it('explains a stray < and an unclosed tag', () => {
    expect(check('\nA<5 hộ')[0]).toMatchObject({ line: 11 });
    expect(check('\nA<5 hộ')[0]?.message).toContain('Dấu < ở đây');
    expect(check('<sup>2')[0]?.message).toContain('không đóng');
  });
});

describe('link addresses', () => {
  it('allows the four schemes and site paths only', () => {
    expect(linkProblem('https://laichau.gov.vn/')).toBeNull();
    expect(linkProblem('/vinh-danh/')).toBeNull();
    expect(linkProblem(' javascript:alert(1)')).not.toBeNull();
    expect(linkProblem('java\tscript:alert(1)')).not.toBeNull();
    expect(linkProblem('https://')).not.toBeNull();
  });
});

describe('the text a reader sees', () => {
  it('gives one part per block with its file line, markup dropped and entities decoded', () => {
    const body = [
      '# Hộ **Lý** A Sử', // 10
      '',
      'Gia đình ông **Lý** A&nbsp;Sử', // 12
      'vươn lên, H<sub>2</sub>O.',
      '',
      '- mục *một*', // 15
      '- mục `hai`',
      '',
      '> Lời ông Sử.', // 18
      '',
      '| Tên | Số |', // 20
      '|---|---|',
      '| Lý&#160;A Sử | 1 |', // 22
      '',
      '![Ông Lý A Sử bên nương](/dien-hinh/anh/nuong.png) [bài](/ "Về ông Lý A Sử")', // 24
      '<abbr title="Lý A Sử">LAS</abbr>',
    ].join('\n');
    expect(storyTextParts(body, FIRST)).toEqual([
      { line: 10, text: 'Hộ Lý A Sử' },
      { line: 12, text: 'Gia đình ông Lý A Sử vươn lên, H2O.' },
      { line: 15, text: 'mục một' },
      { line: 16, text: 'mục hai' },
      { line: 18, text: 'Lời ông Sử.' },
      { line: 20, text: 'Tên' },
      { line: 20, text: 'Số' },
      { line: 22, text: 'Lý A Sử' },
      { line: 22, text: '1' },
      { line: 24, text: 'bài LAS' },
      { line: 24, text: 'Ông Lý A Sử bên nương' },
      { line: 24, text: 'Về ông Lý A Sử' },
      { line: 25, text: 'Lý A Sử' },
    ]);
  });

  it('still gives every line of a body that does not parse', () => {
    expect(storyTextParts('Ông Lý A Sử\n{năm 2025', FIRST)).toEqual([
      { line: 10, text: 'Ông Lý A Sử' },
      { line: 11, text: '{năm 2025' },
    ]);
  });
});
