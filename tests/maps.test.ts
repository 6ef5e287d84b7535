import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxesIntersect, labelBox, MAP_FONT_SIZE, type MapLabel } from '../src/lib/charts/map.ts';
import { listFiles, readDist } from './helpers.ts';

// The sample's maps as a reader at 360 px sees them: every symbol and colour explained by the
// legend, names that never overlap, fills that stand out from the page, the verdict in the table.

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The map figures of the built site, split into the drawing, the legend and the table. */
function mapFigures() {
  return listFiles('dist')
    .filter((f) => f.endsWith('.html'))
    .flatMap((page) =>
      [...readDist(page).matchAll(/<figure class="map">([\s\S]*?)<\/figure>/g)].map((m) => {
        const fig = m[1] ?? '';
        const drawing = fig.match(/<svg viewBox="0 0 \d+ \d+" role="img"[\s\S]*?<\/svg>/)?.[0] ?? '';
        const legend = fig.match(/<ul class="legend">[\s\S]*?<\/ul>/)?.[0] ?? '';
        const table = fig.match(/<table>[\s\S]*?<\/table>/)?.[0] ?? '';
        const key = fig.match(/<p class="map-key">([\s\S]*?)<\/p>/)?.[1] ?? '';
        return { page, fig, drawing, legend, table, key };
      }),
    );
}

/** What a drawn mark means: its shape (hinh-…, or an area) and its colour class. */
const marks = (svg: string) =>
  new Set(
    [...svg.matchAll(/<path class="([^"]*)"/g)].map((m) => {
      const classes = (m[1] ?? '').split(' ');
      const shape = classes.find((c) => c.startsWith('hinh-')) ?? 'hinh-vung';
      const colour = classes.find((c) => /^(muc|kq)-/.test(c));
      return `${shape} ${colour}`;
    }),
  );

function labels(svg: string): MapLabel[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(start|middle|end)">([^<]*)<\/text>/g)].map(
    (m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      anchor: m[3] as MapLabel['anchor'],
      text: decode(m[4] ?? ''),
      key: null,
    }),
  );
}

describe('maps people can read', () => {
  const figures = mapFigures();

  it("finds the maps of the home page, the verdict maps and today's communes", () => {
    const pages = new Set(figures.map((f) => f.page));
    for (const page of [
      'index.html',
      'xa-moi/index.html',
      'ban-do/tieu-chi-xa-1/index.html',
      'ban-do/can-bo-phu-trach/index.html',
    ])
      expect(pages).toContain(page);
  });

  it('has a legend entry for every symbol and colour drawn', () => {
    for (const f of figures) {
      const drawn = marks(f.drawing);
      const explained = marks(f.legend);
      expect(drawn.size, f.page).toBeGreaterThan(0);
      for (const mark of drawn) expect(explained, `${f.page}: ${mark}`).toContain(mark);
    }
    // The verdict maps draw circles, triangles and diamonds, and the legend names each.
    const verdictMap = figures.find((f) => f.page === 'ban-do/tieu-chi-xa-1/index.html')!;
    expect([...marks(verdictMap.drawing)].map((m) => m.split(' ')[0]).sort()).toEqual([
      'hinh-tam-giac',
      'hinh-thoi',
      'hinh-tron',
    ]);
    expect(verdictMap.legend).toMatch(/hinh-tam-giac kq-chua_dat[^]*?<\/svg>Chưa đạt<\/li>/);
  });

  it('writes names that never overlap one another and stay inside the map', () => {
    for (const f of figures) {
      const boxes = labels(f.drawing).map(labelBox);
      expect(boxes.length, f.page).toBeGreaterThan(0);
      for (const [i, a] of boxes.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0);
        expect(a.right).toBeLessThanOrEqual(360);
        for (const b of boxes.slice(i + 1)) expect(boxesIntersect(a, b), f.page).toBe(false);
      }
      // A number written instead of a name is explained beside the map.
      for (const l of labels(f.drawing).filter((l) => /^\d+$/.test(l.text)))
        expect(f.key, f.page).toContain(`<b>${l.text}</b>`);
    }
  });

  it('writes the verdict of every unit in the table beside a verdict map', () => {
    for (const f of figures.filter((x) => x.page.startsWith('ban-do/tieu-chi') || x.page.startsWith('ban-do/can-bo'))) {
      const rows = [...f.table.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)];
      expect(rows.length).toBe([...f.drawing.matchAll(/<path class="sym /g)].length);
      for (const r of rows)
        expect(r[0]).toMatch(/<span class="kq kq-[a-z_]+">(Đạt|Chưa đạt|Chưa đủ dữ liệu|Không áp dụng)<\/span>/);
    }
  });

  it('fills every area and symbol with a colour of at least 3:1 contrast to the page, labels at the size placed', () => {
    const css = readFileSync('src/styles/site.css', 'utf8');
    const background = css.match(/--bg:\s*(#[0-9a-f]{6})/i)?.[1] ?? '';
    const fills = [...css.matchAll(/\.(muc-\d|map \.kq-[a-z_]+) \{ fill: (#[0-9a-f]{6}); \}/gi)];
    const classes = new Set(figures.flatMap((f) => [...marks(f.drawing)].map((m) => m.split(' ')[1])));
    for (const c of classes)
      expect(
        fills.map((m) => m[1]?.replace('map .', '')),
        `no fill for ${c}`,
      ).toContain(c);
    for (const [, name, colour] of fills) expect(contrast(colour ?? '', background), name).toBeGreaterThanOrEqual(3);
    expect(css).toContain(`.map text { font-size: ${MAP_FONT_SIZE}px; }`);
  });
});

/** WCAG 2.1 contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
