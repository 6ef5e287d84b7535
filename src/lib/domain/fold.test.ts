import { describe, expect, it } from 'vitest';
import { foldMarkup, foldText, markupReadings, prepare } from './fold.ts';

// Folding a whole text, as the definition reads: what a reader sees, decomposed, without marks or spacing.
// `foldText` folds one character at a time for speed; it must read every text as this does.
const byDefinition = (text: string, keepLines: boolean) =>
  prepare(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(keepLines ? /[^a-z0-9\n]+/g : /[^a-z0-9]+/g, ' ')
    .replace(keepLines ? /^ | $/gm : /^ | $/g, '');

const TEXTS = [
  'Hộ ông Sùng A Chứ',
  'Ho\u0302\u0323 o\u0302ng Su\u0300ng A Chu\u031B\u0301', // decomposed, as a Mac pastes it
  'SÙNG  A\tCHỨ\r\n  bản Hai ',
  '\n Sùng\nA \n\n',
  'Lý\u200BA Sử, Hoà / Hòa, Đèo Văn Định',
  'Sùng А Chứ (Cyrillic А), ｓｕｎｇ (full width), 𝐒𝐮𝐧𝐠 (mathematical)',
  'ﬁ ǅ Ⅻ ① ß İstanbul ΣΑΣ',
  'S&ugrave;ng &#65; Ch&#7913; &amp; &lt;b&gt; &nbsp;x',
  'lone \uD800 surrogate and e\u0301\u0323 marks, 漢字 한국어',
  '',
];

describe('prepare', () => {
  it('lower-cases plain ASCII, and still decodes an entity and drops an invisible character', () => {
    expect(prepare('Sung A CHU, /xa/dao-san/ 03549')).toBe('sung a chu, /xa/dao-san/ 03549');
    expect(prepare('Sung&nbsp;A &amp; Chu')).toBe('sung a & chu');
    expect(prepare('Sung\u00adA')).toBe('sunga');
  });
});

describe('foldText', () => {
  it('reads every text as folding it whole would, with and without lines', () => {
    for (const text of TEXTS) {
      expect(foldText(text), JSON.stringify(text)).toBe(byDefinition(text, false));
      expect(foldText(text, true), JSON.stringify(text)).toBe(byDefinition(text, true));
    }
  });

  it('folds a protected name to its plain letters however it is written', () => {
    expect(foldText('S&ugrave;ng А Ch\u01B0\u0301')).toBe('sung a chu');
    expect(foldText('Đèo Văn Định')).toBe('deo van dinh');
  });
});

describe('foldMarkup', () => {
  const PAGES = [
    '<p>Hộ ông <b>Sùng</b> A Chứ</p>',
    '<td>Lý</td><td>A</td> Sù<span>ng</span> A',
    '<img alt="Sùng A Chứ" src="x.png">\n<p class="a">\nbản &lt;Hai&gt;</p>',
    'a < b and no closing',
    '<svg><path d="M0 0L10 10"/></svg>\u0000<x>',
    // Entities next to tags, in attributes, without their semicolon, and one that only looks like a tag.
    'a &amp<b>x</b>&lt;i&gt;B<i>&#65;&#x1F600;</i>',
    '<a title="&quot;S&ugrave;ng&quot; &copy2024">A&nbsp;Ch&#7913;</a> x&<y &&amp;;',
    ...TEXTS,
  ];

  it('gives each reading of a page (tags as words, as spaces, removed) folded as foldText folds it', () => {
    for (const page of PAGES) {
      const readings = markupReadings(page);
      const folded = foldMarkup(page);
      for (const reading of ['whole', 'apart', 'joined'] as const) {
        expect(folded[reading], `${reading} of ${JSON.stringify(page)}`).toBe(foldText(readings[reading], true));
      }
    }
  });

  it('finds a name that markup splits or hides in an attribute', () => {
    const folded = foldMarkup('<p>Sù<b>ng</b> A</p><td>Lý</td><td>A</td><img alt="Chứ Lò">');
    expect(folded.joined).toContain('sung a');
    expect(folded.apart).toContain('ly a');
    expect(folded.whole).toContain('alt chu lo');
  });
});
