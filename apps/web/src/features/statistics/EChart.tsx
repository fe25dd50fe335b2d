import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type Setup = typeof import('./echarts-setup.ts');
let loading: Promise<Setup> | null = null;
/** ECharts is fetched the first time a chart is drawn, once per page load. */
const loadECharts = () => {
  loading ??= import('./echarts-setup.ts');
  return loading;
};

interface Props {
  option: EChartsCoreOption;
  /** Spoken instead of the drawing: the chart's figures as a sentence. */
  label: string;
  height: number;
  testId?: string;
  /** A click on a bar: its category (the x or y axis value). */
  onPick?: (category: string) => void;
}

/**
 * One ECharts chart (SVG output: sharp in print, text selectable). It follows its box's width
 * (a phone, a print page) and is redrawn when the option changes.
 */
export function EChart({ option, label, height, testId, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    const resize = () => instance?.resize();
    void loadECharts().then(({ init }) => {
      const el = box.current;
      if (disposed || !el) return;
      instance = init(el, null, { renderer: 'svg' });
      instance.on('click', (e) => {
        if (e.componentType === 'series' && typeof e.name === 'string') pick.current?.(e.name);
      });
      observer = new ResizeObserver(resize);
      observer.observe(el);
      setChart(instance);
    });
    // The print layout is narrower than the screen: redraw to its width before printing.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      disposed = true;
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-ready={chart ? 'true' : undefined}
      className="statistics-chart"
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }}
    />
  );
}
