import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './__tests__/fixture.ts';
import { buildDataset, unreadBoundaryFiles } from './dataset.ts';

// Boundary files as a steward brings them, made here: squares keyed by a property that holds the
// unit's code. The fixture has two communes of the movement (X1, X2) and one of today (M1).

const square = (lon: number, lat: number) => [
  [
    [lon, lat],
    [lon, lat + 0.1],
    [lon + 0.1, lat + 0.1],
    [lon + 0.1, lat],
    [lon, lat],
  ],
];
const geojson = (codes: string[], key = 'ma_xa') =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: codes.map((code, i) => ({
      type: 'Feature',
      properties: { [key]: code, ten: `Vùng ${code}` },
      geometry: { type: 'Polygon', coordinates: square(103 + i * 0.1, 22) },
    })),
  });
const withFiles = (extra: Record<string, string>) => {
  const files = fixtureFiles();
  for (const [name, text] of Object.entries(extra)) files.set(name, new TextEncoder().encode(text));
  return buildDataset(files);
};

describe('boundary files', () => {
  it('reports how many units a file matched, names units without a shape and shapes without a unit', () => {
    const result = withFiles({
      'ranh-gioi-xa.geojson': geojson(['X1', 'Z9']),
      'ranh-gioi-xa.nguon.txt': '\uFEFFCục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam, 2024.\nGiấy phép CC BY 4.0.\n',
    });
    expect(result.errors).toEqual([]);
    const messages = result.warnings.filter((w) => w.file === 'ranh-gioi-xa.geojson').map((w) => w.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('Bản đồ vẽ 1 trên 2 xã, thị trấn trong phong trào');
    expect(messages[1]).toContain('Xã Hai (mã X2)');
    expect(messages[2]).toContain('vùng thứ 2 (ten = Vùng Z9)');
    expect(result.dataset?.boundaries).toEqual([
      expect.objectContaining({
        file: 'ranh-gioi-xa.geojson',
        kind: 'xa',
        credit: 'Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam, 2024. Giấy phép CC BY 4.0.',
      }),
    ]);
  });

  it('asks for the source and licence when no credit file is given', () => {
    const result = withFiles({ 'ranh-gioi-xa-moi.geojson': geojson(['M1']) });
    expect(result.warnings.find((w) => w.file === 'ranh-gioi-xa-moi.geojson')?.message).toMatch(
      /1 trên 1 xã, phường hiện nay.*ranh-gioi-xa-moi\.nguon\.txt/,
    );
    expect(result.dataset?.boundaries[0]).toMatchObject({ kind: 'xa_moi', credit: null });
  });

  it('refuses a file that matches none of its units, saying which property must hold the code', () => {
    const result = withFiles({ 'ranh-gioi-xa.geojson': geojson(['A', 'B'], 'objectid') });
    expect(result.dataset).toBeNull();
    expect(result.errors[0]).toMatchObject({ file: 'ranh-gioi-xa.geojson', code: 'foreign-key' });
    expect(result.errors[0]?.message).toContain('ma_don_vi');
    expect(result.errors[0]?.message).toContain('objectid, ten');
  });

  it('matches each file only against its own kind of unit', () => {
    // Today's communes are not in a file of the movement's communes, and the other way round.
    expect(withFiles({ 'ranh-gioi-xa-moi.geojson': geojson(['X1', 'X2']) }).errors[0]).toMatchObject({
      file: 'ranh-gioi-xa-moi.geojson',
      code: 'foreign-key',
    });
    const swapped = withFiles({ 'ranh-gioi-xa.geojson': geojson(['M1']) });
    expect(swapped.dataset).toBeNull();
    // The message says the file fits the other kind, and the name it should have.
    expect(swapped.errors[0]?.message).toContain('Tệp khớp 1 trên 1 xã, phường hiện nay');
    expect(swapped.errors[0]?.message).toContain('đổi tên thành ranh-gioi-xa-moi.geojson');
  });

  it('refuses two files for one kind of unit', () => {
    const result = withFiles({ 'ranh-gioi-xa.geojson': geojson(['X1']), 'ranh-gioi-xa.topojson': geojson(['X1']) });
    expect(result.errors[0]?.message).toContain('giữ lại một tệp');
  });

  it('names the files it reads when a boundary-looking file has another name', () => {
    const issues = unreadBoundaryFiles([
      'don-vi.csv',
      'ranh-gioi.geojson',
      'ranh-gioi-xa.geojson',
      'ban-do.topojson',
      'ranh_gioi.json',
    ]);
    expect(issues.map((i) => i.file)).toEqual(['ranh-gioi.geojson', 'ban-do.topojson', 'ranh_gioi.json']);
    expect(issues[0]?.severity).toBe('warning');
    expect(issues[0]?.message).toContain('ranh-gioi-xa.geojson, ranh-gioi-xa.topojson, ranh-gioi-xa-moi.geojson');
  });
});
