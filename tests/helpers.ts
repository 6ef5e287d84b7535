import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DIST = 'dist';

/** Run a project script the way npm does, with the data and content folders given. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface JsonReport {
  ok: boolean;
  errors: {
    file: string;
    line: number | null;
    column: string | null;
    column_letter: string | null;
    field: string | null;
    code: string;
    value: string | null;
    message: string;
  }[];
  warnings: unknown[];
}

export function checkData(dataDir?: string, contentDir?: string) {
  const env: Record<string, string> = {};
  if (dataDir) env['CHUNG_TAY_DATA_DIR'] = dataDir;
  if (contentDir) env['CHUNG_TAY_CONTENT_DIR'] = contentDir;
  const run = runScript('scripts/check-data.ts', ['--json'], env);
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport };
}

/** A copy of the sample data (and content) to break. */
export function copySample(): { data: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'chung-tay-'));
  cpSync('data', join(root, 'data'), { recursive: true });
  cpSync('content', join(root, 'content'), { recursive: true });
  return { data: join(root, 'data'), content: join(root, 'content') };
}

export function editFile(path: string, edit: (text: string) => string) {
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

export const readDist = (rel: string) => readFileSync(join(DIST, rel), 'utf8');

/** The text a reader sees in an HTML page (tags dropped, entities decoded, spaces folded). */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The file dist/ serves for a URL path. */
export function fileFor(path: string): string {
  const clean = decodeURI(path.split('#')[0]!.split('?')[0]!);
  return clean.endsWith('/') ? `${clean.slice(1)}index.html` : clean.slice(1);
}

/** Build the site of a fixture's data folder, with no stories, into a new folder: its dist/. */
export function buildFixtureSite(dataDir: string, prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  // No stories: an empty content folder, made here since git keeps no empty folder.
  const content = join(root, 'content');
  mkdirSync(join(content, 'dien-hinh'), { recursive: true });
  const out = join(root, 'dist');
  const run = runScript('scripts/build.ts', [], {
    CHUNG_TAY_DATA_DIR: dataDir,
    CHUNG_TAY_CONTENT_DIR: content,
    CHUNG_TAY_DIST_DIR: out,
  });
  if (run.status !== 0) throw new Error(`${run.stdout}\n${run.stderr}`);
  return out;
}
