import qrcode from 'qrcode-generator';

// A QR code drawn at build time as one SVG path (no script, no image file): the dark modules of the
// matrix that qrcode-generator computes. Level M survives a smudge or a fold on a notice board.

export interface QrCode {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules as one path, in module units, offset by the quiet zone. */
  path: string;
  /** Modules per side with the 4-module quiet zone the standard requires on each side. */
  box: number;
}

const QUIET = 4;

export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** One `h` run per horizontal run of dark modules keeps the path short (about 3 KB for a 60-character URL). */
export function qrCode(text: string): QrCode {
  const rows = qrMatrix(text);
  const parts: string[] = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (row[end + 1]) end++;
      parts.push(`M${c + QUIET} ${r + QUIET}h${end - c + 1}v1h-${end - c + 1}z`);
      c = end;
    }
  });
  return { size: rows.length, path: parts.join(''), box: rows.length + 2 * QUIET };
}
