// The share images of `npm run build`, drawn in worker threads while Astro writes the pages: a card costs
// tens of milliseconds on one core (a province has thousands), and Astro renders on one thread. The pages
// route (src/pages/anh-chia-se/) then writes none; the PNGs are moved into the built site when Astro is done.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { drawnElsewhere, shareImagePng } from '../src/data/share-image.ts';
import type { ShareCard } from '../src/lib/site/share-card.ts';
import { runInBackground } from './background-thread.ts';

interface Job {
  card: ShareCard;
  /** Where the PNG goes, under the folder the images are drawn into. */
  file: string;
}

if (!isMainThread && parentPort) {
  runInBackground();
  const port = parentPort;
  const { address } = workerData as { address: string };
  // One card at a time: every card is sent at once, and drawing them all together would hold them all in memory.
  let drawn = Promise.resolve();
  port.on('message', (job: Job) => {
    drawn = drawn.then(async () => {
      const png = await shareImagePng(job.card, address);
      mkdirSync(dirname(job.file), { recursive: true });
      writeFileSync(job.file, png);
      port.postMessage(null);
    });
    // A card that cannot be drawn fails the build (the worker's error reaches the main thread).
    drawn.catch((error: unknown) => {
      throw error;
    });
  });
}

export interface ShareImages {
  /** Wait for every card, then move the PNGs into the built site (`root`). */
  finish(root: string): Promise<void>;
  stop(): Promise<void>;
}

/** Start drawing `cards` into `folder`; Astro is told not to write them itself. */
export function startShareImages(cards: readonly ShareCard[], address: string, folder: string): ShareImages {
  drawnElsewhere();
  // One thread is Astro's: the others draw.
  const count = Math.max(1, Math.min(cards.length, availableParallelism() - 1));
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL(import.meta.url), { workerData: { address } }),
  );
  let left = cards.length;
  let failure: Error | null = null;
  let settled = () => {};
  for (const w of workers) {
    w.on('message', () => {
      left--;
      settled();
    });
    w.on('error', (error) => {
      failure = error;
      settled();
    });
  }
  cards.forEach((card, i) => workers[i % count]?.postMessage({ card, file: join(folder, card.path) } satisfies Job));
  const stop = () => Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  return {
    async finish(root) {
      await new Promise<void>((resolve, reject) => {
        settled = () => {
          if (failure) reject(failure);
          else if (left === 0) resolve();
        };
        settled();
      });
      await stop();
      for (const card of cards) {
        mkdirSync(dirname(join(root, card.path)), { recursive: true });
        renameSync(join(folder, card.path), join(root, card.path));
      }
    },
    stop,
  };
}
