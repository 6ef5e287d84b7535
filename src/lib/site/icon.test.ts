import { describe, expect, it } from 'vitest';
import { icoFromPng } from './icon.ts';

describe('icoFromPng', () => {
  it('writes an ICO directory of one 32-bit image that points at the PNG it holds', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const ico = icoFromPng(png, 32);
    const view = new DataView(ico.buffer);
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7], view.getUint16(12, true)]).toEqual([32, 32, 32]);
    expect(view.getUint32(14, true)).toBe(png.length);
    const offset = view.getUint32(18, true);
    expect([...ico.slice(offset)]).toEqual([...png]);
  });

  it('writes 0 for a 256-pixel side, as the format requires', () => {
    const ico = icoFromPng(new Uint8Array(4), 256);
    expect([ico[6], ico[7]]).toEqual([0, 0]);
  });
});
