import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import favicon from '../../public/favicon.svg?raw';
import { icoFromPng } from '../lib/site/icon.ts';

// The same mark as favicon.svg, for clients that ask for /favicon.ico without reading the page.
export const GET: APIRoute = () => {
  const png = new Resvg(favicon, { fitTo: { mode: 'width', value: 32 } }).render().asPng();
  return new Response(icoFromPng(png, 32), { headers: { 'Content-Type': 'image/x-icon' } });
};
