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
import { nameFinder, type NameFinder, type ProtectedName } from '../src/lib/domain/protected-names.ts';
import { tightenScriptPolicy } from '../src/lib/site/csp.ts';
import { isDrawnShareImage } from '../src/lib/site/share-card.ts';
import { runInBackground } from './background-thread.ts';

/** Files per message to a worker: few enough that the last ones are shared out evenly. */
const BATCH_FILES = 16;
/** Batches a worker holds at once: the next is waiting when it finishes one. */
const BATCHES_AHEAD = 2;

interface Setup {
  root: string;
  names: ProtectedName[];
  phones: string[];
}

const BINARY = /\.(png|jpe?g|webp|gif|ico|avif)$/i;

/**
 * Where a worker reads files into, once for all of them: a fresh 4 MB buffer per file, zeroed by V8, cost more than
 * the scan of a small file (1,100×10: 7,400 downloads, 30 GB of zeros, 3 s).
 */
let readBuffer: Uint8Array | undefined;

/** A file's text in pieces, so a country's data file is never one string (nor four copies of one). */
function* pieces(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const bytes = (readBuffer ??= new Uint8Array(PIECE_CHARS));
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
function checkFile(setup: Setup, finder: NameFinder, phones: ReadonlySet<string>, path: string): Finding[] {
  const rel = relative(setup.root, path);
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
  const phones = new Set(setup.phones);
  const port = parentPort;
  port.on('message', (paths: string[]) =>
    port.postMessage({
      files: paths.length,
      findings: paths.flatMap((path) => checkFile(setup, finder, phones, path)),
    }),
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
  // Workers take the next files when they are ready for them, never a share fixed in advance: a worker handed the
  // large files would otherwise scan alone long after Astro and the other worker are done (minutes for a country).
  const queue: string[] = [];
  let next = 0;
  const batchesOut = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const sent = new Set<string>();
  const findings: Finding[] = [];
  let done = 0;
  let failure: Error | null = null;
  let onDone = () => {};
  const dispatch = () => {
    for (const w of workers) {
      while ((batchesOut.get(w) ?? 0) < BATCHES_AHEAD && next < queue.length) {
        const batch = queue.slice(next, next + BATCH_FILES);
        next += batch.length;
        batchesOut.set(w, (batchesOut.get(w) ?? 0) + 1);
        w.postMessage(batch);
      }
    }
  };
  for (const w of workers) {
    w.on('message', (m: { files: number; findings: Finding[] }) => {
      findings.push(...m.findings);
      batchesOut.set(w, (batchesOut.get(w) ?? 1) - 1);
      done += m.files;
      dispatch();
      onDone();
    });
    w.on('error', (error) => {
      failure = error;
      onDone();
    });
  }
  // Files written in one turn of the event loop are handed over together, not one message (and one wake of a
  // worker thread) per file: 28,000 files at 1,100 communes.
  const send = (path: string) => {
    if (sent.has(path)) return;
    sent.add(path);
    if (queue.length === next) setImmediate(dispatch);
    queue.push(path);
  };
  return {
    written: send,
    async finish(onProgress) {
      // The rest: assets and files Astro does not report.
      for (const path of filesUnder(root)) send(path);
      dispatch();
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
