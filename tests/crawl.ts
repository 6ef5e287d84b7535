import { listFiles } from './helpers.ts';

// A link check over HTTP, as a reader's browser or a crawler meets the site where it is hosted: every
// file of a build is fetched under the base path, and every address it gives on the site must answer.

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
};
const decode = (s: string) => s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (e) => ENTITIES[e] ?? e);
const all = (text: string, re: RegExp, group = 1) => [...text.matchAll(re)].map((m) => decode(m[group] ?? ''));

/** What a built file points at: links, assets, redirects, canonical and share URLs, sitemap and feed entries. */
export function addressesIn(file: string, text: string): string[] {
  if (file.endsWith('.html')) {
    return [
      ...all(text, /\s(?:href|src)="([^"]*)"/g),
      ...all(text, /<meta http-equiv="refresh" content="\d+; url=([^"]*)"/g),
      ...all(text, /<meta (?:property|name)="(?:og:url|og:image|twitter:image)" content="([^"]*)"/g),
    ];
  }
  if (file.endsWith('.xml')) return all(text, /<(loc|link|guid)(?: [^>]*)?>([^<]*)<\/\1>/g, 2);
  if (file.endsWith('.txt')) return all(text, /^Sitemap: (\S+)$/gm);
  return [];
}

/**
 * Fetch every file of the build in `dist` at `served` (origin and base path, e.g. http://127.0.0.1:8080/chung-tay/)
 * and every address on the site it names; `address` is the site address the build was made for, whose
 * absolute URLs are fetched at `served`. Returns what failed: a status other than 200, or a link that
 * leaves the base path on the same host.
 */
export async function brokenAddresses(dist: string, served: string, address: string): Promise<string[]> {
  const broken: string[] = [];
  const origin = new URL(served).origin;
  const status = new Map<string, Promise<number>>();
  const statusOf = (url: string) => {
    if (!status.has(url))
      status.set(
        url,
        fetch(url).then(async (r) => (await r.arrayBuffer(), r.status)),
      );
    return status.get(url)!;
  };
  for (const file of listFiles(dist)) {
    const url = served + file.replace(/(^|\/)index\.html$/, '$1');
    const response = await fetch(url);
    const text = /\.(html|xml|txt)$/.test(file) ? await response.text() : (await response.arrayBuffer(), '');
    if (response.status !== 200) broken.push(`${file}: ${response.status}`);
    for (const raw of addressesIn(file, text)) {
      if (/^(#|mailto:|tel:)/.test(raw)) continue;
      const absolute = new URL(raw, url).href;
      const target = new URL(absolute.startsWith(address) ? served + absolute.slice(address.length) : absolute);
      target.hash = '';
      if (target.origin !== origin) continue; // another site, e.g. a story's link to a newspaper
      if (!target.href.startsWith(served)) broken.push(`${file} → ${raw}: outside ${new URL(served).pathname}`);
      else if ((await statusOf(target.href)) !== 200) broken.push(`${file} → ${raw}: ${await statusOf(target.href)}`);
    }
  }
  return broken;
}
