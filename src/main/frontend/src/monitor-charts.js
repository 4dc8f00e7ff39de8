// Charts of the Kansrijke Start monitor (/monitor): Apache ECharts, canvas renderer, drawn from
// the JSON the page carries in <script type="application/json" id="monitor-data"> (no inline
// script: the page runs under a strict Content-Security-Policy). Hidden figures ("<10", "×")
// are null in that JSON and show as gaps; the table beside each chart is the accessible truth.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent,
  CanvasRenderer]);

const COLOURS = ['#1b4f72', '#e67e22', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d',
  '#d4ac0d', '#2c3e50', '#a04000', '#5d6d7e', '#117864', '#6c3483'];

function draw() {
  const source = document.getElementById('monitor-data');
  if (!source) {
    return;
  }
  const charts = JSON.parse(source.textContent);
  const drawn = [];
  for (const chart of charts) {
    const element = document.querySelector(`[data-monitor-chart="${chart.id}"]`);
    if (!element) {
      continue;
    }
    const hasData = chart.series.some((s) => s.data.some((v) => v !== null && v !== 0));
    if (!hasData) {
      element.classList.add('zp-monitor-empty');
      continue;
    }
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption({
      color: COLOURS,
      animation: false,
      // richText: the tooltip is drawn on the canvas, no HTML with style attributes (CSP)
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 36, right: 12, top: 12, bottom: 48 },
      xAxis: { type: 'category', data: chart.months, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: chart.series.map((s) => ({
        name: s.name, type: 'line', data: s.data, connectNulls: false, symbolSize: 6
      }))
    });
    element.dataset.drawn = 'true';
    drawn.push(instance);
  }
  window.addEventListener('resize', () => drawn.forEach((c) => c.resize()));
  document.body.dataset.monitorCharts = String(drawn.length);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', draw);
} else {
  draw();
}
