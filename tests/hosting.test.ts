import { mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteAddress } from '../src/data/folders.ts';
import { brokenAddresses } from './crawl.ts';
import { serve } from './e2e/serve.ts';
import { copySample, DIST, editFile, runScript } from './helpers.ts';

// The site works where it is hosted: at the root of a host, or under a sub-path of a portal
// (`dia_chi_trang` = https://…/chung-tay/). Served by a plain static server, every link, asset,
// redirect, 404 page, feed entry, sitemap entry and share address answers.

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

describe('hosting', () => {
  it('serves the default build at the root with no broken link, asset, redirect, feed or sitemap entry', async () => {
    const { server, origin } = await serve(DIST);
    servers.push(server);
    const { address } = readSiteAddress();
    expect(address).not.toBeNull();
    expect(await brokenAddresses(DIST, `${origin}/`, address!)).toEqual([]);
  });

  it('builds for a sub-path (CHUNG_TAY_SITE_URL) and, served there, nothing points outside it or fails', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'chung-tay-sub-')), 'dist');
    const { server, origin } = await serve(dist, '/chung-tay/');
    servers.push(server);
    const address = `${origin}/chung-tay/`;
    // A story's own links and photos are written as paths of the site, and must follow the base path too.
    const sample = copySample();
    const story = join(sample.content, 'dien-hinh', 'ho-ong-ly-a-su.mdx');
    editFile(
      story,
      (t) =>
        `${t}\nXem [danh sách vinh danh](/vinh-danh/).\n\n` +
        '![Nương thảo quả](/dien-hinh/anh/nuong-thao-qua-minh-hoa.png)\n',
    );
    const build = runScript('scripts/build.ts', [], {
      CHUNG_TAY_SITE_URL: address,
      CHUNG_TAY_DIST_DIR: dist,
      CHUNG_TAY_CONTENT_DIR: sample.content,
    });
    expect(build.status, build.stderr).toBe(0);
    const storyPage = readFileSync(join(dist, 'dien-hinh/ho-ong-ly-a-su/index.html'), 'utf8');
    expect(storyPage).toContain('href="/chung-tay/vinh-danh/"');
    expect(storyPage).toContain('src="/chung-tay/dien-hinh/anh/nuong-thao-qua-minh-hoa.png"');
    expect(storyPage).toContain(`<link rel="canonical" href="${address}dien-hinh/ho-ong-ly-a-su/">`);
    expect(await brokenAddresses(dist, address, address)).toEqual([]);
    // A missing page anywhere under the sub-path gets the site's 404 page, whose links work from any depth.
    const missing = await fetch(`${address}xa/khong-co/thon-nao/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('href="/chung-tay/vinh-danh/"');
  });

  it('refuses a site address that is not an absolute http(s) address ending in "/", naming the fix', () => {
    const sample = copySample();
    editFile(join(sample.data, 'dia-phuong.csv'), (t) =>
      t.replace(/^dia_chi_trang,[^\n]*/m, 'dia_chi_trang,phongtho.laichau.gov.vn/chung-tay,'),
    );
    const check = runScript('scripts/check-data.ts', ['--json'], {
      CHUNG_TAY_DATA_DIR: sample.data,
      CHUNG_TAY_CONTENT_DIR: sample.content,
    });
    expect(check.status).toBe(1);
    const { errors } = JSON.parse(check.stdout) as { errors: { file: string; field: string; message: string }[] };
    expect(errors).toMatchObject([{ file: 'dia-phuong.csv', field: 'dia_chi_trang' }]);
    expect(errors[0]!.message).toContain('https://');
    const override = runScript('scripts/check-data.ts', ['--json'], {
      CHUNG_TAY_CONTENT_DIR: sample.content,
      CHUNG_TAY_SITE_URL: 'http://localhost:8080/chung-tay',
    });
    expect(override.status).toBe(1);
    expect(override.stdout).toContain('CHUNG_TAY_SITE_URL');
    expect(override.stdout).toContain('http://localhost:8080/chung-tay/');
  });
});
