import { describe, expect, it } from 'vitest';
import { fixtureTexts, steadyReviews, toFiles, type Row } from '../__tests__/fixture.ts';
import { buildDataset } from '../dataset.ts';
import { formatRound, freezeRound } from '../domain/rounds.ts';
import { fromSnapshot, toSnapshot } from '../snapshot.ts';
import { unitPaths } from './paths.ts';
import { frozenNotes, roundLinks, roundPage } from './rounds.ts';

// What a reader sees of a frozen round: the verdicts as published, and each later correction beside them.

const FILE = 'dot-cong-bo/so-ket-2023.json';

function site(reviews: Row[], round?: string) {
  const texts = fixtureTexts({ reviews });
  if (round) texts[FILE] = round;
  const { dataset, errors } = buildDataset(toFiles(texts));
  expect(errors).toEqual([]);
  return fromSnapshot(toSnapshot(dataset!, [], []));
}

const frozenText = () => {
  const result = freezeRound('so-ket-2023', site(steadyReviews()), '2024-01-10');
  if (!('round' in result)) throw new Error(result.refusal);
  return formatRound(result.round);
};

/** Village X1-01 with one more poor household in 2023 than was published. */
const corrected = () =>
  steadyReviews().map((r) => (r.ma_don_vi === 'X1-01' && r.nam === 2023 ? { ...r, so_ho_ngheo: 33 } : r));

describe('the page of a frozen round', () => {
  it('lists the applicable verdicts as published, by commune with its villages, and says nothing changed', () => {
    const s = site(steadyReviews(), frozenText());
    const view = roundPage(s, unitPaths(s.index), 'so-ket-2023');
    expect(view).toMatchObject({ title: 'Sơ kết 2023', year: 2023, frozenOn: '10/01/2024', changes: [] });
    expect(view.sections.map((x) => x.title)).toEqual(['Huyện Thử', 'Xã Một', 'Xã Hai']);
    const xaMot = view.sections[1]!.rows;
    expect(new Set(xaMot.map((r) => r.name))).toEqual(new Set(['Xã Một', 'Bản Một', 'Bản Hai']));
    expect(xaMot.every((r) => r.result !== 'khong_ap_dung' && r.change === null)).toBe(true);
    expect(roundLinks(s)).toEqual([
      { title: 'Sơ kết 2023', path: '/dot/so-ket-2023/', frozenOn: '10/01/2024', changed: 0 },
    ]);
  });

  it('shows a corrected figure and verdict beside what was published, on the round and on the unit', () => {
    const s = site(corrected(), frozenText());
    const paths = unitPaths(s.index);
    const view = roundPage(s, paths, 'so-ket-2023');
    const figure = view.changes.find((c) => c.unitId === 'X1-01' && c.criterion === null);
    expect(figure).toMatchObject({ what: 'Số hộ nghèo năm 2023', published: '32', current: '33' });
    // The fixture's data date did not move: the page says the correction is undated.
    expect(figure?.corrected).toBe('sửa sau ngày chốt 10/01/2024; ngày sửa chưa được ghi (thiết lập ngay_cap_nhat)');
    const row = view.sections[1]!.rows.find((r) => r.name === 'Bản Một');
    expect(row?.published).toMatch(/^Chưa đạt \(20,0%, thiếu \d+ hộ nghèo và cận nghèo\)$/);
    expect(row?.change?.current).toMatch(/^Chưa đạt \(18,0%, thiếu \d+ hộ nghèo và cận nghèo\)$/);
    const notes = frozenNotes(s, paths, 'X1-01');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ title: 'Sơ kết 2023', path: '/dot/so-ket-2023/' });
    expect(notes[0]!.changes.map((c) => c.what)).toEqual(['Số hộ nghèo năm 2023', 'Tiêu chí thôn năm 2023']);
    // A village whose figures did not change gets no note.
    expect(frozenNotes(s, paths, 'X2-01')).toEqual([]);
  });
});
