import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { AWARDS, fixtureFiles, steadyReviews, UNITS, type Row } from '../__tests__/fixture.ts';
import type { Verdict } from '../domain/criteria.ts';
import { toSnapshot, fromSnapshot, type SiteData } from '../snapshot.ts';
import { allAwardViews } from './awards.ts';
import { criteriaFor, trendCharts, verdictTerms, verdictView } from './common.ts';
import { overview } from './overview.ts';
import { unitPaths } from './paths.ts';
import { storyView } from './stories.ts';
import { unitPage } from './units.ts';

function site(reviews: Row[] = steadyReviews()): SiteData {
  const { dataset } = buildDataset(fixtureFiles({ awards: AWARDS, units: UNITS, reviews }));
  return fromSnapshot(toSnapshot(dataset!, [], []));
}

function page(s: SiteData, unitId: string) {
  const paths = unitPaths(s.index);
  return unitPage(s, paths, allAwardViews(s, paths), unitId);
}

describe('a unit page answers first', () => {
  it("gives each criterion's verdict for the latest round, with what a verdict not met still needs", () => {
    const s = site();
    const answer = page(s, 'X1-01').answer;
    const verdict = s.verdictOf('X1-01', 'TC_THON', 2025)!;
    expect(verdict.ket_qua).toBe('chua_dat');
    expect(answer.heading).toBe('Kết quả năm 2025 (tổng kết)');
    expect(answer.lines).toHaveLength(1);
    expect(answer.lines[0]).toMatchObject({
      anchor: '#tc_thon',
      result: 'chua_dat',
      label: 'Chưa đạt',
      need: `cần giảm thêm ${verdict.can_them} hộ nghèo và cận nghèo`,
    });
    expect(answer.lines[0]?.detail).toMatch(/^mức giảm quy mô so với đầu kỳ \(năm 2021\): [\d,]+%; ngưỡng > 50%$/);
  });

  it('says "Đạt" with no shortfall for a criterion met, and lists every criterion that applies', () => {
    const answer = page(site(), 'X1').answer;
    const byAnchor = Object.fromEntries(answer.lines.map((l) => [l.anchor, l]));
    // Commune X1 is a highland commune in region III: criteria 1, 2 and the officials' criterion apply.
    expect(Object.keys(byAnchor)).toEqual(['#tc_xa_1', '#tc_xa_2', '#tc_can_bo']);
    expect(byAnchor['#tc_xa_1']).toMatchObject({ label: 'Đạt', need: null });
    expect(byAnchor['#tc_xa_2']?.need).toMatch(/^cần giảm thêm \d+ hộ nghèo và cận nghèo$/);
  });

  it('states the data status and the date of the update, and the latest figures without "0 hộ"', () => {
    const rows = steadyReviews().map((r) =>
      r['nam'] === 2025 ? { ...r, trang_thai: 'so_bo', so_quyet_dinh: '', so_ho_can_ngheo: 0 } : r,
    );
    const answer = page(site(rows), 'X1-01').answer;
    expect(answer.dataStatus).toBe('Số liệu năm 2025 là số liệu sơ bộ, cập nhật ngày 05/12/2025.');
    expect(answer.figures).toMatch(/^Năm 2025: \d+ hộ nghèo, không còn hộ cận nghèo trên \d+ hộ; tỷ lệ nghèo đa chiều/);
    expect(page(site(), 'X1-01').answer.dataStatus).toContain('là số liệu chính thức');
  });

  it('has no criterion lines for a commune of today, which the movement did not judge', () => {
    expect(page(site(), 'M1').answer.lines).toEqual([]);
  });

  it("answers for the district's targets on the overview", () => {
    const s = site();
    const view = overview(s, unitPaths(s.index), allAwardViews(s, unitPaths(s.index)));
    const c = view.answer.lines.find((l) => l.anchor === '#mt_huyen_c');
    // One extremely difficult commune, none has left the status: one more is needed.
    expect(c).toMatchObject({ label: 'Chưa đạt', need: 'cần thêm 1 xã thoát diện' });
    expect(c?.detail).toMatch(/^số xã đã có quyết định thoát diện: 0\/1 xã \(0,0%\); ngưỡng ≥ 1 xã$/);
  });
});

describe("each year's row names the value that decided it", () => {
  it('names the smallest fall of a run of years, in percentage points', () => {
    const c = criteriaFor(site(), 'X1').find((x) => x.id === 'TC_XA_1')!;
    const latest = c.years[0]!;
    expect(latest.decisive?.name).toBe('năm giảm ít nhất trong 3 năm');
    expect(latest.decisive?.value).toMatch(/^[\d,]+ điểm phần trăm$/);
    expect(latest.threshold).toBe('≥ 4 điểm phần trăm');
    // A year judged on part of its run says so.
    const partial = c.years.find((y) => y.result === 'chua_du_du_lieu');
    expect(partial?.decisive?.name).toBe('năm giảm ít nhất trong 3 năm (trong số liệu đã có)');
    // The column is named for the value: a cell adds only what its name does not say.
    expect(c.valueHeading).toBe('Năm giảm ít nhất trong 3 năm');
    expect(latest.valueCell).toBe(latest.decisive?.value);
    expect(partial?.valueCell).toMatch(/^[\d,]+ điểm phần trăm \(trong số liệu đã có\)$/);
    expect(partial?.margin).toBeNull();
  });

  it('shows what every year not met was missing, in the present for the open year and the past before', () => {
    const s = site();
    const c = criteriaFor(s, 'X1-01').find((x) => x.id === 'TC_THON')!;
    const unmet = c.years.filter((y) => y.result === 'chua_dat');
    expect(unmet.length).toBeGreaterThan(1);
    for (const y of unmet) {
      const n = s.verdictOf('X1-01', 'TC_THON', y.year)!.can_them;
      expect(y.margin).toBe(
        y.year === 2025 ? `cần giảm thêm ${n} hộ nghèo và cận nghèo` : `còn thiếu ${n} hộ nghèo và cận nghèo`,
      );
    }
    expect(c.hasMargin).toBe(true);
  });

  it('has no shortfall column for the count of criteria met, where it means nothing', () => {
    const c = criteriaFor(site(), 'X1').find((x) => x.id === 'TC_CAN_BO')!;
    expect(c.hasMargin).toBe(false);
    expect(c.years[0]?.decisive?.name).toBe('số tiêu chí của xã đạt');
  });

  it('gives the gap in points when no count of households would make up a year already missed', () => {
    const s = site();
    const row = s.criteria.find((c) => c.ma_tieu_chi === 'TC_XA_1')!;
    const base = s.verdictOf('X1', 'TC_XA_1', 2025)!;
    const missed: Verdict = { ...base, ket_qua: 'chua_dat', gia_tri: 3.1, can_them: null };
    expect(verdictView(missed, verdictTerms(s, row)).margin).toBe('thiếu 0,9 điểm phần trăm');
  });

  it('never prints a value that differs from the threshold as the threshold, when it names the value itself', () => {
    const s = site();
    const row = s.criteria.find((c) => c.ma_tieu_chi === 'MT_HUYEN_A')!;
    // The engine's own wording of the value left out: the page words it.
    const base = { ...s.verdictOf('H', 'MT_HUYEN_A', 2025)!, nhan_gia_tri_quyet_dinh: null, gia_tri_quyet_dinh: null };
    const view = verdictView({ ...base, ket_qua: 'chua_dat', gia_tri: 5.99, nguong: 6 }, verdictTerms(s, row));
    expect(view.decisive).toEqual({ name: 'mức giảm so với năm trước', value: '5,99 điểm phần trăm' });
    const exactly = verdictView({ ...base, ket_qua: 'chua_dat', gia_tri: 6, nguong: 6 }, verdictTerms(s, row));
    expect(exactly.valueCell).toBe('6,0 điểm phần trăm');
    const rose = verdictView({ ...base, ket_qua: 'chua_dat', gia_tri: -1.25 }, verdictTerms(s, row));
    expect(rose.decisive?.value).toBe('tăng 1,3 điểm phần trăm');
  });

  it('gives every evidence line its unit and no code of the data files', () => {
    for (const id of ['X1', 'X1-01', 'H']) {
      for (const c of criteriaFor(site(), id)) {
        for (const line of c.years.flatMap((y) => y.values)) {
          expect(line.text).not.toMatch(/1 = đạt|[a-z]+_[a-z]+/);
          expect(line.text, line.text).toMatch(
            /: ([\d.,]+(%| điểm phần trăm| hộ| xã| thôn)|đạt|chưa đạt|chưa đủ dữ liệu)( \(|$)/,
          );
        }
      }
    }
  });
});

describe('names mid-sentence and households in words', () => {
  it('writes the kind of a unit in lower case inside a sentence', () => {
    const s = site();
    expect(page(s, 'X1').notices[0]).toContain('là một phần của xã Mới.');
    expect(page(s, 'X1').successor?.nameInSentence).toBe('xã Mới');
    expect(trendCharts(s, 'X1', 'Xã Một')[0]?.title).toMatch(/^Số hộ nghèo và hộ cận nghèo của xã Một, /);
  });

  it('says a count that fell to nothing in words, never "0 hộ"', () => {
    const rows = steadyReviews().map((r) => (r['nam'] === 2025 ? { ...r, so_ho_can_ngheo: 0 } : r));
    const takeaway = trendCharts(site(rows), 'X1', 'Xã Một')[0]?.takeaway ?? '';
    expect(takeaway).toContain('đến năm 2025 không còn hộ nào');
    expect(takeaway).not.toMatch(/\b0 hộ/);
  });
});

describe('a story shows the figures of its own date', () => {
  function withStory(ngay: string) {
    const { dataset } = buildDataset(fixtureFiles({ awards: AWARDS, units: UNITS }));
    const snapshot = toSnapshot(dataset!, [], []);
    const story = { slug: 'bai', tieu_de: 'Một bài viết', tom_tat: 'Tóm tắt của bài viết.', ngay, tac_gia: 'Tác giả' };
    snapshot.stories = [{ ...story, ma_don_vi: 'X1-01', anh: [] }];
    const s = fromSnapshot(snapshot);
    return storyView(s, unitPaths(s.index), 'bai');
  }

  it("shows the review year of the story's date, labelled, and points to the unit page for the latest", () => {
    const view = withStory('2023-12-10');
    expect(view.figuresYear).toBe(2023);
    expect(view.latestYear).toBe(2025);
    expect(view.facts.map((f) => f.label)).toEqual([
      'Bản Một, năm 2021 (chính thức)',
      'Bản Một, năm 2023 (chính thức)',
      'Tiêu chí thôn, năm 2023',
    ]);
    expect(view.facts.some((f) => f.label.includes('2025'))).toBe(false);
    expect(view.unit).toMatchObject({ nameInSentence: 'bản Một', path: '/xa/mot/mot/' });
  });

  it('shows the latest figures, with no pointer elsewhere, for a story written after the last review', () => {
    const view = withStory('2026-03-01');
    expect(view.figuresYear).toBe(2025);
    expect(view.latestYear).toBeNull();
  });
});
