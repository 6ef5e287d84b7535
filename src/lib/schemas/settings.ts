import { makeIssue, type Issue } from '../ingest/issues.ts';
import { column, defineTable, parseTable, type ParsedTable, type RowOf } from '../ingest/table.ts';
import { matchKey } from '../ingest/text.ts';
import { choice, date, decimal, percent, text, year, yesNo, type CellType, type Parsed } from '../ingest/values.ts';
import { dayMonth } from './reports.ts';

// The locality and its settings, one per line ("khoa,gia_tri"), so a steward edits them in
// Excel like the other files. Every reading the plan leaves open is a named setting with a default.

export const SCALE_BASES = { ngheo_va_can_ngheo: 'Hộ nghèo và hộ cận nghèo', chi_ngheo: 'Chỉ hộ nghèo' } as const;
export const CHANGE_MEASURES = { diem_phan_tram: 'Điểm phần trăm', tuong_doi: 'Phần trăm tương đối' } as const;
export const SCALE_YEARS = { nam_danh_gia: 'Năm đánh giá', nam_truoc: 'Năm trước năm đánh giá' } as const;
/** How a scale criterion treats a change of poverty standard inside the period. */
export const STANDARD_CHANGE_TREATMENTS = {
  khong_so_sanh: 'Không so sánh qua hai chuẩn nghèo',
  tinh_lai_dau_ky: 'Tính lại đầu kỳ theo chuẩn nghèo mới',
} as const;
export type StandardChangeTreatment = keyof typeof STANDARD_CHANGE_TREATMENTS;
export const SHARE_IMAGES = {
  moi_trang: 'Mỗi xã, thôn, mục vinh danh, bài viết một ảnh',
  cap_xa: 'Thôn dùng ảnh của xã',
  chung: 'Một ảnh chung cho cả trang',
} as const;

const EXAMPLE_ADDRESS = 'https://phongtho.laichau.gov.vn/chung-tay/';
const badAddress = (message: string): Parsed<never> => ({ ok: false, code: 'format-error', message });

/**
 * Where the site is published: an absolute http(s) address ending in "/", whose path is the folder the
 * site is served from ("/" or e.g. "/chung-tay/"). Canonical links, share tags, feed and sitemap use it.
 */
export const siteAddress: CellType<string> = {
  name: `địa chỉ web tuyệt đối, bắt đầu bằng https:// hoặc http:// và kết thúc bằng "/" (ví dụ ${EXAMPLE_ADDRESS})`,
  parse(raw) {
    const s = raw.trim();
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      return badAddress(`"${s}" không phải địa chỉ web đầy đủ. Ghi cả https:// và tên miền, ví dụ ${EXAMPLE_ADDRESS}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return badAddress(`Địa chỉ "${s}" phải bắt đầu bằng https:// (hoặc http://), ví dụ ${EXAMPLE_ADDRESS}`);
    }
    if (url.username || url.password || url.search || url.hash || s.includes('?') || s.includes('#')) {
      return badAddress(`Địa chỉ "${s}" chỉ gồm tên miền và thư mục của trang, không có tên đăng nhập, "?" hay "#".`);
    }
    if (!url.pathname.endsWith('/')) {
      const fixed = `${url.origin}${url.pathname}/`;
      return badAddress(`Địa chỉ "${s}" phải kết thúc bằng "/" (là thư mục chứa trang): ghi ${fixed}`);
    }
    return { ok: true, value: url.href };
  },
};

/**
 * Review years, strictly increasing, separated by ";" ("2021;2027"): the first review under each poverty
 * standard. Order is checked here; the years against the period in checks.ts (they need nam_bat_dau).
 * Kept as the years written (text), like every published setting value; read them with standardStarts().
 */
export const reviewYearList: CellType<readonly `${number}`[]> = {
  name: 'danh sách năm (4 chữ số) tăng dần, cách nhau bằng dấu chấm phẩy, ví dụ 2021;2027',
  parse(raw) {
    const years: number[] = [];
    for (const part of raw.split(';')) {
      const parsed = year.parse(part);
      if (!parsed.ok)
        return { ...parsed, message: `${parsed.message} Các năm cách nhau bằng dấu chấm phẩy, ví dụ 2021;2027.` };
      const before = years[years.length - 1];
      if (before !== undefined && parsed.value <= before) {
        const sorted = [...new Set([...years, parsed.value])].sort((a, b) => a - b).join(';');
        return {
          ok: false,
          code: 'constraint-error',
          message: `các năm phải tăng dần và không trùng nhau (năm ${parsed.value} đứng sau năm ${before}). Ghi ${sorted}.`,
        };
      }
      years.push(parsed.value);
    }
    return { ok: true, value: years.map((y) => `${y}` as const) };
  },
};

interface Setting<T> {
  label: string;
  type: CellType<T>;
  /** null: the setting must be given. */
  default: T | null;
  description: string;
}

const setting = <T>(label: string, type: CellType<T>, fallback: T | null, description: string): Setting<T> => ({
  label,
  type,
  default: fallback,
  description,
});

export const SETTINGS = {
  ten_dia_phuong: setting('Tên địa phương', text(), null, 'Tên địa phương thực hiện phong trào.'),
  ten_tinh: setting('Tỉnh', text(), null, 'Tỉnh của địa phương.'),
  ten_phong_trao: setting('Tên phong trào', text(), null, 'Tên đầy đủ của phong trào thi đua.'),
  ke_hoach: setting('Kế hoạch', text(), null, 'Văn bản kế hoạch của địa phương.'),
  van_ban_cap_tren: setting(
    'Văn bản cấp trên',
    text(),
    null,
    'Các kế hoạch, quyết định cấp trên mà kế hoạch thực hiện.',
  ),
  co_quan_chu_quan: setting('Cơ quan chủ quản', text(), null, 'Cơ quan chủ quản trang (Nghị định 42/2022/NĐ-CP).'),
  dia_chi_co_quan: setting('Địa chỉ cơ quan', text(), null, 'Địa chỉ của cơ quan chủ quản.'),
  dien_thoai_co_quan: setting('Điện thoại cơ quan', text('public-contact'), null, 'Số điện thoại công vụ của cơ quan.'),
  email_co_quan: setting('Thư điện tử cơ quan', text(), null, 'Địa chỉ thư điện tử công vụ.'),
  nguoi_chiu_trach_nhiem: setting('Người chịu trách nhiệm', text(), null, 'Họ tên người chịu trách nhiệm chính.'),
  chuc_vu_nguoi_chiu_trach_nhiem: setting(
    'Chức vụ người chịu trách nhiệm',
    text(),
    null,
    'Chức vụ của người chịu trách nhiệm chính.',
  ),
  lien_he_bao_chi: setting(
    'Liên hệ báo chí',
    text('public-contact'),
    null,
    'Bộ phận, số điện thoại, thư điện tử công vụ cho báo chí.',
  ),
  van_ban_sap_xep: setting(
    'Văn bản sắp xếp đơn vị hành chính',
    text(),
    '',
    'Nghị quyết sắp xếp đơn vị hành chính áp dụng cho địa phương (nếu có), nêu trên trang của đơn vị đã sắp xếp.',
  ),
  nam_bat_dau: setting('Năm bắt đầu', year, 2021, 'Năm đầu của giai đoạn phong trào.'),
  nam_ket_thuc: setting('Năm kết thúc', year, 2025, 'Năm cuối của giai đoạn phong trào.'),
  nam_goc: setting(
    'Năm gốc (đầu kỳ)',
    year,
    2021,
    'Năm rà soát dùng làm đầu kỳ (chú thích 2 của kế hoạch). Mặc định: rà soát cuối năm 2021, lần đầu theo chuẩn nghèo 2022–2025.',
  ),
  nam_ap_dung_chuan_ngheo: setting(
    'Năm áp dụng chuẩn nghèo',
    reviewYearList,
    ['2021'],
    'Năm rà soát đầu tiên theo mỗi chuẩn nghèo, tăng dần, cách nhau bằng dấu chấm phẩy: trước hết năm của chuẩn ' +
      'đang áp dụng ở đầu giai đoạn, rồi mỗi năm trong giai đoạn mà một chuẩn mới bắt đầu. Chuẩn nghèo đa chiều ' +
      '2022–2025 (Nghị định 07/2021/NĐ-CP) bắt đầu từ kỳ rà soát năm 2021 và áp dụng đến hết kỳ rà soát năm 2026; ' +
      'chuẩn mới áp dụng từ kỳ rà soát năm 2027. Ví dụ giai đoạn 2021–2025: 2021; giai đoạn 2026–2030: 2021;2027. ' +
      'Tỷ lệ và quy mô theo hai chuẩn không bao giờ được so sánh: mức giảm tỷ lệ của năm đổi chuẩn không được tính, ' +
      'nên tiêu chí 1 của xã và mục tiêu A, B có kết quả "Không áp dụng" ở các năm cần phép so sánh đó; tiêu chí 2 ' +
      'của xã và tiêu chí thôn theo hai thiết lập dưới đây. Thay cho khóa cũ "nam_chuan_ngheo_moi".',
  ),
  doi_chuan_tc_xa_2: setting(
    'Tiêu chí 2 của xã khi đổi chuẩn nghèo',
    choice(STANDARD_CHANGE_TREATMENTS),
    'khong_so_sanh',
    'Khi chuẩn nghèo đổi trong giai đoạn: khong_so_sanh (mặc định): các năm có quy mô theo chuẩn khác với đầu kỳ có ' +
      'kết quả "Không áp dụng"; tinh_lai_dau_ky: lần rà soát đầu tiên theo chuẩn mới là đầu kỳ mới của các năm sau.',
  ),
  doi_chuan_tc_thon: setting(
    'Tiêu chí thôn khi đổi chuẩn nghèo',
    choice(STANDARD_CHANGE_TREATMENTS),
    'khong_so_sanh',
    'Như "doi_chuan_tc_xa_2", cho tiêu chí khen thưởng thôn, bản.',
  ),
  nam_so_ket: setting('Năm sơ kết', year, 2023, 'Năm sơ kết giữa kỳ.'),
  nam_tong_ket: setting('Năm tổng kết', year, 2025, 'Năm tổng kết.'),
  quy_mo_gom: setting(
    'Quy mô gồm',
    choice(SCALE_BASES),
    'ngheo_va_can_ngheo',
    'Quy mô S tính bằng hộ nghèo cộng hộ cận nghèo (mặc định) hay chỉ hộ nghèo.',
  ),
  ty_le_ngheo_gom: setting(
    'Tỷ lệ nghèo gồm',
    choice(SCALE_BASES),
    'ngheo_va_can_ngheo',
    'Tỷ lệ dùng cho tiêu chí 1 và mục tiêu A: tỷ lệ nghèo đa chiều (nghèo + cận nghèo, mặc định) hay chỉ tỷ lệ hộ nghèo.',
  ),
  cach_tinh_muc_giam: setting(
    'Cách tính mức giảm tỷ lệ',
    choice(CHANGE_MEASURES),
    'diem_phan_tram',
    'Mức giảm tỷ lệ hằng năm tính bằng điểm phần trăm (mặc định) hay phần trăm tương đối.',
  ),
  nam_xet_quy_mo: setting(
    'Năm xét quy mô',
    choice(SCALE_YEARS),
    'nam_danh_gia',
    'Quy mô "tại thời điểm xét" lấy theo kết quả rà soát của chính năm đánh giá (mặc định) hay năm liền trước.',
  ),
  // The plan names "thôn, bản" only; a tổ dân phố is the urban counterpart, so applying it is a reading.
  tc_thon_ap_dung_to_dan_pho: setting(
    'Tiêu chí thôn áp dụng cho tổ dân phố',
    yesNo,
    true,
    'Có (mặc định): tiêu chí khen thưởng thôn, bản cũng xét các tổ dân phố. Không: chỉ xét thôn, bản như lời kế hoạch; tổ dân phố có kết quả "Không áp dụng" kèm lý do.',
  ),
  nguong_uoc_tinh_thoat_dbkk: setting(
    'Ngưỡng ước tính thoát đặc biệt khó khăn',
    percent,
    15,
    'Tỷ lệ hộ nghèo dưới ngưỡng này thì ước tính đơn vị đủ điều kiện thoát diện đặc biệt khó khăn (QĐ 33/2020/QĐ-TTg). Chỉ là ước tính.',
  ),
  du_lieu_minh_hoa: setting(
    'Dữ liệu minh họa',
    yesNo,
    false,
    'Có nếu bộ dữ liệu là dữ liệu minh họa, không phải số liệu thật. Trang ghi rõ "Dữ liệu minh họa".',
  ),
  // Required to build the site (src/data/load.ts), not by the core: CHUNG_TAY_SITE_URL may stand in for it.
  dia_chi_trang: setting(
    'Địa chỉ trang',
    siteAddress,
    '',
    'Địa chỉ đầy đủ nơi trang được đăng, kết thúc bằng "/"; phần đường dẫn là thư mục chứa trang (với ' +
      'https://ubnd.example.gov.vn/chung-tay/ trang nằm trong /chung-tay/). Dùng cho liên kết chuẩn, thẻ chia sẻ, ' +
      'sơ đồ trang, tin RSS và dòng trích dẫn. Bắt buộc khi dựng trang; biến môi trường CHUNG_TAY_SITE_URL (dựng thử) ' +
      'thay cho giá trị này.',
  ),
  ngay_cap_nhat: setting('Ngày cập nhật số liệu', date, null, 'Ngày số liệu được cập nhật lần cuối.'),
  han_bao_cao_xa: setting(
    'Hạn báo cáo của xã',
    dayMonth,
    '10/11',
    'Ngày trong năm mà xã, thị trấn phải báo cáo kết quả phong trào về Phòng Lao động – Thương binh và Xã hội (mục VI.3 của kế hoạch). Báo cáo nhận đúng ngày này là đúng hạn.',
  ),
  han_bao_cao_huyen: setting(
    'Hạn báo cáo của huyện',
    dayMonth,
    '20/11',
    'Ngày trong năm mà huyện phải báo cáo tỉnh (mục VI.3 của kế hoạch).',
  ),
  // Each new image costs about 0.1 s to draw: 100,000 villages would add hours to a first build.
  anh_chia_se: setting(
    'Ảnh chia sẻ',
    choice(SHARE_IMAGES),
    'moi_trang',
    'Ảnh hiện khi chia sẻ một trang lên mạng xã hội: mỗi xã, thôn, mục vinh danh và bài viết một ảnh riêng (mặc định); thôn dùng ảnh của xã (cap_xa, cho tỉnh lớn); hoặc một ảnh chung cho mọi trang (chung, cho bản toàn quốc). Mỗi ảnh mới mất khoảng 0,1 giây để vẽ.',
  ),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never };

/** Keys an older contract used, and what replaced them: refused with the new key named. */
const REPLACED_KEYS: Record<string, string> = {
  nam_chuan_ngheo_moi:
    'đã được thay bằng "nam_ap_dung_chuan_ngheo" (danh sách năm rà soát đầu tiên theo mỗi chuẩn nghèo, ví dụ ' +
    '2021 hoặc 2021;2027). Đổi khóa ở dòng này thành nam_ap_dung_chuan_ngheo, giữ nguyên năm.',
};

/** A setting's value as written: each setting's own type reads it in parseSettings. */
const settingValue: CellType<string> = {
  name: 'theo kiểu của thiết lập (bảng trên)',
  parse: (raw) => ({ ok: true, value: raw }),
};

export const settingsTable = defineTable({
  file: 'dia-phuong.csv',
  title: 'Địa phương và thiết lập',
  description:
    'Mỗi dòng một thiết lập: tên địa phương, cơ quan chủ quản, liên hệ, giai đoạn, năm gốc và các cách hiểu tiêu chí.',
  columns: [
    column('khoa', 'Khóa', text(), true, 'Tên thiết lập (xem bảng thiết lập).', 'nam_goc'),
    // Checked per setting below, with the setting's own type, so an issue names the setting.
    column('gia_tri', 'Giá trị', settingValue, false, 'Giá trị của thiết lập.', '2021'),
    column(
      'ghi_chu',
      'Ghi chú',
      text(),
      false,
      'Ghi chú cho người nhập, không dùng khi dựng trang.',
      'Rà soát cuối năm 2021',
    ),
  ],
});

export type SettingsTable = ParsedTable<RowOf<typeof settingsTable.columns>>;

const byKey = new Map<string, SettingKey>();
for (const [key, def] of Object.entries(SETTINGS) as [SettingKey, Setting<unknown>][]) {
  byKey.set(matchKey(key), key);
  byKey.set(matchKey(def.label), key);
}

/** The setting a "khoa" cell names, by its key or its label, however spelt; undefined if none. */
export const settingKey = (khoa: string): SettingKey | undefined => byKey.get(matchKey(khoa));

/** The settings, and the table they were read from (its lines locate a published value). */
export function parseSettings(bytes: Uint8Array): {
  settings: Settings | null;
  table: SettingsTable | null;
  issues: Issue[];
} {
  const { table, issues } = parseTable(settingsTable, bytes);
  if (!table) return { settings: null, table: null, issues };
  const file = settingsTable.file;
  const values = new Map<SettingKey, unknown>();
  const seenAt = new Map<SettingKey, number>();
  const valueColumn = table.columnName('gia_tri');
  for (const { line, row } of table.rows) {
    const key = settingKey(row.khoa);
    const at = { file, line, ...table.columnName('khoa'), field: 'khoa', value: row.khoa };
    const replaced = Object.entries(REPLACED_KEYS).find(([old]) => matchKey(old) === matchKey(row.khoa))?.[1];
    if (replaced) {
      issues.push(makeIssue('error', at, 'constraint-error', `Thiết lập "${row.khoa.trim()}" ${replaced}`));
      continue;
    }
    if (!key) {
      issues.push(
        makeIssue(
          'warning',
          at,
          'constraint-error',
          `Thiết lập "${row.khoa}" không có trong tài liệu nên được bỏ qua. Kiểm tra tên thiết lập theo data/README.md.`,
        ),
      );
      continue;
    }
    if (seenAt.has(key)) {
      issues.push(
        makeIssue(
          'error',
          at,
          'primary-key',
          `Thiết lập "${key}" được ghi hai lần (dòng ${seenAt.get(key)} và dòng ${line}). Xóa một dòng.`,
        ),
      );
      continue;
    }
    seenAt.set(key, line);
    if (row.gia_tri === null) continue;
    const type = (SETTINGS[key] as Setting<unknown>).type;
    // "15,5" unquoted splits into the value 15 and the note 5, and the row still has three cells.
    const joined = row.ghi_chu === null ? '' : `${row.gia_tri},${row.ghi_chu}`;
    if (/^\d+%?$/.test(row.ghi_chu ?? '') && decimal.parse(joined).ok && type.parse(joined).ok) {
      const number = joined.trim();
      const where = { file, line, ...table.columnName('ghi_chu'), field: key, value: row.ghi_chu };
      issues.push(
        makeIssue(
          'error',
          where,
          'extra-cell',
          `Thiết lập "${key}": giá trị ${row.gia_tri.trim()} và ghi chú "${row.ghi_chu}" có lẽ là một số có dấu ` +
            `phẩy thập phân (${number}) không nằm trong ngoặc kép, nên bị tách thành hai ô. Đặt giá trị trong ngoặc ` +
            `kép ("${number}"), hoặc xuất lại bằng Excel (Excel tự thêm ngoặc kép). Ghi chú chỉ gồm chữ số ` +
            'không được nhận.',
        ),
      );
      continue;
    }
    const parsed = type.parse(row.gia_tri);
    if (parsed.ok) values.set(key, parsed.value);
    else
      issues.push(
        makeIssue(
          'error',
          { file, line, ...valueColumn, field: key, value: row.gia_tri },
          parsed.code,
          `Thiết lập "${key}": ${parsed.message}`,
        ),
      );
  }
  const settings: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(SETTINGS) as [SettingKey, Setting<unknown>][]) {
    const value = values.has(key) ? values.get(key) : def.default;
    if (value === null || value === undefined) {
      if (!issues.some((i) => i.field === key)) {
        issues.push(
          makeIssue(
            'error',
            { file, field: key },
            'missing-cell',
            `Thiếu thiết lập bắt buộc "${key}" (${def.label}): ${def.description} Thêm một dòng "${key}" với giá trị.`,
          ),
        );
      }
      continue;
    }
    settings[key] = value;
  }
  if (issues.some((i) => i.severity === 'error')) return { settings: null, table, issues };
  return { settings: settings as Settings, table, issues };
}
