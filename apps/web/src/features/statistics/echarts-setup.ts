// Only what the dashboard draws (bar charts, axes, tooltip, legend, SVG output): the
// modular entry keeps this chunk a fraction of the full library. Imported with import() by
// EChart.tsx, so no other page downloads it.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { init };
