import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

// Geometry of a small line chart, computed at build time and drawn as inline SVG by a component.
// A series never joins two poverty standards: points carry their standard and the line breaks there.

export interface Point {
  x: number;
  y: number;
  /** Points with different standards are never joined by one line. */
  standard: string;
  /** Marked as preliminary (sơ bộ) on the chart. */
  preliminary: boolean;
}

export interface Series {
  name: string;
  points: Point[];
}

export interface LineGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  series: {
    name: string;
    paths: string[];
    markers: { cx: number; cy: number; preliminary: boolean; value: number; year: number }[];
  }[];
  /** Where the standard changes, a dashed rule and its label. */
  breaks: { x: number; label: string }[];
}

export function lineGeometry(series: readonly Series[], width = 360, height = 220): LineGeometry {
  const plot = { left: 44, right: width - 8, top: 16, bottom: height - 28 };
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const maxY = Math.max(1, ...all.map((p) => p.y));
  const x = scaleLinear()
    .domain([minX, maxX === minX ? minX + 1 : maxX])
    .range([plot.left + 12, plot.right - 12]);
  const y = scaleLinear().domain([0, maxY]).nice(5).range([plot.bottom, plot.top]);
  const round = (v: number) => Math.round(v * 10) / 10;
  const path = line<Point>()
    .x((p) => round(x(p.x)))
    .y((p) => round(y(p.y)))
    .digits(1);

  const years = [...new Set(xs)].sort((a, b) => a - b);
  const breaks: LineGeometry['breaks'] = [];
  const sorted = [...all].sort((a, b) => a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!,
      b = sorted[i]!;
    if (a.standard !== b.standard && !breaks.some((k) => k.label === b.standard)) {
      breaks.push({ x: round((x(a.x) + x(b.x)) / 2), label: b.standard });
    }
  }
  return {
    width,
    height,
    plot,
    xTicks: years.map((yr) => ({ x: round(x(yr)), label: String(yr) })),
    yTicks: y.ticks(5).map((v) => ({ y: round(y(v)), value: v })),
    breaks,
    series: series.map((s) => {
      const pts = [...s.points].sort((a, b) => a.x - b.x);
      const segments: Point[][] = [];
      for (const p of pts) {
        const last = segments[segments.length - 1];
        const prev = last?.[last.length - 1];
        if (last && prev && prev.standard === p.standard) last.push(p);
        else segments.push([p]);
      }
      return {
        name: s.name,
        paths: segments.filter((seg) => seg.length > 1).map((seg) => path(seg) ?? ''),
        markers: pts.map((p) => ({
          cx: round(x(p.x)),
          cy: round(y(p.y)),
          preliminary: p.preliminary,
          value: p.y,
          year: p.x,
        })),
      };
    }),
  };
}
