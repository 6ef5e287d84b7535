import { downloadChunks, downloadXlsx, recordSize, type Download, type DownloadFormat } from '../lib/open-data.ts';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A download as a streamed response: a country's verdicts never become one string (V8 caps a string near 512 MB). */
export function downloadResponse(d: Download | undefined, format: DownloadFormat): Response {
  if (!d) return new Response(null, { status: 404 });
  if (format === 'xlsx')
    return new Response(new Uint8Array(downloadXlsx(d)), { headers: { 'Content-Type': TYPES.xlsx } });
  const chunks = downloadChunks(d, format)[Symbol.iterator]();
  const encoder = new TextEncoder();
  let written = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) {
        // The page that links this file, written after it, shows this size without building the file again.
        recordSize(d, format, written);
        controller.close();
        return;
      }
      const bytes = encoder.encode(next.value);
      written += bytes.length;
      controller.enqueue(bytes);
    },
  });
  return new Response(body, { headers: { 'Content-Type': TYPES[format] } });
}
