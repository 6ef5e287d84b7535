import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkData, copySample, DIST, listFiles, readDist, runScript } from './helpers.ts';

// The pages' security policy, and the last line of defence: the scan of the built site before it is
// published, shown to catch a name on a path the input gate does not read (an image's metadata).

// The policy as the README documents it, beside the script and style sources checked below.
const DIRECTIVES =
  "default-src 'self'; img-src 'self' data:; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'".split(
    '; ',
  );

/** A PNG with a chunk added after its header: here a private chunk no viewer shows, which carries text. */
function withChunk(png: Buffer, chunk: string, text: string): Buffer {
  const data = Buffer.from(text, 'latin1');
  const type = Buffer.from(chunk, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const headerEnd = 8 + 25;
  return Buffer.concat([png.subarray(0, headerEnd), length, type, data, crc, png.subarray(headerEnd)]);
}

describe('what the built site lets run and load', () => {
  it('gives every page a complete Content-Security-Policy that runs no inline script', () => {
    const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = readDist(page);
      const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      const directives = policy.split(';').map((d) => d.trim());
      for (const d of DIRECTIVES) expect(directives, page).toContain(d);
      // Only the search box's module, a file of the site, may run; a page without it runs nothing.
      expect(directives, page).toContain(html.includes('<script') ? "script-src 'self'" : "script-src 'none'");
      // Styles are the site's own files: no inline style may apply.
      expect(directives, page).toContain("style-src 'self'");
    }
    expect(pages.length).toBeGreaterThan(200);
  });
});

describe('the scan of the built site before it is published', () => {
  it('refuses a site with a protected name hidden inside a photo, leaving the live site as it was', () => {
    const dir = copySample();
    const photo = join(dir.content, 'dien-hinh/anh/nuong-thao-qua-minh-hoa.png');
    writeFileSync(photo, withChunk(readFileSync(photo), 'prVt', 'Nuong nha ong Sung A Chu.\n'));
    // The input gate refuses photo metadata it knows (text chunks, EXIF, XMP), not a private chunk: the data is valid.
    expect(checkData(dir.data, dir.content).report.ok).toBe(true);

    const before = statSync(join(DIST, 'index.html')).mtimeMs;
    const run = runScript('scripts/build.ts', [], { CHUNG_TAY_DATA_DIR: dir.data, CHUNG_TAY_CONTENT_DIR: dir.content });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Kiểm tra lần cuối');
    const finding = 'dien-hinh/anh/nuong-thao-qua-minh-hoa.png, dòng';
    expect(run.stderr).toContain(finding);
    expect(run.stderr).toContain('có tên hộ gia đình, cá nhân chưa đồng ý công khai (mã khen thưởng KT-2023-002)');
    expect(run.stderr).toContain('Không thay đổi thư mục dist/');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Sung A Chu|Sùng A Chứ|\n\s+at /);
    expect(statSync(join(DIST, 'index.html')).mtimeMs).toBe(before);
  });
});
