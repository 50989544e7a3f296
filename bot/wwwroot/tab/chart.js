// Charts drawn as SVG from the exact values the server sent, always followed by the same figures as a table (the
// alternative for screen readers and keyboard users). Colours come from the theme's stylesheet, never from here.
import { h, uniqueId } from './dom.js';

const WIDTH = 720;

export function renderChart(block, headingId, texts) {
  const descriptionId = block.description ? uniqueId('chart-desc') : null;
  const svg = block.chart === 'line' ? lineChart(block) : barChart(block);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', [headingId, descriptionId].filter(Boolean).join(' '));
  svg.setAttribute('class', 'chart-svg');
  return h('div', { class: 'chart' },
    block.description ? h('p', { id: descriptionId, text: block.description }) : null,
    block.series.length > 1 ? legend(block) : null,
    svg,
    h('details', { class: 'chart-data' },
      h('summary', { text: texts.Chart_Data }),
      dataTable(block)));
}

function legend(block) {
  return h('ul', { class: 'legend', 'aria-hidden': 'true' },
    block.series.map((series, index) => h('li', {}, h('span', { class: `swatch series-${index % 6}` }), series.name)));
}

function maxOf(block) {
  const values = block.series.flatMap((series) => series.values).filter((value) => value !== null && value !== undefined);
  return { max: Math.max(0, ...values), min: Math.min(0, ...values) };
}

// Horizontal bars: one row per category (forty communes read better down than across), a bar per series.
function barChart(block) {
  const labelWidth = 200;
  const valueWidth = 90;
  const barHeight = 16;
  const gap = 10;
  const plot = WIDTH - labelWidth - valueWidth;
  const { max, min } = maxOf(block);
  const span = max - min || 1;
  const zero = labelWidth + ((0 - min) / span) * plot;
  const rowHeight = block.series.length * (barHeight + 2) + gap;
  const height = Math.max(rowHeight * block.categories.length + gap, 40);
  const svg = h('svg', { viewBox: `0 0 ${WIDTH} ${height}`, preserveAspectRatio: 'xMinYMin meet' });
  block.categories.forEach((category, row) => {
    const top = gap / 2 + row * rowHeight;
    svg.append(h('text', { x: labelWidth - 8, y: top + (rowHeight - gap) / 2 + 4, 'text-anchor': 'end', class: 'chart-label', text: clip(category, 30) }));
    block.series.forEach((series, index) => {
      const value = series.values[row];
      const y = top + index * (barHeight + 2);
      if (value === null || value === undefined) return;
      const x = value >= 0 ? zero : zero - ((0 - value) / span) * plot;
      const width = Math.max((Math.abs(value) / span) * plot, value === 0 ? 0 : 1);
      svg.append(h('rect', { x, y, width, height: barHeight, rx: 2, class: `chart-bar series-${index % 6}` }));
      svg.append(h('text', { x: (value >= 0 ? x + width : zero) + 6, y: y + barHeight - 4, class: 'chart-value', text: series.texts[row] ?? '' }));
    });
  });
  svg.append(h('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'axis' }));
  return svg;
}

function lineChart(block) {
  const left = 16;
  const right = 16;
  const top = 24;
  const bottom = 48;
  const height = 280;
  const { max, min } = maxOf(block);
  const span = max - min || 1;
  const count = block.categories.length;
  const step = count > 1 ? (WIDTH - left - right) / (count - 1) : 0;
  const xOf = (index) => left + (count > 1 ? index * step : (WIDTH - left - right) / 2);
  const yOf = (value) => top + (1 - (value - min) / span) * (height - top - bottom);
  const svg = h('svg', { viewBox: `0 0 ${WIDTH} ${height}`, preserveAspectRatio: 'xMinYMin meet' });
  svg.append(h('line', { x1: left, x2: WIDTH - right, y1: yOf(min), y2: yOf(min), class: 'axis' }));
  const labelEvery = Math.max(1, Math.ceil(count / 10));
  block.categories.forEach((category, index) => {
    if (index % labelEvery === 0 || index === count - 1) {
      svg.append(h('text', { x: xOf(index), y: height - bottom + 18, 'text-anchor': 'middle', class: 'chart-label', text: clip(category, 14) }));
    }
  });
  block.series.forEach((series, index) => {
    const points = series.values
      .map((value, position) => (value === null || value === undefined ? null : [xOf(position), yOf(value)]))
      .filter(Boolean);
    svg.append(h('polyline', { points: points.map((point) => point.join(',')).join(' '), class: `line series-${index % 6}` }));
    series.values.forEach((value, position) => {
      if (value === null || value === undefined) return;
      svg.append(h('circle', { cx: xOf(position), cy: yOf(value), r: 3.5, class: `dot series-${index % 6}` }));
      if (count <= 12) {
        svg.append(h('text', { x: xOf(position), y: yOf(value) - 8, 'text-anchor': 'middle', class: 'chart-value', text: series.texts[position] ?? '' }));
      }
    });
  });
  return svg;
}

function dataTable(block) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': block.valueLabel, tabindex: '0' },
    h('table', { class: 'data' },
      h('caption', { text: block.valueLabel }),
      h('thead', {}, h('tr', {}, h('td', {}), block.series.map((series) => h('th', { scope: 'col', text: series.name })))),
      h('tbody', {}, block.categories.map((category, row) =>
        h('tr', {}, h('th', { scope: 'row', text: category }), block.series.map((series) => h('td', { class: 'numeric', text: series.texts[row] ?? '–' })))))));
}

function clip(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
