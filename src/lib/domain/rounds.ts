import { z } from 'zod';
import { makeIssue, type Issue } from '../ingest/issues.ts';
import type { Settings } from '../schemas/settings.ts';
import type { ReviewRow, UnitRow } from '../schemas/tables.ts';
import { VERDICT_RESULTS, type Verdict } from './criteria.ts';
import type { FiguresLookup } from './figures.ts';
import { isVillageLevel, type UnitIndex } from './units.ts';

// Frozen rounds (đợt công bố): the verdicts of an official round as they were published, kept in
// data/dot-cong-bo/<round>.json. A frozen round is written once by `npm run freeze` and only read after
// that; the site shows it beside today's data, and every figure or verdict corrected since, with the date.

export const ROUND_FOLDER = 'dot-cong-bo';
/** A frozen round's file as the loader hands it over: `dot-cong-bo/so-ket-2023.json`. */
export const isRoundFile = (name: string) => name.startsWith(`${ROUND_FOLDER}/`);

/** `so-ket-2023`, `tong-ket-2025`, `nam-2024`: the sơ kết, the tổng kết, and each year's approved list. */
const ROUND_ID = /^(so-ket|tong-ket|nam)-(\d{4})$/;
const KIND_TITLES: Record<string, string> = { 'so-ket': 'Sơ kết', 'tong-ket': 'Tổng kết', nam: 'Kết quả năm' };

/** The rounds the settings define, for the command's help and its refusal of an unknown round. */
export function roundIds(settings: Settings, years: readonly number[]): string[] {
  return [`so-ket-${settings.nam_so_ket}`, `tong-ket-${settings.nam_tong_ket}`, ...years.map((y) => `nam-${y}`)];
}

/** The review year of a round id, or null when the id is not one of the three forms. */
export function roundYear(id: string): number | null {
  const m = ROUND_ID.exec(id);
  return m ? Number(m[2]) : null;
}

const FIGURE_FIELDS = ['tong_so_ho', 'so_ho_ngheo', 'so_ho_can_ngheo', 'so_ho_dtts', 'so_ho_ngheo_dtts'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export const FIGURE_NAMES: Record<FigureField, string> = {
  tong_so_ho: 'Tổng số hộ',
  so_ho_ngheo: 'Số hộ nghèo',
  so_ho_can_ngheo: 'Số hộ cận nghèo',
  so_ho_dtts: 'Số hộ dân tộc thiểu số',
  so_ho_ngheo_dtts: 'Số hộ nghèo dân tộc thiểu số',
};

// Every message is Vietnamese (zod's own are English); the caller adds the file and the item.
const count = z.number({ error: 'cần một số hộ (số nguyên không âm)' }).int({ error: 'cần số nguyên' }).min(0, {
  error: 'không được âm',
});
const isoDate = z
  .string({ error: 'cần ngày dạng yyyy-mm-dd' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'cần ngày dạng yyyy-mm-dd, ví dụ 2023-12-15' });
const text = z.string({ error: 'cần chữ' }).min(1, { error: 'không được để trống' });

const figuresSchema = z.strictObject({
  ma_don_vi: text,
  nam: count,
  tong_so_ho: count,
  so_ho_ngheo: count,
  so_ho_can_ngheo: count,
  so_ho_dtts: count.nullable(),
  so_ho_ngheo_dtts: count.nullable(),
  /** The latest decision date among the review rows these figures sum, as the steward gave it. */
  ngay_quyet_dinh: isoDate.nullable(),
});

const verdictSchema = z.strictObject({
  ma_don_vi: text,
  ten_don_vi: text,
  tieu_chi: text,
  ten_tieu_chi: text,
  ket_qua: z.enum(Object.keys(VERDICT_RESULTS) as [keyof typeof VERDICT_RESULTS], {
    error: `cần một trong ${Object.keys(VERDICT_RESULTS).join(', ')}`,
  }),
  gia_tri: z.number({ error: 'cần một số hoặc null' }).nullable(),
  don_vi_do: z.enum(['diem_phan_tram', 'phan_tram', 'don_vi'], {
    error: 'cần diem_phan_tram, phan_tram hoặc don_vi',
  }),
  nguong: z.number({ error: 'cần một số' }),
  phep_so_sanh: z.enum(['>=', '>'], { error: 'cần >= hoặc >' }),
  can_them: count.nullable(),
  giai_thich: text,
});

const roundSchema = z.strictObject({
  dot: z
    .string({ error: 'cần mã đợt' })
    .regex(ROUND_ID, { error: 'cần mã đợt dạng so-ket-2023, tong-ket-2025, nam-2024' }),
  ten: text,
  nam: count,
  ngay_chot: isoDate,
  ngay_so_lieu: isoDate.nullable(),
  ghi_chu: z.string({ error: 'cần chữ' }),
  ma_kiem_tra: z.string({ error: 'cần mã kiểm tra' }).regex(/^[0-9a-f]{16}$/, { error: 'cần 16 chữ số hệ 16' }),
  so_lieu: z.array(figuresSchema, { error: 'cần danh sách số liệu [...]' }),
  ket_qua: z.array(verdictSchema, { error: 'cần danh sách kết quả [...]' }),
});

export type FrozenFigures = z.output<typeof figuresSchema>;
export type FrozenVerdict = z.output<typeof verdictSchema>;
export type FrozenRound = z.output<typeof roundSchema> & { /** e.g. "dot-cong-bo/so-ket-2023.json" */ file: string };

const NOTE =
  'Bản chốt kết quả đã công bố, do npm run freeze ghi. Không sửa tệp này: số liệu sửa sau ngày chốt ' +
  'được trang của đợt tự hiện bên cạnh, kèm ngày sửa.';

/** The review rows of a unit's figures: its own, or those of the villages it sums. */
function villagesOfUnit(index: UnitIndex, u: UnitRow): UnitRow[] {
  if (isVillageLevel(u)) return [u];
  if (u.ma_don_vi === index.district.ma_don_vi)
    return index.movementCommunes.flatMap((c) => index.villagesOf(c.ma_don_vi));
  return index.villagesOf(u.ma_don_vi);
}

/** What today's data says of the figures a round can freeze: one reader for freezing and comparing. */
export interface CurrentData {
  settings: Settings;
  index: UnitIndex;
  figures: FiguresLookup;
  reviews: readonly ReviewRow[];
  verdicts: readonly Verdict[];
}

/** A unit's figures of a year in the frozen form, with the latest decision date of the rows they sum. */
function figuresNow(data: CurrentData): (unitId: string, year: number) => FrozenFigures | null {
  const decided = new Map(data.reviews.map((r) => [`${r.ma_don_vi}|${r.nam}`, r.ngay_quyet_dinh]));
  return (unitId, year) => {
    const f = data.figures(unitId, year);
    const u = data.index.byId.get(unitId);
    if (!f || !u) return null;
    const dates = villagesOfUnit(data.index, u).flatMap((v) => decided.get(`${v.ma_don_vi}|${year}`) ?? []);
    const { tong_so_ho, so_ho_ngheo, so_ho_can_ngheo, so_ho_dtts, so_ho_ngheo_dtts } = f;
    const ngay_quyet_dinh = dates.sort().at(-1) ?? null;
    return {
      ma_don_vi: unitId,
      nam: year,
      tong_so_ho,
      so_ho_ngheo,
      so_ho_can_ngheo,
      so_ho_dtts,
      so_ho_ngheo_dtts,
      ngay_quyet_dinh,
    };
  };
}

export type FreezeResult = { round: FrozenRound } | { refusal: string };

/**
 * The round as today's data gives it: every verdict of its year, and every figure those verdicts used.
 * Refused while a figure is preliminary (sơ bộ): only an approved list is published as a round.
 */
export function freezeRound(id: string, data: CurrentData, today: string): FreezeResult {
  const year = roundYear(id);
  const known = roundIds(data.settings, [...new Set(data.verdicts.map((v) => v.nam))].sort());
  if (year === null || !known.includes(id)) {
    return { refusal: `Không có đợt "${id}". Các đợt theo thiết lập hiện nay: ${known.join(', ')}.` };
  }
  const verdicts = data.verdicts.filter((v) => v.nam === year);
  const preliminary = [...new Set(verdicts.filter((v) => v.trang_thai_so_lieu === 'so_bo').map((v) => v.ten_don_vi))];
  if (preliminary.length > 0) {
    return {
      refusal:
        `Chưa chốt được đợt ${id}: kết quả của ${preliminary.length} đơn vị dùng số liệu sơ bộ ` +
        `(${preliminary.slice(0, 5).join(', ')}${preliminary.length > 5 ? ', …' : ''}). Chỉ chốt danh sách đã phê duyệt: ` +
        'khi có quyết định, ghi trang_thai = chinh_thuc cùng số và ngày quyết định trong ket-qua-ra-soat.csv, rồi chạy lại.',
    };
  }
  const now = figuresNow(data);
  // The years each unit's verdicts used, in the order units were judged.
  const yearsOf = new Map<string, Set<number>>();
  for (const v of verdicts) {
    const years = yearsOf.get(v.ma_don_vi) ?? new Set<number>();
    for (const s of v.so_lieu) years.add(s.nam);
    yearsOf.set(v.ma_don_vi, years);
  }
  const so_lieu = [...yearsOf].flatMap(([unitId, years]) =>
    [...years].sort((a, b) => a - b).flatMap((y) => now(unitId, y) ?? []),
  );
  const [kind = ''] = id.split(/-(?=\d)/);
  const round: Omit<FrozenRound, 'ma_kiem_tra'> = {
    dot: id,
    ten: `${KIND_TITLES[kind] ?? kind} ${year}`,
    nam: year,
    ngay_chot: today,
    ngay_so_lieu: data.settings.ngay_cap_nhat,
    ghi_chu: NOTE,
    so_lieu,
    ket_qua: verdicts.map((v) => ({
      ma_don_vi: v.ma_don_vi,
      ten_don_vi: v.ten_don_vi,
      tieu_chi: v.tieu_chi,
      ten_tieu_chi: v.ten_tieu_chi,
      ket_qua: v.ket_qua,
      gia_tri: v.gia_tri,
      don_vi_do: v.don_vi_do,
      nguong: v.nguong,
      phep_so_sanh: v.phep_so_sanh,
      can_them: v.can_them,
      giai_thich: v.giai_thich,
    })),
    file: `${ROUND_FOLDER}/${id}.json`,
  };
  return { round: { ...round, ma_kiem_tra: checksum(round) } };
}

/**
 * A check sum of what a round holds (not of its spacing), written in the file: an edit by hand, even one that
 * still reads, no longer matches it. FNV-1a in two lanes, forwards and backwards; it detects edits, it does not
 * resist forgery (git history is the record of what was frozen).
 */
export function checksum(round: Omit<FrozenRound, 'ma_kiem_tra'>): string {
  const values = (schema: z.ZodObject, item: object) =>
    Object.keys(schema.shape).map((k) => (item as Record<string, unknown>)[k]);
  const text = JSON.stringify([
    ...values(roundSchema.omit({ ma_kiem_tra: true, so_lieu: true, ket_qua: true }), round),
    round.so_lieu.map((f) => values(figuresSchema, f)),
    round.ket_qua.map((v) => values(verdictSchema, v)),
  ]);
  const lane = (from: number, step: number) => {
    let h = 0x811c9dc5;
    for (let i = from; i >= 0 && i < text.length; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return lane(0, 1) + lane(text.length - 1, -1);
}

/** The file's text: a header a steward reads, then one figure or verdict per line, so `git diff` shows each. */
export function formatRound(round: FrozenRound): string {
  const { file: _file, so_lieu, ket_qua, ...header } = round;
  const head = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const list = (items: readonly object[]) => items.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return `{\n${head.join('\n')}\n  "so_lieu": [\n${list(so_lieu)}\n  ],\n  "ket_qua": [\n${list(ket_qua)}\n  ]\n}\n`;
}

/** The line of item `i` of a list in a file written by formatRound (near it in one edited by hand). */
function lineOf(text: string, list: string, i: number | undefined): number | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith(`"${list}"`));
  if (start < 0) return null;
  return i === undefined ? start + 1 : Math.min(start + 2 + i, lines.length);
}

const FIX =
  'Tệp đợt công bố do npm run freeze ghi và không được sửa tay: lấy lại bản trong kho mã ' +
  '(git checkout data/<tệp>). Số liệu đã sửa không cần sửa ở đây: trang của đợt tự hiện cả hai.';

/** Read every frozen round of the data folder; each problem names the file, the line and the fix. */
// A unit removed from don-vi.csv since (with its old URL declared) stays in the round as published, by name.
export function parseRounds(files: ReadonlyMap<string, Uint8Array>, issues: Issue[]): FrozenRound[] {
  const rounds: FrozenRound[] = [];
  const names = [...files.keys()].filter(isRoundFile).sort();
  for (const file of names) {
    const fix = FIX.replace('<tệp>', file);
    const refuse = (line: number | null, message: string, code = 'format-error') =>
      issues.push(makeIssue('error', { file, line }, code, `${message} ${fix}`));
    const id = file.slice(ROUND_FOLDER.length + 1).replace(/\.json$/, '');
    if (!file.endsWith('.json') || !ROUND_ID.test(id)) {
      issues.push(
        makeIssue(
          'error',
          { file },
          'format-error',
          `Thư mục ${ROUND_FOLDER} chỉ chứa các đợt đã chốt, tên dạng so-ket-2023.json, tong-ket-2025.json, ` +
            'nam-2024.json (do npm run freeze ghi). Chuyển tệp này ra khỏi thư mục dữ liệu.',
        ),
      );
      continue;
    }
    let text: string;
    let json: unknown;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(files.get(file));
      json = JSON.parse(text);
    } catch (e) {
      const at = e instanceof SyntaxError ? /line (\d+)/.exec(e.message) : null;
      refuse(at ? Number(at[1]) : null, 'Tệp không đọc được (không phải JSON UTF-8 hợp lệ).', 'encoding-error');
      continue;
    }
    const parsed = roundSchema.safeParse(json);
    if (!parsed.success) {
      for (const zi of parsed.error.issues.slice(0, 10)) {
        const [list, i, field] = zi.path;
        const where =
          typeof list === 'string' && typeof i === 'number'
            ? `mục ${i + 1} của "${list}"${field === undefined ? '' : `, trường "${String(field)}"`}`
            : `trường "${zi.path.map(String).join('.') || 'gốc'}"`;
        const message =
          zi.code === 'unrecognized_keys' ? `có trường không dùng được: ${zi.keys.join(', ')}` : zi.message;
        const line = typeof list === 'string' ? lineOf(text, list, typeof i === 'number' ? i : undefined) : 2;
        refuse(line, `Tệp đợt công bố hỏng ở ${where}: ${message}.`, 'type-error');
      }
      continue;
    }
    const round = { ...parsed.data, file };
    const problems: [number | null, string][] = [];
    if (checksum(round) !== round.ma_kiem_tra) {
      const line = text.split('\n').findIndex((l) => l.includes('"ma_kiem_tra"')) + 1 || null;
      problems.push([line, 'Tệp đã bị sửa sau khi chốt: nội dung không khớp mã kiểm tra (ma_kiem_tra) ghi lúc chốt.']);
    }
    if (round.dot !== id) problems.push([2, `Mã đợt "${round.dot}" khác tên tệp (${id}.json).`]);
    if (round.nam !== roundYear(round.dot)) problems.push([4, `Năm ${round.nam} khác năm trong mã đợt ${round.dot}.`]);
    const seen = new Set<string>();
    round.ket_qua.forEach((v, i) => {
      const key = `${v.ma_don_vi}|${v.tieu_chi}`;
      if (seen.has(key))
        problems.push([lineOf(text, 'ket_qua', i), `Kết quả ${v.tieu_chi} của ${v.ma_don_vi} ghi hai lần.`]);
      seen.add(key);
    });
    if (problems.length > 0) {
      for (const [line, message] of problems.slice(0, 10)) refuse(line, message, 'row-constraint');
      continue;
    }
    rounds.push(round);
  }
  return rounds;
}

/** When a published figure or verdict was corrected: a later decision date, else a later data date. */
export interface Correction {
  date: string | null;
  by: 'quyet_dinh' | 'cap_nhat' | null;
}

export interface FigureChange {
  ma_don_vi: string;
  nam: number;
  field: FigureField;
  published: number | null;
  current: number | null;
  corrected: Correction;
}

export interface VerdictChange {
  published: FrozenVerdict;
  /** Today's verdict of the same unit, criterion and year; null when none is computed any more. */
  current: Verdict | null;
  corrected: Correction;
}

export interface RoundChanges {
  figures: FigureChange[];
  verdicts: VerdictChange[];
}

const later = (a: string | null, b: string | null) => a !== null && (b === null || a > b);

/**
 * Every published figure and verdict of a round that today's data gives otherwise. A verdict counts as
 * changed when its result, value or shortfall differs (its wording may improve without changing it).
 */
export function compareRound(round: FrozenRound, data: CurrentData): RoundChanges {
  const now = figuresNow(data);
  const dataDate: Correction = later(data.settings.ngay_cap_nhat, round.ngay_so_lieu)
    ? { date: data.settings.ngay_cap_nhat, by: 'cap_nhat' }
    : { date: null, by: null };
  const figures: FigureChange[] = [];
  for (const f of round.so_lieu) {
    const current = now(f.ma_don_vi, f.nam);
    const corrected: Correction =
      current && later(current.ngay_quyet_dinh, f.ngay_quyet_dinh)
        ? { date: current.ngay_quyet_dinh, by: 'quyet_dinh' }
        : dataDate;
    for (const field of FIGURE_FIELDS) {
      const value = current ? current[field] : null;
      if (value !== f[field])
        figures.push({ ma_don_vi: f.ma_don_vi, nam: f.nam, field, published: f[field], current: value, corrected });
    }
  }
  const byKey = new Map(
    data.verdicts.filter((v) => v.nam === round.nam).map((v) => [`${v.ma_don_vi}|${v.tieu_chi}`, v]),
  );
  const verdicts: VerdictChange[] = [];
  for (const p of round.ket_qua) {
    const current = byKey.get(`${p.ma_don_vi}|${p.tieu_chi}`) ?? null;
    if (current && current.ket_qua === p.ket_qua && current.gia_tri === p.gia_tri && current.can_them === p.can_them)
      continue;
    // A verdict changes through its figures: the latest dated correction of the unit's figures dates it.
    const dated = figures
      .filter((f) => f.ma_don_vi === p.ma_don_vi && f.corrected.date !== null)
      .map((f) => f.corrected)
      .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
    verdicts.push({ published: p, current, corrected: dated.at(-1) ?? dataDate });
  }
  return { figures, verdicts };
}
