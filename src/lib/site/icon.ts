// favicon.ico for browsers and tools that ask for it without reading the page's icon link: an ICO
// file holding one PNG (accepted by every browser since 2007).

/** An ICO file with one square PNG image of `size` pixels (at most 256). */
export function icoFromPng(png: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(22);
  const view = new DataView(header.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  header[6] = size >= 256 ? 0 : size; // width and height; 0 means 256
  header[7] = size >= 256 ? 0 : size;
  view.setUint16(10, 1, true); // colour planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, png.length, true);
  view.setUint32(18, header.length, true); // the image follows the header
  const ico = new Uint8Array(header.length + png.length);
  ico.set(header);
  ico.set(png, header.length);
  return ico;
}
