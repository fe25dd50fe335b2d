import { Group, Text } from '@mantine/core';
import { KZ_REGIONS, type RegionsStatistics } from '@qorgau/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { REGION_MAP_SIZE, REGION_PATHS } from '../providers/region-map-paths.ts';
import { colourScale, PALETTES, textOn } from './colour-scale.ts';

export const MAP_METRICS = ['victims', 'cases', 'referrals', 'gap'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
type RegionRow = RegionsStatistics['regions'][number];

export const metricValue = (row: RegionRow | undefined, metric: MapMetric): number =>
  !row ? 0 : metric === 'gap' ? row.victimsWithoutLocalService : row[metric];

const CITIES = new Set<string>(KZ_REGIONS.filter((r) => r.type === 'city').map((r) => r.code));

/**
 * The choropleth: the same simplified outlines as the capacity board (region-map-paths.ts), drawn
 * as plain SVG rather than through ECharts' map series: the map then needs no chart library (it
 * draws before ECharts arrives, and prints as it is), each region is a real focusable button
 * for the keyboard and screen readers, and the hatching of the coverage gap is one SVG pattern.
 * Regions where victims were found with no shelter or service of their own are hatched and
 * outlined in red whatever the metric, so the gap stays visible beside any figure.
 */
export function StatisticsMap({
  rows,
  metric,
  selected,
  onSelect,
}: {
  rows: readonly RegionRow[];
  metric: MapMetric;
  selected: string | undefined;
  onSelect: (region: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const byCode = new Map(rows.map((r) => [r.region, r]));
  const max = Math.max(0, ...rows.map((r) => metricValue(r, metric)));
  const scale = colourScale(max, metric === 'gap' ? PALETTES.orange : PALETTES.blue);
  const toggle = (code: string) => onSelect(selected === code ? undefined : code);
  const onKey = (code: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      toggle(code);
    }
  };
  // Cities' markers over the regions around them, and the selected region last, so its outline is not covered.
  const layer = (code: string) => (code === selected ? 2 : CITIES.has(code) ? 1 : 0);
  const order = [...REGION_PATHS].sort((a, b) => layer(a.code) - layer(b.code));
  return (
    <figure style={{ margin: 0 }} className="statistics-map">
      {/* biome-ignore lint/a11y/useSemanticElements: the SVG is the group of region buttons; a fieldset cannot hold SVG shapes. */}
      <svg
        viewBox={`0 0 ${REGION_MAP_SIZE.width} ${REGION_MAP_SIZE.height}`}
        data-testid="statistics-map"
        aria-label={t('statistics.map.label', { metric: t(`statistics.map.metric.${metric}`) })}
        role="group"
        style={{ width: '100%', height: 'auto', display: 'block' }}
      >
        <defs>
          <pattern id="statistics-gap-hatch" patternUnits="userSpaceOnUse" width={8} height={8} patternTransform="rotate(45)">
            <line x1={0} y1={0} x2={0} y2={8} stroke="#c92a2a" strokeWidth={2.5} />
          </pattern>
        </defs>
        {order.map((r) => {
          const row = byCode.get(r.code);
          const value = metricValue(row, metric);
          const fill = scale.colourOf(value);
          const gap = (row?.victimsWithoutLocalService ?? 0) > 0;
          const isSelected = selected === r.code;
          const city = CITIES.has(r.code);
          const name = regionName(r.code, lng);
          const label = `${name}: ${t(`statistics.map.metric.${metric}`)} ${value}${gap ? `. ${t('statistics.map.gapNote', { n: row?.victimsWithoutLocalService ?? 0 })}` : ''}`;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role, tabIndex and Enter/Space make it one.
            <g
              key={r.code}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={isSelected}
              onClick={() => toggle(r.code)}
              onKeyDown={onKey(r.code)}
              style={{ cursor: 'pointer', outline: 'none' }}
              className="statistics-map-region"
              data-region={r.code}
              data-value={value}
              data-gap={gap ? 'true' : undefined}
              data-testid={`statistics-region-${r.code}`}
            >
              <title>{label}</title>
              <path d={r.d} fill={fill} stroke={isSelected ? '#1a1b1e' : '#ffffff'} strokeWidth={isSelected ? 3 : 1.2} />
              {gap && !city && <path d={r.d} fill="url(#statistics-gap-hatch)" stroke="#c92a2a" strokeWidth={2} strokeDasharray="6 3" fillOpacity={0.55} />}
              {city && (
                <circle
                  cx={r.cx}
                  cy={r.cy}
                  r={10}
                  fill={gap ? 'url(#statistics-gap-hatch)' : fill}
                  stroke={isSelected ? '#1a1b1e' : gap ? '#c92a2a' : '#495057'}
                  strokeWidth={isSelected ? 3.5 : 1.5}
                />
              )}
              {value > 0 && (
                <text
                  x={city ? r.cx + 14 : r.cx}
                  y={r.cy}
                  textAnchor={city ? 'start' : 'middle'}
                  dominantBaseline="central"
                  fontSize={18}
                  fontWeight={700}
                  fill={city ? '#1a1b1e' : textOn(fill)}
                  stroke={city || textOn(fill) === '#1a1b1e' ? '#ffffff' : 'none'}
                  strokeWidth={3}
                  paintOrder="stroke"
                  style={{ pointerEvents: 'none' }}
                >
                  {value}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Group gap="md" mt="xs" wrap="wrap" data-testid="statistics-map-legend">
          <LegendSwatch fill={scale.zero} text="0" />
          {scale.classes.map((c) => (
            <LegendSwatch key={c.from} fill={c.colour} text={c.from === c.to ? String(c.from) : `${c.from}–${c.to}`} />
          ))}
          <LegendSwatch hatch text={t('statistics.map.gapLegend')} />
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('statistics.map.hint')} {t('capacity.attribution')} <bdi>geokz, CC BY 4.0</bdi>
        </Text>
      </figcaption>
    </figure>
  );
}

function LegendSwatch({ fill, hatch, text }: { fill?: string; hatch?: boolean; text: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={16} height={16} aria-hidden="true" style={{ flex: 'none' }}>
        <rect x={0.5} y={0.5} width={15} height={15} fill={hatch ? 'url(#statistics-gap-hatch)' : fill} stroke={hatch ? '#c92a2a' : '#ced4da'} />
      </svg>
      <Text size="sm">{text}</Text>
    </Group>
  );
}
