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

// Characters that change how text is shown without being seen. Control characters and
// bidirectional controls can reverse or hide part of a published name, so they are refused in
// every text. Zero-width characters and the soft hyphen are refused in names and codes (a name
// must be exactly what readers see and search for) but removed from free text, where they come
// from copying out of Word or a web page and change nothing a reader sees.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

const STRICT_CHECKS: [RegExp, string][] = [
  [ZERO_WIDTH, 'ký tự vô hình (độ rộng bằng 0)'],
  [LINE_BREAK, 'dấu xuống dòng'],
];

const LAX: [RegExp, string][] = [
  [CONTROL, 'ký tự điều khiển'],
  [BIDI, 'ký tự đổi chiều viết (phải sang trái)'],
];
const STRICT = [...LAX, ...STRICT_CHECKS];
// Made on first use: a statement here would also run in the site's search script, which imports matchKey.
let anyHidden: RegExp | undefined;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What hidden character a text carries that it may not, or null. `strict` is for names and
 * codes: one line, no zero-width characters either.
 */
export function hiddenCharacter(value: string, strict: boolean): string | null {
  // Almost every text has none: one pass tells, and only a text with one is searched in the order of the checks.
  anyHidden ??= new RegExp(STRICT.map(([pattern]) => pattern.source).join('|'));
  if (!anyHidden.test(value)) return null;
  for (const [pattern, what] of strict ? STRICT : LAX) {
    const m = pattern.exec(value);
    if (m) return `${what} ${codePoint(m[0])} ở vị trí ${m.index + 1}`;
  }
  return null;
}

// Text typed with a legacy Vietnamese font (TCVN3/ABC with .VnTime, VNI with VNI-Times) and read
// as Unicode arrives as valid UTF-8 that reads as garbage: TCVN3 "Héi Cùu chiÕn binh",
// "n¨m", "®êi"; VNI "Vieät Nam", "ngheøo". Three signs, each absent from real Vietnamese:
//  1. a Latin-1 letter Vietnamese never uses (ä å æ ç ë î ï ð ñ ö ø û ü þ ÿ and capitals), twice
//     ("Lß A Sö"), or once right after a vowel, where VNI writes its tone letters ("Thoå");
//     a single one elsewhere is a foreign name ("Müller", "Muñoz"), not a legacy font;
//  2. a Latin-1 symbol (¨ © ª ® ¸ µ …, the soft hyphen) inside a word or starting one;
//  3. an accented capital after a small letter ("chiÕn", "ViÖt"), or a vowel sequence no Vietnamese
//     syllable has once tone marks are set aside ("Héi" → "ei", "Cùu" → "uu", "Laàu" → "aau").
const FOREIGN_LETTERS = /[ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ]/g;
const FOREIGN_AFTER_VOWEL = /[aeiouyAEIOUYôöÔÖ][ÄÅËÏØÛÜäåëïøûü]/;
// Symbols that legacy fonts use as letters; « » ° · ± stay allowed as punctuation at word edges.
const LETTER_SYMBOLS = '\u00A1-\u00AA\u00AC-\u00AE\u00B2-\u00B6\u00B8-\u00BA\u00BC-\u00BF';
const SYMBOL_IN_WORD = new RegExp(`(?:\\p{L}|^|\\s)[${LETTER_SYMBOLS}]\\p{L}|\\p{L}[\u00A1-\u00BF]\\p{L}`, 'u');
const CAPITAL_AFTER_SMALL = /\p{Ll}[À-ÖØ-Þ]/u;
const VOWELS = /[aăâeêioôơuưy]+/g;
const VIETNAMESE_VOWEL_RUNS = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ôô ua uâ uê ui uô uơ uy ưa ưi ưu ' +
    'ươ ya yê ye iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu ue uă uai uay uao ueo uơi uêu'
  ).split(' '),
);
const TCVN3_SIGN = new RegExp(`[\u00A1-\u00BF]|${CAPITAL_AFTER_SMALL.source}`, 'u');

function impossibleVowels(word: string): boolean {
  // Only words carrying a Latin-1 accented letter: plain ASCII words (names in minority
  // languages, abbreviations) are never judged.
  if (!/[\u00C0-\u00FF]/.test(word)) return false;
  let impossible = judgedWords.get(word);
  if (impossible === undefined) {
    impossible = vowelRunsOf(word).some((run) => !VIETNAMESE_VOWEL_RUNS.has(run));
    if (judgedWords.size >= WORDS_REMEMBERED) judgedWords.clear();
    judgedWords.set(word, impossible);
  }
  return impossible;
}

// Words repeat across names ("Phú", "Thôn", "Bản"): each is judged once, within a bound.
const judgedWords = new Map<string, boolean>();
const WORDS_REMEMBERED = 50_000;

function vowelRunsOf(word: string): string[] {
  const bare = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC')
    // "qu" and "gi" before a vowel are consonants.
    .replace(/(^|[^a-zđ])(qu|gi)(?=[aăâeêioôơuưy])/g, '$1');
  return bare.match(VOWELS) ?? [];
}

// Every sign above needs a Latin-1 character: text without one (most codes, many names) is Unicode as typed.
const LATIN1 = /[\u00A1-\u00FF]/;
const LATIN1_SYMBOL = /[\u00A1-\u00BF]/;
const LATIN1_CAPITAL = /[À-ÖØ-Þ]/;

/** The legacy encoding a text appears to be typed in, or null for Unicode text. */
export function legacyEncoding(value: string): 'TCVN3' | 'VNI' | 'TCVN3 hoặc VNI' | null {
  const s = value.normalize('NFC');
  if (!LATIN1.test(s)) return null;
  // The cheap test of the character each sign needs first: the Unicode-class patterns are slow on long text.
  const suspicious =
    (s.match(FOREIGN_LETTERS) ?? []).length > 1 ||
    FOREIGN_AFTER_VOWEL.test(s) ||
    (LATIN1_SYMBOL.test(s) && SYMBOL_IN_WORD.test(s)) ||
    (LATIN1_CAPITAL.test(s) && CAPITAL_AFTER_SMALL.test(s)) ||
    s.split(/[^\p{L}]+/u).some(impossibleVowels);
  if (!suspicious) return null;
  if (TCVN3_SIGN.test(s)) return 'TCVN3';
  if (/[aeiouyAEIOUY][\u00C0-\u00FF]/.test(s)) return 'VNI';
  return 'TCVN3 hoặc VNI';
}

/** How to turn legacy-font text into Unicode, for messages. */
export const CONVERT_WITH_UNIKEY =
  'Chuyển sang Unicode bằng Unikey: sao chép nội dung, mở Unikey → "Công cụ…" (Ctrl+Shift+F6), chọn "Nguồn" ' +
  'là bảng mã cũ, "Đích" là Unicode, bấm "Chuyển mã", dán lại vào bảng tính rồi xuất lại tệp.';
