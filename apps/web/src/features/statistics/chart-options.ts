import type { EChartsCoreOption } from 'echarts/core';

/** One bar: the category's code (sent back on a click), its label and its count. */
export interface Bar {
  key: string;
  label: string;
  n: number;
}

const AXIS_TEXT = { color: '#343a40', fontSize: 12, lineHeight: 15 };
export const BAR_COLOUR = '#3182bd';
const OFFICIAL_COLOUR = '#9ecae1';

/**
 * A breakdown as horizontal bars, largest category first (labels of any length stay readable on a
 * phone: they wrap on the left instead of tilting under the bars). Counts are written at the bars' ends.
 */
export function breakdownOption(bars: readonly Bar[], labelWidth: number): EChartsCoreOption {
  const rows = [...bars].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 36, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.key),
      axisLabel: { ...AXIS_TEXT, formatter: (key: string) => wrapLabel(rows.find((b) => b.key === key)?.label ?? key, labelWidth) },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((b) => ({ value: b.n, name: b.key })),
        itemStyle: { color: BAR_COLOUR },
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: '#1a1b1e', fontWeight: 600 },
        tooltip: { formatter: (p: { name: string; value: number }) => `${rows.find((b) => b.key === p.name)?.label ?? ''}: ${p.value}` },
      },
    ],
  };
}

/** About how wide a character of a 12 px label is: enough to plan the wrapping and the chart's height. */
export const CHAR_PX = 6.5;

/**
 * A label broken into lines of at most `width` px at word boundaries (a word longer than a line
 * keeps its own line). Done here rather than by ECharts' own width and overflow, which the
 * layout overrides when it fits labels into the grid.
 */
export function wrapLabel(label: string, width: number): string {
  const max = Math.max(1, Math.floor(width / CHAR_PX));
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

export interface TrendBar {
  year: number;
  victims: number | null;
  source: 'register' | 'official' | null;
}

/**
 * Identified victims per year: the register's counts as solid bars; official figures of years
 * before the register as lighter, hatched bars in a series of their own, so the legend names them.
 * A year with neither has no bar (not a zero: nothing was counted).
 */
export function trendOption(points: readonly TrendBar[], names: { register: string; official: string }, selected: number): EChartsCoreOption {
  const of = (source: 'register' | 'official') =>
    points.map((p) => (p.source === source && p.victims !== null ? { value: p.victims, name: String(p.year) } : { value: null, name: String(p.year) }));
  const selectedBorder = (p: TrendBar) => (p.year === selected ? { borderColor: '#1a1b1e', borderWidth: 2 } : {});
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, textStyle: AXIS_TEXT, data: [names.register, names.official] },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)), axisLabel: AXIS_TEXT, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
    series: [
      {
        name: names.register,
        type: 'bar',
        stack: 'victims',
        itemStyle: { color: BAR_COLOUR },
        data: of('register').map((d, i) => ({ ...d, itemStyle: selectedBorder(points[i] as TrendBar) })),
        label: { show: true, position: 'top', color: '#1a1b1e' },
      },
      {
        name: names.official,
        type: 'bar',
        stack: 'victims',
        itemStyle: {
          color: OFFICIAL_COLOUR,
          borderColor: BAR_COLOUR,
          borderType: 'dashed',
          borderWidth: 1,
          decal: { symbol: 'rect', color: 'rgba(255,255,255,0.6)', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 },
        },
        data: of('official'),
        label: { show: true, position: 'top', color: '#495057' },
      },
    ],
  };
}
