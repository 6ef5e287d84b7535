import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../src/lib/format/vi.ts';
import { checkData, copySample, editFile, fileFor, pageText, readDist, runScript } from './helpers.ts';

// Issue 10, item 5: after the sơ kết 2023 is frozen, correcting a 2023 figure changes the current page
// but not the frozen round's page, and both pages say so.

const ROUND = 'dot-cong-bo/so-ket-2023.json';
const ROUND_PAGE = '/dot/so-ket-2023/';

interface FrozenFile {
  ngay_chot: string;
  ket_qua: { ma_don_vi: string; tieu_chi: string; ket_qua: string; giai_thich: string }[];
}
const frozenIn = (data: string) => JSON.parse(readFileSync(join(data, ROUND), 'utf8')) as FrozenFile;

/** A village of 2023 whose village criterion was judged (not "không áp dụng") and can take one more poor household. */
function aRowOf2023(data: string) {
  const judged = new Set(
    frozenIn(data)
      .ket_qua.filter((v) => v.tieu_chi === 'TC_THON' && v.ket_qua !== 'khong_ap_dung')
      .map((v) => v.ma_don_vi),
  );
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(data, 'ket-qua-ra-soat.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const row = rows.find(
    (r) =>
      r['nam'] === '2023' &&
      judged.has(r['ma_don_vi'] ?? '') &&
      Number(r['so_ho_ngheo']) + Number(r['so_ho_can_ngheo']) < Number(r['tong_so_ho']),
  );
  if (!row) throw new Error('no 2023 row to correct');
  return { id: row['ma_don_vi'] ?? '', poor: Number(row['so_ho_ngheo']) };
}

/** The lock without the rounds' pages: the data folder as it was before the first round was frozen. */
const unfrozen = (data: string) => {
  rmSync(join(data, ROUND));
  editFile(join(data, 'duong-dan.lock'), (text) => text.replace(/^\/dot\/.*\n/gm, ''));
};

describe('a frozen round in the sample', () => {
  it('has its page, linked from the open-data page, showing no change since it was frozen', () => {
    expect(readDist('du-lieu/index.html')).toContain('href="/dot/"');
    expect(readDist(fileFor('/dot/'))).toContain(`href="${ROUND_PAGE}"`);
    expect(pageText(readDist(fileFor(ROUND_PAGE)))).toContain('không số liệu hay kết quả nào của đợt này thay đổi');
  });
});

describe('correcting a 2023 figure after the sơ kết 2023 was frozen', () => {
  const dir = copySample();
  const dist = join(dir.data, '..', 'dist');
  const before = readFileSync(join(dir.data, ROUND));
  const { id, poor } = aRowOf2023(dir.data);
  editFile(join(dir.data, 'ket-qua-ra-soat.csv'), (text) => {
    const lines = text.split('\n');
    const column = lines[0]!.split(',').indexOf('so_ho_ngheo');
    return lines
      .map((line) => {
        const cells = line.split(',');
        if (cells[0] !== id || cells[2] !== '2023') return line;
        cells[column] = String(poor + 1);
        return cells.join(',');
      })
      .join('\n');
  });
  editFile(join(dir.data, 'dia-phuong.csv'), (text) =>
    text.replace(/^ngay_cap_nhat,[^,\n]*/m, 'ngay_cap_nhat,30/11/2026'),
  );
  const build = runScript('scripts/build.ts', [], {
    CHUNG_TAY_DATA_DIR: dir.data,
    CHUNG_TAY_CONTENT_DIR: dir.content,
    CHUNG_TAY_DIST_DIR: dist,
  });
  const page = (path: string) => pageText(readFileSync(join(dist, fileFor(path)), 'utf8'));
  const published = frozenIn(dir.data).ket_qua.find((v) => v.ma_don_vi === id && v.tieu_chi === 'TC_THON');

  it('builds, and leaves the frozen file as it was', () => {
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(readFileSync(join(dir.data, ROUND))).toEqual(before);
  });

  it("changes the village's current page, which says what the round published and links to it", () => {
    const unitPath = [
      ...readFileSync(join(dir.data, 'duong-dan.lock'), 'utf8').matchAll(/^(\S+)\tdon-vi (\S+)$/gm),
    ].find((m) => m[2] === id)?.[1];
    expect(unitPath).toBeDefined();
    const html = readFileSync(join(dist, fileFor(unitPath!)), 'utf8');
    expect(html).toContain(`href="${ROUND_PAGE}"`);
    const text = pageText(html);
    expect(text).toContain('đã sửa sau khi Sơ kết 2023 công bố');
    expect(text).toContain(
      `Số hộ nghèo năm 2023: đã công bố ${formatCount(poor)}, hiện nay ${formatCount(poor + 1)} ` +
        '(sửa trong lần cập nhật số liệu ngày 30/11/2026)',
    );
    // Its verdict is today's: the published explanation used the old figure.
    expect(text).not.toContain(published!.giai_thich);
  });

  it("keeps the round's page as published, with today's figure beside it and the date of the correction", () => {
    const text = page(ROUND_PAGE);
    expect(text).toContain(published!.giai_thich);
    expect(text).toContain(
      `Số hộ nghèo năm 2023. Đã công bố: ${formatCount(poor)}. Số liệu hiện nay: ${formatCount(poor + 1)} ` +
        '(sửa trong lần cập nhật số liệu ngày 30/11/2026)',
    );
    expect(text).toContain(`Bản chốt ngày ${frozenIn(dir.data).ngay_chot.split('-').reverse().join('/')}`);
  });
});

describe('npm run freeze', () => {
  it('refuses to overwrite a frozen round, saying how corrections are shown', () => {
    const dir = copySample();
    const before = readFileSync(join(dir.data, ROUND));
    const run = runScript('scripts/freeze-round.ts', ['--round', 'so-ket-2023'], { CHUNG_TAY_DATA_DIR: dir.data });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('không bao giờ được ghi đè');
    expect(readFileSync(join(dir.data, ROUND))).toEqual(before);
  });

  it('writes the sample round again as committed, but for the day it is frozen', () => {
    const dir = copySample();
    const committed = readFileSync(join(dir.data, ROUND), 'utf8');
    unfrozen(dir.data);
    const run = runScript('scripts/freeze-round.ts', ['--round', 'so-ket-2023'], { CHUNG_TAY_DATA_DIR: dir.data });
    expect(run.status, run.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const written = readFileSync(join(dir.data, ROUND), 'utf8');
    // The day it is frozen, and so the check sum of what it holds, are the only differences.
    const content = (text: string) => text.replace(/\n {2}"(ngay_chot|ma_kiem_tra)": "[^"]*",/g, '');
    expect(written).toContain(`"ngay_chot": "${today}"`);
    expect(content(written)).toBe(content(committed));
  });

  it('refuses data with errors and writes nothing', () => {
    const dir = copySample();
    unfrozen(dir.data);
    editFile(join(dir.data, 'dia-phuong.csv'), (text) => text.replace(/^nam_so_ket,2023/m, 'nam_so_ket,hai nghìn'));
    const run = runScript('scripts/freeze-round.ts', ['--round', 'so-ket-2023'], { CHUNG_TAY_DATA_DIR: dir.data });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Chưa chốt đợt so-ket-2023: dữ liệu có lỗi');
    expect(existsSync(join(dir.data, ROUND))).toBe(false);
  });
});

describe('check-data on a frozen round edited by hand or deleted', () => {
  it('refuses a deleted round: its page is a published URL', () => {
    const dir = copySample();
    rmSync(join(dir.data, ROUND));
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    expect(report.errors.map((e) => [e.file, e.value])).toContainEqual(['duong-dan.lock', ROUND_PAGE]);
  });

  it('refuses it, naming the file, the line and the fix', () => {
    const dir = copySample();
    const lines = readFileSync(join(dir.data, ROUND), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"tieu_chi":"TC_THON"'));
    editFile(join(dir.data, ROUND), (text) =>
      text.replace(lines[at]!, lines[at]!.replace(/"ket_qua":"[a-z_]+"/, '"ket_qua":"Đạt"')),
    );
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    const error = report.errors.find((e) => e.file === ROUND);
    expect(error).toMatchObject({ line: at + 1, code: 'type-error' });
    expect(error?.message).toContain('git checkout data/dot-cong-bo/so-ket-2023.json');
  });

  it('refuses a published verdict changed by hand, though the file still reads', () => {
    const dir = copySample();
    editFile(join(dir.data, ROUND), (text) => text.replace('"ket_qua":"chua_dat"', '"ket_qua":"dat"'));
    const { status, report } = checkData(dir.data, dir.content);
    expect(status).toBe(1);
    const line = readFileSync(join(dir.data, ROUND), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"ma_kiem_tra"'));
    expect(report.errors).toMatchObject([{ file: ROUND, line: line + 1, code: 'row-constraint' }]);
    expect(report.errors[0]?.message).toContain('Tệp đã bị sửa sau khi chốt');
  });
});
