import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import type { CardTone, ShareCard } from '../lib/site/share-card.ts';

// Share images, drawn at build time: satori lays the card out (text to SVG paths, with Be Vietnam Pro
// from npm, a typeface made for Vietnamese) and resvg turns the SVG into a PNG. A PNG costs tens of
// milliseconds, so each is kept in node_modules/.cache/chung-tay/ under the hash of everything that
// draws it: a rebuild redraws only the cards whose content changed.

const WIDTH = 1200;
const HEIGHT = 630;
const CACHE = join(process.cwd(), 'node_modules', '.cache', 'chung-tay', 'anh-chia-se');
const require = createRequire(join(process.cwd(), 'package.json'));
// Read from the file, not imported through Vite: scripts/share-images.ts draws in plain Node worker threads.
const emblem = readFileSync(join(process.cwd(), 'public', 'emblem.svg'), 'utf8');

// Satori needs TTF, OTF or WOFF (not WOFF2); each subset is its own family so Vietnamese letters, kept in
// the "vietnamese" subset, are found.
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;
const FAMILIES = SUBSETS.map((s) => `BVP ${s}`);
const fonts: Font[] = SUBSETS.flatMap((subset) =>
  WEIGHTS.map((weight) => ({
    name: `BVP ${subset}`,
    weight,
    style: 'normal' as const,
    data: readFileSync(
      require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff`),
    ),
  })),
);

const TONES: Record<CardTone, string> = {
  dat: '#00703c',
  chua_dat: '#b3261e',
  chua_du_du_lieu: '#7a4b00',
  khong_ap_dung: '#505a5f',
  vinh_danh: '#b3261e',
  bai_viet: '#1d4f91',
  trang: '#1d4f91',
};

type Node = { type: string; props: Record<string, unknown> & { style?: Record<string, unknown> } };
const el = (type: string, style: Record<string, unknown>, children: (Node | string)[] | string = []): Node => ({
  type,
  props: { style, children },
});
const emblemUri = `data:image/svg+xml;base64,${Buffer.from(emblem).toString('base64')}`;

/** The card's layout, as the element tree satori draws (flex boxes; text wraps inside its box). */
function layout(card: ShareCard, host: string): Node {
  const { statement } = card;
  const block = (style: Record<string, unknown>, text: string) => el('div', { display: 'block', ...style }, text);
  // Sizes are explicit: the text column is the card less its margins, so long names wrap inside it.
  const page = {
    width: WIDTH,
    height: HEIGHT,
    background: '#ffffff',
    fontFamily: FAMILIES.join(', '),
    color: '#1b1b1b',
  };
  return el('div', { display: 'flex', flexDirection: 'column', ...page }, [
    el('div', { display: 'flex', height: 16, background: '#b3261e' }),
    el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, width: WIDTH - 128, margin: '32px 64px 26px' }, [
      el('div', { display: 'flex', alignItems: 'center', fontSize: 28, color: '#505a5f' }, [
        { type: 'img', props: { src: emblemUri, width: 60, height: 60, style: { marginRight: 20 } } },
        card.kicker,
      ]),
      block({ fontSize: 54, fontWeight: 700, lineHeight: 1.15, marginTop: 20, lineClamp: 2 }, card.title),
      block({ fontSize: 30, color: '#505a5f', marginTop: 6 }, card.subtitle),
      ...(statement
        ? [
            ...(statement.context
              ? [block({ fontSize: 24, color: '#505a5f', marginTop: 26, lineClamp: 1 }, statement.context)]
              : []),
            el('div', { display: 'flex', marginTop: statement.context ? 8 : 26 }, [
              block(
                {
                  background: TONES[statement.tone],
                  color: '#ffffff',
                  fontSize: 34,
                  fontWeight: 700,
                  padding: '6px 22px',
                  borderRadius: 8,
                },
                statement.label,
              ),
            ]),
            block({ fontSize: 28, lineHeight: 1.35, marginTop: 14, lineClamp: 3 }, statement.detail),
          ]
        : []),
      el('div', { display: 'flex', flexGrow: 1 }),
      el(
        'div',
        {
          display: 'flex',
          justifyContent: 'space-between',
          borderTop: '2px solid #b1b4b6',
          paddingTop: 12,
          fontSize: 22,
          color: '#505a5f',
        },
        [block({ flexShrink: 1 }, card.footer), block({ marginLeft: 24, flexShrink: 0 }, host)],
      ),
    ]),
  ]);
}

const versionOf = (name: string) =>
  (JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
/** Everything that draws a card besides the card itself: layout and drawing code, fonts, emblem, library versions. */
const drawing = createHash('sha256')
  .update(layout.toString())
  .update(drawShareImage.toString())
  .update(emblem)
  .update(['satori', '@resvg/resvg-js', 'sharp'].map(versionOf).join(' '));
for (const f of fonts) drawing.update(f.data as Buffer);
const drawingDigest = drawing.digest('hex');

/** Draw a card as a PNG; `host` is the site's address as printed in the corner. */
export async function drawShareImage(card: ShareCard, host: string): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(layout(card, host) as never, { width: WIDTH, height: HEIGHT, fonts });
  const pixels = new Resvg(svg, { fitTo: { mode: 'original' } }).render().pixels;
  // Full colour at middle compression: a 256-colour palette would save a third of the bytes but cost six times
  // the time (about 50 ms a card, minutes for a province), and only a platform a page is shared on fetches it.
  const raw = { width: WIDTH, height: HEIGHT, channels: 4 as const };
  return new Uint8Array(await sharp(pixels, { raw }).png({ compressionLevel: 6 }).toBuffer());
}

/** The PNG of a card, from the cache when the same card was drawn before. */
export async function shareImagePng(card: ShareCard, address: string): Promise<Uint8Array<ArrayBuffer>> {
  const host = address.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const key = createHash('sha256')
    .update(drawingDigest)
    .update(JSON.stringify([card, host]))
    .digest('hex');
  const file = join(CACHE, `${key}.png`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    // Not drawn yet.
  }
  const png = await drawShareImage(card, host);
  mkdirSync(CACHE, { recursive: true });
  // Written aside and renamed, so a build stopped half-way leaves no broken image in the cache.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, png);
  renameSync(temp, file);
  return png;
}

const DRAWN_ELSEWHERE = Symbol.for('chung-tay/share-images-drawn-elsewhere');

/** Said by `npm run build`, which draws the share images in worker threads beside Astro (scripts/share-images.ts). */
export function drawnElsewhere(): void {
  (globalThis as Record<symbol, unknown>)[DRAWN_ELSEWHERE] = true;
}

/** Whether Astro should leave the share images to `npm run build` (false under `astro dev` and `astro build`). */
export function areDrawnElsewhere(): boolean {
  return (globalThis as Record<symbol, unknown>)[DRAWN_ELSEWHERE] === true;
}
