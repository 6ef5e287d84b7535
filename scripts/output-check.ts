// The last line of defence of `npm run build`, run beside Astro: every file of the built site is read once
// more (privacy scan, script policy) in worker threads, each file as soon as Astro reports it written, the
// rest (assets, files Astro does not report) when Astro is done. On two cores the check then costs little
// wall time: Astro renders on one thread.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { PIECE_CHARS, scanOutput, scanPieces, type Finding } from '../src/lib/domain/output-scan.ts';
import { pngWithoutPixels } from '../src/lib/domain/photo-metadata.ts';
import { nameFinder, type ProtectedName } from '../src/lib/domain/protected-names.ts';
import { tightenScriptPolicy } from '../src/lib/site/csp.ts';
import { isDrawnShareImage } from '../src/lib/site/share-card.ts';
import { runInBackground } from './background-thread.ts';

interface Setup {
  root: string;
  names: ProtectedName[];
  phones: string[];
}

const BINARY = /\.(png|jpe?g|webp|gif|ico|avif)$/i;

/** A file's text in pieces, so a country's data file is never one string (nor four copies of one). */
function* pieces(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const bytes = new Uint8Array(PIECE_CHARS);
  const decoder = new TextDecoder();
  try {
    for (let n = readSync(fd, bytes); n > 0; n = readSync(fd, bytes)) {
      yield decoder.decode(bytes.subarray(0, n), { stream: true });
    }
    yield decoder.decode();
  } finally {
    closeSync(fd);
  }
}

/** Check one written file: its findings; an HTML page also gets its tightened script policy. */
function checkFile(setup: Setup, finder: ReturnType<typeof nameFinder>, path: string): Finding[] {
  const rel = relative(setup.root, path);
  const phones = new Set(setup.phones);
  const findings = scanOutput(rel, rel, finder, phones, true);
  const drawn = isDrawnShareImage(rel) ? pngWithoutPixels(readFileSync(path)) : null;
  if (drawn) return [...findings, ...scanOutput(rel, new TextDecoder().decode(drawn), finder, phones, true)];
  if (!path.endsWith('.html'))
    return [...findings, ...scanPieces(rel, pieces(path), finder, phones, BINARY.test(path))];
  const text = readFileSync(path, 'utf8');
  const tightened = tightenScriptPolicy(text);
  if (tightened !== text) writeFileSync(path, tightened);
  return [...findings, ...scanOutput(rel, text, finder, phones, false)];
}

if (!isMainThread && parentPort) {
  runInBackground();
  const setup = workerData as Setup;
  const finder = nameFinder(setup.names);
  const port = parentPort;
  port.on('message', (paths: string[]) =>
    port.postMessage({ files: paths.length, findings: paths.flatMap((path) => checkFile(setup, finder, path)) }),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface OutputCheck {
  /** A file Astro has finished writing (an absolute path under the output folder). */
  written(path: string): void;
  /** Check every file not yet checked, then stop the workers: every finding, and how many files. */
  finish(onProgress: (done: number, total: number) => void): Promise<{ findings: Finding[]; files: number }>;
  /** Stop the workers without checking more (a failed build). */
  stop(): Promise<void>;
}

export function startOutputCheck(root: string, names: ProtectedName[], phones: Iterable<string>): OutputCheck {
  const setup: Setup = { root, names, phones: [...phones] };
  const workers = Array.from(
    { length: Math.max(1, availableParallelism()) },
    () => new Worker(new URL(import.meta.url), { workerData: setup }),
  );
  const pending = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const sent = new Set<string>();
  const findings: Finding[] = [];
  let done = 0;
  let failure: Error | null = null;
  let onDone = () => {};
  for (const w of workers) {
    w.on('message', (m: { files: number; findings: Finding[] }) => {
      findings.push(...m.findings);
      pending.set(w, (pending.get(w) ?? m.files) - m.files);
      done += m.files;
      onDone();
    });
    w.on('error', (error) => {
      failure = error;
      onDone();
    });
  }
  // Files are handed over in batches, once per turn of the event loop, not one message (and one wake of a worker
  // thread) per file: 28,000 files at 1,100 communes.
  let batch: string[] = [];
  const flush = () => {
    // The least busy worker: a 50 MB data file must not hold back the pages queued behind it.
    const [worker] = [...pending].sort((a, b) => a[1] - b[1])[0] ?? [];
    if (!worker || batch.length === 0) return;
    pending.set(worker, (pending.get(worker) ?? 0) + batch.length);
    worker.postMessage(batch);
    batch = [];
  };
  const send = (path: string) => {
    if (sent.has(path)) return;
    sent.add(path);
    if (batch.length === 0) setImmediate(flush);
    batch.push(path);
  };
  return {
    written: send,
    async finish(onProgress) {
      // The rest, a file at a time: what is left is mostly large (data files, images), to be spread over the workers.
      for (const path of filesUnder(root)) {
        send(path);
        flush();
      }
      await new Promise<void>((resolve, reject) => {
        onDone = () => {
          onProgress(done, sent.size);
          if (failure) reject(failure);
          else if (done === sent.size) resolve();
        };
        onDone();
      });
      await this.stop();
      return { findings, files: sent.size };
    },
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
