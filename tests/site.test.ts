import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datesInText } from '../src/lib/format/vi.ts';
import { DIST, fileFor, listFiles, pageText, readDist } from './helpers.ts';

// Golden checks on the built site: every unit, entry and story has its page showing what the
// verdict file holds; links resolve; pages are light, self-contained, accessible and private.

type Rec = Record<string, unknown>;
const json = <T>(name: string) => JSON.parse(readDist(`du-lieu/${name}`)) as T;
const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
const units = json<Rec[]>('don-vi.json');
const { verdicts } = json<{ verdicts: Rec[] }>('danh-gia.json');
const awards = json<Rec[]>('khen-thuong.json');
const text = (file: string) => pageText(readDist(file));

/** The unit pages titled with a name (village names repeat across communes). */
const pagesTitled = (name: string) =>
  pages.filter((p) => /^(xa|xa-moi)\//.test(p) && readDist(p).includes(`<h1>${name}</h1>`));

describe('the built site', () => {
  it("has a page for every commune, village and today's commune, showing its verdicts and figures", () => {
    const reviews = json<Rec[]>('ket-qua-ra-soat.json');
    const shown = units.filter((u) => u['cap'] !== 'huyen');
    expect(shown.length).toBeGreaterThan(190);
    for (const u of shown) {
      const expected = [
        ...verdicts
          .filter((x) => x['ma_don_vi'] === u['ma_don_vi'] && x['ket_qua'] !== 'khong_ap_dung')
          // Dates quoted inside a sentence are shown dd/mm/yyyy.
          .map((v) => datesInText(String(v['giai_thich']))),
        // Figures by year, as "2023 1.234" (year, then total households in vi-VN format).
        ...reviews
          .filter((r) => r['ma_don_vi'] === u['ma_don_vi'])
          .map((r) => `${r['nam']} ${Number(r['tong_so_ho']).toLocaleString('de-DE')}`),
      ];
      const candidates = pagesTitled(String(u['ten_don_vi']));
      expect(candidates.length, String(u['ten_don_vi'])).toBeGreaterThan(0);
      const page = candidates.find((p) => expected.every((e) => text(p).includes(e)));
      expect(
        page,
        `${u['ma_don_vi']} ${u['ten_don_vi']}: no page shows all ${expected.length} verdicts and figures`,
      ).toBeDefined();
    }
  });

  it('shows the district targets with their evidence on the overview', () => {
    const body = text('index.html');
    for (const v of verdicts.filter((x) => x['cap'] === 'huyen' && x['ket_qua'] !== 'khong_ap_dung'))
      expect(body).toContain(String(v['giai_thich']));
    expect(body).toContain('Dữ liệu minh họa');
  });

  it('has a permanent page for every named honour-roll entry, a notice for a withdrawn one, and none for an unnamed one', () => {
    for (const a of awards) {
      const file = `vinh-danh/${String(a['ma_khen_thuong']).toLowerCase()}/index.html`;
      if (a['cong_khai'] === 'cong_khai') {
        expect(text(file)).toContain(String(a['ten_doi_tuong']));
        expect(text(file)).toContain(String(a['so_quyet_dinh']));
      } else if (a['cong_khai'] === 'da_rut_dong_y') {
        expect(text(file)).toContain('Đã gỡ theo yêu cầu của người được khen');
      } else {
        expect(existsSync(join(DIST, file))).toBe(false);
      }
    }
  });

  it('has a page for every story, with the facts box and citation', () => {
    const stories = listFiles('content/dien-hinh').filter((f) => f.endsWith('.mdx'));
    expect(stories.length).toBeGreaterThanOrEqual(3);
    const reviews = json<Rec[]>('ket-qua-ra-soat.json');
    for (const s of stories) {
      const body = text(`dien-hinh/${s.replace('.mdx', '')}/index.html`);
      // The facts are those of the story's own date, labelled with their year.
      const year = /ngay: "(\d{4})/.exec(readFileSync(join('content/dien-hinh', s), 'utf8'))?.[1];
      expect(body).toContain(`Số liệu năm ${year}, thời điểm của bài viết (lấy từ dữ liệu rà soát)`);
      // The facts box carries the unit's baseline figures from the data, not retyped ones.
      const unitId = /ma_don_vi: "([^"]+)"/.exec(readFileSync(join('content/dien-hinh', s), 'utf8'))?.[1];
      const unit = units.find((u) => u['ma_don_vi'] === unitId)!;
      const villages = units
        .filter((u) => u['ma_don_vi'] === unitId || u['ma_don_vi_cha'] === unitId)
        .map((u) => u['ma_don_vi']);
      const total = reviews
        .filter((r) => r['nam'] === 2021 && villages.includes(r['ma_don_vi']))
        .reduce((n, r) => n + Number(r['tong_so_ho']), 0);
      expect(body).toContain(`${unit['ten_don_vi']}, năm 2021 (chính thức) ${total.toLocaleString('de-DE')} hộ;`);
      expect(body).toContain('Trích dẫn và liên hệ báo chí');
    }
  });

  it('never publishes a household or individual without consent, in any file', () => {
    const hidden = ['Sùng A Chứ', 'Vàng Thị Dua', 'Pờ Lò Chè', 'Chảo Mẩy Lở'];
    const withdrawnOrHiddenIds = awards.filter((a) => a['cong_khai'] !== 'cong_khai');
    expect(withdrawnOrHiddenIds).toHaveLength(hidden.length);
    for (const file of listFiles(DIST)) {
      const content = readFileSync(join(DIST, file), 'utf8');
      for (const name of hidden) {
        expect(content.includes(name), `${name} in ${file}`).toBe(false);
        expect(content.normalize('NFD').includes(name.normalize('NFD')), `${name} in ${file}`).toBe(false);
      }
    }
  });

  it('keeps every page under 100 KB transferred (gzip), everything included', () => {
    // HTML carries its CSS, charts and maps inline; images it shows are counted too (already compressed).
    const images = (html: string) =>
      [...html.matchAll(/<img[^>]+src="(\/[^"]+)"/g)].reduce(
        (n, m) => n + readFileSync(join(DIST, fileFor(m[1]!))).length,
        0,
      );
    const weights = pages.map((p) => {
      const html = readFileSync(join(DIST, p));
      return { p, kb: (gzipSync(html).length + images(html.toString('utf8'))) / 1024 };
    });
    const heaviest = weights.sort((a, b) => b.kb - a.kb)[0]!;
    console.log(`page weight (gzip): ${pages.length} pages, heaviest ${heaviest.p} ${heaviest.kb.toFixed(1)} KB`);
    expect(heaviest.kb).toBeLessThan(100);
  });

  it('asks no other origin for anything and runs no script but the search box\u2019s own module', () => {
    const scripts = new Set<string>();
    for (const page of pages) {
      const html = readDist(page);
      // The canonical link names the page's own absolute address; it fetches nothing.
      expect(html.replace(/<link rel="canonical"[^>]*>/, ''), page).not.toMatch(
        /<(script|img|iframe|link)[^>]+(src|href)="(https?:)?\/\//,
      );
      expect(html, page).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//);
      for (const m of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(m[1], page).toBe('');
        scripts.add(m[0]);
      }
    }
    expect([...scripts]).toEqual([
      expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js"><\/script>$/),
    ]);
  });

  it('writes every page in Vietnamese with one h1, a skip link and a content security policy', () => {
    for (const page of pages) {
      const html = readDist(page);
      if (html.includes('http-equiv="refresh"')) continue;
      expect(html, page).toContain('<html lang="vi"');
      expect(html.match(/<h1[ >]/g), page).toHaveLength(1);
      expect(html, page).toContain('href="#noi-dung"');
      expect(html, page).toContain('http-equiv="content-security-policy"');
      expect(html, page).toContain('Số liệu cập nhật ngày 05/12/2025');
    }
  });

  it('gives every chart and map a title, a takeaway and a real table of the same numbers', () => {
    let charts = 0;
    for (const page of pages) {
      for (const fig of readDist(page).matchAll(/<figure(?! class="photo")[\s\S]*?<\/figure>/g)) {
        charts++;
        expect(fig[0]).toMatch(/<svg[^>]*role="img"/);
        expect(fig[0]).toMatch(/<title>/);
        expect(fig[0]).toMatch(/<figcaption>/);
        expect(fig[0]).toMatch(/<table>[\s\S]*<caption>[\s\S]*scope="col"/);
      }
    }
    expect(charts).toBeGreaterThan(300);
  });

  it('says the map is a diagram when there is no boundary file', () => {
    expect(text('index.html')).toContain('không phải bản đồ địa giới hành chính');
  });

  it('keeps old spellings of names working as redirects', () => {
    expect(readDist('xa/ma-li-pho/index.html')).toContain('url=/xa/ma-ly-pho/');
    expect(readDist('xa/lan-nhi-thang/index.html')).toContain('url=/xa/la-nhi-thang/');
  });
});
