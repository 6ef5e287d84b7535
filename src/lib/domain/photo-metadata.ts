// Text hidden in a photo file travels with it: a description naming a household, an author, the GPS
// position of a home. The site publishes photos as they are, so a photo carrying any text metadata is
// refused at check time; the steward exports it again without metadata.

export type PhotoType = 'jpg' | 'png' | 'webp';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

// PNG text chunks (tEXt, zTXt, iTXt), EXIF and time; JPEG comment, EXIF/XMP (APP1), IPTC (APP13) and
// every other application segment but JFIF/Adobe colour data; WebP EXIF and XMP chunks.
const PNG_TEXT = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);
const WEBP_TEXT = new Set(['EXIF', 'XMP ']);

/** The kinds of text metadata a photo carries (e.g. ["EXIF"]), empty when it carries none. */
export function photoMetadata(bytes: Uint8Array, type: PhotoType): string[] {
  const found = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Every read below is of a chunk or segment header that lies inside the file (the loop conditions).
  if (type === 'png') {
    for (let i = 8; i + 8 <= bytes.length; i += 12 + view.getUint32(i)) {
      const chunk = ascii(bytes, i + 4, i + 8);
      if (PNG_TEXT.has(chunk)) found.add(chunk === 'eXIf' ? 'EXIF' : chunk);
    }
  } else if (type === 'webp') {
    for (let i = 12; i + 8 <= bytes.length; i += 8 + view.getUint32(i + 4, true) + (view.getUint32(i + 4, true) % 2)) {
      const chunk = ascii(bytes, i, i + 4);
      if (WEBP_TEXT.has(chunk)) found.add(chunk.trim());
    }
  } else {
    for (let i = 2; i + 4 <= bytes.length && view.getUint8(i) === 0xff; i += 2 + view.getUint16(i + 2)) {
      const marker = view.getUint8(i + 1);
      if (marker === 0xda || marker === 0xd9) break; // image data starts: no metadata after it
      if (marker === 0xfe) found.add('COM');
      else if (marker === 0xe1) found.add(ascii(bytes, i + 4, i + 8) === 'Exif' ? 'EXIF' : 'XMP');
      else if (marker === 0xed) found.add('IPTC');
      else if (marker >= 0xe2 && marker <= 0xef && marker !== 0xee) found.add(`APP${marker - 0xe0}`);
    }
  }
  return [...found];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A PNG without its compressed pixels: every chunk but the data of its IDAT chunks, and anything after the last
 * chunk. What is left is all a PNG can carry as text (metadata, private chunks, bytes appended), for the output scan
 * to read, without the pixels' bytes, which read as noise and were most of the scan of a share image. Null when the
 * file is not a well-formed PNG: it is then read whole.
 */
export function pngWithoutPixels(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const end = i + 12 + view.getUint32(i);
    if (end > bytes.length) return null;
    const type = ascii(bytes, i + 4, i + 8);
    kept.push(type === 'IDAT' ? bytes.subarray(i, i + 8) : bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  kept.push(bytes.subarray(i));
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of kept) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
