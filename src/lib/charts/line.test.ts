import { describe, expect, it } from 'vitest';
import { lineGeometry, type Point } from './line.ts';

const p = (x: number, y: number, standard = 'mới', preliminary = false): Point => ({ x, y, standard, preliminary });

describe('line chart geometry', () => {
  it('never joins two poverty standards with one line', () => {
    const g = lineGeometry([
      { name: 'Hộ nghèo', points: [p(2019, 50, 'cũ'), p(2020, 45, 'cũ'), p(2021, 60), p(2022, 52), p(2023, 47)] },
    ]);
    const s = g.series[0]!;
    expect(s.paths).toHaveLength(2);
    expect(s.paths[0]!.match(/[ML]/g)).toHaveLength(2);
    expect(s.paths[1]!.match(/[ML]/g)).toHaveLength(3);
    expect(g.breaks).toHaveLength(1);
    expect(s.markers).toHaveLength(5);
  });

  it('draws higher values higher, inside the plot, and marks preliminary points', () => {
    const g = lineGeometry([{ name: 'Hộ nghèo', points: [p(2021, 100), p(2022, 50, 'mới', true)] }]);
    const [a, b] = g.series[0]!.markers;
    expect(a!.cy).toBeLessThan(b!.cy);
    expect(b!.preliminary).toBe(true);
    for (const m of g.series[0]!.markers) {
      expect(m.cx).toBeGreaterThanOrEqual(g.plot.left);
      expect(m.cx).toBeLessThanOrEqual(g.plot.right);
      expect(m.cy).toBeGreaterThanOrEqual(g.plot.top);
      expect(m.cy).toBeLessThanOrEqual(g.plot.bottom);
    }
    expect(g.xTicks.map((t) => t.label)).toEqual(['2021', '2022']);
  });
});
