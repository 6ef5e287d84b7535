import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

// A plain static server for dist/, as any web server or the district portal would host it: at the
// root, or under a sub-path (`base`, e.g. "/chung-tay/") with the site's 404 page for anything else.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function serve(root: string, base = '/', port = 0): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const inside = url.startsWith(base) ? `/${url.slice(base.length)}` : null;
    let file = inside === null ? join(root, '404.html') : normalize(join(root, inside));
    if (!file.startsWith(normalize(root))) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = inside !== null && existsSync(file);
    res.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[extname(found ? file : '.html')] ?? 'application/octet-stream',
    });
    createReadStream(found ? file : join(root, '404.html')).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}
