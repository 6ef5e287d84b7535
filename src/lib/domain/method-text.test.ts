import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../ingest/table.ts';
import { parseSettings, SETTINGS, settingsTable } from '../schemas/settings.ts';
import { criteriaTable } from '../schemas/tables.ts';
import { criterionSentence, methodPlainText, methodText, type MethodText } from './method-text.ts';

// The methodology's words under each value of each setting, built from the sample data in data/.
// Each case's text is kept in golden-wording/<case>.txt, reviewed by reading it;
// `UPDATE_GOLDEN=1 npx vitest run --project core src/lib/domain/method-text.test.ts` rewrites them.

const DATA = join(import.meta.dirname, '../../../data');
const GOLDEN = join(import.meta.dirname, 'golden-wording');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const encode = (text: string) => new TextEncoder().encode(text);

type Edits = { settings?: Record<string, string>; criteria?: Record<string, Record<string, string>> };

/** The CSV with some rows' cells replaced (rows found by their key column), and rows added for new keys. */
function editCsv(text: string, keyColumn: string, edits: Record<string, Record<string, string>>): string {
  const [header = [], ...rows] = Papa.parse<string[]>(text.trimEnd()).data;
  const at = (col: string) => header.indexOf(col);
  const seen = new Set<string>();
  for (const row of rows) {
    const edit = edits[row[at(keyColumn)] ?? ''];
    if (!edit) continue;
    seen.add(row[at(keyColumn)]!);
    for (const [col, value] of Object.entries(edit)) row[at(col)] = value;
  }
  for (const [key, edit] of Object.entries(edits)) {
    if (!seen.has(key)) rows.push(header.map((c) => (c === keyColumn ? key : (edit[c] ?? ''))));
  }
  return Papa.unparse([header, ...rows]) + '\n';
}

/** The settings and criteria of the sample, edited: all the methodology's words depend on. */
function inputsOf(edits: Edits = {}) {
  const read = (file: string) => readFileSync(join(DATA, file), 'utf8');
  const settingRows = Object.fromEntries(Object.entries(edits.settings ?? {}).map(([k, v]) => [k, { gia_tri: v }]));
  const settings = parseSettings(encode(editCsv(read(settingsTable.file), 'khoa', settingRows)));
  const criteria = parseTable(
    criteriaTable,
    encode(editCsv(read(criteriaTable.file), 'ma_tieu_chi', edits.criteria ?? {})),
  );
  expect([...settings.issues, ...criteria.issues].filter((i) => i.severity === 'error')).toEqual([]);
  return { settings: settings.settings!, criteria: criteria.table!.rows.map((r) => r.row) };
}

function methodOf(edits: Edits): MethodText {
  const { settings, criteria } = inputsOf(edits);
  return methodText(settings, criteria);
}

const CASES: Record<string, Edits> = {
  'mac-dinh': {},
  'quy-mo-chi-ngheo': { settings: { quy_mo_gom: 'chi_ngheo' } },
  'ty-le-chi-ngheo': { settings: { ty_le_ngheo_gom: 'chi_ngheo' } },
  'muc-giam-tuong-doi': { settings: { cach_tinh_muc_giam: 'tuong_doi' } },
  'quy-mo-nam-truoc': { settings: { nam_xet_quy_mo: 'nam_truoc' } },
  'thon-khong-gom-to-dan-pho': { settings: { tc_thon_ap_dung_to_dan_pho: 'không' } },
  'phep-so-sanh-dao': { criteria: { TC_XA_1: { phep_so_sanh: '>' }, TC_XA_2: { phep_so_sanh: '>=' } } },
  'nguong-va-so-nam-khac': {
    criteria: { TC_XA_1: { nguong: '3,5', so_nam_lien_tiep: '2' }, TC_XA_2: { nguong: '55' } },
  },
  // A change of poverty standard at the 2024 review, under each treatment of the scale criteria.
  'doi-chuan-khong-so-sanh': { settings: { nam_ap_dung_chuan_ngheo: '2021;2024' } },
  'doi-chuan-tinh-lai-dau-ky': {
    settings: {
      nam_ap_dung_chuan_ngheo: '2021;2024',
      doi_chuan_tc_xa_2: 'tinh_lai_dau_ky',
      doi_chuan_tc_thon: 'tinh_lai_dau_ky',
      nam_xet_quy_mo: 'nam_truoc',
    },
  },
};

const texts = Object.fromEntries(Object.entries(CASES).map(([name, edits]) => [name, methodOf(edits)]));
const plain = (name: string) => methodPlainText(texts[name]!);
const criterion = (name: string, id: string) => texts[name]!.tieuChi.find((c) => c.id === id)!;
const settingRow = (name: string, label: string) => texts[name]!.thietLap.find((t) => t.label === label)!;

describe('the methodology text', () => {
  for (const name of Object.keys(CASES)) {
    it(`matches the reviewed text for "${name}"`, () => {
      const path = join(GOLDEN, `${name}.txt`);
      if (UPDATE) writeFileSync(path, plain(name));
      if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
      expect(plain(name).split('\n')).toEqual(readFileSync(path, 'utf8').split('\n'));
    });
  }

  it('defines the scale by the households the setting counts, and flags poor-only as a departure', () => {
    expect(plain('mac-dinh')).toContain('Quy mô = số hộ nghèo + số hộ cận nghèo');
    expect(plain('mac-dinh')).not.toContain('Khác kế hoạch');
    expect(plain('quy-mo-chi-ngheo')).not.toContain('Quy mô = số hộ nghèo + số hộ cận nghèo');
    expect(criterion('quy-mo-chi-ngheo', 'TC_XA_2').cachTinh).toContain('số hộ nghèo (không tính hộ cận nghèo)');
    expect(settingRow('quy-mo-chi-ngheo', SETTINGS.quy_mo_gom.label).khacKeHoach).toMatch(
      /^Khác kế hoạch: chú thích 1/,
    );
  });

  it('tells the exact-threshold case with the comparator in force', () => {
    expect(texts['mac-dinh']!.chinhXac).toContain('giảm đúng 60% là chưa đạt ("trên 60%")');
    expect(texts['mac-dinh']!.chinhXac).toContain('giảm đúng 4 điểm phần trăm là đạt');
    expect(texts['phep-so-sanh-dao']!.chinhXac).toContain('giảm đúng 60% là đạt ("từ 60% trở lên")');
    expect(texts['phep-so-sanh-dao']!.chinhXac).toContain('giảm đúng 4 điểm phần trăm là chưa đạt');
    expect(criterion('phep-so-sanh-dao', 'TC_XA_2').nguong).toMatch(/^Giảm từ 60% trở lên/);
    expect(criterion('mac-dinh', 'TC_XA_2').khacKeHoach).toBeNull();
    expect(criterion('phep-so-sanh-dao', 'TC_XA_2').khacKeHoach).toContain('nên đạt đúng 60 cũng được tính là đạt');
    expect(criterion('phep-so-sanh-dao', 'TC_XA_1').khacKeHoach).toContain('nên đạt đúng 4 không được tính là đạt');
  });

  it('speaks of relative falls, not points, when the setting says relative', () => {
    for (const id of ['TC_XA_1', 'MT_HUYEN_A', 'MT_HUYEN_B']) {
      const c = criterion('muc-giam-tuong-doi', id);
      expect(`${c.cachTinh} ${c.nguong}`, id).not.toContain('điểm phần trăm');
      expect(c.nguong, id).toContain('tương đối');
    }
    expect(texts['muc-giam-tuong-doi']!.chinhXac).toContain('giảm đúng 4% là đạt');
  });

  it('states thresholds and consecutive years from the criteria table, in vi-VN numbers', () => {
    const c = criterion('nguong-va-so-nam-khac', 'TC_XA_1');
    expect(c.nguong).toBe('Giảm từ 3,5 điểm phần trăm trở lên mỗi năm, 2 năm liên tiếp.');
    expect(c.cachHieu).toContain('năm cuối của chuỗi 2 năm liên tiếp: đánh giá năm 2025 xét các năm 2024–2025');
    // The quoted plan says 4 points over 3 years: the page says the table differs, and follows the table.
    expect(c.khacKeHoach).toBe(
      'Khác lời kế hoạch trích ở trên: bảng tiêu chí đặt ngưỡng 3,5 và 2 năm liên tiếp (kế hoạch ghi 3 năm); ' +
        'trang tính theo bảng tiêu chí.',
    );
    for (const other of texts['mac-dinh']!.tieuChi) expect(other.khacKeHoach, other.id).toBeNull();
    expect(criterion('nguong-va-so-nam-khac', 'TC_XA_2').nguong).toContain('trên 55%');
  });

  it('says how criterion 1 reads "trước năm đề nghị khen thưởng": the year under review is the last of the run', () => {
    expect(criterion('mac-dinh', 'TC_XA_1').cachHieu).toContain('đánh giá năm 2025 xét các năm 2023–2025');
  });

  it('states the village criterion’s scope as set', () => {
    expect(criterion('mac-dinh', 'TC_THON').apDung).toContain('tổ dân phố');
    expect(criterion('mac-dinh', 'TC_THON').cachHieu).toContain('Kế hoạch chỉ nêu "thôn, bản"');
    expect(criterion('thon-khong-gom-to-dan-pho', 'TC_THON').apDung).toContain('tổ dân phố không thuộc diện xét');
  });

  it('names settings in plain Vietnamese, never by their keys', () => {
    const keys = Object.keys(SETTINGS).filter((k) => k.includes('_'));
    for (const name of Object.keys(CASES)) {
      for (const key of keys) expect(plain(name), `${name}: ${key}`).not.toContain(key);
    }
  });

  it('gives a unit page the rule as judged, not the plan’s default words', () => {
    const { settings, criteria } = inputsOf(CASES['muc-giam-tuong-doi']);
    const sentence = criterionSentence(
      criteria.find((c) => c.ma_tieu_chi === 'TC_XA_1')!,
      settings,
    );
    expect(sentence).toContain('mức giảm tương đối');
    expect(sentence).not.toContain('điểm phần trăm');
  });

  it('states the correct rounding of a share the plan quotes, and nothing when the plan rounds right', () => {
    expect(criterion('mac-dinh', 'MT_HUYEN_C').cachHieu).toBe(
      'Kế hoạch ghi 5/12 là 41,6%; làm tròn đúng là 41,7%. Trang xét theo số đơn vị trong bảng tiêu chí.',
    );
    const mo_ta = 'Đến năm 2025 có 5/12 xã khu vực III (41,7%) thoát diện đặc biệt khó khăn.';
    const right = methodOf({ criteria: { MT_HUYEN_C: { mo_ta } } }).tieuChi.find((c) => c.id === 'MT_HUYEN_C')!;
    expect(right.cachHieu).toBeNull();
  });

  it('tells each criterion what a change of standard inside the period does to it', () => {
    const apart = (id: string) => criterion('doi-chuan-khong-so-sanh', id).cachTinh;
    expect(apart('TC_XA_1')).toContain(
      'Chuẩn nghèo đổi từ kỳ rà soát năm 2024: tỷ lệ năm 2024 không so sánh với năm 2023, nên các năm đánh giá ' +
        '2024–2025 có kết quả "Không áp dụng".',
    );
    expect(apart('MT_HUYEN_A')).toContain('nên năm đánh giá 2024 có kết quả "Không áp dụng".');
    expect(apart('TC_THON')).toContain('nên từ năm đánh giá 2024 kết quả là "Không áp dụng".');
    expect(apart('MT_HUYEN_C')).not.toContain('Chuẩn nghèo đổi');
    // The scale of year t is read at t − 1 here: the first year under the new baseline is judged in 2025.
    expect(criterion('doi-chuan-tinh-lai-dau-ky', 'TC_XA_2').cachTinh).toContain(
      'quy mô năm 2024 là đầu kỳ mới; năm đánh giá 2025 có kết quả "Không áp dụng"',
    );
    expect(plain('mac-dinh')).not.toContain('Chuẩn nghèo đổi');
    expect(settingRow('mac-dinh', 'Tiêu chí thôn khi đổi chuẩn nghèo').yNghia).toContain(
      'chỉ áp dụng một chuẩn nghèo, nên thiết lập này không ảnh hưởng kết quả',
    );
  });
});
