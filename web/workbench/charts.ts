/**
 * ECharts on demand: the core, three chart types, the components they use and the canvas renderer. Imported only by
 * the dashboard (a lazy route), so none of it is in the first screen's JavaScript.
 */
import { init, use, type ECharts } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { init };
export type { ECharts };
