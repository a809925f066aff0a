import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// only what the dashboard draws, so the console chunk stays small
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type EChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The dashboard's colours: the portal blue first, then hues that stay apart for colour-blind eyes. */
export const CHART_COLORS = ['#1558a8', '#2a9d8f', '#e07b39', '#7b5cc4', '#c2414b', '#6c8ebf', '#8c6d31'];

/**
 * An ECharts chart that follows its container's size and is disposed with the component. The
 * drawing is an image to assistive technology: `label` says what it shows (the page carries the
 * figures as text or a table too).
 */
export function EChart({
  option,
  label,
  height = 300,
}: {
  option: EChartOption;
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: CHART_COLORS, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="sw-cw-chart" style={{ height }} role="img" aria-label={label} />;
}
