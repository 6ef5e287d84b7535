import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEMPLATE_NOTES } from '../lib/data-templates.ts';
import {
  BOUNDARY_FILES,
  buildDataset,
  DATA_FILES,
  REPORT_FILES,
  unreadBoundaryFiles,
  URL_FILES,
  type BuildOptions,
  type BuildResult,
} from '../lib/dataset.ts';
import { ROUND_FOLDER } from '../lib/domain/rounds.ts';
import { locateInWorkbooks, tableFiles, workbookName } from '../lib/ingest/xlsx.ts';
import type { StoryInput } from '../lib/schemas/story.ts';
import { effectiveSiteAddress, SITE_URL_VARIABLE } from '../lib/site/address.ts';
import { readStoryFile, storyFolderEntry } from '../lib/stories/file.ts';
import { contentDir, dataDir, PHOTO_FOLDER, STORY_FOLDER } from './folders.ts';

// With folders.ts (where they are, and the site's address for Astro's config), the one place that touches the
// file system: it reads the data and content folders and hands bytes and text to the core. Used by
// `npm run check-data`, `npm run build` and the Astro loader.

function readPhotos(root: string): Map<string, Uint8Array> {
  const folder = join(root, PHOTO_FOLDER);
  const photos = new Map<string, Uint8Array>();
  try {
    for (const name of readdirSync(folder).sort()) photos.set(name, new Uint8Array(readFileSync(join(folder, name))));
  } catch {
    // No photo folder: stories without photos need none.
  }
  return photos;
}

/** The bytes of one story photo, for publishing beside the story. */
export function readPhoto(name: string, content = contentDir()): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(content, PHOTO_FOLDER, name)));
}

function readStories(root: string): StoryInput[] {
  const folder = join(root, STORY_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  // Every entry is accounted for: a story is read, anything else the site would not publish is refused.
  return names.flatMap((name) => {
    const path = join(folder, name);
    let kind: ReturnType<typeof storyFolderEntry> = 'refuse';
    let bytes: Uint8Array | null = null;
    try {
      kind = storyFolderEntry(name, statSync(path).isDirectory());
      if (kind === 'story') bytes = new Uint8Array(readFileSync(path));
    } catch {
      // A broken link or an unreadable file: refused by the core, like any entry that is not a story.
    }
    return kind === 'skip' ? [] : [readStoryFile(relative(root, path), bytes)];
  });
}

/** An input file as published on the open-data page, so anyone can check what was used. */
export interface InputChecksum {
  tep: string;
  sha256: string;
  kich_thuoc: number;
}

const checksum = (tep: string, bytes: Uint8Array): InputChecksum => ({
  tep,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  kich_thuoc: bytes.length,
});

/** Read every data file and story, and run the core. */
export function loadDataset(
  dir = dataDir(),
  content = contentDir(),
  options: BuildOptions = {},
): BuildResult & { inputs: InputChecksum[] } {
  const files = new Map<string, Uint8Array>();
  // Each table may also come as an Excel workbook (ket-qua-ra-soat.xlsx), read by the core.
  const tables = [...DATA_FILES, ...URL_FILES, ...REPORT_FILES].filter((name) => name.endsWith('.csv'));
  for (const name of [...DATA_FILES, ...BOUNDARY_FILES, ...URL_FILES, ...REPORT_FILES, ...tables.map(workbookName)]) {
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) files.set(name, new Uint8Array(readFileSync(path)));
    } catch {
      // A missing file is reported by the core, in Vietnamese.
    }
  }
  // Every entry of the frozen rounds' folder: the core refuses one that is not a round.
  const rounds = join(dir, ROUND_FOLDER);
  for (const name of existsSync(rounds) ? readdirSync(rounds).sort() : []) {
    const path = join(rounds, name);
    // A folder or an unreadable entry arrives empty, and is refused like any file that is not a round.
    const bytes = statSync(path).isFile() ? new Uint8Array(readFileSync(path)) : new Uint8Array();
    files.set(`${ROUND_FOLDER}/${name}`, bytes);
  }
  const stories = readStories(content);
  const photos = readPhotos(content);
  const inputs = [
    ...[...files].map(([name, bytes]) => checksum(`data/${name}`, bytes)),
    // Refused entries (a folder, a .docx) publish nothing, so they get no checksum.
    ...stories
      .filter((s) => !s.problems?.length)
      .map((s) => checksum(`content/${s.file}`, readFileSync(join(content, s.file)))),
    ...[...photos].map(([name, bytes]) => checksum(`content/${PHOTO_FOLDER}/${name}`, bytes)),
  ];
  const read = tableFiles(files, tables, TEMPLATE_NOTES);
  const result = withSiteAddress(locateInWorkbooks(buildDataset(read.files, stories, photos, options), read));
  // A boundary file under another name would be ignored silently: say which names are read.
  const unread = unreadBoundaryFiles(existsSync(dir) ? readdirSync(dir).sort() : []);
  return { ...result, warnings: [...result.warnings, ...unread], inputs };
}

type Loaded = ReturnType<typeof loadDataset>;
// scripts/build.ts validates the data, then runs Astro in the same process: the pages take over the
// dataset it already has instead of reading and checking every file a second time.
const HANDED_OVER = Symbol.for('chung-tay.dataset');

/** Give the validated dataset to the pages of a build running in this process. */
export function handOver(loaded: Loaded): void {
  (globalThis as Record<symbol, unknown>)[HANDED_OVER] = loaded;
}

/** The dataset handed over by scripts/build.ts, or, under `astro dev` and `astro build` alone, read now. */
export function datasetForPages(): Loaded {
  return ((globalThis as Record<symbol, unknown>)[HANDED_OVER] as Loaded | undefined) ?? loadDataset();
}

/** The address the site is built for (CHUNG_TAY_SITE_URL over `dia_chi_trang`): a missing one is an error. */
function withSiteAddress(result: BuildResult): BuildResult {
  const { dataset } = result;
  if (!dataset) return result;
  const { address, issue } = effectiveSiteAddress(dataset.settings.dia_chi_trang, process.env[SITE_URL_VARIABLE]);
  if (issue) return { ...result, dataset: null, errors: [...result.errors, issue] };
  return { ...result, dataset: { ...dataset, settings: { ...dataset.settings, dia_chi_trang: address } } };
}
