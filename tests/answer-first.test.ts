import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, listFiles, pageText, readDist } from './helpers.ts';

// What a reader sees first on a unit page: the answer, before any table or detail.

type Rec = Record<string, unknown>;
const { verdicts } = JSON.parse(readDist('du-lieu/danh-gia.json')) as { verdicts: Rec[] };
// Redirects from other spellings of a name are not unit pages.
const unitPages = listFiles(DIST).filter(
  (f) => /^xa(-moi)?\/.+index\.html$/.test(f) && !readDist(f).includes('http-equiv="refresh"'),
);
/** The unit of each published page, from the list of published URLs ("/xa/ban-lang/\tdon-vi 03577"). */
const unitOfPage = new Map(
  [...readFileSync('data/duong-dan.lock', 'utf8').matchAll(/^\/(\S+)\tdon-vi (\S+)$/gm)].map((m) => [
    `${m[1]}index.html`,
    m[2]!,
  ]),
);
const latest = Math.max(...verdicts.map((v) => Number(v['nam'])));

/** The page's main content, from its h1 on. */
const main = (file: string) => {
  const html = readDist(file);
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
};
const answerOf = (html: string) => /<section class="answer"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

describe('every unit page answers first', () => {
  it('puts the answer right after the title, before any table, notice or list of facts', () => {
    expect(unitPages.length).toBeGreaterThan(190);
    for (const file of unitPages) {
      const html = main(file);
      const answer = html.indexOf('<section class="answer"');
      expect(answer, file).toBeGreaterThan(html.indexOf('</h1>'));
      for (const later of ['<table', '<dl', 'class="notice"', '<figure']) {
        const at = html.indexOf(later);
        if (at >= 0) expect(answer, `${file}: ${later}`).toBeLessThan(at);
      }
    }
  });

  it("states each applicable criterion's verdict of the latest year in words, with the households still needed", () => {
    let unmet = 0;
    for (const file of unitPages.filter((f) => f.startsWith('xa/'))) {
      const html = main(file);
      const unitId = unitOfPage.get(file);
      expect(unitId, file).toBeDefined();
      const own = verdicts.filter(
        (v) => v['ma_don_vi'] === unitId && v['nam'] === latest && v['ket_qua'] !== 'khong_ap_dung',
      );
      const answer = pageText(answerOf(html));
      for (const v of own) expect(answer, file).toContain(String(v['ten_tieu_chi']));
      expect(answer, file).toContain(`Kết quả năm ${latest}`);
      expect(answer, file).toMatch(
        /Số liệu năm \d{4} là số liệu (sơ bộ|chính thức), cập nhật ngày \d{2}\/\d{2}\/\d{4}\./,
      );
      for (const v of own.filter((x) => x['ket_qua'] === 'chua_dat' && Number(x['can_them']) > 0)) {
        unmet++;
        expect(answer, file).toMatch(
          new RegExp(`Chưa đạt\\s*:\\s*cần (giảm )?thêm ${Number(v['can_them'])} (hộ|xã|thôn)`),
        );
      }
    }
    expect(unmet).toBeGreaterThan(50);
  });

  it('links from the answer to the criteria, the villages and the charts on the same page', () => {
    for (const file of unitPages) {
      const html = main(file);
      const links = [...answerOf(html).matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length, file).toBeGreaterThan(0);
      for (const id of links) expect(html, `${file} #${id}`).toContain(`id="${id}"`);
      if (html.includes('id="thon"')) expect(links, file).toContain('thon');
      if (html.includes('id="bieu-do"')) expect(links, file).toContain('bieu-do');
    }
  });

  it('writes every shortfall in the tables of criteria with its unit, and no "0 hộ"', () => {
    for (const file of unitPages) {
      const text = pageText(main(file));
      expect(text, file).not.toMatch(/\b(cần|thiếu) thêm \d+(?! (hộ|xã|thôn))/);
      expect(text, file).not.toMatch(/(?<![\d.,])0 hộ\b/);
      expect(text, file).not.toMatch(/thuộc (Xã|Huyện|Thị trấn|Phường) /);
    }
  });
});
