// One measurement for npm run bench, in a fresh process: the core's check of the data folder as
// `check-data` runs it (loadDataset: read, validate, judge every verdict without its words, check every URL)
// against the papaparse floor, a plain parse of the same CSV files. Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { dataDir } from '../src/data/folders.ts';
import { loadDataset } from '../src/data/load.ts';

function parseAll(dir: string): number {
  const start = performance.now();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    Papa.parse(readFileSync(join(dir, name), 'utf8'), { skipEmptyLines: 'greedy' });
  }
  return performance.now() - start;
}

const dir = dataDir();
const first = parseAll(dir);
const start = performance.now();
const cpuStart = process.cpuUsage();
const { errors } = loadDataset(dir, undefined, { keepVerdicts: false });
const loadMs = performance.now() - start;
// CPU time too: on a shared machine it varies less than the wall clock.
const cpu = process.cpuUsage(cpuStart);
const loadCpuMs = (cpu.user + cpu.system) / 1000;
// The floor parses warm too: the smaller of a cold and a warm parse.
const parseMs = Math.min(first, parseAll(dir));
console.log(JSON.stringify({ parseMs, loadMs, loadCpuMs, errors: errors.length }));
