import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS } from '../scripts/background-thread.ts';

// The build's workers (output scan, share images) must leave Astro's thread its core: they run at a lower priority,
// and only they do.
const niceOf = (stat: string) => Number(stat.split(') ')[1]?.split(' ')[16]);

describe('worker threads of the build', () => {
  it.runIf(process.platform === 'linux')('run below the main thread, which keeps its priority', async () => {
    const code = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(new URL('../scripts/background-thread.ts', import.meta.url).href)}).then((m) => {
        m.runInBackground();
        parentPort.postMessage(require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8'));
      });`;
    const before = niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
    const worker = new Worker(code, { eval: true });
    const stat = await new Promise<string>((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    // A build already started below normal priority (nice npm run build) moves its workers lower still.
    expect(niceOf(stat)).toBe(Math.min(19, before + BACKGROUND_NICENESS));
    expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(before);
  });
});
