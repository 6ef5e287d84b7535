import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

// The build's worker threads (output scan, share images) run below Astro's thread. On two cores, three busy
// threads would share them equally, and Astro, the one that decides when the build ends, would get two thirds
// of a core: the workers take what Astro leaves instead.

/** How much lower than the main thread a worker thread runs (added to its nice value, at most 19). */
export const BACKGROUND_NICENESS = 10;

/** Lower the calling thread's priority; a no-op where threads cannot be told apart (not Linux). */
export function runInBackground(): void {
  try {
    // /proc/thread-self names this thread's id, and on Linux a nice value belongs to one thread.
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread)) setPriority(thread, Math.min(19, getPriority(thread) + BACKGROUND_NICENESS));
  } catch {
    // Another system: the workers share the cores with Astro, as before.
  }
}
