import { describe, expect, it } from 'vitest';
import { phonesIn } from '../ingest/personal.ts';
import { describeFinding, scanOutput, scanPieces } from './output-scan.ts';
import { nameFinder, namesIn } from './protected-names.ts';

const names = nameFinder([{ ma_khen_thuong: 'KT-2', words: namesIn('Hộ ông Sùng A Chứ')[0]! }]);
const PUBLIC = new Set(phonesIn('Điện thoại 0213 3 000 000; báo chí 0213.3000.001'));
const kinds = (path: string, text: string, binary = false) =>
  scanOutput(path, text, names, PUBLIC, binary).map((f) => `${f.kind}@${f.line}`);

describe('the scan of the built site', () => {
  it('finds a protected name however a page, a download or an image carries it', () => {
    const cases: [string, string][] = [
      ['a.html', '<p>Hộ ông Sùng A Chứ</p>'],
      ['a.html', '<p>Sùng <b>A</b> Chứ</p>'],
      ['a.html', '<p>Sù<span>ng</span> A Chứ</p>'],
      ['a.html', '<img alt="Sung A Chu" src="/a.png">'],
      ['a.html', '<td>Sùng</td><td>A Chứ</td>'],
      ['a.html', '<a href="/vinh-danh/sung-a-chu/">Trang</a>'],
      ['a.html', '<a href="/t/S%C3%B9ng%20A%20Ch%E1%BB%A9">x</a>'],
      ['a.json', '{"ten":"S\\u00f9ng A Ch\\u1ee9"}'],
      ['a.csv', 'KT-2,"Sùng A Chứ",X1-02'],
      ['a.xml', '<title>Sùng&nbsp;A&#160;Chứ</title>'],
      ['a.svg', '<text>SÙNG A CHỨ</text>'],
    ];
    for (const [path, text] of cases) expect(kinds(path, text), text).toContain('ten@1');
    expect(scanOutput('a.html', '<p>x</p>\n<p>Sùng A Chứ</p>', names, PUBLIC, false)[0]).toEqual({
      path: 'a.html',
      line: 2,
      kind: 'ten',
      ma_khen_thuong: 'KT-2',
    });
  });

  it('reads the text metadata of an image, and only names there', () => {
    const png = '\x89PNG\r\n\x1a\n....tEXtDescription\x00Ho ong Sung A Chu 0912345678';
    expect(scanOutput('anh/a.png', png, names, PUBLIC, true).map((f) => f.kind)).toEqual(['ten']);
  });

  it('finds ID-card numbers, private phone numbers and dates of birth', () => {
    expect(kinds('a.html', '<p>CCCD 001203012345</p>')).toEqual(['so_giay_to@1']);
    expect(kinds('a.html', '<p>Số CMND: 012345678.</p>')).toEqual(['so_giay_to@1']);
    expect(kinds('a.html', '<p>Căn cước 001 203 012 345</p>')).toEqual(['so_giay_to@1']);
    expect(kinds('a.csv', '96,0912345678\nb,0912.345.678\nc,+84 912 345 678')).toEqual([
      'so_dien_thoai@1',
      'so_dien_thoai@2',
      'so_dien_thoai@3',
    ]);
    expect(kinds('a.csv', '12,001203012345')).toEqual(['so_giay_to@1']);
    expect(kinds('a.html', '<p>Ông A, sinh ngày 12/03/1961.</p>')).toEqual(['ngay_sinh@1']);
    expect(kinds('a.html', '<p>Năm sinh: 1961</p>')).toEqual(['ngay_sinh@1']);
  });

  it('reads the digits of a page as written, also where they stand next to a tag or inside an entity', () => {
    expect(kinds('a.html', '<p>Gọi 0912<b>345</b>678</p>')).toEqual(['so_dien_thoai@1']);
    // A reader sees "' 12 345 678", but a spreadsheet or a search engine may read the digits of "&#039" too.
    expect(kinds('a.html', '<p>&#039 12 345 678</p>')).toEqual(['so_dien_thoai@1']);
  });

  it("lets through the agency's published numbers and the numbers a page is made of", () => {
    const page = [
      '<footer>Điện thoại: 0213 3 000 000. Báo chí: 0213 3 000 001.</footer>',
      // Chart labels side by side, a hash, codes, decimals, dates, grouped counts, coordinates.
      '<svg><text>2023</text><text>2024</text><text>2025</text><text>2026</text></svg>',
      '<meta content="style-src \'sha256-lQFALnPSuxKLgBjH6RoW123456789012+Q=\'">',
      '<p>Mã 03550-02, 2025-03562; tỷ lệ 0,123456789; 0.1234567890; ngày 20/11/2025; 1.234.567.890 khẩu.</p>',
      '<path d="M103.351234567,22.780123456L103.4,22.8"/>',
      '<p>Chính sách: không công khai ngày sinh, năm sinh của người được khen.</p>',
      'sha256,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ].join('\n');
    expect(kinds('a.html', page)).toEqual([]);
  });

  it('finds a date of birth in an attribute, a private landline, and a phone inside a CSV cell with angle brackets', () => {
    expect(kinds('a.html', '<img alt="Ông A, sinh năm 1961" src="/a.png">')).toEqual(['ngay_sinh@1']);
    expect(kinds('a.html', '<p>Nhà riêng 0213 3 999 999</p>')).toEqual(['so_dien_thoai@1']);
    expect(kinds('a.csv', 'ghi chú,a<b 0912345678 c>d')).toEqual(['so_dien_thoai@1']);
  });

  it('says what was found, where, and which award to look at, never the value', () => {
    const [name] = scanOutput('xa/a/index.html', '\n<p>Sùng A Chứ</p>', names, PUBLIC, false);
    expect(describeFinding(name!)).toBe(
      '  - xa/a/index.html, dòng 2: có tên hộ gia đình, cá nhân chưa đồng ý công khai (mã khen thưởng KT-2).',
    );
    const [phone] = scanOutput('a.csv', 'x,0912345678', names, PUBLIC, false);
    expect(describeFinding(phone!)).toBe(
      '  - a.csv, dòng 1: có số điện thoại không phải số công vụ trong dia-phuong.csv.',
    );
    const [id] = scanOutput('a.json', '{"x":"001203012345"}', names, PUBLIC, false);
    expect(describeFinding(id!)).toBe('  - a.json, dòng 1: có dãy số giống số CMND/CCCD.');
    const [birth] = scanOutput('a.txt', 'Ngày sinh 01/02/1960', names, PUBLIC, false);
    expect(describeFinding(birth!)).toBe('  - a.txt, dòng 1: có ngày sinh hoặc năm sinh.');
  });

  it('reads a country-sized file in slices of lines and still names the right line, across a slice boundary too', () => {
    const slice = 1000;
    const lines = Array.from({ length: 300 }, (_, i) => `${i},Bản số ${i},xã Một,12,34,chính thức`);
    const at = [1, 2, 150, 300].map((n) => n - 1);
    for (const i of at) lines[i] = `${i},Sùng A Chứ,xã Một`;
    // A name split over the two lines that straddle a slice boundary: found in the overlap.
    const boundary = lines.join('\n').lastIndexOf('\n', 3 * slice);
    const lineOfBoundary = lines.join('\n').slice(0, boundary).split('\n').length;
    lines[lineOfBoundary - 1] = 'x,Sùng A';
    lines[lineOfBoundary] = 'Chứ,y';
    const text = lines.join('\n');
    const found = (size: number) =>
      scanOutput('a.csv', text, names, PUBLIC, false, size)
        .map((f) => f.line)
        .sort((x, y) => x - y);
    const expected = [...at.map((i) => i + 1), lineOfBoundary].sort((x, y) => x - y);
    expect(found(slice)).toEqual(expected);
    expect(found(text.length)).toEqual(expected);
  });

  it('finds a name wherever a piece of a long one-line file cuts it, and no name a cut invents', () => {
    const item = (i: number) => `{"ma":"${i}","ten":"Bản số ${i}","ghi_chu":"Nhà văn hóa"}`;
    const items = Array.from({ length: 200 }, (_, i) => item(i));
    items[120] = '{"ma":"120","ten":"Hộ ông Sùng A Chứ"}';
    const text = `[${items.join(',')}]`;
    const start = text.indexOf('Sùng');
    for (let cut = start - 3; cut <= start + 12; cut++) {
      const pieces = [text.slice(0, cut), text.slice(cut)];
      const findings = scanPieces('a.json', pieces, names, PUBLIC, false);
      expect(
        findings.map((f) => `${f.kind}@${f.line}`),
        `cut at ${cut}`,
      ).toEqual(['ten@1']);
    }
    // "Chứ" cut off "Sùng A Chứ" ends a word: the next piece must not read "ng A Chứ" or "A Chứ" as a name.
    const clean = text.replace('Hộ ông Sùng A Chứ', 'Hộ ông Vàng');
    expect(scanPieces('a.json', [clean.slice(0, 2000), clean.slice(2000)], names, PUBLIC, false)).toEqual([]);
  });

  it('finds a name split over a line break that a piece boundary falls on, on its first line', () => {
    const text = ['a,b', 'x,Sùng A', 'Chứ,y', 'c,d'].join('\n');
    const cut = text.indexOf('\nChứ') + 1;
    expect(scanPieces('a.csv', [text.slice(0, cut), text.slice(cut)], names, PUBLIC, false)).toEqual([
      { path: 'a.csv', line: 2, kind: 'ten', ma_khen_thuong: expect.any(String) },
    ]);
  });
});
