import type { Verdict } from './domain/criteria.ts';
import type { PublicAward } from './domain/privacy.ts';
import { csvChunks, jsonArrayChunks, toJson, utf8Length, xlsxBytes, type Cell } from './export.ts';
import { formatCount, formatDecimal } from './format/vi.ts';
import type { Column } from './ingest/table.ts';
import { reportsTable } from './schemas/reports.ts';
import { SETTINGS } from './schemas/settings.ts';
import { awardsTable, criteriaTable, regionsTable, reviewTable, unitsTable } from './schemas/tables.ts';
import type { SiteData, Snapshot } from './snapshot.ts';
import type { UnitRow } from './schemas/tables.ts';
import { isVillageLevel } from './domain/units.ts';
import { communeFilesPath, printSheetPath, type UnitPaths } from './site/paths.ts';

// The downloads of /du-lieu/: every validated input table and every verdict, each as CSV and JSON,
// with a data dictionary. One concept, one name: the keys are the data contract's keys.

export interface FieldDoc {
  key: string;
  label: string;
  description: string;
}

export interface Download {
  /** Base file name: /du-lieu/<name>.csv and .json */
  name: string;
  title: string;
  description: string;
  fields: FieldDoc[];
  count: number;
  rows(): Iterable<Record<string, Cell>>;
  /** The JSON file in pieces; it keeps nested values (a verdict's values used), which CSV flattens away. */
  json(): Iterable<string>;
}

const docsOf = (columns: readonly Column[]): FieldDoc[] =>
  columns.map((c) => ({ key: c.key, label: c.label, description: c.description }));
const asRows = <T extends object>(rows: readonly T[]) => rows as unknown as Record<string, Cell>[];

function* flatVerdicts(verdicts: readonly Verdict[]): Generator<Record<string, Cell>> {
  for (const { so_lieu: _values, ...flat } of verdicts) yield flat;
}

const AWARD_FIELDS: FieldDoc[] = [
  ...docsOf(awardsTable.columns).filter((f) => !['dong_y_cong_khai', 'ngay_dong_y', 'ngay_rut_dong_y'].includes(f.key)),
  {
    key: 'cong_khai',
    label: 'Công khai',
    description:
      'cong_khai: công khai đầy đủ; khong_cong_khai: hộ gia đình, cá nhân chưa đồng ý nêu tên (chỉ được đếm); da_rut_dong_y: đã gỡ theo yêu cầu. Khi không công khai, tên, đơn vị, thành tích và bài viết để trống.',
  },
];

const VERDICT_FIELDS: FieldDoc[] = [
  { key: 'ma_don_vi', label: 'Mã đơn vị', description: 'Mã đơn vị được đánh giá.' },
  { key: 'ten_don_vi', label: 'Tên đơn vị', description: 'Tên chính thức.' },
  { key: 'cap', label: 'Cấp', description: 'huyen, xa, thi_tran, phuong, thon, to_dan_pho.' },
  {
    key: 'tieu_chi',
    label: 'Mã tiêu chí',
    description: 'TC_XA_1, TC_XA_2, TC_THON, TC_CAN_BO, MT_HUYEN_A … MT_HUYEN_D.',
  },
  { key: 'ten_tieu_chi', label: 'Tên tiêu chí', description: 'Tên hiển thị của tiêu chí.' },
  { key: 'nam', label: 'Năm', description: 'Năm rà soát được đánh giá (sau năm gốc).' },
  { key: 'dot', label: 'Đợt', description: 'so_ket (sơ kết), tong_ket (tổng kết) hoặc trống.' },
  {
    key: 'ket_qua',
    label: 'Kết quả',
    description:
      'dat (Đạt), chua_dat (Chưa đạt), chua_du_du_lieu (Chưa đủ dữ liệu), khong_ap_dung (Không áp dụng: xã không thuộc diện của tiêu chí 1, không thuộc khu vực nào năm đó, thôn chưa hoặc không còn tồn tại…).',
  },
  {
    key: 'gia_tri',
    label: 'Giá trị',
    description: 'Giá trị so với ngưỡng, theo don_vi_do; với tiêu chí nhiều năm là mức giảm nhỏ nhất.',
  },
  { key: 'nguong', label: 'Ngưỡng', description: 'Ngưỡng trong tieu-chi.csv.' },
  { key: 'phep_so_sanh', label: 'Phép so sánh', description: '">=" hoặc ">".' },
  {
    key: 'don_vi_do',
    label: 'Đơn vị đo',
    description: 'diem_phan_tram (điểm phần trăm), phan_tram (%), don_vi (số đơn vị).',
  },
  {
    key: 'can_them',
    label: 'Cần thêm',
    description:
      'Số hộ cần giảm thêm (hoặc số đơn vị cần thoát diện thêm) để đạt; 0 khi đạt; trống khi không xác định.',
  },
  {
    key: 'muc_thieu',
    label: 'Mức thiếu',
    description: 'Điều còn thiếu để đạt, bằng lời và có đơn vị ("còn thiếu 29 hộ nghèo và cận nghèo"); trống khi đạt.',
  },
  {
    key: 'nhan_gia_tri_quyet_dinh',
    label: 'Giá trị quyết định',
    description: 'Giá trị đã quyết định kết quả năm đó, bằng lời ("năm giảm ít nhất trong 3 năm").',
  },
  {
    key: 'gia_tri_quyet_dinh',
    label: 'Giá trị quyết định (hiển thị)',
    description: 'Giá trị đó kèm đơn vị, như trên trang ("3,1 điểm phần trăm").',
  },
  {
    key: 'trang_thai_so_lieu',
    label: 'Trạng thái số liệu',
    description: 'so_bo nếu có số liệu sơ bộ được dùng, chinh_thuc nếu tất cả đã chính thức.',
  },
  { key: 'giai_thich', label: 'Giải thích', description: 'Giải thích bằng lời, kèm mức chênh lệch.' },
  { key: 'can_cu_phap_ly', label: 'Căn cứ', description: 'Văn bản quy định tiêu chí.' },
];

/** A warning as `npm run check-data -- --json` writes it, without the value (the page shows none). */
const WARNING_FIELDS: FieldDoc[] = [
  { key: 'file', label: 'Tệp', description: 'Tệp dữ liệu có cảnh báo.' },
  {
    key: 'line',
    label: 'Dòng',
    description: 'Dòng trong tệp, như Excel hoặc trình soạn thảo đánh số; trống khi cảnh báo về cả tệp.',
  },
  { key: 'column', label: 'Cột', description: 'Tên cột như tệp ghi.' },
  { key: 'column_letter', label: 'Chữ cột', description: 'Chữ của cột trong Excel (A, B, …).' },
  { key: 'field', label: 'Khóa cột', description: 'Khóa của cột trong quy ước dữ liệu (data/README.md).' },
  {
    key: 'code',
    label: 'Loại',
    description: 'Loại cảnh báo, theo bộ từ của Frictionless Data (type-error, foreign-key, row-constraint…).',
  },
  { key: 'message', label: 'Nội dung', description: 'Điều cần kiểm tra lại, bằng tiếng Việt.' },
];

const VERDICTS_TITLE = 'Kết quả đánh giá tiêu chí';
const VERDICTS_DESCRIPTION =
  'Mỗi đơn vị, mỗi tiêu chí dành cho cấp của đơn vị (huyện: mục tiêu A–D; xã: tiêu chí 1, 2 và cán bộ phụ trách; ' +
  'thôn: tiêu chí thôn), mỗi năm rà soát sau năm gốc: kết quả, giá trị, ngưỡng, mức chênh lệch và giải thích. Bản ' +
  'JSON có thêm các số liệu đã dùng (so_lieu).';

const verdictsDownload = (verdicts: readonly Verdict[], description = VERDICTS_DESCRIPTION): Download => ({
  name: 'danh-gia',
  title: VERDICTS_TITLE,
  description,
  fields: VERDICT_FIELDS,
  count: verdicts.length,
  rows: () => flatVerdicts(verdicts),
  json: () => jsonArrayChunks(verdicts, '{"verdicts":[', ']}'),
});

const rowsDownload = (
  name: string,
  title: string,
  description: string,
  fields: FieldDoc[],
  rows: readonly object[],
): Download => ({
  name,
  title,
  description,
  fields,
  count: rows.length,
  rows: () => asRows(rows),
  json: () => jsonArrayChunks(rows),
});

type TableDoc = { title: string; description: string; columns: readonly Column[] };
const tableDownload = (name: string, def: TableDoc, rows: readonly object[], description = def.description) =>
  rowsDownload(name, def.title, description, docsOf(def.columns), rows);

// Memoised per snapshot and per commune: the same Download object serves a link's size and its file, so each file is
// built once for both (downloadSize).
const siteFiles = new WeakMap<Snapshot, Download[]>();
const communeFiles = new WeakMap<SiteData, Map<string, Download[]>>();

export function downloads(s: Snapshot): Download[] {
  const kept = siteFiles.get(s);
  if (kept) return kept;
  const files = allDownloads(s);
  siteFiles.set(s, files);
  return files;
}

function allDownloads(s: Snapshot): Download[] {
  const settingsRows = Object.entries(SETTINGS).map(([key, def]) => ({
    khoa: key,
    ten: def.label,
    gia_tri: (s.settings as Record<string, Cell>)[key] ?? null,
  }));
  return [
    verdictsDownload(s.verdicts),
    tableDownload('ket-qua-ra-soat', reviewTable, s.reviews),
    tableDownload('don-vi', unitsTable, s.units),
    tableDownload('khu-vuc', regionsTable, s.regions),
    tableDownload('tieu-chi', criteriaTable, s.criteria),
    // Always published, empty without bao-cao.csv, so its address stays the same from year to year.
    tableDownload('bao-cao', reportsTable, s.reports ?? []),
    rowsDownload(
      'khen-thuong',
      'Khen thưởng (bản công khai)',
      'Quyết định khen thưởng. Hộ gia đình, cá nhân chưa đồng ý hoặc đã rút đồng ý chỉ được đếm, không có tên, đơn vị, thành tích.',
      AWARD_FIELDS,
      s.awards as PublicAward[],
    ),
    rowsDownload(
      'chat-luong',
      'Cảnh báo về chất lượng dữ liệu',
      'Mọi cảnh báo của lần kiểm tra dữ liệu này: tệp, dòng, cột và điều cần kiểm tra lại. Trang Chất lượng dữ ' +
        'liệu nêu những cảnh báo đầu tiên của mỗi tệp.',
      WARNING_FIELDS,
      s.warnings.map(({ file, line, column, column_letter, field, code, message }) => ({
        file,
        line,
        column,
        column_letter,
        field,
        code,
        message,
      })),
    ),
    {
      name: 'dia-phuong',
      title: 'Địa phương và thiết lập',
      description: 'Các thiết lập dùng để tính (năm gốc, cách hiểu tiêu chí…).',
      fields: [
        { key: 'khoa', label: 'Khóa', description: 'Tên thiết lập.' },
        { key: 'ten', label: 'Tên', description: 'Tên tiếng Việt.' },
        { key: 'gia_tri', label: 'Giá trị', description: 'Giá trị đang dùng (mặc định nếu tệp không ghi).' },
      ],
      count: settingsRows.length,
      rows: () => settingsRows,
      json: () => [toJson(s.settings)],
    },
  ];
}

/** One commune's files: its figures and verdicts and its villages', beside the whole-country files. */
export function communeDownloads(site: SiteData, commune: UnitRow): Download[] {
  const cache = communeFiles.get(site) ?? new Map<string, Download[]>();
  communeFiles.set(site, cache);
  const files = cache.get(commune.ma_don_vi) ?? ownDownloads(site, commune);
  cache.set(commune.ma_don_vi, files);
  return files;
}

function ownDownloads(site: SiteData, commune: UnitRow): Download[] {
  const units = [commune, ...site.index.villagesOf(commune.ma_don_vi)];
  const where = `${commune.ten_don_vi} và các thôn, bản, tổ dân phố của xã`;
  return [
    verdictsDownload(
      units.flatMap((u) => site.verdictsOf(u.ma_don_vi)),
      `${VERDICTS_TITLE} của ${where}.`,
    ),
    tableDownload(
      'ket-qua-ra-soat',
      reviewTable,
      units.flatMap((u) => site.reviewsOf(u.ma_don_vi)),
      `Kết quả rà soát của ${where}.`,
    ),
  ];
}

/** csv and json for programs; xlsx for people with Excel (numbers as numbers, codes as text). */
export const DOWNLOAD_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/**
 * Rows a workbook holds: far below Excel's 1,048,576, since SheetJS keeps every cell in memory (a province's
 * 60,000 verdicts took more than a gigabyte); a commune's workbook is always far below it.
 */
export const XLSX_ROWS_MAX = 20_000;

// A build writes each file and, on a page, its size beside its link, in either order. The first of the two does the
// work: a file written records its size; a size asked first keeps the workbook it built for the file.
const sizes = new WeakMap<Download, Map<DownloadFormat, number>>();
const workbooks = new WeakMap<Download, Uint8Array>();

/** The size in bytes of a file as written (the response that wrote it counts them). */
export function recordSize(d: Download, format: DownloadFormat, bytes: number): void {
  const known = sizes.get(d) ?? new Map<DownloadFormat, number>();
  sizes.set(d, known.set(format, bytes));
}

/** The workbook of a download: its rows, then the data dictionary; a table too big for Excel says to use the CSV. */
export function downloadXlsx(d: Download): Uint8Array {
  const bytes = workbooks.get(d) ?? buildXlsx(d);
  workbooks.delete(d);
  recordSize(d, 'xlsx', bytes.length);
  return bytes;
}

function buildXlsx(d: Download): Uint8Array {
  const dictionary = { name: 'Giai thich cot', keys: ['khoa', 'ten', 'y_nghia'], rows: dictionaryRows(d) };
  if (d.count > XLSX_ROWS_MAX) {
    const note = `Bảng có ${formatCount(d.count)} dòng, quá lớn để mở bằng Excel. Hãy tải tệp ${d.name}.csv.`;
    return xlsxBytes([{ name: 'Ghi chu', keys: ['ghi_chu'], rows: [{ ghi_chu: note }] }, dictionary]);
  }
  const keys = d.fields.map((f) => f.key);
  return xlsxBytes([{ name: d.name.slice(0, 31), keys, rows: d.rows() }, dictionary]);
}

const dictionaryRows = (d: Download) => d.fields.map((f) => ({ khoa: f.key, ten: f.label, y_nghia: f.description }));

/** A download as written: CSV rows or JSON, piece by piece. */
export function downloadChunks(d: Download, format: 'csv' | 'json'): Iterable<string> {
  return format === 'csv'
    ? csvChunks(
        d.fields.map((f) => f.key),
        d.rows(),
      )
    : d.json();
}

export function downloadFile(d: Download, format: 'csv' | 'json'): string {
  return [...downloadChunks(d, format)].join('');
}

/** The size in bytes of a file as written: from the very bytes the download's response writes. */
export function downloadSize(d: Download, format: DownloadFormat): number {
  const known = sizes.get(d)?.get(format);
  if (known !== undefined) return known;
  let size = 0;
  if (format === 'xlsx') {
    const bytes = buildXlsx(d);
    workbooks.set(d, bytes);
    size = bytes.length;
  } else for (const chunk of downloadChunks(d, format)) size += utf8Length(chunk);
  recordSize(d, format, size);
  return size;
}

/** "850 byte", "12 KB", "1,4 MB" (1 KB = 1.024 byte), as written beside a link. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatDecimal(bytes / (1024 * 1024), 1)} MB`;
}

/** A file to download as a page links it: "danh-gia.csv", its path and its size. */
export interface FileLink {
  name: string;
  path: string;
  format: DownloadFormat;
  size: string;
}

/** The links of downloads in `folder` ("/du-lieu/"), every format, each with its size in bytes as written. */
export function fileLinks(files: readonly Download[], folder: string): FileLink[] {
  return files.flatMap((d) =>
    DOWNLOAD_FORMATS.map((format) => ({
      name: `${d.name}.${format}`,
      path: `${folder}${d.name}.${format}`,
      format,
      size: formatSize(downloadSize(d, format)),
    })),
  );
}

/** What a unit's page offers to download: its commune's files, which hold the commune's and its villages' rows. */
export interface UnitDownloads {
  intro: string;
  files: FileLink[];
  /** A commune's one-page A4 sheet for the notice board; null on a village's page. */
  sheet: string | null;
}

const communeLinks = new WeakMap<SiteData, Map<string, FileLink[]>>();

/**
 * A commune of the movement links its own files; a village links its commune's, which include the village's rows
 * (ma_don_vi = the village's code): a file per commune scales to 100,000 villages without 100,000 more files.
 */
export function unitDownloads(site: SiteData, paths: UnitPaths, unitId: string): UnitDownloads | null {
  const unit = site.index.byId.get(unitId);
  const communeId = unit && isVillageLevel(unit) ? unit.ma_don_vi_cha : unitId;
  const commune = communeId === null ? undefined : site.index.byId.get(communeId);
  if (!unit || !commune || !site.index.movementCommunes.includes(commune)) return null;
  const cache = communeLinks.get(site) ?? new Map<string, FileLink[]>();
  communeLinks.set(site, cache);
  const files =
    cache.get(commune.ma_don_vi) ?? fileLinks(communeDownloads(site, commune), communeFilesPath(commune.ma_don_vi));
  cache.set(commune.ma_don_vi, files);
  const where =
    commune === unit
      ? 'của xã và các thôn, bản'
      : `của ${commune.ten_don_vi} và các thôn, bản của xã, trong đó có ${unit.ten_don_vi} (cột ma_don_vi = ${unit.ma_don_vi})`;
  return {
    intro: `Tải số liệu rà soát và kết quả đánh giá ${where}. Tệp .xlsx mở ngay bằng Excel; tệp .csv và .json dành cho phần mềm.`,
    files,
    sheet: commune === unit ? printSheetPath(paths.of(unitId) ?? '/') : null,
  };
}
