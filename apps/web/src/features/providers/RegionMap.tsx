import { Anchor, Group, Text } from '@mantine/core';
import { type CapacityRow, KZ_REGIONS } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { regionName } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { REGION_MAP_SIZE, REGION_PATHS } from './region-map-paths.ts';

/** Colour steps of free places (none, few, some, many); red for none so a full region stands out. */
const STEPS = [
  { min: 0, fill: '#f1c9c9', key: 'none' },
  { min: 1, fill: '#d3e4f5', key: 'few' },
  { min: 5, fill: '#8fbce6', key: 'some' },
  { min: 10, fill: '#3b82c4', key: 'many' },
] as const;
/** Astana, Almaty and Shymkent: regions of their own, drawn as markers. */
const CITIES = new Set<string>(KZ_REGIONS.filter((r) => r.type === 'city').map((r) => r.code));
const stepOf = (free: number) => [...STEPS].reverse().find((s) => free >= s.min) ?? STEPS[0];

/**
 * Kazakhstan's regions coloured by free shelter places (the capacity board's table is the
 * accessible equivalent; the map is one labelled image whose regions open their providers on a click).
 * Outlines: geokz (CC BY 4.0), simplified at build time (apps/web/scripts/build-region-map.mjs).
 */
export function RegionMap({ rows }: { rows: CapacityRow[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [, navigate] = useLocation();
  const byCode = new Map(rows.map((r) => [r.regionCode as string, r]));
  const total = rows.reduce((a, r) => a + r.free, 0);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${REGION_MAP_SIZE.width} ${REGION_MAP_SIZE.height}`}
        role="img"
        aria-label={t('capacity.mapLabel', { free: total })}
        data-testid="capacity-map"
        style={{ width: '100%', height: 'auto', display: 'block' }}
      >
        {REGION_PATHS.map((r) => {
          const row = byCode.get(r.code);
          const free = row?.free ?? 0;
          const name = regionName(r.code, lng);
          const label = t('capacity.regionFree', { region: name, free, shelters: row?.shelters ?? 0 });
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut to the region's providers; the table's links are the keyboard's way.
            <path
              key={r.code}
              onClick={() => navigate(`/providers?regionCode=${r.code}`)}
              style={{ cursor: 'pointer' }}
              d={r.d}
              fill={row && row.shelters > 0 ? stepOf(free).fill : '#eef0f2'}
              stroke="#ffffff"
              strokeWidth={1.2}
              data-region={r.code}
              data-free={free}
              data-testid={`map-region-${r.code}`}
            >
              <title>{label}</title>
            </path>
          );
        })}
        {REGION_PATHS.map((r) => {
          const row = byCode.get(r.code);
          // A city is too small to colour on this scale: it gets a marker of its colour, its number beside it.
          const city = CITIES.has(r.code);
          if (!city && !row?.shelters) return null;
          const fill = row?.shelters ? stepOf(row.free).fill : '#eef0f2';
          return (
            <g key={r.code} style={{ pointerEvents: 'none' }}>
              {city && <circle cx={r.cx} cy={r.cy} r={9} fill={fill} stroke="#1a1b1e" strokeWidth={1.5} />}
              {row?.shelters ? (
                <text
                  x={city ? r.cx + 13 : r.cx}
                  y={r.cy}
                  textAnchor={city ? 'start' : 'middle'}
                  dominantBaseline="central"
                  fontSize={18}
                  fontWeight={700}
                  fill="#1a1b1e"
                  stroke="#ffffff"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {row.free}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Group gap="md" mt="xs" wrap="wrap">
          {STEPS.map((s) => (
            <Group key={s.key} gap={6} wrap="nowrap">
              <span style={{ width: 14, height: 14, background: s.fill, display: 'inline-block', border: '1px solid #ced4da' }} />
              <Text size="sm">{t(`capacity.legend.${s.key}`)}</Text>
            </Group>
          ))}
          <Group gap={6} wrap="nowrap">
            <span style={{ width: 14, height: 14, background: '#eef0f2', display: 'inline-block', border: '1px solid #ced4da' }} />
            <Text size="sm">{t('capacity.legend.noShelter')}</Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt="xs" data-testid="map-attribution">
          {t('capacity.attribution')} {/* Proper names and a licence code: written the same in every language (bdi: data, not a label). */}
          <bdi>
            <Anchor href="https://github.com/arodionoff/geokz" target="_blank" rel="noreferrer" size="xs" style={{ textDecoration: 'underline' }}>
              geokz
            </Anchor>
            ,{' '}
            <Anchor href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noreferrer" size="xs" style={{ textDecoration: 'underline' }}>
              CC BY 4.0
            </Anchor>
          </bdi>
        </Text>
      </figcaption>
    </figure>
  );
}
