import { makeIssue, type Issue } from '../ingest/issues.ts';
import type { Line, ParsedTable } from '../ingest/table.ts';
import { cleanText, matchKey, slugify } from '../ingest/text.ts';
import { settingKey, type Settings, type SettingKey, type SettingsTable } from '../schemas/settings.ts';
import type { Story } from '../schemas/story.ts';
import {
  CRITERION_IDS,
  type AwardRow,
  type CriterionId,
  type CriterionRow,
  type RegionRow,
  type ReviewRow,
  type UnitRow,
} from '../schemas/tables.ts';
import { formatDate } from '../format/vi.ts';
import { fieldLine } from '../stories/file.ts';
import { photoMetadata } from './photo-metadata.ts';
import { povertyStandard, standardIndex, standardStarts } from './poverty-standard.ts';
import { mayName } from './privacy.ts';
import { byUnitAndYear, type RowsByUnit } from './figures.ts';
import { existsIn, isCommuneLevel, isVillageLevel, type UnitIndex } from './units.ts';

// Checks across rows and files: keys, references, the unit tree, figures that must agree.
// Errors stop the build; warnings are published on the data-quality page (never private values).

function at<T>(table: ParsedTable<T>, line: number, field: string, value: string | number | null) {
  return { file: table.file, line, ...table.columnName(field), field, value: value === null ? null : String(value) };
}

/**
 * Rows whose key repeats. `sameAs` says when two keys are one: codes are one regardless of
 * letter case and of how they become URLs ("KT-2023-001" and "kt.2023.001" share a page).
 */
function duplicates<T>(
  table: ParsedTable<T>,
  field: string,
  keyOf: (row: T) => string,
  what: string,
  issues: Issue[],
  sameAs: (key: string) => string = (k) => k,
) {
  const first = new Map<string, { line: number; key: string }>();
  for (const { line, row } of table.rows) {
    const key = keyOf(row);
    const same = sameAs(key);
    const seen = first.get(same);
    if (seen === undefined) {
      first.set(same, { line, key });
    } else if (seen.key === key) {
      issues.push(
        makeIssue(
          'error',
          at(table, line, field, key),
          'primary-key',
          `${what} "${key}" đã có ở dòng ${seen.line}. Mỗi ${what.toLowerCase()} chỉ một dòng: ` +
            'xóa hoặc sửa dòng trùng.',
        ),
      );
    } else {
      issues.push(
        makeIssue(
          'error',
          at(table, line, field, key),
          'primary-key',
          `${what} "${key}" trùng với "${seen.key}" ở dòng ${seen.line}: hai mã chỉ khác chữ hoa, chữ thường hoặc ` +
            'dấu - . / _ thì có cùng đường dẫn trên trang. Đặt mã khác hẳn, hoặc xóa dòng trùng.',
        ),
      );
    }
  }
}

/** A key for codes that differ only in case or punctuation, as their URLs do. */
const codeKey = (code: string) => slugify(code);

/**
 * A hint for a code that is not found: Excel drops leading zeros of a column it reads as numbers
 * ("03550" → "3550"), and the same code may differ only in letter case.
 */
export function codeHints(known: Iterable<string>): (code: string) => string {
  const ids = new Set(known);
  // Keyed only when a code is not found: most files have none, and keying a country's codes costs.
  let byKey: Map<string, string> | undefined;
  const TEXT_FORMAT =
    'Excel đã bỏ số 0 ở đầu vì coi mã là số: trong Excel chọn cả cột mã → Định dạng ô ' +
    '(Format Cells) → Văn bản (Text), gõ lại mã có số 0 rồi xuất lại tệp.';
  return (code) => {
    for (const zeros of ['0', '00', '000']) {
      if (ids.has(zeros + code)) return ` Có lẽ là mã "${zeros + code}": ${TEXT_FORMAT}`;
    }
    const stripped = code.replace(/^0+/, '');
    // Only unknown codes are asked about, so a code with no leading zero never finds itself here.
    if (ids.has(stripped)) {
      return ` Trong don-vi.csv mã này là "${stripped}", mất số 0 ở đầu: ${TEXT_FORMAT}`;
    }
    byKey ??= new Map([...ids].map((id) => [codeKey(id), id]));
    const same = byKey.get(codeKey(code));
    if (same === undefined) return '';
    return ` Có mã "${same}" chỉ khác chữ hoa, chữ thường hoặc dấu: viết đúng như trong don-vi.csv.`;
  };
}

export function checkUnits(t: ParsedTable<UnitRow>, issues: Issue[]): UnitRow[] {
  duplicates(t, 'ma_don_vi', (r) => r.ma_don_vi, 'Mã đơn vị', issues, codeKey);
  // Keyed by a code or null, so an empty parent or successor column finds nothing.
  const byId = new Map<string | null, UnitRow>(t.rows.map((l) => [l.row.ma_don_vi, l.row]));
  const hint = codeHints(t.rows.map((l) => l.row.ma_don_vi));
  // A unit refused for an error on its own row is reported there, once: the units that name it
  // are counted in one message, not each refused for naming a unit that does not exist.
  const refused = new Map(t.refused.map((l) => [cleanText(l.row.ma_don_vi), { line: l.line, naming: 0 }]));
  const waitsFor = (id: string) => {
    const row = refused.get(id);
    if (row) row.naming++;
    return row !== undefined;
  };
  const refusedDistricts = t.refused.filter((l) => matchKey(l.row.cap) === 'huyen').length;
  const districts = t.rows.filter((l) => l.row.cap === 'huyen').length + refusedDistricts;
  if (districts !== 1) {
    issues.push(
      makeIssue(
        'error',
        { file: t.file, field: 'cap', ...t.columnName('cap') },
        'constraint-error',
        `Tệp cần đúng một dòng cấp "huyen" (đơn vị thực hiện phong trào), đang có ${districts}. Sửa cột "cap".`,
      ),
    );
  }
  for (const { line, row } of t.rows) {
    const parent = byId.get(row.ma_don_vi_cha);
    if (row.ma_don_vi_cha !== null && !parent) {
      if (!waitsFor(row.ma_don_vi_cha)) {
        issues.push(
          makeIssue(
            'error',
            at(t, line, 'ma_don_vi_cha', row.ma_don_vi_cha),
            'foreign-key',
            `Đơn vị cấp trên "${row.ma_don_vi_cha}" không có trong ${t.file}.${hint(row.ma_don_vi_cha)} Sửa mã hoặc thêm đơn vị đó.`,
          ),
        );
      }
    } else if (isVillageLevel(row) && (!parent || !isCommuneLevel(parent))) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ma_don_vi_cha', row.ma_don_vi_cha),
          'foreign-key',
          `Thôn, tổ dân phố "${row.ten_don_vi}" phải thuộc một xã, thị trấn: ghi mã xã ở cột "ma_don_vi_cha".`,
        ),
      );
    } else if (isCommuneLevel(row) && parent && parent.cap !== 'huyen') {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ma_don_vi_cha', row.ma_don_vi_cha),
          'foreign-key',
          `Xã "${row.ten_don_vi}" phải thuộc đơn vị cấp huyện, nhưng "${parent.ten_don_vi}" là ${parent.cap}. Sửa cột "ma_don_vi_cha".`,
        ),
      );
    }
    if (row.ma_don_vi_moi !== null) {
      const next = byId.get(row.ma_don_vi_moi);
      const waits = !next && waitsFor(row.ma_don_vi_moi);
      if (!waits && (!next || !isCommuneLevel(next))) {
        issues.push(
          makeIssue(
            'error',
            at(t, line, 'ma_don_vi_moi', row.ma_don_vi_moi),
            'foreign-key',
            `Đơn vị sau sắp xếp "${row.ma_don_vi_moi}" không phải một xã, phường trong ${t.file}.${next ? '' : hint(row.ma_don_vi_moi)} Thêm xã, phường mới hoặc sửa mã.`,
          ),
        );
      }
    }
  }
  for (const [id, { line, naming }] of refused) {
    if (naming > 0) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'ma_don_vi', id),
          'foreign-key',
          `${naming} đơn vị khác ghi mã "${id}" ở cột "ma_don_vi_cha" hoặc "ma_don_vi_moi" nên chưa được kiểm tra, ` +
            'vì dòng này có lỗi (ở trên). Sửa lỗi của dòng này rồi chạy lại.',
        ),
      );
    }
  }
  return t.rows.map((l) => l.row);
}

export function checkRegions(t: ParsedTable<RegionRow>, units: ReadonlyMap<string, UnitRow>, issues: Issue[]) {
  const periods = new Map<string, Line<RegionRow>[]>();
  const hint = codeHints(units.keys());
  for (const l of t.rows) {
    const unit = units.get(l.row.ma_don_vi);
    if (!unit || !isCommuneLevel(unit)) {
      issues.push(
        makeIssue(
          'error',
          at(t, l.line, 'ma_don_vi', l.row.ma_don_vi),
          'foreign-key',
          `"${l.row.ma_don_vi}" không phải mã xã, thị trấn trong don-vi.csv.${unit ? '' : hint(l.row.ma_don_vi)} Sửa mã.`,
        ),
      );
      continue;
    }
    const list = periods.get(l.row.ma_don_vi) ?? [];
    for (const other of list) {
      const end = (r: RegionRow) => r.den_nam ?? Infinity;
      if (l.row.tu_nam <= end(other.row) && other.row.tu_nam <= end(l.row)) {
        issues.push(
          makeIssue(
            'error',
            at(t, l.line, 'tu_nam', l.row.tu_nam),
            'primary-key',
            `Thời kỳ khu vực của ${unit.ten_don_vi} trùng với dòng ${other.line}. Mỗi năm một xã chỉ thuộc một khu vực: sửa "tu_nam"/"den_nam".`,
          ),
        );
      }
    }
    list.push(l);
    periods.set(l.row.ma_don_vi, list);
  }
}

export function checkCriteria(
  t: ParsedTable<CriterionRow>,
  settings: Settings,
  issues: Issue[],
): Map<CriterionId, CriterionRow> {
  duplicates(t, 'ma_tieu_chi', (r) => r.ma_tieu_chi, 'Mã tiêu chí', issues);
  const byId = new Map(t.rows.map((l) => [l.row.ma_tieu_chi, l.row]));
  for (const id of Object.keys(CRITERION_IDS) as CriterionId[]) {
    if (!byId.has(id)) {
      issues.push(
        makeIssue(
          'error',
          { file: t.file, field: 'ma_tieu_chi', ...t.columnName('ma_tieu_chi'), value: id },
          'missing-cell',
          `Thiếu dòng cho ${id} (${CRITERION_IDS[id]}). Thêm dòng với ngưỡng và căn cứ của tiêu chí này.`,
        ),
      );
    }
  }
  const first = t.rows.find((l) => l.row.ma_tieu_chi === 'TC_XA_1');
  if (first && (first.row.so_nam_lien_tiep === null || first.row.so_nam_lien_tiep < 1)) {
    issues.push(
      makeIssue(
        'error',
        at(t, first.line, 'so_nam_lien_tiep', first.row.so_nam_lien_tiep),
        'missing-cell',
        'Tiêu chí 1 của xã cần số năm liên tiếp (mặc định 3). Điền cột "so_nam_lien_tiep".',
      ),
    );
  }
  // Each fall needs the year before it: from the baseline to the last year there are only so many.
  const falls = settings.nam_ket_thuc - settings.nam_goc;
  if (first?.row.so_nam_lien_tiep && first.row.so_nam_lien_tiep > falls) {
    const n = first.row.so_nam_lien_tiep;
    issues.push(
      makeIssue(
        'error',
        at(t, first.line, 'so_nam_lien_tiep', n),
        'constraint-error',
        `Tiêu chí 1 của xã cần giảm ${n} năm liên tiếp, nhưng từ năm gốc ${settings.nam_goc} đến năm ${settings.nam_ket_thuc} ` +
          `chỉ có ${falls} năm giảm: không xã nào đạt được. Sửa "so_nam_lien_tiep" theo kế hoạch hoặc sửa năm gốc.`,
      ),
    );
  }
  return byId;
}

export function checkSettings(s: Settings, table: SettingsTable, issues: Issue[]) {
  const lines = new Map<SettingKey | undefined, number>(table.rows.map((l) => [settingKey(l.row.khoa), l.line]));
  // A setting left to its default has no line: the issue names the setting only.
  const where = (key: SettingKey) => {
    const line = lines.get(key) ?? null;
    return { file: table.file, line, ...table.columnName('gia_tri'), field: key, value: String(s[key]) };
  };
  const order: [SettingKey, SettingKey][] = [
    ['nam_bat_dau', 'nam_ket_thuc'],
    ['nam_bat_dau', 'nam_goc'],
    ['nam_goc', 'nam_ket_thuc'],
    ['nam_bat_dau', 'nam_so_ket'],
    ['nam_so_ket', 'nam_tong_ket'],
    ['nam_tong_ket', 'nam_ket_thuc'],
  ];
  for (const [a, b] of order) {
    if ((s[a] as number) > (s[b] as number)) {
      issues.push(
        makeIssue(
          'error',
          where(b),
          'constraint-error',
          `"${b}" (${s[b]}) phải không nhỏ hơn "${a}" (${s[a]}). Sửa một trong hai thiết lập.`,
        ),
      );
    }
  }
  const updated = Number(s.ngay_cap_nhat.slice(0, 4));
  if (updated < s.nam_bat_dau) {
    issues.push(
      makeIssue(
        'error',
        where('ngay_cap_nhat'),
        'constraint-error',
        `Ngày cập nhật số liệu (${formatDate(s.ngay_cap_nhat)}) trước năm bắt đầu phong trào (${s.nam_bat_dau}). ` +
          'Ghi ngày số liệu được cập nhật lần cuối.',
      ),
    );
  }
  // At most one year at or before the start (the standard in force then); the others start inside the period.
  const starts = standardStarts(s);
  const atStart = starts.filter((y) => y <= s.nam_bat_dau);
  const outside = [...atStart.slice(0, -1), ...starts.filter((y) => y > s.nam_ket_thuc)];
  if (outside.length > 0) {
    issues.push(
      makeIssue(
        'error',
        where('nam_ap_dung_chuan_ngheo'),
        'constraint-error',
        `Năm áp dụng chuẩn nghèo ${outside.join(', ')} nằm ngoài giai đoạn phong trào (${s.nam_bat_dau}–${s.nam_ket_thuc}). ` +
          'Ghi năm rà soát đầu tiên của chuẩn nghèo đang áp dụng ở đầu giai đoạn, rồi các năm trong giai đoạn mà một ' +
          `chuẩn nghèo mới bắt đầu; xóa năm ${outside.join(', ')}. Ví dụ giai đoạn 2026–2030: 2021;2027.`,
      ),
    );
  }
}

/**
 * Why a year cannot belong to this movement's data, or null: one year of margin around the
 * period (the review before it, the one after), and never later than the data's update date.
 */
function outsidePeriod(year: number, s: Settings): string | null {
  const first = s.nam_bat_dau - 1;
  const last = s.nam_ket_thuc + 1;
  if (year < first || year > last) {
    return (
      `nằm ngoài giai đoạn phong trào (${s.nam_bat_dau}–${s.nam_ket_thuc}, nhận từ ${first} đến ${last}). ` +
      'Kiểm tra lại năm (lỗi gõ như 2052 thay cho 2025), hoặc sửa "nam_bat_dau"/"nam_ket_thuc" trong dia-phuong.csv.'
    );
  }
  if (year > Number(s.ngay_cap_nhat.slice(0, 4))) {
    return (
      `sau ngày cập nhật số liệu ${formatDate(s.ngay_cap_nhat)} (dia-phuong.csv): số liệu không thể có ` +
      'trước khi xảy ra. Kiểm tra lại năm, hoặc sửa "ngay_cap_nhat".'
    );
  }
  return null;
}

const afterUpdate = (date: string, s: Settings) =>
  `Ngày quyết định ${formatDate(date)} sau ngày cập nhật số liệu ${formatDate(s.ngay_cap_nhat)} (dia-phuong.csv). ` +
  'Kiểm tra lại ngày, hoặc sửa "ngay_cap_nhat".';

export function checkReviews(
  t: ParsedTable<ReviewRow>,
  index: UnitIndex,
  settings: Settings,
  issues: Issue[],
): ReviewRow[] {
  duplicates(t, 'nam', (r) => `${r.ma_don_vi}, năm ${r.nam}`, 'Đơn vị và năm', issues);
  const accepted: Line<ReviewRow>[] = [];
  const hint = codeHints(index.byId.keys());
  for (const l of t.rows) {
    const { row, line } = l;
    const unit = index.byId.get(row.ma_don_vi);
    if (!unit) {
      const [named, ...others] = row.ten_don_vi ? index.findByName(row.ten_don_vi) : [];
      const nameHint =
        named && others.length === 0 ? ` Tên "${row.ten_don_vi}" là của đơn vị mã ${named.ma_don_vi}.` : '';
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ma_don_vi', row.ma_don_vi),
          'foreign-key',
          `Mã đơn vị "${row.ma_don_vi}" không có trong don-vi.csv.${hint(row.ma_don_vi) || nameHint} Sửa mã hoặc thêm đơn vị vào don-vi.csv.`,
        ),
      );
      continue;
    }
    // The unit's own name as written needs no look-up (the index holds it): most rows write it so.
    if (row.ten_don_vi && row.ten_don_vi !== unit.ten_don_vi && !index.findByName(row.ten_don_vi).includes(unit)) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ten_don_vi', row.ten_don_vi),
          'foreign-key',
          `Tên "${row.ten_don_vi}" không khớp với mã ${row.ma_don_vi} (${unit.ten_don_vi}). Kiểm tra dòng này có bị lệch mã không; nếu đây là tên khác của đơn vị, thêm vào cột "ten_khac" trong don-vi.csv.`,
        ),
      );
      continue;
    }
    if (isVillageLevel(unit) && !existsIn(unit, row.nam)) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'nam', row.nam),
          'constraint-error',
          `${unit.ten_don_vi} không tồn tại trong năm ${row.nam} (hiệu lực ${unit.hieu_luc_tu ? formatDate(unit.hieu_luc_tu) : '…'} – ${unit.hieu_luc_den ? formatDate(unit.hieu_luc_den) : '…'}). Kiểm tra năm hoặc ngày hiệu lực trong don-vi.csv.`,
        ),
      );
      continue;
    }
    const outside = outsidePeriod(row.nam, settings);
    if (outside) {
      issues.push(
        makeIssue('error', at(t, line, 'nam', row.nam), 'constraint-error', `Năm rà soát ${row.nam} ${outside}`),
      );
      continue;
    }
    // No date is never after the update.
    const decided = row.ngay_quyet_dinh ?? '';
    if (decided > settings.ngay_cap_nhat) {
      const where = at(t, line, 'ngay_quyet_dinh', decided);
      issues.push(makeIssue('error', where, 'constraint-error', afterUpdate(decided, settings)));
      continue;
    }
    if (row.nam > settings.nam_ket_thuc) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'nam', row.nam),
          'constraint-error',
          `Năm ${row.nam} sau giai đoạn phong trào (${settings.nam_bat_dau}–${settings.nam_ket_thuc}): số liệu được công khai nhưng không dùng để đánh giá.`,
        ),
      );
    } else if (standardIndex(settings, row.nam) < standardIndex(settings, settings.nam_bat_dau)) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'nam', row.nam),
          'constraint-error',
          `Năm ${row.nam} rà soát theo chuẩn nghèo cũ (${povertyStandard(settings, row.nam).ten}): số liệu được công khai riêng, không so sánh với các năm theo ${povertyStandard(settings, settings.nam_bat_dau).ten}.`,
        ),
      );
    }
    if (row.trang_thai === 'chinh_thuc' && !row.so_quyet_dinh) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'so_quyet_dinh', null),
          'missing-cell',
          'Số liệu ghi là chính thức nhưng chưa có số quyết định phê duyệt. Ghi số quyết định, hoặc ghi trạng thái "sơ bộ".',
        ),
      );
    }
    accepted.push(l);
  }
  const byUnit = byUnitAndYear(accepted, (l) => l.row);
  checkFlows(t, accepted, byUnit, issues);
  checkSums(t, accepted, byUnit, index, issues);
  checkGaps(t, accepted, byUnit, index, settings, issues);
  return accepted.map((l) => l.row);
}

/** end = start − escaped + new + re-poor, and start = last year's end (moves make these warnings). */
function checkFlows(
  t: ParsedTable<ReviewRow>,
  rows: Line<ReviewRow>[],
  byUnit: RowsByUnit<Line<ReviewRow>>,
  issues: Issue[],
) {
  for (const { row, line } of rows) {
    const prev = byUnit.get(row.ma_don_vi)?.get(row.nam - 1)?.row;
    if (prev && row.so_ho_ngheo_dau_nam !== null && row.so_ho_ngheo_dau_nam !== prev.so_ho_ngheo) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'so_ho_ngheo_dau_nam', row.so_ho_ngheo_dau_nam),
          'row-constraint',
          `Số hộ nghèo đầu năm ${row.nam} (${row.so_ho_ngheo_dau_nam}) khác số hộ nghèo cuối năm ${row.nam - 1} (${prev.so_ho_ngheo}). Kiểm tra lại một trong hai số.`,
        ),
      );
    }
    if (prev && row.so_ho_can_ngheo_dau_nam !== null && row.so_ho_can_ngheo_dau_nam !== prev.so_ho_can_ngheo) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'so_ho_can_ngheo_dau_nam', row.so_ho_can_ngheo_dau_nam),
          'row-constraint',
          `Số hộ cận nghèo đầu năm ${row.nam} (${row.so_ho_can_ngheo_dau_nam}) khác số hộ cận nghèo cuối năm ${row.nam - 1} (${prev.so_ho_can_ngheo}). Kiểm tra lại một trong hai số.`,
        ),
      );
    }
    const {
      so_ho_ngheo_dau_nam: start,
      so_ho_thoat_ngheo: out,
      so_ho_ngheo_phat_sinh: born,
      so_ho_tai_ngheo: back,
    } = row;
    if (start !== null && out !== null && born !== null) {
      const expected = start - out + born + (back ?? 0);
      if (expected !== row.so_ho_ngheo) {
        issues.push(
          makeIssue(
            'warning',
            at(t, line, 'so_ho_ngheo', row.so_ho_ngheo),
            'row-constraint',
            `Số hộ nghèo cuối năm (${row.so_ho_ngheo}) khác đầu năm − thoát nghèo + phát sinh + tái nghèo (${start} − ${out} + ${born} + ${back ?? 0} = ${expected}). Có thể do hộ chuyển đến, chuyển đi; nếu không, kiểm tra lại.`,
          ),
        );
      }
    }
  }
}

/** A commune or district total row given for comparison must equal the sum of its villages. */
function checkSums(
  t: ParsedTable<ReviewRow>,
  rows: Line<ReviewRow>[],
  byUnit: RowsByUnit<Line<ReviewRow>>,
  index: UnitIndex,
  issues: Issue[],
) {
  for (const { row, line } of rows) {
    const unit = index.byId.get(row.ma_don_vi);
    if (!unit || !isCommuneLevel(unit)) continue;
    const villages = index.villagesOf(unit.ma_don_vi).filter((v) => existsIn(v, row.nam));
    if (villages.length === 0) {
      issues.push(
        makeIssue(
          'warning',
          at(t, line, 'ma_don_vi', row.ma_don_vi),
          'row-constraint',
          `${unit.ten_don_vi} chưa có thôn nào trong don-vi.csv năm ${row.nam}. Số liệu của xã được cộng từ các thôn nên dòng tổng này chưa được dùng: thêm các thôn và kết quả rà soát của từng thôn.`,
        ),
      );
      continue;
    }
    const parts = villages.map((v) => byUnit.get(v.ma_don_vi)?.get(row.nam)?.row).filter((p) => p !== undefined);
    // A village without that year: the gap is reported once, by checkGaps.
    if (parts.length !== villages.length) continue;
    for (const field of ['tong_so_ho', 'so_ho_ngheo', 'so_ho_can_ngheo'] as const) {
      const sum = parts.reduce((a, p) => a + p[field], 0);
      if (sum !== row[field]) {
        issues.push(
          makeIssue(
            'warning',
            at(t, line, field, row[field]),
            'row-constraint',
            `Dòng tổng của ${unit.ten_don_vi} năm ${row.nam} ghi ${row[field]}, nhưng cộng ${villages.length} thôn được ${sum}. Trang dùng số cộng từ các thôn; kiểm tra lại dòng tổng hoặc số của thôn.`,
          ),
        );
      }
    }
  }
}

/** A village with no row for a year of the period: verdicts that need it say "Chưa đủ dữ liệu". */
function checkGaps(
  t: ParsedTable<ReviewRow>,
  rows: Line<ReviewRow>[],
  byUnit: RowsByUnit<Line<ReviewRow>>,
  index: UnitIndex,
  settings: Settings,
  issues: Issue[],
) {
  // A loop, not Math.max(...years): spreading a column overflows the stack past ~120,000 rows.
  let latest = settings.nam_goc;
  for (const l of rows) if (l.row.nam > latest) latest = l.row.nam;
  const last = Math.min(settings.nam_ket_thuc, latest);
  for (const commune of index.movementCommunes) {
    for (const v of index.villagesOf(commune.ma_don_vi)) {
      for (let y = settings.nam_goc; y <= last; y++) {
        if (existsIn(v, y) && !byUnit.get(v.ma_don_vi)?.has(y)) {
          issues.push(
            makeIssue(
              'warning',
              { file: t.file, field: 'nam', value: String(y) },
              'missing-cell',
              `Chưa có kết quả rà soát năm ${y} của ${v.ten_don_vi} (${commune.ten_don_vi}, mã ${v.ma_don_vi}). Các đánh giá cần năm này ghi "Chưa đủ dữ liệu" cho đến khi bổ sung.`,
            ),
          );
        }
      }
    }
  }
}

export function checkAwards(
  t: ParsedTable<AwardRow>,
  index: UnitIndex,
  settings: Settings,
  stories: readonly Story[],
  issues: Issue[],
): AwardRow[] {
  duplicates(t, 'ma_khen_thuong', (r) => r.ma_khen_thuong, 'Mã khen thưởng', issues, codeKey);
  const slugs = new Set(stories.map((s) => s.slug));
  const hint = codeHints(index.byId.keys());
  const ok: AwardRow[] = [];
  for (const { row, line } of t.rows) {
    const unit = index.byId.get(row.ma_don_vi);
    if (!unit) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ma_don_vi', row.ma_don_vi),
          'foreign-key',
          `Mã đơn vị "${row.ma_don_vi}" không có trong don-vi.csv.${hint(row.ma_don_vi)} Sửa mã (mã thôn hoặc xã nơi đối tượng được khen).`,
        ),
      );
      continue;
    }
    const outside = outsidePeriod(Number(row.ngay_quyet_dinh.slice(0, 4)), settings);
    if (outside || row.ngay_quyet_dinh > settings.ngay_cap_nhat) {
      const message = outside
        ? `Ngày quyết định ${formatDate(row.ngay_quyet_dinh)}: năm ${row.ngay_quyet_dinh.slice(0, 4)} ${outside}`
        : afterUpdate(row.ngay_quyet_dinh, settings);
      issues.push(makeIssue('error', at(t, line, 'ngay_quyet_dinh', row.ngay_quyet_dinh), 'constraint-error', message));
      continue;
    }
    if (
      (row.loai_doi_tuong === 'xa' && !isCommuneLevel(unit)) ||
      (row.loai_doi_tuong === 'thon' && !isVillageLevel(unit))
    ) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ma_don_vi', row.ma_don_vi),
          'row-constraint',
          `Đối tượng loại "${row.loai_doi_tuong}" nhưng mã ${row.ma_don_vi} là ${unit.ten_don_vi}. Với xã, thôn được khen, ghi mã của chính xã, thôn đó.`,
        ),
      );
      continue;
    }
    const districtEnd = index.district.hieu_luc_den;
    if (row.hinh_thuc === 'giay_khen_huyen' && districtEnd !== null && row.ngay_quyet_dinh > districtEnd) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'ngay_quyet_dinh', row.ngay_quyet_dinh),
          'row-constraint',
          `Giấy khen của Chủ tịch UBND huyện không thể có ngày sau ${formatDate(districtEnd)}: cấp huyện đã kết thúc hoạt động (theo don-vi.csv). Kiểm tra ngày hoặc hình thức khen thưởng.`,
        ),
      );
      continue;
    }
    if (row.bai_viet !== null && !row.bai_viet.startsWith('https:') && !slugs.has(row.bai_viet)) {
      issues.push(
        makeIssue(
          'error',
          at(t, line, 'bai_viet', row.bai_viet),
          'foreign-key',
          `Không có bài viết "${row.bai_viet}" trong thư mục content/dien-hinh. Sửa tên bài hoặc thêm tệp ${row.bai_viet}.mdx.`,
        ),
      );
      continue;
    }
    ok.push(row);
  }
  return ok;
}

/** A story photo travels with its page, so it must be light: pages stay under 100 KB in all. */
export const PHOTO_MAX_BYTES = 60 * 1024;
export const STORY_PHOTOS_MAX_BYTES = 80 * 1024;

function imageType(bytes: Uint8Array): 'jpg' | 'png' | 'webp' | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export function checkPhotos(stories: readonly Story[], photos: ReadonlyMap<string, Uint8Array>, issues: Issue[]) {
  for (const s of stories) {
    let total = 0;
    for (const [i, p] of s.anh.entries()) {
      const field = `anh.${i}.tep`;
      const at = { file: s.file, line: fieldLine(s.fieldLines, field), field, column: field, value: p.tep };
      const bytes = photos.get(p.tep);
      if (!bytes) {
        issues.push(
          makeIssue(
            'error',
            at,
            'foreign-key',
            `Không có tệp ảnh ${p.tep} trong thư mục content/dien-hinh/anh. Thêm tệp hoặc sửa tên.`,
          ),
        );
        continue;
      }
      const type = imageType(bytes);
      const extension = p.tep.slice(p.tep.lastIndexOf('.') + 1);
      if (extension.replace('jpeg', 'jpg') !== type) {
        issues.push(
          makeIssue(
            'error',
            at,
            'format-error',
            `Tệp ${p.tep} không phải ảnh ${extension.toUpperCase()}. Lưu lại ảnh dạng JPEG, PNG hoặc WebP với đúng đuôi tệp.`,
          ),
        );
        continue;
      }
      const hidden = photoMetadata(bytes, type);
      if (hidden.length > 0) {
        issues.push(
          makeIssue(
            'error',
            at,
            'constraint-error',
            `Ảnh ${p.tep} có thông tin ẩn (${hidden.join(', ')}), có thể gồm tên người, tác giả, vị trí GPS nơi chụp. ` +
              'Trang công khai ảnh nguyên như tệp, nên xuất lại ảnh không kèm thông tin ẩn (ví dụ mở bằng Paint rồi lưu lại, hoặc chọn "Xóa thuộc tính và thông tin cá nhân" trong Windows) rồi chạy lại.',
          ),
        );
      }
      total += bytes.length;
      if (bytes.length > PHOTO_MAX_BYTES) {
        issues.push(
          makeIssue(
            'error',
            at,
            'constraint-error',
            `Ảnh ${p.tep} nặng ${Math.ceil(bytes.length / 1024)} KB, quá ${PHOTO_MAX_BYTES / 1024} KB cho người đọc dùng mạng di động chậm. Thu nhỏ ảnh (rộng khoảng 800 điểm ảnh, JPEG chất lượng 70) rồi chạy lại.`,
          ),
        );
      }
    }
    if (total > STORY_PHOTOS_MAX_BYTES) {
      issues.push(
        makeIssue(
          'error',
          { file: s.file, line: fieldLine(s.fieldLines, 'anh'), field: 'anh' },
          'constraint-error',
          `Các ảnh của bài nặng tổng cộng ${Math.ceil(total / 1024)} KB, quá ${STORY_PHOTOS_MAX_BYTES / 1024} KB. Bớt ảnh hoặc thu nhỏ ảnh.`,
        ),
      );
    }
  }
}

export function checkStories(
  stories: readonly Story[],
  index: UnitIndex,
  awards: readonly AwardRow[],
  issues: Issue[],
) {
  const byId = new Map(awards.map((a) => [a.ma_khen_thuong, a]));
  for (const s of stories) {
    const where = (field: string) => ({ file: s.file, line: fieldLine(s.fieldLines, field), field, column: field });
    if (!index.byId.has(s.ma_don_vi)) {
      issues.push(
        makeIssue(
          'error',
          { ...where('ma_don_vi'), value: s.ma_don_vi },
          'foreign-key',
          `Bài viết nói đến đơn vị "${s.ma_don_vi}" không có trong don-vi.csv. Sửa "ma_don_vi" trong phần đầu bài.`,
        ),
      );
    }
    if (s.ma_khen_thuong !== undefined) {
      const award = byId.get(s.ma_khen_thuong);
      if (!award) {
        issues.push(
          makeIssue(
            'error',
            { ...where('ma_khen_thuong'), value: s.ma_khen_thuong },
            'foreign-key',
            `Bài viết gắn với khen thưởng "${s.ma_khen_thuong}" không có trong khen-thuong.csv. Sửa "ma_khen_thuong".`,
          ),
        );
      } else if (!mayName(award)) {
        issues.push(
          makeIssue(
            'error',
            { ...where('ma_khen_thuong'), value: s.ma_khen_thuong },
            'constraint-error',
            `Bài viết gắn với khen thưởng "${s.ma_khen_thuong}" của hộ gia đình, cá nhân chưa đồng ý (hoặc đã rút đồng ý) công khai. Không đăng bài này cho đến khi có đồng ý.`,
          ),
        );
      }
    }
  }
}
