// Vietnamese text as staff type it: NFC/NFD forms, old and new tone placement, stray
// zero-width characters and non-breaking spaces. Stored text keeps the official spelling;
// matching uses `matchKey`.

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u202F]+/g;

/** Clean text for storage: NFC, no invisible characters, single spaces, trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * A key that equates spellings of one name: case, diacritics (so "Hoà" = "Hòa"), đ/d, spacing,
 * punctuation. Used to match headers and unit names, never shown.
 */
export function matchKey(value: string): string {
  return cleanText(value)
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** ASCII slug for permanent URLs: "Xã Sì Lở Lầu" → "si-lo-lau" when the prefix is dropped. */
export function slugify(value: string): string {
  return matchKey(value).replace(/ /g, '-');
}

// Text typed with a legacy font (TCVN3 / VNI) and read as Unicode shows Latin-1 letters and
// symbols that Vietnamese never uses: "Phong Thæ", "Vieät Nam", "ngheøo". Vietnamese uses only
// à á â ã è é ê ì í ò ó ô õ ù ú ý (and capitals) from that block.
const VIETNAMESE_LATIN1 = /[àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/g;
const LATIN1 = /[\u00A1-\u00FF]/;

/** True when a name looks like text typed with a legacy Vietnamese font (mojibake). */
export function looksLikeLegacyFont(value: string): boolean {
  return LATIN1.test(value.normalize('NFC').replace(VIETNAMESE_LATIN1, ''));
}
