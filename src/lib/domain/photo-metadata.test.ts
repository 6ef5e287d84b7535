import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { photoMetadata, pngWithoutPixels } from './photo-metadata.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const pngChunk = (type: string, data: string) => [
  ...be(data.length),
  ...bytes(type, data),
  ...be(crc32(Buffer.from(type + data, 'latin1'))),
];
const png = (...chunks: number[][]) =>
  bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ...chunks, pngChunk('IEND', ''));
const jpeg = (...segments: number[][]) => bytes([0xff, 0xd8], ...segments, [0xff, 0xda, 0, 2], [0xff, 0xd9]);
const segment = (marker: number, data: string) => [0xff, marker, ...be(data.length + 2).slice(2), ...bytes(data)];
const webp = (...chunks: [string, string][]) => {
  const body = chunks.flatMap(([type, data]) => [
    ...bytes(type),
    ...le(data.length),
    ...bytes(data),
    ...(data.length % 2 ? [0] : []),
  ]);
  return bytes('RIFF', le(body.length + 4), 'WEBP', body);
};

describe('text hidden in a photo', () => {
  it('finds text chunks in a PNG, and none in a plain one', () => {
    const header = pngChunk('IHDR', '\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0');
    expect(photoMetadata(png(header, pngChunk('IDAT', 'x')), 'png')).toEqual([]);
    expect(photoMetadata(png(header, pngChunk('tEXt', 'Description\0Ho ong Sung A Chu')), 'png')).toEqual(['tEXt']);
    expect(photoMetadata(png(header, pngChunk('zTXt', 'Author\0\0x')), 'png')).toEqual(['zTXt']);
    expect(photoMetadata(png(header, pngChunk('iTXt', 'Title\0\0\0\0\0Sùng')), 'png')).toEqual(['iTXt']);
    expect(photoMetadata(png(header, pngChunk('eXIf', 'MM\0*')), 'png')).toEqual(['EXIF']);
  });

  it('finds EXIF, XMP, IPTC and comments in a JPEG, and keeps the colour data a JPEG needs', () => {
    const jfif = segment(0xe0, 'JFIF\0\x01\x02');
    const adobe = segment(0xee, 'Adobe');
    expect(photoMetadata(jpeg(jfif, adobe), 'jpg')).toEqual([]);
    expect(photoMetadata(jpeg(jfif, segment(0xe1, 'Exif\0\0MM')), 'jpg')).toEqual(['EXIF']);
    expect(photoMetadata(jpeg(segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x/>')), 'jpg')).toEqual(['XMP']);
    expect(photoMetadata(jpeg(segment(0xed, 'Photoshop 3.0')), 'jpg')).toEqual(['IPTC']);
    expect(photoMetadata(jpeg(segment(0xfe, 'Sung A Chu')), 'jpg')).toEqual(['COM']);
  });

  it('names any other application segment of a JPEG, and reads nothing past the image data or the file', () => {
    expect(photoMetadata(jpeg(segment(0xe2, 'ICC_PROFILE'), segment(0xef, 'x')), 'jpg')).toEqual(['APP2', 'APP15']);
    const afterData = bytes([0xff, 0xd8], [0xff, 0xda, 0, 2], segment(0xfe, 'x'));
    expect(photoMetadata(afterData, 'jpg')).toEqual([]);
    expect(photoMetadata(bytes([0xff, 0xd8], segment(0xfe, 'x').slice(0, 3)), 'jpg')).toEqual([]);
    expect(photoMetadata(bytes([0xff, 0xd8, 0x00, 0x00], segment(0xfe, 'x')), 'jpg')).toEqual([]);
    const header = pngChunk('IHDR', '\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0');
    expect(photoMetadata(png(header).slice(0, 8 + 25 + 7), 'png')).toEqual([]);
    expect(photoMetadata(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pngChunk('tEXt', '')), 'png')).toEqual(
      ['tEXt'],
    );
  });

  it('finds EXIF and XMP in a WebP', () => {
    expect(photoMetadata(webp(['VP8 ', 'abcd']), 'webp')).toEqual([]);
    expect(
      photoMetadata(webp(['VP8X', 'abcdefghij'], ['VP8 ', 'abc'], ['EXIF', 'MM'], ['XMP ', '<x/>']), 'webp'),
    ).toEqual(['EXIF', 'XMP']);
  });
});

describe('a PNG read for text, without its pixels', () => {
  const header = pngChunk('IHDR', '\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0');
  const text = (b: Uint8Array | null) => Buffer.from(b ?? []).toString('latin1');

  it('keeps every chunk but the pixels, a private chunk and bytes after the end included', () => {
    const pixels = png(
      header,
      pngChunk('IDAT', 'PIXELS Lo A Cau'),
      pngChunk('prVt', 'Sung A Chu'),
      pngChunk('IDAT', 'MORE'),
    );
    const file = new Uint8Array([...pixels, ...bytes('Ly A Phu')]);
    const kept = text(pngWithoutPixels(file));
    for (const words of ['IHDR', 'prVtSung A Chu', 'IEND', 'Ly A Phu']) expect(kept).toContain(words);
    expect(kept).not.toContain('PIXELS');
    expect(kept).not.toContain('MORE');
    expect(kept.length).toBe(file.length - 'PIXELS Lo A Cau'.length - 'MORE'.length - 8);
  });

  it('gives nothing for a file that is not a well-formed PNG, which is then read whole', () => {
    const file = png(header, pngChunk('IDAT', 'PIXELS Lo A Cau'));
    // Cut inside the pixels: the chunk says it runs past the end of the file.
    expect(pngWithoutPixels(file.subarray(0, 8 + 25 + 8 + 6))).toBeNull();
    expect(pngWithoutPixels(bytes('GIF89a Sung A Chu'))).toBeNull();
    expect(pngWithoutPixels(file)).not.toBeNull();
  });
});
