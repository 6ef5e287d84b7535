import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, type Row } from '../__tests__/fixture.ts';
import { buildDataset, DATA_FILES, type Dataset } from '../dataset.ts';
import { verdictRows } from './golden-rows.ts';
import { publicAward } from './privacy.ts';

// Golden tests: each folder under golden/ is a small dataset (the files it changes from golden/base/)
// with the reviewed output it must produce: every verdict, the figures of every unit and year, and
// the public form of every award. The hand computation behind each case is in golden/README.md.
// `UPDATE_GOLDEN=1 npx vitest run --project core src/lib/domain/golden.test.ts` rewrites the expected
// files; review the diff with git before committing it.

const ROOT = join(import.meta.dirname, 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const CASES = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'base')
  .map((d) => d.name)
  .sort();

function inputOf(name: string): Map<string, Uint8Array> {
  return new Map(
    DATA_FILES.map((file) => {
      const own = join(ROOT, name, file);
      return [file, readFileSync(existsSync(own) ? own : join(ROOT, 'base', file))];
    }),
  );
}

const show = (v: number | null) => (v === null ? '' : String(v));

function figureRows(d: Dataset): Row[] {
  const rows: Row[] = [];
  for (const unit of d.units) {
    for (let year = d.settings.nam_bat_dau; year <= d.settings.nam_ket_thuc; year++) {
      const f = d.figures(unit.ma_don_vi, year);
      rows.push({
        ma_don_vi: unit.ma_don_vi,
        nam: year,
        co_so_lieu: f ? 'co' : 'khong',
        tong_so_ho: show(f?.tong_so_ho ?? null),
        so_ho_ngheo: show(f?.so_ho_ngheo ?? null),
        so_ho_can_ngheo: show(f?.so_ho_can_ngheo ?? null),
        so_ho_dtts: show(f?.so_ho_dtts ?? null),
        so_ho_ngheo_dtts: show(f?.so_ho_ngheo_dtts ?? null),
        trang_thai: f?.trang_thai ?? '',
        thieu: f?.thieu.join(' ') ?? '',
      });
    }
  }
  return rows;
}

const awardRows = (d: Dataset): Row[] =>
  d.awards.map(publicAward).map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v ?? ''])));

const OUTPUTS: Record<string, (d: Dataset) => Row[]> = {
  'expected-verdicts.csv': verdictRows,
  'expected-figures.csv': figureRows,
  'expected-awards.csv': awardRows,
};

describe('golden datasets: input files → reviewed verdicts, figures and public awards', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(0));
  for (const name of CASES) {
    describe(name, () => {
      // Built inside each test, not once per case: mutation testing then knows which tests use which code.
      const build = () => buildDataset(inputOf(name));
      it('is accepted without errors', () => expect(build().errors).toEqual([]));
      for (const [file, rowsOf] of Object.entries(OUTPUTS)) {
        // The awards are the same in every case that keeps the base file: checked once, in co-ban.
        const ownAwards = existsSync(join(ROOT, name, 'khen-thuong.csv'));
        if (file === 'expected-awards.csv' && name !== 'co-ban' && !ownAwards) continue;
        it(`produces ${file}`, () => {
          const dataset = build().dataset;
          if (!dataset) throw new Error(`golden case ${name} was refused`);
          const actual = csv(rowsOf(dataset));
          const path = join(ROOT, name, file);
          if (UPDATE) writeFileSync(path, actual);
          if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
          // Compared line by line so a failure shows the verdicts that changed.
          expect(actual.split('\n')).toEqual(readFileSync(path, 'utf8').split('\n'));
        });
      }
    });
  }
});
