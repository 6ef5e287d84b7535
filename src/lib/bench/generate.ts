import Papa from 'papaparse';
import { slugify } from '../ingest/text.ts';
import { awardsTable, unitsTable } from '../schemas/tables.ts';
import { seededRandom, type Random } from './random.ts';

// A dataset of any size in the project's own format, for measuring the build (npm run gen-data,
// npm run bench): a district or province of N communes with M villages each, five years of reviews
// whose flows add up, regions and flags that change, exits by decision, today's merged communes,
// awards with and without consent, and three stories. Pure: the script writes the files. The same
// options give the same bytes; the settings and criteria are the sample's, renamed.

export interface GenerateOptions {
  communes: number;
  villagesPerCommune: number;
  seed: number;
  /** The sample's dia-phuong.csv and tieu-chi.csv, whose place names are replaced. */
  settingsCsv: string;
  criteriaCsv: string;
}

export interface GeneratedDataset {
  /** File name in the data folder → its text. */
  data: Map<string, string>;
  /** File name in the story folder (dien-hinh/) → its text. */
  stories: Map<string, string>;
  /** Photos the stories show, to copy from the sample's photo folder. */
  photos: string[];
  villages: number;
}

/** The sample's illustration (a drawing, no person), reused by one generated story. */
export const SAMPLE_PHOTO = 'nuong-thao-qua-minh-hoa.png';
const SAMPLE_PLACE = 'Phong Thổ';
const SAMPLE_PROVINCE = 'Lai Châu';

// Syllables of place names in the northern uplands; names are two or three of them.
const SYLLABLES = [
  'Sì',
  'Cò',
  'Phìn',
  'Ma',
  'Xả',
  'Lũng',
  'Pa',
  'Nà',
  'Nậm',
  'Dền',
  'Lao',
  'Sin',
  'Tả',
  'Cang',
  'Hồng',
  'Mù',
  'Hoang',
  'Khoa',
  'Pô',
  'Thèn',
  'Chang',
  'Chải',
  'Hồ',
  'Pe',
  'Củng',
  'Muông',
  'Cáy',
  'Thàng',
  'Sáng',
  'Lìn',
  'Hạ',
  'Ban',
  'Thu',
  'Sử',
  'Lầu',
  'Pho',
  'Xe',
  'Khoai',
  'Mé',
  'Dào',
  'Vây',
  'Tổng',
  'Huổi',
  'Tà',
  'Sán',
  'Mường',
  'Pú',
  'Khun',
  'Hua',
  'Phiêng',
  'Chiềng',
  'Tông',
  'Giàng',
  'Suối',
  'Cuổi',
  'Lé',
  'Mán',
  'Luông',
  'Noong',
  'Hẻo',
  'Bum',
  'Kéo',
  'Lếch',
  'Nhé',
  'Tủa',
  'Sủng',
  'Chà',
  'Tòng',
  'Quảng',
  'Lử',
  'Khánh',
  'Phú',
  'Ly',
];
const FAMILIES = [
  'Lý',
  'Sùng',
  'Giàng',
  'Vàng',
  'Thào',
  'Lò',
  'Tẩn',
  'Chảo',
  'Pờ',
  'Lù',
  'Hầu',
  'Mùa',
  'Hờ',
  'Tráng',
  'Sần',
  'Phàn',
  'Lầu',
  'Cứ',
  'Vừ',
  'Chang',
  'Tao',
  'Hạng',
  'Chá',
  'Ly',
  'Sình',
];
// A protected name is found in any text, URL slugs included: no middle name is spelt like a place syllable
// without its diacritics, so no place name can contain a person's whole name.
const MIDDLE_MEN = ['A', 'Seo', 'Văn', 'Chín'];
const MIDDLE_WOMEN = ['Thị', 'Mẩy', 'Lở'];
const GIVEN = [
  'Sử',
  'Chứ',
  'Chè',
  'Sài',
  'Dua',
  'Xuân',
  'Páo',
  'Dình',
  'Tủa',
  'Lử',
  'Vần',
  'Cở',
  'Súa',
  'Pừ',
  'Chảo',
  'Sính',
  'Tếnh',
  'Quang',
  'Minh',
  'Dế',
  'Lồng',
  'Phử',
  'Chu',
  'Khai',
  'Mỷ',
  'Pà',
  'Say',
  'Hảng',
  'Nhè',
  'Vư',
  'Tráng',
  'Sơn',
  'Thắng',
  'Lìu',
  'Ly',
  'Dơ',
  'Cấu',
  'Chinh',
  'Dủa',
  'Giông',
  'Chớ',
  'Dùng',
  'Mua',
  'Xè',
  'Tỏa',
  'Phình',
  'Kháng',
  'Vảng',
  'Chư',
  'Nủ',
  'Sếnh',
  'Thái',
  'Lục',
  'Hoàng',
  'Duy',
  'Hải',
  'Tiến',
  'Dũng',
  'Giàng',
  'Phừ',
];
const PRODUCTS = ['Chè Shan tuyết', 'Thảo quả', 'Quế', 'Dong riềng', 'Gạo Séng Cù', 'Mật ong', 'Sâm'];

const LAW_2003 = 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi 2005, 2013); Nghị định 91/2017/NĐ-CP';
const LAW_2022_98 = 'Luật Thi đua, khen thưởng năm 2022; Nghị định 98/2023/NĐ-CP';
const LAW_2022_152 = 'Luật Thi đua, khen thưởng năm 2022; Nghị định 152/2025/NĐ-CP';
const REGION_2021 = 'QĐ 861/QĐ-TTg ngày 04/6/2021';
const REGION_2024 = 'QĐ 698/QĐ-TTg ngày 19/7/2024';
const VILLAGE_EXIT: Record<number, string> = {
  2023: 'QĐ 497/QĐ-UBDT ngày 30/6/2023 (minh họa)',
  2024: 'QĐ 325/QĐ-UBDT ngày 27/5/2024 (minh họa)',
};
/** The day the district level ended (NQ 1670/NQ-UBTVQH15) and today's communes began. */
const LAST_DAY = '30/06/2025';
const FIRST_DAY = '01/07/2025';

type Region = 'I' | 'II' | 'III';
type Cell = string | number | null;

interface Commune {
  code: string;
  name: string;
  alias: string;
  town: boolean;
  region: Region;
  /** The region from 2024 (QĐ 698/QĐ-TTg). */
  region2024: Region;
  flagged: boolean;
  border: boolean;
  lat: number;
  lon: number;
  newCode: string;
  villages: Village[];
}

/** A village's counts, one per year of the period (the sample's villages have them too). */
export interface YearlyFigures {
  /** Households. */
  total: number[];
  poor: number[];
  near: number[];
  /** Ethnic-minority households, and the poor among them. */
  em: number[];
  emPoor: number[];
}

interface Village extends YearlyFigures {
  code: string;
  name: string;
  town: boolean;
  /** Founded by a split, on 1 January of this year; no baseline. */
  from: number | null;
  dbkk: boolean;
  exit: number | null;
  lat: number;
  lon: number;
}

/** Names that stay apart from each other in their URLs: the key is the slug without the unit's kind. */
interface NameBook {
  take(make: (rng: Random) => string): string;
  /** False when the name is taken. */
  add(name: string): boolean;
}

function nameBook(rng: Random): NameBook {
  const used = new Set<string>();
  const add = (name: string) => {
    const key = slugify(name);
    if (used.has(key)) return false;
    used.add(key);
    return true;
  };
  const take = (make: (rng: Random) => string) => {
    for (let tries = 0; tries < 10_000; tries++) {
      const name = make(rng);
      if (add(name)) return name;
    }
    throw new Error('gen-data: ran out of names');
  };
  return { take, add };
}

/** Two syllables, sometimes three, none repeated. */
function placeName(rng: Random): string {
  const parts: string[] = [];
  const count = rng.next() < 0.7 ? 2 : 3;
  while (parts.length < count) {
    const s = rng.pick(SYLLABLES);
    if (!parts.includes(s)) parts.push(s);
  }
  return parts.join(' ');
}

function personName(rng: Random): { name: string; woman: boolean } {
  const woman = rng.next() < 0.45;
  const name = `${rng.pick(FAMILIES)} ${rng.pick(woman ? MIDDLE_WOMEN : MIDDLE_MEN)} ${rng.pick(GIVEN)}`;
  return { name, woman };
}

/**
 * Another spelling officials write, for the ten_khac column: "Sì Lở Lầu" → "Sì Lờ Lầu" (same URL), or
 * "Ma Ly Pho" → "Ma Li Pho" (a URL of its own, served as a redirect).
 */
function otherSpelling(name: string, rng: Random): string | null {
  const TONES: Record<string, string> = { ì: 'í', ở: 'ờ', ồ: 'ổ', ả: 'ã', ù: 'ú', à: 'á', ầ: 'ấ', è: 'é', ổ: 'ỗ' };
  const chars = [...name];
  const i = chars.findIndex((ch) => ch in TONES);
  if (i >= 0 && rng.next() < 0.5) {
    chars[i] = TONES[chars[i]!]!;
    return chars.join('');
  }
  const swapped = name.replace(/(?<=^| )Ly(?= |$)/, 'Li');
  return swapped === name ? null : swapped;
}

function csv(rows: Cell[][]): string {
  return `${Papa.unparse(
    rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
    { newline: '\n' },
  )}\n`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Figures for one village over the years: a rate falling at about `pace` points a year. */
function villageFigures(rng: Random, v: Village, years: number, region: Region, pace: number) {
  const total0 = v.town ? rng.int(110, 190) : rng.int(45, 140);
  const poorRate0 = v.town
    ? rng.between(0.04, 0.11)
    : region === 'III'
      ? rng.between(0.35, 0.6)
      : rng.between(0.15, 0.3);
  const nearRate0 = v.town ? rng.between(0.03, 0.07) : rng.between(0.08, 0.16);
  const emShare = v.town ? rng.between(0.4, 0.65) : rng.between(0.86, 1);
  const fall = Math.max(0.5, pace + rng.between(-1.5, 1.5)) / 100;
  for (let y = 0; y < years; y++) {
    const total = Math.round(total0 * (1 + 0.015 * y));
    const combined = Math.max(0.01, poorRate0 + nearRate0 - fall * y);
    const poorShare = Math.max(0.25, poorRate0 / (poorRate0 + nearRate0) - 0.04 * y);
    const both = Math.round(total * combined);
    const poor = Math.round(both * poorShare);
    const em = Math.round(total * emShare);
    v.total.push(total);
    v.poor.push(poor);
    v.near.push(both - poor);
    v.em.push(em);
    v.emPoor.push(Math.min(poor, em, Math.round(poor * rng.between(0.96, 1))));
  }
  v.dbkk = !v.town && poorRate0 >= 0.2 && rng.next() < 0.45;
}

/** A village split off `parent` in `year`: it takes 40% of every count from then on. */
function splitVillage(parent: Village, code: string, year: number, first: number): Village {
  const child: Village = {
    ...parent,
    code,
    name: `${parent.name} Mới`,
    from: year,
    dbkk: false,
    exit: null,
    lat: parent.lat + 0.005,
    lon: parent.lon + 0.005,
    total: [],
    poor: [],
    near: [],
    em: [],
    emPoor: [],
  };
  for (const k of ['total', 'poor', 'near', 'em', 'emPoor'] as const) {
    parent[k].forEach((value, y) => {
      const moved = first + y >= year ? Math.round(value * 0.4) : 0;
      child[k].push(moved);
      parent[k][y] = value - moved;
    });
  }
  return child;
}

interface Top {
  code: string;
  name: string;
  core: string;
  /** Past 40 communes the unit above them is a province. */
  province: boolean;
  /** The province's name, in place of the sample's. */
  provinceCore: string;
}

function makeUnits(o: GenerateOptions, rng: Random, first: number, years: number) {
  const names = nameBook(rng);
  const core = names.take(placeName);
  const province = o.communes > 40;
  const provinceCore = province ? core : names.take(placeName);
  const name = `${province ? 'Tỉnh' : 'Huyện'} ${core}`;
  const top: Top = { code: String(rng.int(100, 999)), name, core, province, provinceCore };
  // Communes on a rough grid around a point in the northern uplands, 0.05° apart.
  const side = Math.ceil(Math.sqrt(o.communes));
  const [lat0, lon0] = [rng.between(21.4, 22.4), rng.between(103.2, 104.6)];
  const base = rng.int(100, 999);
  const width = o.villagesPerCommune > 98 ? 3 : 2;
  const communes: Commune[] = [];
  for (let i = 0; i < o.communes; i++) {
    const town = i % 12 === 1;
    const r = rng.next();
    const region: Region = town ? 'I' : r < 0.55 ? 'III' : r < 0.85 ? 'II' : 'I';
    const change = rng.next();
    const region2024: Region = region === 'III' && change < 0.2 ? 'II' : region === 'II' && change < 0.1 ? 'I' : region;
    const flagged = region === 'III' && rng.next() < 0.5;
    const place = names.take(placeName);
    const spelling = rng.next() < 0.08 ? otherSpelling(place, rng) : null;
    const sameUrl = spelling !== null && slugify(spelling) === slugify(place);
    const alias =
      spelling !== null && (sameUrl || names.add(spelling)) ? `${town ? 'Thị trấn' : 'Xã'} ${spelling}` : '';
    const c: Commune = {
      code: pad(base * 10 + i * 3, 5),
      name: `${town ? 'Thị trấn' : 'Xã'} ${place}`,
      alias,
      town,
      region,
      region2024,
      flagged,
      border: flagged || rng.next() < 0.2,
      lat: lat0 + 0.05 * Math.floor(i / side),
      lon: lon0 + 0.05 * (i % side),
      newCode: '',
      villages: [],
    };
    const villageNames = nameBook(rng);
    // How fast this commune's combined rate falls (points per year): varied so verdicts differ.
    const pace = town ? rng.between(1.5, 3) : region === 'III' ? rng.between(4.2, 9) : rng.between(3.5, 6.5);
    for (let k = 0; k < o.villagesPerCommune; k++) {
      const name = town
        ? `Tổ dân phố số ${k + 1}`
        : `${rng.pick(['Bản', 'Bản', 'Thôn'])} ${villageNames.take(placeName)}`;
      const v: Village = {
        code: `${c.code}-${pad(k + 1, width)}`,
        name,
        town,
        from: null,
        dbkk: false,
        exit: null,
        lat: c.lat + rng.between(-0.015, 0.015),
        lon: c.lon + rng.between(-0.015, 0.015),
        total: [],
        poor: [],
        near: [],
        em: [],
        emPoor: [],
      };
      villageFigures(rng, v, years, region, pace);
      c.villages.push(v);
    }
    const parent = c.villages[0];
    if (!town && parent && years > 2 && rng.next() < 0.03 && villageNames.add(`${parent.name} Mới`)) {
      const code = `${c.code}-${pad(o.villagesPerCommune + 1, width)}`;
      c.villages.push(splitVillage(parent, code, first + 2, first));
    }
    c.villages
      .filter((v) => v.dbkk)
      .forEach((v, n) => {
        if (n % 3 === 0) v.exit = n % 2 === 0 ? 2023 : 2024;
      });
    communes.push(c);
  }
  return { top, communes, current: mergeCommunes(communes, rng) };
}

interface CurrentCommune {
  code: string;
  name: string;
  level: 'xa' | 'phuong';
  lat: number;
  lon: number;
}

/** Today's communes (from 1/7/2025): runs of two to five former communes, named after one of them. */
function mergeCommunes(communes: Commune[], rng: Random): CurrentCommune[] {
  const current: CurrentCommune[] = [];
  const names = nameBook(rng);
  for (let i = 0; i < communes.length;) {
    const group = communes.slice(i, i + rng.int(2, 5));
    i += group.length;
    const head = rng.pick(group);
    const place = head.name.replace(/^(Xã|Thị trấn) /, '');
    const town = group.some((c) => c.town);
    const name = names.add(place) ? place : names.take(placeName);
    const code = `2025-${head.code}`;
    for (const c of group) c.newCode = code;
    const mean = (f: (c: Commune) => number) => group.reduce((a, c) => a + f(c), 0) / group.length;
    const level = town ? 'phuong' : 'xa';
    current.push({
      code,
      name: `${town ? 'Phường' : 'Xã'} ${name}`,
      level,
      lat: mean((c) => c.lat),
      lon: mean((c) => c.lon),
    });
  }
  return current;
}

function unitRows(top: Top, communes: Commune[], current: CurrentCommune[]): Cell[][] {
  const rows: Cell[][] = [unitsTable.columns.map((c) => c.key)];
  const yes = (b: boolean) => (b ? 'có' : 'không');
  const at = (x: number) => x.toFixed(3);
  const centre = communes[Math.floor(communes.length / 2)]!;
  // A district ended on 30/6/2025; a province goes on.
  const end = top.province ? ['', ''] : [LAST_DAY, 'Cấp huyện kết thúc hoạt động từ 1/7/2025 (NQ 1670/NQ-UBTVQH15).'];
  rows.push([
    top.code,
    top.code,
    top.name,
    '',
    'huyen',
    '',
    '',
    end[0]!,
    '',
    '',
    'có',
    '',
    '',
    '',
    at(centre.lat),
    at(centre.lon),
    end[1]!,
  ]);
  for (const c of communes) {
    const exit = c.region === 'III' && c.region2024 !== 'III' ? 2024 : null;
    rows.push([
      c.code,
      c.code,
      c.name,
      c.alias,
      c.town ? 'thi_tran' : 'xa',
      top.code,
      '',
      LAST_DAY,
      c.newCode,
      yes(c.flagged),
      yes(c.border),
      yes(c.region === 'III'),
      exit,
      exit ? REGION_2024 : '',
      at(c.lat),
      at(c.lon),
      '',
    ]);
    for (const v of c.villages) {
      const note = v.from ? `Chia tách từ ${v.name.replace(/ Mới$/, '')} năm ${v.from} (minh họa).` : '';
      rows.push([
        v.code,
        '',
        v.name,
        '',
        v.town ? 'to_dan_pho' : 'thon',
        c.code,
        v.from ? `01/01/${v.from}` : '',
        '',
        '',
        '',
        '',
        yes(v.dbkk),
        v.exit,
        v.exit ? (VILLAGE_EXIT[v.exit] ?? '') : '',
        at(v.lat),
        at(v.lon),
        note,
      ]);
    }
  }
  for (const n of current) {
    const code = n.code.slice(5);
    rows.push([n.code, code, n.name, '', n.level, '', FIRST_DAY, '', '', '', '', '', '', '', at(n.lat), at(n.lon), '']);
  }
  return rows;
}

function regionRows(communes: Commune[]): Cell[][] {
  const rows: Cell[][] = [['ma_don_vi', 'khu_vuc', 'tu_nam', 'den_nam', 'can_cu']];
  for (const c of communes) {
    if (c.region === c.region2024) rows.push([c.code, c.region, 2021, '', REGION_2021]);
    else rows.push([c.code, c.region, 2021, 2023, REGION_2021], [c.code, c.region2024, 2024, '', REGION_2024]);
  }
  return rows;
}

/** One row per village and year; from the second year, flows that add up to the year's end. */
function reviewRows(communes: Commune[], first: number, years: number, rng: Random): Cell[][] {
  const rows: Cell[][] = [
    [
      'ma_don_vi',
      'ten_don_vi',
      'nam',
      'trang_thai',
      'so_quyet_dinh',
      'ngay_quyet_dinh',
      'tong_so_ho',
      'tong_so_khau',
      'so_ho_dtts',
      'so_ho_ngheo',
      'so_ho_ngheo_dtts',
      'so_ho_can_ngheo',
      'so_ho_ngheo_dau_nam',
      'so_ho_thoat_ngheo',
      'so_ho_ngheo_phat_sinh',
      'so_ho_tai_ngheo',
      'so_ho_can_ngheo_dau_nam',
      'so_ho_thoat_can_ngheo',
      'so_ho_can_ngheo_phat_sinh',
    ],
  ];
  for (let y = 0; y < years; y++) {
    const year = first + y;
    // The last year is preliminary (sơ bộ): its decision comes after the data's update date.
    const official = y < years - 1;
    communes.forEach((c, ci) => {
      const decision = official ? `${200 + ((ci * 7 + y) % 700)}/QĐ-UBND` : '';
      const day = official ? `${pad(10 + (ci % 15), 2)}/12/${year}` : '';
      for (const v of c.villages) {
        if (v.from !== null && year < v.from) continue;
        let flows: Cell[] = [null, null, null, null, null, null, null];
        if (y > 0 && !(v.from !== null && year === v.from)) {
          const [start, nearStart] = [v.poor[y - 1]!, v.near[y - 1]!];
          const back = start > 20 ? rng.int(0, 1) : 0;
          let born = Math.min(2, Math.round(start * 0.03));
          let out = start + born + back - v.poor[y]!;
          if (out < 0) [born, out] = [born - out, 0];
          let nearBorn = Math.round(out * 0.4);
          let nearOut = nearStart + nearBorn - v.near[y]!;
          if (nearOut < 0) [nearBorn, nearOut] = [nearBorn - nearOut, 0];
          flows = [start, out, born, back, nearStart, nearOut, nearBorn];
        }
        const total = v.total[y]!;
        rows.push([
          v.code,
          v.name,
          year,
          official ? 'chinh_thuc' : 'so_bo',
          decision,
          day,
          total,
          Math.round(total * 4.6),
          v.em[y]!,
          v.poor[y]!,
          v.emPoor[y]!,
          v.near[y]!,
          ...flows,
        ]);
      }
    });
  }
  return rows;
}

interface Award {
  code: string;
  row: Cell[];
  kind: string;
  unit: string;
  name: string;
  consent: boolean;
}

interface Decision {
  round: 'so_ket' | 'hang_nam' | 'tong_ket';
  day: string;
  number: string;
  law: string;
  issuer: string;
  signer: string;
  form: string;
}

type Consent = [string, string, string];
const NO_CONSENT: Consent = ['', '', ''];

/** Consent as officials record it: given, never asked, refused, or given then withdrawn. */
function consent(r: number): Consent {
  if (r < 0.5) return ['có', '05/12/2023', ''];
  if (r < 0.75) return NO_CONSENT;
  if (r < 0.85) return ['không', '', ''];
  return ['có', '01/12/2023', '10/03/2026'];
}

function makeAwards(top: Top, communes: Commune[], current: CurrentCommune[], rng: Random): Award[] {
  const people = nameBook(rng);
  const seq = new Map<string, number>();
  const level = top.province ? 'tỉnh' : 'huyện';
  const byTop = (round: Decision['round'], day: string, number: string, law: string): Decision => ({
    round,
    day,
    number,
    law,
    issuer: `UBND ${level} ${top.core}`,
    signer: `Chủ tịch UBND ${level}`,
    form: top.province ? 'bang_khen_tinh' : 'giay_khen_huyen',
  });
  const midTerm = byTop('so_ket', '20/11/2023', '1520/QĐ-UBND', LAW_2003);
  const yearly = byTop('hang_nam', '12/12/2024', '890/QĐ-UBND', LAW_2022_98);
  const final = byTop('tong_ket', '16/06/2025', '1012/QĐ-UBND', LAW_2022_98);
  const awards: Award[] = [];
  const add = (d: Decision, kind: string, name: string, unit: string, deed: string, given = NO_CONSENT) => {
    const year = d.day.slice(-4);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    const code = `KT-${year}-${pad(n, 4)}`;
    const row = [
      code,
      d.number,
      d.day,
      d.issuer,
      d.signer,
      d.form,
      d.round,
      kind,
      name,
      unit,
      deed,
      d.law,
      ...given,
      '',
    ];
    awards.push({ code, row, kind, unit, name, consent: given[0] === 'có' && given[2] === '' });
  };
  const person = (household: boolean) => {
    let woman = false;
    const name = people.take((g) => {
      const p = personName(g);
      woman = p.woman;
      return p.name;
    });
    return household ? `Hộ ${woman ? 'bà' : 'ông'} ${name}` : `${woman ? 'Bà' : 'Ông'} ${name}`;
  };
  const currentName = new Map(current.map((n) => [n.code, n.name]));
  communes.forEach((c, i) => {
    // The first commune has one award of every kind, so every page kind exists at every scale.
    const all = i === 0;
    const place = c.name.replace(/^(Xã|Thị trấn) /, '');
    const village = rng.pick(c.villages.filter((v) => v.from === null));
    if (all || rng.next() < 0.35) {
      add(
        midTerm,
        'thon',
        village.name,
        village.code,
        'Giảm quy mô hộ nghèo, cận nghèo vượt chỉ tiêu giai đoạn 2021–2023',
      );
    }
    if (all || rng.next() < 0.15)
      add(final, 'xa', c.name, c.code, 'Hoàn thành xuất sắc mục tiêu giảm nghèo giai đoạn 2021–2025');
    const households = all ? [0.1, 0.6, 0.8, 0.9] : rng.next() < 0.3 ? [rng.next()] : [];
    for (const r of households) {
      const deed = 'Tự lực phát triển chăn nuôi, trồng trọt, thoát nghèo bền vững';
      add(midTerm, 'ho_gia_dinh', person(true), rng.pick(c.villages).code, deed, consent(r));
    }
    if (all || rng.next() < 0.1) {
      const deed = 'Trưởng bản vận động các hộ chuyển đổi cây trồng';
      add(final, 'ca_nhan', person(false), village.code, deed, consent(all ? 0 : rng.next()));
    }
    if (all || rng.next() < 0.05) {
      const name = `Hợp tác xã ${rng.pick(PRODUCTS)} ${place} (minh họa)`;
      add(yearly, 'hop_tac_xa', name, c.code, 'Bao tiêu sản phẩm, tạo việc làm cho lao động hộ nghèo');
    }
    if (all || rng.next() < 0.03) {
      const name = `Công ty TNHH Nông sản ${place} (minh họa)`;
      add(final, 'doanh_nghiep', name, c.code, 'Liên kết tiêu thụ nông sản, hỗ trợ giống cho hộ nghèo');
    }
    if (all || rng.next() < 0.05) {
      // Today's commune thanks an official after the reorganisation; no consent recorded.
      const by = currentName.get(c.newCode) ?? c.name;
      const d: Decision = {
        round: 'tong_ket',
        day: '20/11/2025',
        number: '245/QĐ-UBND',
        law: LAW_2022_152,
        form: 'giay_khen_xa',
        issuer: `UBND ${by.charAt(0).toLowerCase()}${by.slice(1)}`,
        signer: `Chủ tịch UBND ${by.startsWith('Phường') ? 'phường' : 'xã'}`,
      };
      add(
        d,
        'ca_nhan',
        person(false),
        village.code,
        'Cán bộ văn hóa - xã hội theo dõi, hỗ trợ hộ nghèo suốt giai đoạn',
      );
    }
  });
  add(
    midTerm,
    'tap_the',
    `Hội Liên hiệp Phụ nữ ${level} ${top.core}`,
    top.code,
    'Vận động hội viên giúp hộ nghèo vay vốn, phát triển sinh kế',
  );
  const bank = `Phòng giao dịch Ngân hàng Chính sách xã hội ${level} ${top.core}`;
  add(midTerm, 'ngan_hang', bank, top.code, 'Giải ngân vốn tín dụng ưu đãi cho hộ nghèo, cận nghèo đúng đối tượng');
  return awards;
}

function story(front: Record<string, string>, photo: string | null, body: string[]): string {
  const yaml = Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const photos =
    photo === null
      ? []
      : [
          'anh:',
          `  - tep: ${JSON.stringify(photo)}`,
          '    mo_ta: "Hình vẽ minh họa nương thảo quả trên sườn đồi (không phải ảnh chụp)"',
          '    tac_gia: "Trung tâm Văn hóa – Truyền thông (hình vẽ minh họa)"',
          '    dong_y: true',
        ];
  return [
    '---',
    ...yaml,
    ...photos,
    '---',
    '',
    '*Bài viết minh họa, dùng cùng dữ liệu sinh tự động.*',
    '',
    ...body.flatMap((p) => [p, '']),
  ].join('\n');
}

/** Three stories: a household that consented, a village, a co-operative; each linked from its award. */
function makeStories(awards: Award[], unitName: (code: string) => string, stories: Map<string, string>): string[] {
  const household = awards.find((a) => a.kind === 'ho_gia_dinh' && a.consent);
  const village = awards.find((a) => a.kind === 'thon');
  const coop = awards.find((a) => a.kind === 'hop_tac_xa');
  const photos: string[] = [];
  const link = (a: Award | undefined, slug: string, title: string, photo: string | null, body: string[]) => {
    if (!a) return;
    a.row[15] = slug;
    if (photo) photos.push(photo);
    const front = {
      tieu_de: title,
      tom_tat: `${a.name} được khen thưởng trong phong trào; bài viết kể lại cách làm để nơi khác học theo.`,
      ngay: '2023-12-15',
      tac_gia: 'Ban Tuyên giáo (bài minh họa)',
      ma_don_vi: a.unit,
      ma_khen_thuong: a.code,
    };
    stories.set(`${slug}.mdx`, story(front, photo, body));
  };
  link(household, slugify(household?.name ?? ''), `${household?.name}: thoát nghèo từ nương thảo quả`, SAMPLE_PHOTO, [
    `${household?.name} ở ${unitName(household?.unit ?? '')} trồng thảo quả dưới tán rừng và nuôi thêm đàn bò.`,
    'Số liệu rà soát của thôn qua từng năm có trong khung "Số liệu" của bài, lấy trực tiếp từ dữ liệu.',
  ]);
  link(
    village,
    `${slugify(village?.name ?? '')}-doi-thay`,
    `${village?.name} đổi thay nhờ cả cộng đồng chung tay`,
    null,
    [
      `Ở ${village?.name}, mỗi cuộc họp thôn đều điểm lại từng hộ còn khó khăn và phân công người giúp.`,
      'Chi hội phụ nữ kèm cặp các hộ có phụ nữ làm chủ hộ; đoàn thanh niên giúp ngày công làm chuồng trại.',
    ],
  );
  link(coop, slugify(coop?.name.replace(/ \(minh họa\)$/, '') ?? ''), `${coop?.name}: việc làm cho hộ nghèo`, null, [
    `${coop?.name} bao tiêu sản phẩm cho các hộ trong xã và nhận lao động của hộ nghèo vào làm.`,
  ]);
  return photos;
}

/** The settings and criteria of the sample, with the generated place in place of the sample's. */
function renamed(text: string, top: Top): string {
  const { core } = top;
  return text
    .replaceAll(`huyện ${SAMPLE_PLACE}`, `${top.province ? 'tỉnh' : 'huyện'} ${core}`)
    .replaceAll(SAMPLE_PLACE, core)
    .replaceAll(SAMPLE_PROVINCE, top.provinceCore)
    .replaceAll('phongtho', slugify(core).replaceAll('-', ''));
}

/**
 * The share images a locality of this size would choose (setting anh_chia_se): a district draws one per page,
 * a province one per commune, the country one for the whole site; each new image costs about 0.1 s.
 */
function shareImages(communes: number): string {
  return `anh_chia_se,${communes > 2000 ? 'chung' : communes > 40 ? 'cap_xa' : 'moi_trang'},Số ảnh chia sẻ theo quy mô`;
}

function period(settingsCsv: string): { first: number; years: number } {
  const rows = Papa.parse<string[]>(settingsCsv.trim(), { skipEmptyLines: 'greedy' }).data;
  const value = (key: string) => Number(rows.find((r) => r[0] === key)?.[1]);
  const first = value('nam_bat_dau');
  const last = value('nam_ket_thuc');
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first)
    throw new Error('gen-data: no period in the settings');
  return { first, years: last - first + 1 };
}

export function generateDataset(o: GenerateOptions): GeneratedDataset {
  if (!(
    Number.isInteger(o.communes) &&
    o.communes >= 1 &&
    Number.isInteger(o.villagesPerCommune) &&
    o.villagesPerCommune >= 1
  )) {
    throw new Error('gen-data: communes and villages per commune are whole numbers from 1');
  }
  const rng = seededRandom(o.seed);
  const { first, years } = period(o.settingsCsv);
  const { top, communes, current } = makeUnits(o, rng, first, years);
  const awards = makeAwards(top, communes, current, rng);
  const names = new Map(
    communes.flatMap((c) => c.villages.map((v): [string, string] => [v.code, `${v.name}, ${c.name}`])),
  );
  const stories = new Map<string, string>();
  const photos = makeStories(awards, (code) => names.get(code) ?? code, stories);
  const data = new Map<string, string>([
    ['dia-phuong.csv', `${renamed(o.settingsCsv, top).trimEnd()}\n${shareImages(o.communes)}\n`],
    ['don-vi.csv', csv(unitRows(top, communes, current))],
    ['khu-vuc.csv', csv(regionRows(communes))],
    ['tieu-chi.csv', renamed(o.criteriaCsv, top)],
    ['ket-qua-ra-soat.csv', csv(reviewRows(communes, first, years, rng))],
    ['khen-thuong.csv', csv([awardsTable.columns.map((c) => c.key), ...awards.map((a) => a.row)])],
    // An entry once published by mistake and then cancelled: its URL keeps a removal notice.
    [
      'duong-dan-cu.csv',
      csv([
        ['duong_dan_cu', 'chuyen_den_ma', 'ly_do'],
        ['/vinh-danh/kt-2022-0001/', '', 'Quyết định bị hủy (minh họa)'],
      ]),
    ],
  ]);
  const villages = communes.reduce((n, c) => n + c.villages.length, 0);
  return { data, stories, photos, villages };
}
