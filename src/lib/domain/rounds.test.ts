import { describe, expect, it } from 'vitest';
import {
  csv,
  fixtureTexts,
  REVIEW_HEADER,
  SETTINGS,
  steadyReviews,
  toFiles,
  UNITS,
  type Row,
} from '../__tests__/fixture.ts';
import { buildDataset, type Dataset } from '../dataset.ts';
import { compareRound, formatRound, freezeRound, parseRounds, type FrozenRound } from './rounds.ts';

// A frozen round keeps what was published; today's data is compared with it, never written into it.

const FILE = 'dot-cong-bo/so-ket-2023.json';
const HEADER = [...REVIEW_HEADER, 'ngay_quyet_dinh'];

function dataset(edit: { reviews?: Row[]; settings?: Row[]; files?: Record<string, string> } = {}): Dataset {
  const texts = fixtureTexts({ settings: edit.settings ?? SETTINGS });
  texts['ket-qua-ra-soat.csv'] = csv(edit.reviews ?? reviews(), HEADER);
  const { dataset: d, errors } = buildDataset(toFiles({ ...texts, ...edit.files }));
  expect(errors).toEqual([]);
  return d!;
}

/** The fixture's steady figures, each year approved on 1/12. */
const reviews = (): Row[] => steadyReviews().map((r) => ({ ...r, ngay_quyet_dinh: `01/12/${r.nam}` }));

function frozen(d = dataset()): FrozenRound {
  const result = freezeRound('so-ket-2023', d, '2024-01-10');
  if (!('round' in result)) throw new Error(result.refusal);
  return result.round;
}

/** The 2023 poor households of village X1-01, changed as a later correction would. */
const corrected = (poor: number, extra: Row = {}) =>
  reviews().map((r) => (r.ma_don_vi === 'X1-01' && r.nam === 2023 ? { ...r, so_ho_ngheo: poor, ...extra } : r));

const issuesOf = (text: string) => {
  const issues: import('../ingest/issues.ts').Issue[] = [];
  const rounds = parseRounds(toFiles({ [FILE]: text }), issues);
  return { rounds, issues };
};

describe('freezing a round', () => {
  it('keeps every verdict of the round year and the figures of every year they used', () => {
    const d = dataset();
    const round = frozen(d);
    expect(round).toMatchObject({ dot: 'so-ket-2023', ten: 'Sơ kết 2023', nam: 2023, ngay_chot: '2024-01-10' });
    expect(round.ngay_so_lieu).toBe('2025-12-05');
    expect(round.ket_qua).toHaveLength(d.verdicts.filter((v) => v.nam === 2023).length);
    const village = round.ket_qua.find((v) => v.ma_don_vi === 'X1-01' && v.tieu_chi === 'TC_THON');
    const now = d.verdicts.find((v) => v.ma_don_vi === 'X1-01' && v.tieu_chi === 'TC_THON' && v.nam === 2023)!;
    expect(village).toMatchObject({ ket_qua: now.ket_qua, gia_tri: now.gia_tri, can_them: now.can_them });
    expect(village?.giai_thich).toBe(now.giai_thich);
    // The village criterion compares 2023 with the baseline 2021: both years are kept, with their decision dates.
    const years = round.so_lieu.filter((f) => f.ma_don_vi === 'X1-01').map((f) => [f.nam, f.ngay_quyet_dinh]);
    expect(years).toEqual(
      expect.arrayContaining([
        [2021, '2021-12-01'],
        [2023, '2023-12-01'],
      ]),
    );
    // A commune's figures are the sum of its villages.
    expect(round.so_lieu.find((f) => f.ma_don_vi === 'X1' && f.nam === 2023)?.so_ho_ngheo).toBe(2 * (40 - 8));
  });

  it('refuses a round while its figures are preliminary, naming the units and the fix', () => {
    const rows = reviews().map((r) => (r.ma_don_vi === 'X2-01' && r.nam === 2023 ? { ...r, trang_thai: 'so_bo' } : r));
    const result = freezeRound('so-ket-2023', dataset({ reviews: rows }), '2024-01-10');
    expect('refusal' in result && result.refusal).toMatch(/số liệu sơ bộ \(.*Thôn Ba.*\).*trang_thai = chinh_thuc/);
  });

  it('refuses a round the settings do not define, listing those they do', () => {
    const result = freezeRound('so-ket-2022', dataset(), '2024-01-10');
    expect('refusal' in result && result.refusal).toContain('so-ket-2023, tong-ket-2025, nam-2022');
  });
});

describe('reading a frozen round', () => {
  it('reads back exactly what was written', () => {
    const round = frozen();
    const { rounds, issues } = issuesOf(formatRound(round));
    expect(issues).toEqual([]);
    expect(rounds).toEqual([round]);
  });

  it('names the file, the line and the item of a value edited by hand', () => {
    const text = formatRound(frozen());
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"ma_don_vi":"X1-01"') && l.includes('TC_THON'));
    lines[at] = lines[at]!.replace(/"gia_tri":[^,]+/, '"gia_tri":"65%"');
    const { rounds, issues } = issuesOf(lines.join('\n'));
    expect(rounds).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: FILE, line: at + 1, code: 'type-error' });
    expect(issues[0]?.message).toMatch(/trường "gia_tri": cần một số hoặc null\..*git checkout data\/dot-cong-bo/);
  });

  it('refuses broken JSON with its line, an unknown field, and a file named after another round', () => {
    const text = formatRound(frozen());
    const broken = issuesOf(text.replace('"nam": 2023,', '"nam": 2023'));
    expect(broken.issues[0]).toMatchObject({ file: FILE, line: 5, code: 'encoding-error' });
    expect(issuesOf(text.replace('"nam": 2023,', '"nam": 2023, "ghi_chu_them": "x",')).issues[0]?.message).toContain(
      'có trường không dùng được: ghi_chu_them',
    );
    const other = issuesOf(text.replaceAll('so-ket-2023', 'nam-2023'));
    expect(other.issues.map((i) => i.message).join('\n')).toContain(
      'Mã đợt "nam-2023" khác tên tệp (so-ket-2023.json)',
    );
  });

  it('refuses an edit by hand that still reads, at the line of its check sum', () => {
    const text = formatRound(frozen()).replace('"giai_thich":"', '"giai_thich":"Đã sửa: ');
    const { rounds, issues } = issuesOf(text);
    expect(rounds).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.includes('"ma_kiem_tra"')) + 1;
    expect(issues).toMatchObject([{ severity: 'error', file: FILE, line, code: 'row-constraint' }]);
    expect(issues[0]?.message).toContain('Tệp đã bị sửa sau khi chốt');
    // Spacing is not content: a file formatted otherwise still reads.
    expect(
      issuesOf(text.replace('"giai_thich":"Đã sửa: ', '"giai_thich":"').replaceAll('\n    {', '\n{')).issues,
    ).toEqual([]);
  });

  it('refuses a file in the folder that is not a round', () => {
    const issues: import('../ingest/issues.ts').Issue[] = [];
    parseRounds(toFiles({ 'dot-cong-bo/ban-sao.json': '{}' }), issues);
    expect(issues[0]).toMatchObject({ file: 'dot-cong-bo/ban-sao.json', code: 'format-error' });
    expect(issues[0]?.message).toContain('so-ket-2023.json');
  });

  it('is published text: a protected name in it refuses the data', () => {
    // KT-2 names "Hộ ông Sùng A Chứ" without consent.
    const text = formatRound(frozen()).replace('"ten_don_vi":"Bản Hai"', '"ten_don_vi":"Bản Hai của ông Sùng A Chứ"');
    const texts = { ...fixtureTexts(), [FILE]: text, 'ket-qua-ra-soat.csv': csv(reviews(), HEADER) };
    const { dataset: d, errors } = buildDataset(toFiles(texts));
    expect(d).toBeNull();
    expect(errors.some((e) => e.file === FILE && e.message.includes('KT-2'))).toBe(true);
  });

  it('reaches the dataset, unchanged by a build', () => {
    const text = formatRound(frozen());
    expect(dataset({ files: { [FILE]: text } }).rounds.map((r) => formatRound(r))).toEqual([text]);
  });
});

describe('comparing a round with today', () => {
  it('finds nothing when the data is as it was', () => {
    const d = dataset();
    expect(compareRound(frozen(d), d)).toEqual({ figures: [], verdicts: [] });
  });

  it('shows a corrected figure in the village, its commune and the district, and each verdict it changed', () => {
    const round = frozen();
    const later = dataset({ reviews: corrected(40) });
    const { figures, verdicts } = compareRound(round, later);
    const rows = figures.map((f) => [f.ma_don_vi, f.nam, f.field, f.published, f.current]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['X1-01', 2023, 'so_ho_ngheo', 32, 40],
        ['X1', 2023, 'so_ho_ngheo', 64, 72],
        ['H', 2023, 'so_ho_ngheo', 96, 104],
      ]),
    );
    const village = verdicts.find((v) => v.published.ma_don_vi === 'X1-01');
    expect(village?.current?.gia_tri).toBeLessThan(village?.published.gia_tri ?? 0);
    expect(verdicts.map((v) => v.published.ma_don_vi)).toEqual(expect.arrayContaining(['X1-01', 'X1', 'H']));
    // The round itself is not touched.
    expect(round).toEqual(frozen());
  });

  it('keeps, by name, a unit removed from the data since, saying it is no longer judged', () => {
    const round = frozen();
    const units = UNITS.filter((u) => u.ma_don_vi !== 'X2-01');
    const texts = fixtureTexts({ units });
    texts['ket-qua-ra-soat.csv'] = csv(
      reviews().filter((r) => r.ma_don_vi !== 'X2-01'),
      HEADER,
    );
    const { dataset: later, errors } = buildDataset(toFiles({ ...texts, [FILE]: formatRound(round) }));
    expect(errors).toEqual([]);
    expect(later!.rounds).toEqual([round]);
    const { verdicts, figures } = compareRound(round, later!);
    expect(verdicts.find((v) => v.published.ma_don_vi === 'X2-01')?.current).toBeNull();
    expect(figures.find((f) => f.ma_don_vi === 'X2-01')?.current).toBeNull();
  });

  it('dates a correction by its new decision, else by the data update, else says it is unknown', () => {
    const round = frozen();
    const settings = SETTINGS.map((s) => (s.khoa === 'ngay_cap_nhat' ? { ...s, gia_tri: '10/03/2026' } : s));
    const decided = corrected(40, { ngay_quyet_dinh: '02/03/2026' });
    const byDecision = compareRound(round, dataset({ reviews: decided, settings }));
    expect(byDecision.figures[0]?.corrected).toEqual({ date: '2026-03-02', by: 'quyet_dinh' });
    expect(byDecision.verdicts[0]?.corrected).toEqual({ date: '2026-03-02', by: 'quyet_dinh' });
    const byUpdate = compareRound(round, dataset({ reviews: corrected(40), settings }));
    expect(byUpdate.figures[0]?.corrected).toEqual({ date: '2026-03-10', by: 'cap_nhat' });
    expect(compareRound(round, dataset({ reviews: corrected(40) })).figures[0]?.corrected).toEqual({
      date: null,
      by: null,
    });
  });
});
