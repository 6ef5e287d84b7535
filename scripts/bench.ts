// npm run bench [-- --scales sample,110x10,1100x10] [--national] [--runs 3] [--seed 1]
//   [--max-memory-gb 8] [--timeout-min 30] [--out reports/bench]
// Measures check-data and the build at several scales, on the sample and on generated data (gen-data),
// against two floors: a plain papaparse parse of the same CSV files, and a plain Astro build of the same
// number of pages (bench/plain-astro). Writes bench.md and bench.json. It reports; it never fails a test.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { growthExponent, pageKind, summarize, type Summary } from '../src/lib/bench/stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const GNU_TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: 'sample,110x10,1100x10' },
    national: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'max-memory-gb': { type: 'string', default: '8' },
    'timeout-min': { type: 'string', default: '30' },
    out: { type: 'string', default: join(ROOT, 'reports', 'bench') },
  },
});
const RUNS = Math.max(1, Number(values.runs) || 3);

const MAX_RSS_KB = Number(values['max-memory-gb']) * 1024 * 1024;
const TIMEOUT_MS = Number(values['timeout-min']) * 60_000;
/** "1100x10:1" measures that scale once, whatever --runs says. */
const SCALES = [...values.scales.split(','), ...(values.national ? ['10000x10'] : [])].map((spec) => {
  const [name = '', runs] = spec.trim().split(':');
  return { name, runs: Math.max(1, Number(runs) || RUNS) };
});

interface Measured {
  ms: number;
  status: number | null;
  /** Sum of the resident memory of the process and its children, sampled ten times a second (Linux). */
  peakTreeKb: number | null;
  /** The largest single process's peak (GNU time), when /usr/bin/time exists. */
  maxRssKb: number | null;
  /** User and system CPU time of the command and its children (GNU time): less sensitive to a shared machine. */
  cpuMs: number | null;
  stopped: string | null;
  stdout: string;
  stderr: string;
}

/** The process and its descendants, from /proc (Linux); empty elsewhere. */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${all[i]}/task`)) {
        const children = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim();
        if (children) all.push(...children.split(' ').map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return all;
}

function residentKb(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / 1024;
  } catch {
    return 0;
  }
}

/** The arguments `npm run <name>` gives Node (its flags, then the script): the bench times the commands users run. */
function npmScript(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const [node, ...args] = (scripts[name] ?? '').split(' ');
  if (node !== 'node' || args.length === 0) throw new Error(`package.json: "${name}" is not a "node …" command`);
  return args;
}

/** Run a command, timing it and following its memory; stop it past the memory or time limit. */
function measure(args: string[], env: Record<string, string>): Promise<Measured> {
  const timeFile = join(tmpdir(), `chung-tay-bench-time-${process.pid}`);
  const useTime = existsSync(GNU_TIME);
  const [cmd, ...rest] = useTime ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, NODE, ...args] : [NODE, ...args];
  const start = performance.now();
  const child = spawn(cmd!, rest, {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (c: string) => out.push(c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => err.push(c));
  let peak = 0;
  let stopped: string | null = null;
  const stop = (why: string) => {
    stopped = why;
    // The child leads its own process group: end the whole group it started, nothing else.
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  };
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const kb = processTree(child.pid).reduce((sum, pid) => sum + residentKb(pid), 0);
    peak = Math.max(peak, kb);
    if (kb > MAX_RSS_KB && !stopped) stop(`stopped at ${(kb / 1024 / 1024).toFixed(1)} GB`);
    if (performance.now() - start > TIMEOUT_MS && !stopped) stop(`stopped after ${values['timeout-min']} min`);
  }, 100);
  return new Promise((done) => {
    child.on('close', (status) => {
      clearInterval(sampler);
      const ms = performance.now() - start;
      let maxRssKb: number | null = null;
      let cpuMs: number | null = null;
      if (useTime && existsSync(timeFile)) {
        // GNU time's last line (a killed command has a note before it): "maxRSS user system".
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [rss, user, system] = last.split(' ').map(Number);
        maxRssKb = rss || null;
        cpuMs = user !== undefined && system !== undefined ? (user + system) * 1000 : null;
        rmSync(timeFile, { force: true });
      }
      const peakTreeKb = existsSync('/proc/self/statm') ? peak : null;
      done({ ms, status, peakTreeKb, maxRssKb, cpuMs, stopped, stdout: out.join(''), stderr: err.join('') });
    });
  });
}

interface Dataset {
  name: string;
  data: string;
  content: string;
  communes: number;
  villages: number;
  generateMs: number | null;
}

function countUnits(dataDir: string): { communes: number; villages: number } {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(dataDir, 'don-vi.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  }).data;
  const count = (levels: string[]) => rows.filter((r) => levels.includes(r['cap'] ?? '') && r['ma_don_vi_cha']).length;
  return { communes: count(['xa', 'thi_tran', 'phuong']), villages: count(['thon', 'to_dan_pho']) };
}

async function prepare(scale: string, work: string): Promise<Dataset> {
  if (scale === 'sample') {
    const [data, content] = [join(ROOT, 'data'), join(ROOT, 'content')];
    return { name: scale, data, content, ...countUnits(data), generateMs: null };
  }
  const m = /^(\d+)x(\d+)$/.exec(scale);
  if (!m) throw new Error(`--scales: "${scale}" is neither "sample" nor COMMUNESxVILLAGES (e.g. 110x10)`);
  const dir = join(work, scale);
  const gen = await measure(
    ['scripts/gen-data.ts', '--communes', m[1]!, '--villages-per-commune', m[2]!, '--seed', values.seed, '--out', dir],
    {},
  );
  if (gen.status !== 0)
    throw new Error(`gen-data ${scale} failed: ${gen.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const data = join(dir, 'data');
  return { name: scale, data, content: join(dir, 'content'), ...countUnits(data), generateMs: gen.ms };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

interface Output {
  pages: number;
  files: number;
  bytes: number;
  heaviest: { kind: string; file: string; gzipBytes: number; bytes: number; pages: number }[];
  largestFiles: { file: string; bytes: number }[];
}

/** What the build wrote: pages, size, and the heaviest page of each kind by its gzip size. */
function inspect(dist: string): Output {
  const files = filesUnder(dist);
  const heaviest = new Map<string, Output['heaviest'][number]>();
  let bytes = 0;
  const sizes: { file: string; bytes: number }[] = [];
  for (const file of files) {
    const body = readFileSync(join(dist, file));
    bytes += body.length;
    sizes.push({ file, bytes: body.length });
    if (!file.endsWith('.html')) continue;
    const kind = pageKind(file);
    const gzipBytes = gzipSync(body).length;
    const before = heaviest.get(kind);
    const pages = (before?.pages ?? 0) + 1;
    if (!before || gzipBytes > before.gzipBytes)
      heaviest.set(kind, { kind, file, gzipBytes, bytes: body.length, pages });
    else before.pages = pages;
  }
  return {
    pages: files.filter((f) => f.endsWith('.html')).length,
    files: files.length,
    bytes,
    heaviest: [...heaviest.values()].sort((a, b) => b.gzipBytes - a.gzipBytes),
    largestFiles: sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}

interface Series {
  ms: Summary;
  cpuMs: Summary | null;
  /** Peak of all the command's processes together (sampled), or of its largest process without /proc. */
  peakMb: Summary | null;
  /** Peak of the largest single process (GNU time). */
  largestProcessMb: Summary | null;
  failures: string[];
}

interface ScaleResult {
  scale: string;
  runs: number;
  communes: number;
  villages: number;
  generateMs: number | null;
  checkData: Series | null;
  core: { loadMs: Summary; parseMs: Summary; ratio: number } | null;
  build: Series | null;
  plain: Series | null;
  output: Output | null;
  /** The build's own steps (CHUNG_TAY_PROGRESS=1) in its last run, failed or not: check, Astro, scan. */
  steps: { step: string; seconds: number }[];
  ratio: number | null;
  /** The same ratio on CPU time. */
  cpuRatio: number | null;
  pagesPerSecond: number | null;
}

const mb = (kb: number | null) => (kb === null ? null : kb / 1024);

function series(runs: Measured[]): Series | null {
  const ok = runs.filter((r) => r.status === 0);
  const failures = runs
    .filter((r) => r.status !== 0)
    .map((r) => {
      const peak = mb(r.peakTreeKb ?? r.maxRssKb);
      const at = `after ${s(r.ms)}${peak === null ? '' : `, ${(peak / 1024).toFixed(1)} GB peak`}`;
      return `${r.stopped ?? `exit ${r.status}`} ${at}: ${failureLine(r.stderr)}`;
    });
  if (ok.length === 0) {
    return { ms: { min: NaN, median: NaN, max: NaN }, cpuMs: null, peakMb: null, largestProcessMb: null, failures };
  }
  const over = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? summarize(known) : null;
  };
  return {
    ms: summarize(ok.map((r) => r.ms)),
    cpuMs: over(ok.map((r) => r.cpuMs)),
    peakMb: over(ok.map((r) => mb(r.peakTreeKb ?? r.maxRssKb))),
    largestProcessMb: over(ok.map((r) => mb(r.maxRssKb))),
    failures,
  };
}

/** The line that says why a command failed: a fatal error (out of memory) before the stack it prints. */
function failureLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return (lines.find((l) => /FATAL|Error|Lỗi/.test(l)) ?? lines.at(-1) ?? '').trim();
}

function lockedPages(dataDir: string): number | null {
  const lock = join(dataDir, 'duong-dan.lock');
  if (!existsSync(lock)) return null;
  return (
    readFileSync(lock, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('/')).length + 1
  );
}

/** "Đã ghi 1.495 trang (40,7 giây)" lines of scripts/progress.ts. */
function buildSteps(stderr: string): { step: string; seconds: number }[] {
  return [...stderr.matchAll(/^(.+) \((\d+(?:,\d+)?) giây\)$/gm)].map((m) => ({
    step: m[1]!,
    seconds: Number(m[2]!.replace(',', '.')),
  }));
}

async function benchScale(
  { name: scale, runs: count }: { name: string; runs: number },
  work: string,
): Promise<ScaleResult> {
  console.error(`\n[bench] ${scale}: preparing data`);
  const d = await prepare(scale, work);
  const env = { CHUNG_TAY_DATA_DIR: d.data, CHUNG_TAY_CONTENT_DIR: d.content, CHUNG_TAY_PROGRESS: '1' };
  const dist = join(work, `dist-${scale}`);
  const plainDist = join(work, `plain-${scale}`);
  const runs = { check: [] as Measured[], core: [] as { parseMs: number; loadMs: number }[], build: [] as Measured[] };
  const plainRuns: Measured[] = [];
  let output: Output | null = null;
  for (let r = 1; r <= count; r++) {
    console.error(`[bench] ${scale}: run ${r}/${count}: check-data`);
    runs.check.push(await measure(npmScript('check-data'), env));
    const core = await measure(['bench/core-time.ts'], env);
    if (core.status === 0) runs.core.push(JSON.parse(core.stdout.trim().split('\n').pop() ?? '{}'));
    console.error(`[bench] ${scale}: run ${r}/${count}: build`);
    const build = await measure(npmScript('build'), { ...env, CHUNG_TAY_DIST_DIR: dist });
    runs.build.push(build);
    if (build.status === 0 && !output) output = inspect(dist);
    // Without a finished build, the page count is the lock's: every URL and the 404 page.
    const pages = output?.pages ?? lockedPages(d.data);
    if (pages) {
      console.error(`[bench] ${scale}: run ${r}/${count}: plain Astro, ${pages} pages`);
      const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
      const plainEnv = { BENCH_PAGES: String(pages), BENCH_OUT_DIR: plainDist };
      plainRuns.push(await measure([astro, 'build', '--root', join(ROOT, 'bench', 'plain-astro')], plainEnv));
    }
    const last = runs.build.at(-1);
    if (last?.stopped) break;
  }
  rmSync(dist, { recursive: true, force: true });
  rmSync(plainDist, { recursive: true, force: true });
  const build = series(runs.build);
  const plain = plainRuns.length ? series(plainRuns) : null;
  const ratio = build && plain ? build.ms.median / plain.ms.median : null;
  const core = runs.core.length
    ? (() => {
        const loadMs = summarize(runs.core.map((c) => c.loadMs));
        const parseMs = summarize(runs.core.map((c) => c.parseMs));
        return { loadMs, parseMs, ratio: loadMs.median / parseMs.median };
      })()
    : null;
  return {
    scale,
    runs: count,
    communes: d.communes,
    villages: d.villages,
    generateMs: d.generateMs,
    checkData: series(runs.check),
    core,
    build,
    plain,
    output,
    ratio: ratio !== null && Number.isFinite(ratio) ? ratio : null,
    steps: buildSteps(runs.build.at(-1)?.stderr ?? ''),
    cpuRatio: build?.cpuMs && plain?.cpuMs ? build.cpuMs.median / plain.cpuMs.median : null,
    pagesPerSecond: output && build && build.ms.median > 0 ? output.pages / (build.ms.median / 1000) : null,
  };
}

interface Growth {
  from: string;
  to: string;
  build: number | null;
  plain: number | null;
  checkData: number | null;
  core: number | null;
  memory: number | null;
}

function growth(results: ScaleResult[]): Growth[] {
  const sorted = [...results].sort((a, b) => a.villages - b.villages);
  return sorted.slice(1).map((b, i) => {
    const a = sorted[i]!;
    const k = (f: (r: ScaleResult) => number | null | undefined) => {
      const [x, y] = [f(a), f(b)];
      return x == null || y == null ? null : growthExponent(a.villages, x, b.villages, y);
    };
    return {
      from: a.scale,
      to: b.scale,
      build: k((r) => r.build?.ms.median),
      plain: k((r) => r.plain?.ms.median),
      checkData: k((r) => r.checkData?.ms.median),
      core: k((r) => r.core?.loadMs.median),
      memory: k((r) => r.build?.peakMb?.median),
    };
  });
}

const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);
const range = (x: Summary | undefined) =>
  x && !Number.isNaN(x.median) ? `${s(x.median)} (${s(x.min)}–${s(x.max)})` : '–';
const gb = (x: Summary | null | undefined) => (x ? `${(x.median / 1024).toFixed(2)} GB` : '–');
const times = (x: number | null | undefined) => (x == null ? '–' : `${x.toFixed(1)}×`);
const exp = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function markdown(machine: Record<string, string | number>, results: ScaleResult[], growths: Growth[]): string {
  const lines = [
    '# Benchmark: check-data and build against their floors',
    '',
    `Written by \`npm run bench\` on ${machine['date']}. Machine: ${machine['cpu']}, ${machine['cores']} cores, ` +
      `${machine['memoryGb']} GB RAM, Node ${machine['node']}; load average ${machine['loadBefore']} before, ` +
      `${machine['loadAfter']} after (the machine may be shared). Times are the median (min–max) of the ` +
      'runs; the runs of each scale are in its first column. Generated data: `npm run gen-data` with seed ' +
      `${values.seed}.`,
    '',
    '## Build',
    '',
    '| communes / villages | pages | build | plain Astro | ratio | CPU: build / plain | peak memory | pages/s ' +
      '| dist/ |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results
      .map((r) =>
        [
          `${r.scale}: ${r.communes.toLocaleString('en')} / ${r.villages.toLocaleString('en')} (${r.runs} runs)`,
          r.output?.pages.toLocaleString('en') ?? '–',
          r.build && Number.isNaN(r.build.ms.median) ? r.build.failures.join('; ') : range(r.build?.ms),
          range(r.plain?.ms),
          times(r.ratio),
          r.build?.cpuMs && r.plain?.cpuMs
            ? `${s(r.build.cpuMs.median)} / ${s(r.plain.cpuMs.median)} = ${times(r.cpuRatio)}`
            : '–',
          gb(r.build?.peakMb),
          r.pagesPerSecond?.toFixed(0) ?? '–',
          r.output ? `${(r.output.bytes / 1024 / 1024).toFixed(1)} MB` : '–',
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
    'Peak memory: the resident memory of the build and every process it starts, summed, sampled ten times a ' +
      "second; bench.json also gives the largest single process's peak (largestProcessMb, from GNU time). " +
      'CPU: user and system time of all processes (GNU time), which a busy shared machine disturbs less than ' +
      'the wall-clock times.',
    '',
    '## Steps of the build (last run)',
    '',
    ...results.map(
      (r) => `- ${r.scale}: ${r.steps.map((x) => `${x.step}: ${x.seconds.toFixed(1)} s`).join('; ') || '–'}`,
    ),
    '',
    '## check-data',
    '',
    '| communes / villages | `check-data` command | core check (loadDataset) | papaparse floor | ratio | peak memory |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.scale} | ${range(r.checkData?.ms)} | ${range(r.core?.loadMs)} | ` +
        `${r.core ? `${r.core.parseMs.median.toFixed(0)} ms` : '–'} | ${times(r.core?.ratio)} | ` +
        `${gb(r.checkData?.peakMb)} |`,
    ),
    '',
    'The core check and the floor are timed in one fresh process (bench/core-time.ts): the floor is a plain ' +
      'papaparse parse of the same CSV files; the command time adds Node start-up and printing the report.',
    '',
    '## Growth exponents between scales (cost ∝ villages^k)',
    '',
    '| from → to | build | plain Astro | check-data command | core check | build peak memory |',
    '|---|---|---|---|---|---|',
    ...growths.map(
      (g) =>
        `| ${g.from} → ${g.to} | ${exp(g.build)} | ${exp(g.plain)} | ${exp(g.checkData)} | ${exp(g.core)} | ` +
        `${exp(g.memory)} |`,
    ),
    '',
    '## Heaviest page of each kind (gzip)',
    '',
  ];
  for (const r of results) {
    if (!r.output) continue;
    lines.push(`### ${r.scale}`, '', '| kind | pages | heaviest | gzip | raw |', '|---|---|---|---|---|');
    for (const h of r.output.heaviest) {
      lines.push(`| ${h.kind} | ${h.pages.toLocaleString('en')} | ${h.file} | ${kb(h.gzipBytes)} | ${kb(h.bytes)} |`);
    }
    lines.push('', `Largest files: ${r.output.largestFiles.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')}.`, '');
  }
  const failures = results.flatMap((r) =>
    [...(r.build?.failures ?? []), ...(r.checkData?.failures ?? [])].map((f) => `- ${r.scale}: ${f}`),
  );
  if (failures.length) lines.push('## Failed runs', '', ...failures, '');
  return `${lines.join('\n')}\n`;
}

const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
  node: process.version,
  loadBefore: loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
  loadAfter: '',
};
const work = mkdtempSync(join(tmpdir(), 'chung-tay-bench-'));
const results: ScaleResult[] = [];
const skipped: string[] = [];
try {
  for (const scale of SCALES) {
    try {
      results.push(await benchScale(scale, work));
    } catch (e) {
      skipped.push(`- ${scale.name}: ${e instanceof Error ? e.message : String(e)}`);
      console.error(`[bench] ${scale.name} skipped: ${String(e)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
machine.loadAfter = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const growths = growth(results);
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const report =
  markdown(machine, results, growths) + (skipped.length ? `\n## Scales not measured\n\n${skipped.join('\n')}\n` : '');
writeFileSync(join(out, 'bench.md'), report);
writeFileSync(
  join(out, 'bench.json'),
  `${JSON.stringify({ machine, runs: RUNS, results, growth: growths }, null, 2)}\n`,
);
console.log(report);
console.error(`[bench] written: ${relative(process.cwd(), join(out, 'bench.md'))}, bench.json`);
