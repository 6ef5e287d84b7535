import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSettings, settingsTable } from '../lib/schemas/settings.ts';
import { effectiveSiteAddress, SITE_URL_VARIABLE, type AddressResult } from '../lib/site/address.ts';

// Where the data and the stories are, and the site's address: all that astro.config.mjs and the content
// collection need. Kept apart from load.ts so that Astro's config loaders, which compile every module they
// import, do not compile the whole core before the build starts.

export function dataDir(): string {
  return resolve(process.env['CHUNG_TAY_DATA_DIR'] ?? 'data');
}

export function contentDir(): string {
  return resolve(process.env['CHUNG_TAY_CONTENT_DIR'] ?? 'content');
}

export const STORY_FOLDER = 'dien-hinh';
/** Photos of stories, named in their front matter (`anh[].tep`). */
export const PHOTO_FOLDER = 'dien-hinh/anh';

/** The site's address alone, for astro.config.mjs (Astro's `site` and `base`): only the settings file is read. */
export function readSiteAddress(dir = dataDir()): AddressResult {
  let bytes = new Uint8Array();
  try {
    bytes = new Uint8Array(readFileSync(join(dir, settingsTable.file)));
  } catch {
    // Reported by check-data; the address then comes from the environment or is missing.
  }
  const setting = parseSettings(bytes).settings?.dia_chi_trang ?? '';
  return effectiveSiteAddress(setting, process.env[SITE_URL_VARIABLE]);
}
