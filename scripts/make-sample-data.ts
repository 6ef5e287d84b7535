// Writes the sample dataset in data/ ("Dữ liệu minh họa"). Run: npm run sample-data
//
// Real: Phong Thổ's 17 units, their codes, other spellings and 1/7/2025 mapping (docs/domain-vn.md).
// Invented but plausible: village names and every figure, regions and flags (marked ⚠️ in the
// domain notes), award entries and names. Deterministic: a seeded generator, so re-running gives
// the same files. Shapes the data so every kind of verdict occurs, including a margin of one household.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { YearlyFigures } from '../src/lib/bench/generate.ts';
import { seededRandom } from '../src/lib/bench/random.ts';
import { awardsTable, unitsTable } from '../src/lib/schemas/tables.ts';

const OUT = join(import.meta.dirname, '..', 'data');

const { next: rand, between, int, pick } = seededRandom(20211231);

function csv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
const write = (name: string, rows: (string | number | null)[][]) => writeFileSync(join(OUT, name), csv(rows));

// code, name, other spellings, level, region 2021, region from 2024 (QĐ 698), criterion-1 flag, border,
// new commune, lat, lon
type C = [
  string,
  string,
  string,
  'xa' | 'thi_tran',
  'I' | 'II' | 'III',
  'I' | 'II' | 'III',
  boolean,
  boolean,
  string,
  number,
  number,
];
const COMMUNES: C[] = [
  ['03549', 'Thị trấn Phong Thổ', '', 'thi_tran', 'I', 'I', false, false, '2025-03549', 22.52, 103.352],
  ['03490', 'Xã Huổi Luông', '', 'xa', 'III', 'III', true, true, '2025-03549', 22.53, 103.188],
  ['03574', 'Xã Ma Ly Pho', 'Xã Ma Li Pho', 'xa', 'III', 'III', true, true, '2025-03549', 22.608, 103.225],
  ['03589', 'Xã Mường So', '', 'xa', 'II', 'II', false, false, '2025-03549', 22.527, 103.27],
  ['03562', 'Xã Vàng Ma Chải', '', 'xa', 'III', 'III', true, true, '2025-03562', 22.709, 103.304],
  ['03553', 'Xã Mồ Sì San', '', 'xa', 'III', 'III', true, true, '2025-03562', 22.735, 103.338],
  ['03550', 'Xã Sì Lở Lầu', 'Xã Sì Lờ Lầu', 'xa', 'III', 'III', true, true, '2025-03562', 22.78, 103.351],
  ['03559', 'Xã Pa Vây Sử', '', 'xa', 'III', 'III', true, true, '2025-03562', 22.735, 103.402],
  ['03565', 'Xã Tông Qua Lìn', 'Xã Tung Qua Lìn', 'xa', 'III', 'III', false, false, '2025-03571', 22.666, 103.424],
  ['03568', 'Xã Mù Sang', '', 'xa', 'III', 'II', false, false, '2025-03571', 22.657, 103.282],
  ['03571', 'Xã Dào San', '', 'xa', 'III', 'III', true, true, '2025-03571', 22.666, 103.355],
  ['03580', 'Xã Hoang Thèn', '', 'xa', 'III', 'II', false, false, '2025-03583', 22.592, 103.307],
  ['03577', 'Xã Bản Lang', '', 'xa', 'II', 'II', false, false, '2025-03583', 22.606, 103.44],
  ['03583', 'Xã Khổng Lào', '', 'xa', 'II', 'II', false, false, '2025-03583', 22.583, 103.371],
  ['03586', 'Xã Nậm Xe', '', 'xa', 'III', 'III', false, false, '2025-03394', 22.499, 103.451],
  ['03592', 'Xã Sin Suối Hồ', '', 'xa', 'III', 'III', false, false, '2025-03394', 22.567, 103.502],
  ['03391', 'Xã Lả Nhì Thàng', 'Xã Lản Nhì Thàng', 'xa', 'II', 'II', false, false, '2025-03388', 22.477, 103.345],
];
const NEW_COMMUNES: [string, string, string, string, 'xa' | 'phuong', number, number, string][] = [
  ['2025-03549', '03549', 'Xã Phong Thổ', '', 'xa', 22.554, 103.248, ''],
  ['2025-03562', '03562', 'Xã Sì Lở Lầu', '', 'xa', 22.741, 103.356, ''],
  ['2025-03571', '03571', 'Xã Dào San', '', 'xa', 22.664, 103.361, ''],
  ['2025-03583', '03583', 'Xã Khổng Lào', '', 'xa', 22.594, 103.372, ''],
  [
    '2025-03394',
    '03394',
    'Xã Sin Suối Hồ',
    '',
    'xa',
    22.521,
    103.493,
    'Từ 1/7/2025 gồm cả xã Thèn Sin (huyện Tam Đường cũ), không có trong dữ liệu này.',
  ],
  [
    '2025-03388',
    '03388',
    'Phường Đoàn Kết',
    '',
    'phuong',
    22.43,
    103.33,
    'Từ 1/7/2025 gồm cả phường Quyết Tiến, phường Quyết Thắng và xã Sùng Phài (thành phố Lai Châu cũ), không có trong dữ liệu này.',
  ],
];

const FIRST = [
  'Sì',
  'Cò',
  'Phìn',
  'Ma',
  'Xả',
  'Lũng',
  'Pa',
  'Nà',
  'Co',
  'Nậm',
  'Dền',
  'Lao',
  'Sin',
  'Tả',
  'Cang',
  'U',
  'Hồng',
  'Mù',
  'Hoang',
  'Khoa',
  'Làng',
  'Pô',
  'Thèn',
  'Chang',
];
const SECOND = [
  'Chải',
  'Hồ',
  'Ván',
  'Pe',
  'Củng',
  'Muông',
  'Cáy',
  'Phìn',
  'Thàng',
  'Sáng',
  'Lìn',
  'Hạ',
  'Ban',
  'Thu',
  'Cả',
  'Sử',
  'Lầu',
  'Pho',
  'Xe',
  'Khoai',
  'Mé',
  'Dào',
  'Vây',
  'Tổng',
];

const YEARS = [2021, 2022, 2023, 2024, 2025];

interface Village extends YearlyFigures {
  code: string;
  name: string;
  commune: C;
  from: string | null;
  dbkk: boolean;
  exit: number | null;
  lat: number;
  lon: number;
}

const villages: Village[] = [];
COMMUNES.forEach((c, ci) => {
  const town = c[3] === 'thi_tran';
  const n = ci % 3 === 0 ? 11 : ci % 3 === 1 ? 10 : 9;
  const used = new Set<string>();
  // How fast this commune's combined rate falls (points per year): varied so verdicts differ.
  const communePace = town ? between(1.5, 3) : c[4] === 'III' ? between(4.2, 9) : between(3.5, 6.5);
  for (let vi = 0; vi < n; vi++) {
    let name: string;
    if (town) name = `Tổ dân phố số ${vi + 1}`;
    else {
      do name = `${pick(['Bản', 'Bản', 'Thôn'])} ${pick(FIRST)} ${pick(SECOND)}`;
      while (used.has(name));
      used.add(name);
    }
    const total0 = town ? int(110, 190) : int(45, 140);
    const poorRate0 = town ? between(0.04, 0.11) : c[4] === 'III' ? between(0.35, 0.6) : between(0.15, 0.3);
    const nearRate0 = town ? between(0.03, 0.07) : between(0.08, 0.16);
    const emShare = town ? between(0.4, 0.65) : between(0.86, 1);
    const pace = Math.max(0.5, communePace + between(-1.5, 1.5)) / 100;
    const v: Village = {
      code: `${c[0]}-${String(vi + 1).padStart(2, '0')}`,
      name,
      commune: c,
      from: null,
      dbkk: !town && poorRate0 >= 0.2 && rand() < 0.45,
      exit: null,
      lat: c[9] + between(-0.02, 0.02),
      lon: c[10] + between(-0.02, 0.02),
      total: [],
      poor: [],
      near: [],
      em: [],
      emPoor: [],
    };
    // Tổ dân phố số 1 of the town: no poor or near-poor households at the baseline.
    const none = town && vi === 0;
    YEARS.forEach((_, yi) => {
      const total = Math.round(total0 * (1 + 0.015 * yi));
      const combined = none ? 0 : Math.max(0.01, poorRate0 + nearRate0 - pace * yi);
      const poorShare = Math.max(0.25, poorRate0 / (poorRate0 + nearRate0) - 0.04 * yi);
      const both = Math.round(total * combined);
      const poor = none ? 0 : Math.round(both * poorShare);
      const em = Math.round(total * emShare);
      v.total.push(total);
      v.poor.push(poor);
      v.near.push(both - poor);
      v.em.push(em);
      v.emPoor.push(Math.min(poor, em, Math.round(poor * between(0.96, 1))));
    });
    villages.push(v);
  }
});

// A village split from another in 2023: it has no baseline, so its verdicts lack data.
{
  const parent = villages.find((v) => v.commune[0] === '03553' && v.code.endsWith('-03'));
  if (!parent) throw new Error('sample: split parent missing');
  const child: Village = {
    ...parent,
    code: '03553-20',
    name: `${parent.name} Mới`,
    from: '2023-01-01',
    dbkk: false,
    exit: null,
    lat: parent.lat + 0.01,
    lon: parent.lon + 0.01,
    total: [],
    poor: [],
    near: [],
    em: [],
    emPoor: [],
  };
  YEARS.forEach((_, yi) => {
    const share = yi >= 2 ? 0.4 : 0;
    for (const k of ['total', 'poor', 'near', 'em', 'emPoor'] as const) {
      const moved = Math.round(parent[k][yi]! * share);
      child[k].push(moved);
      parent[k][yi] = parent[k][yi]! - moved;
    }
  });
  villages.splice(villages.indexOf(parent) + 1, 0, child);
}

// A village exactly one household short of the village criterion (> 50%) in 2025.
{
  const v = villages.find((x) => x.commune[0] === '03589' && x.code.endsWith('-04'));
  if (!v) throw new Error('sample: margin village missing');
  const base = v.poor[0]! + v.near[0]!;
  const maxAllowed = Math.ceil(base / 2) - 1;
  const s = maxAllowed + 1;
  v.poor[4] = Math.min(v.poor[4]!, s);
  v.near[4] = s - v.poor[4];
  v.emPoor[4] = Math.min(v.emPoor[4]!, v.poor[4]);
}

// Huổi Luông falls only ~3 points in 2023: criterion 1 fails there despite the flag.
for (const v of villages.filter((x) => x.commune[0] === '03490')) {
  const both22 = v.poor[1]! + v.near[1]!;
  const rate23 = both22 / v.total[1]! - 0.03;
  const both23 = Math.round(v.total[2]! * rate23);
  const poor23 = Math.min(both23, Math.round(both23 * 0.7));
  v.poor[2] = poor23;
  v.near[2] = both23 - poor23;
  v.emPoor[2] = Math.min(v.emPoor[2]!, poor23, v.em[2]!);
}

// Official exits of extremely-difficult villages (decisions), about a third of them by 2024.
villages
  .filter((v) => v.dbkk)
  .forEach((v, i) => {
    if (i % 3 === 0) v.exit = i % 2 === 0 ? 2023 : 2024;
  });
const VILLAGE_EXIT_DECISION: Record<number, string> = {
  2023: 'QĐ 497/QĐ-UBDT ngày 30/6/2023 (minh họa)',
  2024: 'QĐ 325/QĐ-UBDT ngày 27/5/2024 (minh họa)',
};

// --- don-vi.csv
const unitRows: (string | number | null)[][] = [unitsTable.columns.map((c) => c.key)];
unitRows.push([
  '109',
  '109',
  'Huyện Phong Thổ',
  '',
  'huyen',
  '',
  '',
  '30/06/2025',
  '',
  '',
  'có',
  '',
  '',
  '',
  '22.6',
  '103.35',
  'Cấp huyện kết thúc hoạt động từ 1/7/2025 (NQ 1670/NQ-UBTVQH15).',
]);
for (const c of COMMUNES) {
  const exit = c[4] === 'III' && c[5] !== 'III' ? 2024 : null;
  unitRows.push([
    c[0],
    c[0],
    c[1],
    c[2],
    c[3],
    '109',
    '',
    '30/06/2025',
    c[8],
    c[6] ? 'có' : 'không',
    c[7] ? 'có' : 'không',
    c[4] === 'III' ? 'có' : 'không',
    exit,
    exit ? 'QĐ 698/QĐ-TTg ngày 19/7/2024' : '',
    c[9].toFixed(3),
    c[10].toFixed(3),
    '',
  ]);
  for (const v of villages.filter((x) => x.commune === c)) {
    unitRows.push([
      v.code,
      '',
      v.name,
      '',
      c[3] === 'thi_tran' ? 'to_dan_pho' : 'thon',
      c[0],
      v.from ? '01/01/2023' : '',
      '',
      '',
      '',
      '',
      v.dbkk ? 'có' : 'không',
      v.exit,
      v.exit ? (VILLAGE_EXIT_DECISION[v.exit] ?? '') : '',
      v.lat.toFixed(3),
      v.lon.toFixed(3),
      v.from ? 'Chia tách từ thôn cùng tên năm 2023 (minh họa).' : '',
    ]);
  }
}
for (const n of NEW_COMMUNES)
  unitRows.push([
    n[0],
    n[1],
    n[2],
    n[3],
    n[4],
    '',
    '01/07/2025',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    n[5].toFixed(3),
    n[6].toFixed(3),
    n[7],
  ]);
write('don-vi.csv', unitRows);

// --- khu-vuc.csv
const regionRows: (string | number | null)[][] = [['ma_don_vi', 'khu_vuc', 'tu_nam', 'den_nam', 'can_cu']];
for (const c of COMMUNES) {
  if (c[4] === c[5]) regionRows.push([c[0], c[4], 2021, '', 'QĐ 861/QĐ-TTg ngày 04/6/2021']);
  else {
    regionRows.push([c[0], c[4], 2021, 2023, 'QĐ 861/QĐ-TTg ngày 04/6/2021']);
    regionRows.push([c[0], c[5], 2024, '', 'QĐ 698/QĐ-TTg ngày 19/7/2024']);
  }
}
write('khu-vuc.csv', regionRows);

// --- ket-qua-ra-soat.csv
const reviewRows: (string | number | null)[][] = [
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
const flowVillage = villages[25]?.code;
YEARS.forEach((year, yi) => {
  COMMUNES.forEach((c, ci) => {
    for (const v of villages.filter((x) => x.commune === c)) {
      if (v.from && year < 2023) continue;
      const official = year < 2025;
      const prevPoor = yi > 0 && !(v.from && year === 2023) ? v.poor[yi - 1]! : null;
      const prevNear = yi > 0 && !(v.from && year === 2023) ? v.near[yi - 1]! : null;
      let flows: (number | null)[] = [null, null, null, null, null, null, null];
      if (prevPoor !== null && prevNear !== null) {
        // One village records a household that moved in: its start differs from last year's end.
        const start = v.code === flowVillage && year === 2024 ? prevPoor + 1 : prevPoor;
        const born = Math.min(2, Math.round(start * 0.03));
        const back = start > 20 ? 1 : 0;
        const out = start - v.poor[yi]! + born + back;
        const nearBorn = Math.max(0, Math.round(out * 0.4));
        const nearOut = prevNear - v.near[yi]! + nearBorn;
        flows =
          out >= 0 && nearOut >= 0
            ? [start, out, born, back, prevNear, nearOut, nearBorn]
            : [start, null, null, null, prevNear, null, null];
      }
      reviewRows.push([
        v.code,
        v.name,
        year,
        official ? 'chinh_thuc' : 'so_bo',
        official ? `${310 + ci * 7 + yi}/QĐ-UBND` : '',
        official ? `${String(15 + (ci % 10)).padStart(2, '0')}/12/${year}` : '',
        v.total[yi]!,
        Math.round(v.total[yi]! * 4.6),
        v.em[yi]!,
        v.poor[yi]!,
        v.emPoor[yi]!,
        v.near[yi]!,
        ...flows,
      ]);
    }
  });
});
write('ket-qua-ra-soat.csv', reviewRows);

// --- dia-phuong.csv
write('dia-phuong.csv', [
  ['khoa', 'gia_tri', 'ghi_chu'],
  ['ten_dia_phuong', 'huyện Phong Thổ', 'Cấp huyện kết thúc hoạt động từ 1/7/2025'],
  ['ten_tinh', 'tỉnh Lai Châu', ''],
  ['ten_phong_trao', 'Phong Thổ chung tay vì người nghèo – Không để ai bị bỏ lại phía sau', ''],
  [
    'ke_hoach',
    'Kế hoạch của UBND huyện Phong Thổ năm 2022 thực hiện phong trào thi đua "Phong Thổ chung tay vì người nghèo – Không để ai bị bỏ lại phía sau" giai đoạn 2021–2025',
    '',
  ],
  ['van_ban_sap_xep', 'Nghị quyết 1670/NQ-UBTVQH15 ngày 16/6/2025', ''],
  [
    'van_ban_cap_tren',
    'Kế hoạch 2282/KH-UBND ngày 01/7/2022 của UBND tỉnh Lai Châu; Quyết định 666/QĐ-TTg ngày 02/6/2022 của Thủ tướng Chính phủ',
    '',
  ],
  [
    'co_quan_chu_quan',
    'UBND xã Phong Thổ, tỉnh Lai Châu (minh họa)',
    'Kế thừa hồ sơ phong trào của huyện Phong Thổ cũ',
  ],
  ['dia_chi_co_quan', 'Trụ sở UBND xã Phong Thổ, tỉnh Lai Châu (minh họa)', ''],
  ['dien_thoai_co_quan', '0213 3 000 000 (minh họa)', ''],
  ['email_co_quan', 'ubnd.phongtho@example.vn (minh họa)', ''],
  ['nguoi_chiu_trach_nhiem', 'Nguyễn Văn A (minh họa)', ''],
  ['chuc_vu_nguoi_chiu_trach_nhiem', 'Chủ tịch UBND xã', ''],
  [
    'dia_chi_trang',
    'https://chungtay.example.vn/',
    'Minh họa; trang đăng trong thư mục con thì ghi ví dụ https://phongtho.laichau.gov.vn/chung-tay/',
  ],
  [
    'lien_he_bao_chi',
    'Văn phòng HĐND và UBND xã Phong Thổ, điện thoại 0213 3 000 001, thư điện tử vanphong.phongtho@example.vn (minh họa)',
    '',
  ],
  ['nam_bat_dau', '2021', ''],
  ['nam_ket_thuc', '2025', ''],
  ['nam_goc', '2021', 'Rà soát cuối năm 2021, lần đầu theo chuẩn nghèo 2022–2025'],
  ['nam_ap_dung_chuan_ngheo', '2021', 'Nghị định 07/2021/NĐ-CP'],
  ['nam_so_ket', '2023', ''],
  ['nam_tong_ket', '2025', ''],
  ['quy_mo_gom', 'ngheo_va_can_ngheo', 'Chú thích 1 của kế hoạch'],
  ['ty_le_ngheo_gom', 'ngheo_va_can_ngheo', 'Tỷ lệ nghèo đa chiều'],
  ['cach_tinh_muc_giam', 'diem_phan_tram', ''],
  ['nam_xet_quy_mo', 'nam_danh_gia', ''],
  ['nguong_uoc_tinh_thoat_dbkk', '15', 'QĐ 33/2020/QĐ-TTg'],
  ['du_lieu_minh_hoa', 'có', 'Đổi thành "không" khi thay bằng số liệu thật'],
  ['ngay_cap_nhat', '05/12/2025', ''],
]);

// --- tieu-chi.csv
const PLAN = 'Kế hoạch của UBND huyện Phong Thổ (2022)';
write('tieu-chi.csv', [
  [
    'ma_tieu_chi',
    'ten_tieu_chi',
    'phep_so_sanh',
    'nguong',
    'nguong_tren',
    'so_nam_lien_tiep',
    'can_cu_phap_ly',
    'mo_ta',
  ],
  [
    'TC_XA_1',
    'Xã vùng cao, biên giới đặc biệt khó khăn: giảm tỷ lệ nghèo đa chiều hằng năm',
    '>=',
    '4',
    '',
    3,
    `${PLAN}, tiêu chí khen thưởng xã; QĐ 1258/QĐ-TTg (2017) đặt mức 4%/năm cho huyện, xã nghèo`,
    'Tỷ lệ nghèo đa chiều của xã giảm từ 4 điểm phần trăm trở lên mỗi năm, trong 3 năm liên tiếp trước năm đề nghị khen thưởng.',
  ],
  [
    'TC_XA_2',
    'Xã khu vực III, II, I: giảm quy mô hộ nghèo, cận nghèo',
    '>',
    '60',
    '',
    '',
    `${PLAN}, tiêu chí khen thưởng xã; khu vực theo QĐ 861/QĐ-TTg, QĐ 698/QĐ-TTg`,
    'Quy mô hộ nghèo và cận nghèo của xã giảm trên 60% so với đầu kỳ.',
  ],
  [
    'TC_THON',
    'Thôn, bản, tổ dân phố: giảm quy mô hộ nghèo, cận nghèo',
    '>',
    '50',
    '',
    '',
    `${PLAN}, tiêu chí khen thưởng thôn, bản`,
    'Quy mô hộ nghèo và cận nghèo của thôn giảm trên 50% so với đầu kỳ.',
  ],
  [
    'TC_CAN_BO',
    'Thành viên Ban Chỉ đạo phụ trách xã',
    '>=',
    '1',
    '',
    '',
    `${PLAN}, tiêu chí khen thưởng cá nhân`,
    'Cán bộ phụ trách xã đạt khi xã đạt tiêu chí 1 hoặc tiêu chí 2.',
  ],
  [
    'MT_HUYEN_A',
    'Giảm tỷ lệ nghèo đa chiều toàn huyện',
    '>=',
    '6',
    '7',
    '',
    `${PLAN}, mục tiêu`,
    'Tỷ lệ nghèo đa chiều toàn huyện giảm 6–7 điểm phần trăm mỗi năm.',
  ],
  [
    'MT_HUYEN_B',
    'Giảm tỷ lệ hộ nghèo dân tộc thiểu số',
    '>',
    '5',
    '',
    '',
    `${PLAN}, mục tiêu; QĐ 666/QĐ-TTg (2022)`,
    'Tỷ lệ hộ nghèo trong các hộ dân tộc thiểu số giảm trên 5 điểm phần trăm mỗi năm.',
  ],
  [
    'MT_HUYEN_C',
    'Xã khu vực III thoát diện đặc biệt khó khăn',
    '>=',
    '5',
    '',
    '',
    `${PLAN}, mục tiêu; QĐ 666/QĐ-TTg (2022)`,
    'Đến năm 2025 có 5/12 xã khu vực III (41,6%) thoát diện đặc biệt khó khăn.',
  ],
  [
    'MT_HUYEN_D',
    'Thôn, bản thoát diện đặc biệt khó khăn',
    '>=',
    '50',
    '',
    '',
    `${PLAN}, mục tiêu; QĐ 666/QĐ-TTg (2022)`,
    'Đến năm 2025 có 50% thôn, bản đặc biệt khó khăn thoát diện.',
  ],
]);

// --- khen-thuong.csv
const LAW_2003 = 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi 2005, 2013); Nghị định 91/2017/NĐ-CP';
const LAW_2022_98 = 'Luật Thi đua, khen thưởng năm 2022; Nghị định 98/2023/NĐ-CP';
const LAW_2022_152 = 'Luật Thi đua, khen thưởng năm 2022; Nghị định 152/2025/NĐ-CP';
const v = (commune: string, n: number) => `${commune}-${String(n).padStart(2, '0')}`;
type A = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const awards: A[] = [
  [
    'KT-2023-001',
    '1520/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'ho_gia_dinh',
    'Hộ ông Lý A Sử',
    v('03550', 2),
    'Tự lực phát triển chăn nuôi, trồng thảo quả, thoát nghèo bền vững năm 2022',
    LAW_2003,
    'có',
    '05/12/2023',
    '',
    'ho-ong-ly-a-su',
  ],
  [
    'KT-2023-002',
    '1520/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'ho_gia_dinh',
    'Hộ ông Sùng A Chứ',
    v('03562', 3),
    'Vươn lên thoát nghèo nhờ mô hình trồng chè',
    LAW_2003,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2023-003',
    '1520/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'ho_gia_dinh',
    'Hộ ông Pờ Lò Chè',
    v('03553', 5),
    'Thoát nghèo, giúp đỡ hộ khác trong bản cùng phát triển',
    LAW_2003,
    'có',
    '01/12/2023',
    '10/03/2026',
    '',
  ],
  [
    'KT-2023-004',
    '1520/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'thon',
    villages.find((x) => x.code === v('03571', 1))!.name,
    v('03571', 1),
    'Giảm quy mô hộ nghèo, cận nghèo vượt chỉ tiêu giai đoạn 2021–2023',
    LAW_2003,
    '',
    '',
    '',
    'thon-ma-su-doi-thay',
  ],
  [
    'KT-2023-005',
    '1520/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'ca_nhan',
    'Ông Tẩn Láo Sài',
    v('03568', 2),
    'Trưởng bản vận động 12 hộ chuyển đổi cây trồng',
    LAW_2003,
    'có',
    '28/11/2023',
    '',
    '',
  ],
  [
    'KT-2023-006',
    '1521/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'tap_the',
    'Hội Liên hiệp Phụ nữ huyện Phong Thổ',
    '109',
    'Vận động hội viên giúp hộ nghèo vay vốn, phát triển sinh kế',
    LAW_2003,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2023-007',
    '1521/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'ngan_hang',
    'Phòng giao dịch Ngân hàng Chính sách xã hội huyện Phong Thổ',
    '109',
    'Giải ngân vốn tín dụng ưu đãi cho hộ nghèo, cận nghèo đúng đối tượng',
    LAW_2003,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2023-008',
    '1521/QĐ-UBND',
    '20/11/2023',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'so_ket',
    'xa',
    'Xã Dào San',
    '03571',
    'Dẫn đầu phong trào giảm nghèo giai đoạn 2021–2023',
    LAW_2003,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2024-001',
    '890/QĐ-UBND',
    '12/12/2024',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'hang_nam',
    'hop_tac_xa',
    'Hợp tác xã Chè Shan tuyết Sì Lở Lầu (minh họa)',
    '03550',
    'Bao tiêu sản phẩm, tạo việc làm cho 40 lao động hộ nghèo',
    LAW_2022_98,
    '',
    '',
    '',
    'htx-che-si-lo-lau',
  ],
  [
    'KT-2025-001',
    '1012/QĐ-UBND',
    '16/06/2025',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'tong_ket',
    'xa',
    'Xã Sì Lở Lầu',
    '03550',
    'Hoàn thành xuất sắc mục tiêu giảm nghèo giai đoạn 2021–2025',
    LAW_2022_98,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2025-002',
    '1012/QĐ-UBND',
    '16/06/2025',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'tong_ket',
    'doanh_nghiep',
    'Công ty TNHH Nông sản Phong Thổ (minh họa)',
    '03549',
    'Liên kết tiêu thụ nông sản, hỗ trợ giống cho 150 hộ nghèo',
    LAW_2022_98,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2025-003',
    '1012/QĐ-UBND',
    '16/06/2025',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'tong_ket',
    'ho_gia_dinh',
    'Hộ bà Lò Thị Xuân',
    v('03589', 2),
    'Phát triển nghề dệt thổ cẩm, thoát nghèo và tạo việc làm cho phụ nữ trong bản',
    LAW_2022_98,
    'có',
    '20/06/2025',
    '',
    '',
  ],
  [
    'KT-2025-004',
    '1012/QĐ-UBND',
    '16/06/2025',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'tong_ket',
    'ho_gia_dinh',
    'Hộ bà Vàng Thị Dua',
    v('03586', 4),
    'Thoát nghèo nhờ trồng quế và nuôi ong',
    LAW_2022_98,
    'không',
    '',
    '',
    '',
  ],
  [
    'KT-2025-005',
    '1012/QĐ-UBND',
    '16/06/2025',
    'UBND huyện Phong Thổ',
    'Chủ tịch UBND huyện',
    'giay_khen_huyen',
    'tong_ket',
    'thon',
    villages.find((x) => x.code === v('03580', 2))!.name,
    v('03580', 2),
    'Thôn đạt chuẩn nông thôn mới, giảm trên 50% quy mô hộ nghèo, cận nghèo',
    LAW_2022_98,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2025-006',
    '245/QĐ-UBND',
    '20/11/2025',
    'UBND xã Sì Lở Lầu',
    'Chủ tịch UBND xã',
    'giay_khen_xa',
    'tong_ket',
    'ca_nhan',
    'Bà Chảo Mẩy Lở',
    v('03559', 1),
    'Cán bộ văn hóa - xã hội theo dõi, hỗ trợ hộ nghèo suốt giai đoạn',
    LAW_2022_152,
    '',
    '',
    '',
    '',
  ],
  [
    'KT-2025-007',
    '1688/QĐ-UBND',
    '02/12/2025',
    'UBND tỉnh Lai Châu',
    'Chủ tịch UBND tỉnh',
    'bang_khen_tinh',
    'tong_ket',
    'tap_the',
    'Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Phong Thổ (cũ)',
    '109',
    'Thành tích xuất sắc trong phong trào giai đoạn 2021–2025',
    LAW_2022_152,
    '',
    '',
    '',
    '',
  ],
];
write('khen-thuong.csv', [awardsTable.columns.map((c) => c.key), ...awards]);

// --- content/dien-hinh/anh: a drawn illustration (not a photograph) for one story, so the
// photo path is exercised with a file that identifies no one.
function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PHOTOS = join(import.meta.dirname, '..', 'content', 'dien-hinh', 'anh');
mkdirSync(PHOTOS, { recursive: true });
// Terraced hillside under a pale sky: bands of green that follow a slope.
writeFileSync(
  join(PHOTOS, 'nuong-thao-qua-minh-hoa.png'),
  png(480, 270, (x, y) => {
    const ridge = 120 + 40 * Math.sin(x / 70);
    if (y < ridge) return [200 + Math.round(y / 6), 225, 240];
    const band = Math.floor((y - ridge + x / 6) / 18) % 2;
    return band ? [70, 130, 60] : [95, 155, 75];
  }),
);

// --- bao-cao.csv: when each year's report came (plan VI.3: communes by 10/11, the district by 20/11).
// No rand(): the other files stay as they were. 2025 has none: the communes and the district ceased on 30/6/2025.
const REPORT_YEARS = [2021, 2022, 2023, 2024];
const LATE: Record<string, [string, string]> = {
  '03592|2022': ['14/11/2022', 'Nộp muộn do mưa lũ chia cắt đường (minh họa)'],
  '03391|2023': ['17/11/2023', ''],
  '03568|2024': ['12/11/2024', 'Bổ sung số liệu thôn mới chia tách (minh họa)'],
};
const MISSING = new Set(['03586|2024']);
const DISTRICT_REPORTS: Record<number, string> = {
  2021: '19/11/2021',
  2022: '18/11/2022',
  2023: '22/11/2023',
  2024: '20/11/2024',
};
const reportRows: (string | number | null)[][] = [['ma_don_vi', 'nam', 'ngay_nhan', 'so_van_ban', 'ghi_chu']];
REPORT_YEARS.forEach((year, yi) => {
  COMMUNES.forEach((c, ci) => {
    const key = `${c[0]}|${year}`;
    if (MISSING.has(key)) return;
    // On time between 3/11 and the deadline day itself.
    const [date, note] = LATE[key] ?? [`${String(3 + ((ci * 7 + yi * 3) % 8)).padStart(2, '0')}/11/${year}`, ''];
    reportRows.push([c[0], year, date, `${40 + ci * 3 + yi}/BC-UBND`, note]);
  });
  reportRows.push(['109', year, DISTRICT_REPORTS[year] ?? '', `${210 + yi * 15}/BC-UBND`, '']);
});
write('bao-cao.csv', reportRows);

console.log(
  `Đã ghi dữ liệu minh họa: ${villages.length} thôn, ${reviewRows.length - 1} dòng rà soát, ${awards.length} khen thưởng.`,
);
