// Every page carries one policy, written by the layout: the site's own files only, no inline script or style
// (stylesheets are files, so no hash is needed, nor computed for every page as Astro's own CSP does), nothing
// framed. A page without a script then gets `script-src 'none'`: nothing injected into it can run. `frame-ancestors`,
// which a <meta> cannot carry, is a host header (README, "Hosting").

export const SITE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "script-src 'self'",
  "style-src 'self'",
].join('; ');

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** A script loaded from a path of this site, with no code of its own. */
const OWN_FILE = /\ssrc="\/(?!\/)[^"]*"/;

/** The page's policy, or null when it carries none. */
export function pagePolicy(html: string): string | null {
  return CSP_META.exec(html)?.[1] ?? null;
}

/** Tighten `script-src` to what the page's scripts need: `'none'` without any, `'self'` for own files only. */
export function tightenScriptPolicy(html: string): string {
  const opened = html.match(/<script[\s>]/gi)?.length ?? 0;
  if (opened === 0) return withScripts(html, "'none'");
  const scripts = [...html.matchAll(SCRIPT)];
  const ownFilesOnly =
    scripts.length === opened &&
    scripts.every(([, attributes = '', code = '']) => OWN_FILE.test(attributes) && code.trim() === '');
  return ownFilesOnly ? withScripts(html, "'self'") : html;
}

const withScripts = (html: string, source: string) =>
  html.replace(CSP_META, (meta, policy: string) =>
    meta.replace(policy, policy.replace(/script-src [^;]*/, `script-src ${source}`)),
  );
