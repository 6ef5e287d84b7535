import { describe, expect, it } from 'vitest';
import { forbidScriptsWhereNone, pagePolicy } from './csp.ts';

const page = (policy: string, body = '<p>Bản Một</p>') =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const ASTRO =
  "default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC='; frame-src 'none'";

describe('the pages\u2019 Content-Security-Policy', () => {
  it('forbids every script on a page that has none, keeping the other directives', () => {
    expect(pagePolicy(forbidScriptsWhereNone(page(ASTRO)))).toBe(
      "default-src 'self'; script-src 'none'; style-src 'self' 'sha256-CCC='; frame-src 'none'",
    );
  });

  it('keeps the hashes of a page that carries a script', () => {
    const html = page(ASTRO, '<script type="module">tim()</script>');
    expect(forbidScriptsWhereNone(html)).toBe(html);
  });

  it('leaves a file without a policy as it is', () => {
    expect(forbidScriptsWhereNone('<p>Trang</p>')).toBe('<p>Trang</p>');
    expect(pagePolicy('<p>Trang</p>')).toBeNull();
  });
});
