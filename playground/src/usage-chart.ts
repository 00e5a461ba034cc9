import { svg } from './dom';

/** One reading of a service's usage (from `listServices`). */
export interface UsageSample {
  at: number;
  cpu: number;
  cpuMax: number;
  memory: number;
  memoryMax: number;
}

export const SERIES = [
  { key: 'cpu', max: 'cpuMax', label: 'CPU', className: 'series-cpu' },
  { key: 'memory', max: 'memoryMax', label: 'Memory', className: 'series-memory' },
] as const;

/** The chart's width when its box is not laid out yet (a hidden pane), in px. */
export const CHART_DEFAULT_WIDTH = 560;
/** The chart's height for a `width` px wide chart: 180 px, taller on wide screens (up to 240 px). */
export const chartHeight = (width: number): number => Math.round(Math.min(240, Math.max(180, width / 4)));
const PAD = { left: 40, right: 14, top: 12, bottom: 24 };
/** The time axis spans the samples: at least 20 s, at most the last 2 minutes. */
const MIN_WINDOW_MS = 20_000;
const MAX_WINDOW_MS = 120_000;

const percent = (value: number, max: number): number => (max > 0 ? Math.min(100, (value / max) * 100) : 0);

/**
 * A line chart of cpu and memory as a share of what the service reserves (its `usage.limit.*.max`), over the
 * last two minutes at most. Plain SVG: no chart library. Drawn for `width` px: its viewBox is its size in
 * pixels, so its text keeps the stylesheet's size however wide the chart is (redraw it when its box resizes).
 */
export function renderUsageChart(samples: readonly UsageSample[], width = CHART_DEFAULT_WIDTH): SVGSVGElement {
  const boxWidth = Math.max(200, Math.round(width));
  const boxHeight = chartHeight(boxWidth);
  const plotWidth = boxWidth - PAD.left - PAD.right;
  const plotHeight = boxHeight - PAD.top - PAD.bottom;
  const end = samples.at(-1)?.at ?? Date.now();
  const span = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, end - (samples[0]?.at ?? end)));
  const start = end - span;
  const x = (at: number) => PAD.left + ((at - start) / span) * plotWidth;
  const y = (pct: number) => PAD.top + plotHeight - (pct / 100) * plotHeight;
  const visible = samples.filter((sample) => sample.at >= start);

  const grid = [0, 25, 50, 75, 100].flatMap((pct) => [
    svg('line', { class: 'chart-grid', x1: PAD.left, x2: boxWidth - PAD.right, y1: y(pct), y2: y(pct) }),
    svg('text', { class: 'chart-axis', x: PAD.left - 6, y: y(pct) + 3, 'text-anchor': 'end' }, `${pct}%`),
  ]);
  const ago = (ms: number) => (ms >= 90_000 ? `−${(ms / 60_000).toFixed(1)} min` : `−${Math.round(ms / 1000)} s`);
  const ticks = [
    { at: start, label: ago(span) },
    { at: start + span / 2, label: ago(span / 2) },
    { at: end, label: 'now' },
  ].map(({ at, label }, index) =>
    svg(
      'text',
      { class: 'chart-axis', x: x(at), y: boxHeight - 6, 'text-anchor': ['start', 'middle', 'end'][index] },
      label,
    ),
  );

  const series = SERIES.flatMap(({ key, max, className }) => {
    const points = visible.map((sample) => [x(sample.at), y(percent(sample[key], sample[max]))] as const);
    const last = points.at(-1);
    if (last === undefined) return [];
    const line = points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
    const first = points[0] ?? last;
    const area = `${first[0].toFixed(1)},${y(0)} ${line} ${last[0].toFixed(1)},${y(0)}`;
    return [
      svg('polygon', { class: `chart-area ${className}`, points: area }),
      svg('polyline', { class: `chart-line ${className}`, points: line, 'data-testid': `chart-line-${key}` }),
      svg('circle', { class: `chart-dot ${className}`, cx: last[0], cy: last[1], r: 3.5 }),
    ];
  });

  return svg(
    'svg',
    {
      class: 'usage-chart',
      viewBox: `0 0 ${boxWidth} ${boxHeight}`,
      width: boxWidth,
      height: boxHeight,
      role: 'img',
      'aria-label': 'CPU and memory usage as a share of what the service reserves, over time',
      'data-testid': 'usage-chart',
      'data-samples': visible.length,
    },
    ...grid,
    ...ticks,
    ...series,
    visible.length === 0
      ? svg(
          'text',
          { class: 'chart-empty', x: boxWidth / 2, y: boxHeight / 2, 'text-anchor': 'middle' },
          'Waiting for the first sample…',
        )
      : null,
  );
}
