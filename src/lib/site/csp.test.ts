import { describe, expect, it } from 'vitest';
import { SITE_POLICY, tightenScriptPolicy, pagePolicy } from './csp.ts';

const page = (policy: string, body = '<p>Bản Một</p>') =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const scriptSrc = (html: string) => /script-src [^;]*/.exec(pagePolicy(html) ?? '')?.[0];

describe('the pages\u2019 Content-Security-Policy', () => {
  it('forbids every script on a page that has none, keeping the other directives', () => {
    expect(pagePolicy(tightenScriptPolicy(page(SITE_POLICY)))).toBe(
      SITE_POLICY.replace("script-src 'self'", "script-src 'none'"),
    );
  });

  it('allows only the site\u2019s own files on a page whose scripts are all files of the site', () => {
    const html = page(SITE_POLICY, '<script type="module" src="/_astro/tim.js"></script>');
    expect(scriptSrc(tightenScriptPolicy(html))).toBe("script-src 'self'");
  });

  it('keeps the site\u2019s own files only on a page that carries an inline script or a script from elsewhere', () => {
    for (const body of [
      '<script type="module">tim()</script>',
      '<script type="module" src="/_astro/tim.js"></script><script>tim()</script>',
      '<script src="//cdn.example/tim.js"></script>',
      '<script src="https://cdn.example/tim.js"></script>',
    ]) {
      const html = page(SITE_POLICY, body);
      expect(tightenScriptPolicy(html), body).toBe(html);
    }
  });

  it('leaves a file without a policy as it is', () => {
    expect(tightenScriptPolicy('<p>Trang</p>')).toBe('<p>Trang</p>');
    expect(pagePolicy('<p>Trang</p>')).toBeNull();
  });
});
