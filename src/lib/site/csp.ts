// Astro's CSP <meta> allows the hashes of its own client scripts on every page, even on pages that carry
// none. A page without a script gets `script-src 'none'`: nothing injected into it can run.

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** The page's policy, or null when it carries none. */
export function pagePolicy(html: string): string | null {
  return CSP_META.exec(html)?.[1] ?? null;
}

/** Tighten `script-src` to `'none'` on a page that has no script element. */
export function forbidScriptsWhereNone(html: string): string {
  if (/<script[\s>]/i.test(html)) return html;
  return html.replace(CSP_META, (meta, policy: string) =>
    meta.replace(policy, policy.replace(/script-src [^;]*/, "script-src 'none'")),
  );
}
