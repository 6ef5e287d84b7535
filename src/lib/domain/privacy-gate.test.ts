import { describe, expect, it } from 'vitest';
import {
  AWARDS,
  CRITERIA,
  csv,
  fixtureFiles,
  fixtureTexts,
  REGIONS,
  SETTINGS,
  steadyReviews,
  toFiles,
  UNITS,
  type Row,
} from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import type { Issue } from '../ingest/issues.ts';
import type { Column, TableDef } from '../ingest/table.ts';
import { SETTINGS as SETTING_DEFS, settingsTable } from '../schemas/settings.ts';
import type { StoryInput } from '../schemas/story.ts';
import { readStoryFile } from '../stories/file.ts';
import { awardsTable, criteriaTable, regionsTable, reviewTable, unitsTable } from '../schemas/tables.ts';

// Canaries: the fixture's household KT-2 ("Hộ ông Sùng A Chứ") has no consent. Its name is planted in
// one published field at a time; the gate must refuse at that file, line and field, naming KT-2 only.

const PROTECTED = 'KT-2';
// What a clerk could paste into a cell of each kind: free text, a code, a link to a story.
const PLANTS = ['Giúp đỡ gia đình ông Sùng A Chứ (bản Hai)', 'KT-Sung-A-Chu', 'sung-a-chu'];

const gateIssues = (issues: readonly Issue[]) =>
  issues.filter((i) => i.message.includes(`mã khen thưởng ${PROTECTED}`));

function expectRefusedAt(issues: readonly Issue[], at: Partial<Issue>) {
  const found = gateIssues(issues);
  expect(found, JSON.stringify(at)).toContainEqual(
    expect.objectContaining({ severity: 'error', code: 'constraint-error', ...at }),
  );
  expect(found[0]?.message).toBe(
    `Nội dung này nêu tên hộ gia đình, cá nhân được khen (mã khen thưởng ${PROTECTED}) chưa đồng ý hoặc đã rút ` +
      'đồng ý công khai. Xóa tên khỏi đây; chỉ nêu tên khi khen-thuong.csv ghi nhận đồng ý công khai.',
  );
  // Every hit in a story has a line, but the file name's.
  expect(found.filter((i) => i.line === null && i.field !== 'ten_tep')).toEqual([]);
  // One issue per place, named once: the same hit is not reported again under another field.
  const here = found.filter((i) => (at.file === undefined || i.file === at.file) && i.line === at.line);
  expect(here.map((i) => i.field)).toEqual([at.field]);
  for (const i of found) {
    expect(JSON.stringify(i)).not.toMatch(/s[ùu]ng a ch[ứu]/i);
  }
}

/** The first plant a column accepts as published text (choices, dates and numbers accept none). */
function plantFor(col: Column): string | null {
  return (
    PLANTS.find((p) => {
      const r = col.type.parse(p);
      return r.ok && (typeof r.value === 'string' || Array.isArray(r.value));
    }) ?? null
  );
}

type Spec = [TableDef<readonly Column[]>, Row[], number];
const tables: Spec[] = [
  [unitsTable, UNITS, 1],
  [regionsTable, REGIONS, 0],
  [criteriaTable, CRITERIA, 2],
  [reviewTable, steadyReviews(), 4],
  // KT-1 has consent, so every one of its fields is published.
  [awardsTable, AWARDS, 0],
];

/** The fixture with these units, every column of the units file written. */
const unitsFiles = (units: Row[]) =>
  toFiles({
    ...fixtureTexts(),
    'don-vi.csv': csv(
      units,
      unitsTable.columns.map((c) => c.key),
    ),
  });

describe('the privacy gate over data files', () => {
  for (const [def, rows, index] of tables) {
    for (const col of def.columns) {
      const plant = plantFor(col);
      if (plant === null) continue;
      it(`refuses a protected name in ${def.file}, column ${col.key}`, () => {
        const changed = rows.map((r, i) => (i === index ? { ...r, [col.key]: plant } : r));
        const texts = {
          ...fixtureTexts(),
          [def.file]: csv(
            changed,
            def.columns.map((c) => c.key),
          ),
        };
        const result = buildDataset(toFiles(texts));
        expect(result.dataset).toBeNull();
        expectRefusedAt(result.errors, { file: def.file, line: index + 2, field: col.key, column: col.key });
      });
    }
  }

  it('refuses a name split across two cells of one row, at the cell where it starts', () => {
    const awards = AWARDS.map((r, i) =>
      i === 0 ? { ...r, thanh_tich: 'Giúp ông Sùng A', can_cu_phap_ly: 'Chứ vay vốn' } : r,
    );
    const { errors } = buildDataset(
      toFiles({
        ...fixtureTexts(),
        'khen-thuong.csv': csv(
          awards,
          awardsTable.columns.map((c) => c.key),
        ),
      }),
    );
    expectRefusedAt(errors, { file: 'khen-thuong.csv', line: 2, field: 'thanh_tich', column: 'thanh_tich' });
  });

  it('searches every row, whatever words it shares with clean rows above it', () => {
    // X1 and X2 have the same name, whose last word starts the protected name; only X2's next cell completes it.
    const units = UNITS.map((r, i) =>
      i === 1 ? { ...r, ten_don_vi: 'Xã Sùng' } : i === 2 ? { ...r, ten_don_vi: 'Xã Sùng', ten_khac: 'A Chứ' } : r,
    );
    const { errors } = buildDataset(unitsFiles(units));
    expectRefusedAt(errors, { file: 'don-vi.csv', line: 4, field: 'ten_don_vi', column: 'ten_don_vi' });
    expect(gateIssues(errors).filter((i) => i.line === 3)).toEqual([]);
  });

  for (const spelling of ['SUNG A CHU', 'S&ugrave;ng A Chứ', '\u0405ùng A Chứ', 'Su\u0300ng A Chu\u031B\u0301']) {
    it(`refuses a protected name whose first word is written ${JSON.stringify(spelling)}`, () => {
      const units = UNITS.map((r, i) => (i === 1 ? { ...r, ghi_chu: `Giúp ${spelling} làm nhà` } : r));
      const { errors } = buildDataset(unitsFiles(units));
      expectRefusedAt(errors, { file: 'don-vi.csv', line: 3, field: 'ghi_chu', column: 'ghi_chu' });
    });
  }

  it('names the column as the file heads it, and its letter', () => {
    const awards = AWARDS.map((r, i) => (i === 0 ? { ...r, thanh_tich: 'Giúp ông Sùng A Chứ' } : r));
    const text = csv(
      awards,
      awardsTable.columns.map((c) => c.key),
    ).replace('thanh_tich', 'Thành tích');
    const { errors } = buildDataset(toFiles({ ...fixtureTexts(), 'khen-thuong.csv': text }));
    expectRefusedAt(errors, {
      file: 'khen-thuong.csv',
      line: 2,
      field: 'thanh_tich',
      column: 'Thành tích',
      column_letter: 'K',
    });
  });

  it('reads the paths of the lock, not its comments', () => {
    const lock = '# Sùng A Chứ yêu cầu gỡ\n/\tdanh-muc\n';
    expect(gateIssues(buildDataset(toFiles({ ...fixtureTexts(), 'duong-dan.lock': lock })).errors)).toEqual([]);
  });

  it('lets through a name a consenting namesake publishes, with a warning on the hidden entry', () => {
    const awards = [...AWARDS, { ...AWARDS[0]!, ma_khen_thuong: 'KT-3', ten_doi_tuong: 'Ông Sùng A Chứ' }];
    const { errors, warnings } = buildDataset(
      toFiles({
        ...fixtureTexts(),
        'khen-thuong.csv': csv(
          awards,
          awardsTable.columns.map((c) => c.key),
        ),
      }),
    );
    expect(gateIssues(errors)).toEqual([]);
    expect(warnings).toContainEqual(
      expect.objectContaining({ file: 'khen-thuong.csv', line: 3, field: 'ten_doi_tuong', value: null }),
    );
  });

  it('covers every text column of every file (a new column cannot slip past)', () => {
    const planted = tables.flatMap(([def]) =>
      def.columns.filter((c) => plantFor(c) !== null).map((c) => `${def.file}:${c.key}`),
    );
    expect(planted).toEqual(
      expect.arrayContaining([
        'don-vi.csv:ten_don_vi',
        'don-vi.csv:ten_khac',
        'don-vi.csv:ghi_chu',
        'don-vi.csv:quyet_dinh_thoat_dbkk',
        'khu-vuc.csv:can_cu',
        'tieu-chi.csv:mo_ta',
        'ket-qua-ra-soat.csv:so_quyet_dinh',
        'khen-thuong.csv:thanh_tich',
        'khen-thuong.csv:ten_doi_tuong',
        'khen-thuong.csv:co_quan_ban_hanh',
        'khen-thuong.csv:bai_viet',
      ]),
    );
  });

  const textSettings = Object.entries(SETTING_DEFS).filter(
    ([, def]) => def.type.parse(PLANTS[0]!).ok && def.default === null,
  );
  for (const [key] of textSettings) {
    it(`refuses a protected name in ${settingsTable.file}, setting ${key}`, () => {
      const settings = SETTINGS.map((r) => (r['khoa'] === key ? { ...r, gia_tri: PLANTS[0]! } : r));
      const line = settings.findIndex((r) => r['khoa'] === key) + 2;
      const result = buildDataset(
        toFiles({ ...fixtureTexts(), [settingsTable.file]: csv(settings, ['khoa', 'gia_tri']) }),
      );
      expectRefusedAt(result.errors, { file: settingsTable.file, line, field: 'gia_tri' });
    });
  }

  it('refuses a protected name in a published URL: the lock and the declared old URLs', () => {
    const lock = '/\tdanh-muc\n/dien-hinh/ho-ong-sung-a-chu/\tbai-viet ho-ong-sung-a-chu\n';
    const moved = 'duong_dan_cu,chuyen_den_ma,ly_do\n/vinh-danh/sung-a-chu/,,Gỡ theo yêu cầu\n';
    const files = toFiles({ ...fixtureTexts(), 'duong-dan.lock': lock, 'duong-dan-cu.csv': moved });
    const { errors } = buildDataset(files);
    expectRefusedAt(errors, { file: 'duong-dan.lock', line: 2, field: 'duong_dan' });
    expectRefusedAt(errors, { file: 'duong-dan-cu.csv', line: 2, field: 'duong_dan_cu' });
  });

  it('publishes nothing of the protected award itself, so its own name is not a hit', () => {
    expect(gateIssues(buildDataset(toFiles(fixtureTexts())).errors)).toEqual([]);
  });
});

// A story as a writer saves it: the line of every front-matter field is known.
const FRONT = [
  '---',
  'tieu_de: "Bài thử nghiệm về bản"',
  'tom_tat: "Một câu chuyện điển hình để thử."',
  'ngay: "2025-12-01"',
  'tac_gia: "Ban Tuyên giáo"',
  'ma_don_vi: "X1-01"',
  'anh:',
  '  - tep: "anh.jpg"',
  '    mo_ta: "Nương chè của bản"',
  '    tac_gia: "Phóng viên"',
  '    dong_y: true',
  '---',
];

const story = (source: string, file = 'dien-hinh/bai.mdx'): StoryInput =>
  readStoryFile(file, new TextEncoder().encode(source));

const storyIssues = (s: StoryInput) => buildDataset(toFiles(fixtureTexts()), [s]).errors;

describe('the privacy gate over stories', () => {
  const fields: [string, number, string][] = [
    ['tieu_de', 2, 'tieu_de: "Chuyện nhà ông Sùng A Chứ"'],
    ['tom_tat', 3, 'tom_tat: "Gia đình SÙNG A CHỨ vươn lên thoát nghèo."'],
    ['tac_gia', 5, 'tac_gia: "Sùng A Chứ và phóng viên"'],
    ['anh.0.tep', 8, '  - tep: "sung-a-chu.jpg"'],
    ['anh.0.mo_ta', 9, '    mo_ta: "Ông Sùng A Chứ bên nương chè"'],
    ['anh.0.tac_gia', 10, '    tac_gia: "Sung A Chu"'],
  ];
  for (const [field, line, text] of fields) {
    it(`refuses a protected name in the front matter, ${field}`, () => {
      const lines = [...FRONT, 'Một câu chuyện.'];
      lines[line - 1] = text;
      expectRefusedAt(storyIssues(story(lines.join('\n'))), { file: 'dien-hinh/bai.mdx', line, field });
    });
  }

  const bodies: [string, string][] = [
    ['plain', 'Ông Sùng A Chứ kể lại.'],
    ['no-break spaces', 'Ông Sùng\u00A0A\u00A0Chứ kể lại.'],
    ['entities', 'Ông Sùng&nbsp;A&#160;Chứ kể lại.'],
    ['zero-width and soft hyphens', 'Ông Sù\u200Bng A Ch\u00ADứ kể lại.'],
    ['decomposed letters', 'Ông Sùng A Chứ kể lại.'.normalize('NFD')],
    ['no diacritics, capitals', 'ONG SUNG A CHU KE LAI.'],
    ['emphasis', 'Ông **Sùng A** Chứ kể lại.'],
    ['emphasis inside a word', 'Ông S**ùng** A C*hứ* kể lại.'],
    ['an image description', '![Ông Sùng A Chứ](/dien-hinh/anh/a.jpg)'],
  ];
  for (const [how, body] of bodies) {
    it(`refuses a protected name in the body (${how}), at its line`, () => {
      const source = [...FRONT, 'Đoạn đầu.', '', body].join('\n');
      expectRefusedAt(storyIssues(story(source)), {
        file: 'dien-hinh/bai.mdx',
        line: FRONT.length + 3,
        field: 'noi_dung',
      });
    });
  }

  it('names the body from its first line, a line above every field, and lines after a tag that spans two', () => {
    expectRefusedAt(storyIssues(story([...FRONT, 'Ông Sùng A Chứ kể lại.'].join('\n'))), {
      line: FRONT.length + 1,
      field: 'noi_dung',
      column: 'noi_dung',
    });
    const comment = [FRONT[0]!, '# Ông Sùng A Chứ', ...FRONT.slice(1), 'Một câu chuyện.'];
    expectRefusedAt(storyIssues(story(comment.join('\n'))), { line: 2, field: 'phan_dau' });
    const spanning = [...FRONT, 'Dòng một <br', '/> dòng hai', 'Ông Sùng A Chứ kể lại.'];
    expectRefusedAt(storyIssues(story(spanning.join('\n'))), { line: FRONT.length + 3, field: 'noi_dung' });
  });

  it('refuses a name broken across two lines, at the line where it starts', () => {
    const source = [...FRONT, 'Gia đình ông Sùng A', 'Chứ đã thoát nghèo.'].join('\n');
    expectRefusedAt(storyIssues(story(source)), { line: FRONT.length + 1, field: 'noi_dung' });
  });

  it('refuses a name written with YAML escapes, split by a tag, or split across two fields', () => {
    const escaped = [...FRONT, 'Một câu chuyện.'];
    escaped[1] = 'tieu_de: "Chuyện nhà ông S\\u00f9ng A Ch\\u1ee9"';
    expectRefusedAt(storyIssues(story(escaped.join('\n'))), { line: 2, field: 'tieu_de' });
    expectRefusedAt(storyIssues(story([...FRONT, 'Ông Sùng<br/>A Chứ kể lại.'].join('\n'))), {
      line: FRONT.length + 1,
      field: 'noi_dung',
    });
    const split = [...FRONT, 'Một câu chuyện.'];
    split[1] = 'tieu_de: "Chuyện nhà ông Sùng A"';
    split[2] = 'tom_tat: "Chứ, một hộ vươn lên thoát nghèo ở bản."';
    expectRefusedAt(storyIssues(story(split.join('\n'))), { line: 2, field: 'tieu_de' });
  });

  it('refuses a protected name in the name of a photo file, used or not', () => {
    const photos = new Map([['sung-a-chu.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])]]);
    const { errors } = buildDataset(toFiles(fixtureTexts()), [], photos);
    expectRefusedAt(errors, { file: 'dien-hinh/anh/sung-a-chu.png', line: null, field: 'ten_tep' });
  });

  it('refuses a protected name in the file name', () => {
    const s = story([...FRONT, 'Một câu chuyện.'].join('\n'), 'dien-hinh/ho-ong-sung-a-chu.mdx');
    expectRefusedAt(storyIssues(s), { file: 'dien-hinh/ho-ong-sung-a-chu.mdx', line: null, field: 'ten_tep' });
  });

  it('lets a story name a household that consented', () => {
    expect(gateIssues(storyIssues(story([...FRONT, 'Ông Lý A Sử kể lại.'].join('\n'))))).toEqual([]);
  });

  it("refuses a protected name in a boundary file's credit, which every map drawn from it prints", () => {
    const files = toFiles({
      ...fixtureTexts(),
      'ranh-gioi-xa.nguon.txt': 'Nguồn: Sở Tài nguyên\nSố hóa: ông Sùng A Chứ',
    });
    expectRefusedAt(buildDataset(files).errors, { file: 'ranh-gioi-xa.nguon.txt', line: 2, field: null });
  });
});

describe("the privacy gate over the site's own texts", () => {
  it('refuses a protected name that an example of a template spells, at the template, for the maintainer', () => {
    // The site publishes its templates whatever the data: a household named like an example would be named there.
    const example = awardsTable.columns.find((c) => c.key === 'ten_doi_tuong')?.example ?? '';
    expect(example).toMatch(/^Hộ ông /);
    const awards = AWARDS.map((r) => (r['ma_khen_thuong'] === PROTECTED ? { ...r, ten_doi_tuong: example } : r));
    const found = gateIssues(buildDataset(fixtureFiles({ awards })).errors).filter((i) => i.file.includes('/mau/'));
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'du-lieu/mau/khen-thuong.xlsx',
        line: 2,
        field: 'ten_doi_tuong',
        column: 'Tên đối tượng',
        column_letter: 'I',
      }),
    ]);
    expect(found[0]?.message).toBe(
      `Nội dung này nêu tên hộ gia đình, cá nhân được khen (mã khen thưởng ${PROTECTED}) chưa đồng ý hoặc đã rút ` +
        'đồng ý công khai. Đây là văn bản cố định của trang (mẫu nhập liệu), không phải dữ liệu: báo người bảo trì ' +
        'trang để thay ví dụ này bằng một tên không có thật.',
    );
  });
});
