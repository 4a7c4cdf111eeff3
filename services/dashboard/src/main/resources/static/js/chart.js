// Horizontal bar charts with Apache ECharts (the WebJar's classic script sets window.echarts).
// Tooltips are drawn on the canvas (renderMode richText): the HTML tooltip writes inline style
// attributes, which the Content-Security-Policy (style-src 'self') refuses. After each draw the
// container gets data-bars (number of bars) and data-rendered="true" (browser tests wait for it).
import { formatCount } from './format.js';

/** Colours of the stock levels; each has at least 3:1 contrast against white (WCAG 1.4.11). */
export const LEVEL_COLORS = { OK: '#2e7d32', LOW: '#a15c00', OUT: '#b3261e' };

// Patterns on top of the colours, so the levels differ without colour too.
const STRIPES = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4,
  color: 'rgba(255, 255, 255, 0.6)' };
const DOTS = { symbol: 'circle', symbolSize: 0.7, dashArrayX: [[4, 4], [0, 4, 4, 0]], dashArrayY: [4, 0],
  color: 'rgba(255, 255, 255, 0.7)' };
const PLAIN = { symbol: 'none' };
export const LEVEL_DECALS = { OK: PLAIN, LOW: STRIPES, OUT: DOTS };

const ROW_HEIGHT = 26;
const VISIBLE_ROWS = 16;
const TEXT = '#3d4752';

const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export class BarChart {
  /**
   * @param container the chart's element (#stores-chart, #items-chart)
   * @param options {tooltip: category => string|null (an extra tooltip line)}
   */
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.zoomed = false;
    this.drawn = false;
    if (!window.echarts) {
      container.classList.add('chart-missing');
      container.textContent = 'The chart could not be loaded; the table below has the same figures.';
      return;
    }
    this.chart = window.echarts.init(container, null, { renderer: 'canvas' });
    // ECharts also reports 'finished' for the empty chart (e.g. after a resize): only a
    // drawing of data counts.
    this.chart.on('finished', () => {
      if (this.drawn && container.dataset.rendered !== 'true') {
        container.dataset.rendered = 'true';
      }
    });
    if ('ResizeObserver' in window) {
      new ResizeObserver(() => this.chart.resize()).observe(container);
    }
  }

  /**
   * Draws (or redraws, keeping the scroll position of a long chart) the bars.
   * @param data {categories: [name], series: [{name, level, values: [number|null]}],
   *   markers: {name, values: [number|null]} (optional, e.g. thresholds), labels: show values at the bars,
   *   hidden: [series name] (off until chosen in the legend), description: text for screen readers}
   */
  draw(data) {
    if (!this.chart) {
      return;
    }
    const count = data.categories.length;
    const zoom = count > VISIBLE_ROWS;
    const rows = Math.max(Math.min(count, VISIBLE_ROWS), 3);
    const height = rows * ROW_HEIGHT + 90;
    if (this.container.style.height !== `${height}px`) {
      this.container.style.height = `${height}px`;
      this.chart.resize();
    }
    const series = data.series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'total',
      barMaxWidth: 18,
      itemStyle: { color: LEVEL_COLORS[s.level], decal: LEVEL_DECALS[s.level] ?? PLAIN },
      emphasis: { focus: 'series' },
      label: data.labels
        ? { show: true, position: 'right', color: TEXT, formatter: (p) => (p.value === null ? '' : formatCount(p.value)) }
        : { show: false },
      data: s.values,
    }));
    if (data.markers) {
      series.push({
        name: data.markers.name,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 16],
        itemStyle: { color: '#1d2731' },
        data: data.markers.values,
        z: 5,
      });
    }
    const option = {
      animation: !reducedMotion,
      aria: { enabled: true, label: { description: data.description }, decal: { show: true } },
      textStyle: { color: TEXT, fontFamily: 'system-ui, sans-serif' },
      // A series switched off in the legend stays readable (4.7:1).
      legend: { top: 0, left: 0, textStyle: { color: TEXT }, itemGap: 16, inactiveColor: '#6b7580' },
      grid: { top: 34, left: 8, right: zoom ? 44 : 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        axisPointer: { type: 'shadow' },
        formatter: (params) => this.tooltip(params),
      },
      xAxis: {
        type: 'value',
        axisLabel: { color: TEXT, formatter: (v) => formatCount(v) },
        minInterval: 1,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.categories,
        axisLabel: { color: TEXT, width: 140, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series,
    };
    if (zoom) {
      const range = this.zoomed ? {} : { startValue: 0, endValue: VISIBLE_ROWS - 1 };
      option.dataZoom = [{
        type: 'slider', yAxisIndex: 0, show: true, right: 6, width: 22, zoomLock: true, brushSelect: false,
        showDetail: false, showDataShadow: false, ...range,
      }];
    }
    else if (this.zoomed) {
      option.dataZoom = [{ type: 'slider', yAxisIndex: 0, show: false, start: 0, end: 100 }];
    }
    if (!this.drawn && data.hidden) {
      // Series the reader can add from the legend; later draws keep the reader's choice.
      option.legend.selected = Object.fromEntries(data.hidden.map((name) => [name, false]));
    }
    this.drawn = true;
    this.zoomed = zoom;
    this.container.dataset.bars = String(count);
    this.chart.setOption(option, { replaceMerge: ['series'] });
  }

  tooltip(params) {
    const list = Array.isArray(params) ? params : [params];
    if (list.length === 0) {
      return '';
    }
    const category = list[0].name;
    const lines = list
      .filter((p) => p.value !== null && p.value !== undefined && p.value !== '-')
      .map((p) => `${p.seriesName}: ${formatCount(p.value)}`);
    const extra = this.options.tooltip?.(category);
    return [category, ...lines, ...(extra ? [extra] : [])].join('\n');
  }
}
