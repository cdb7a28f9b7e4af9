// The two charts of a sensor, drawn by uPlot: readings as a min-max band with the mean line, and a daily box plot.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { dateOf, formatInstant, wallTimeOf } from './time.js';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });

export function formatValue(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : number.format(value);
}

/** A colour from the stylesheet, so that the canvas follows the page's theme. */
function color(element, name) {
  return getComputedStyle(element).getPropertyValue(name).trim() || '#000';
}

/** Time axis labels in the zone, 24-hour: the date where a day starts or the step is days, else HH:mm. */
function timeLabels(zone) {
  return (u, splits, axis, space, increment) => splits.map((seconds, i) => {
    const wall = wallTimeOf(seconds * 1000, zone);
    if (increment >= 86400) return wall.slice(0, 10);
    const time = increment < 60 ? wall.slice(11, 19) : wall.slice(11, 16);
    const newDay = i === 0 || wallTimeOf(splits[i - 1] * 1000, zone).slice(0, 10) !== wall.slice(0, 10);
    return newDay ? `${time}\n${wall.slice(0, 10)}` : time;
  });
}

function axes(element, unit, zone) {
  const stroke = color(element, '--chart-axis');
  const grid = { stroke: color(element, '--chart-grid'), width: 1 };
  return [
    { stroke, grid, ticks: grid, values: timeLabels(zone), space: 70 },
    { stroke, grid, ticks: grid, label: unit, size: 64, values: (u, values) => values.map(formatValue) },
  ];
}

/** The box plot's x axis: a tick at the start of each day drawn (thinned to fit), labelled with its date. */
function dayAxes(element, unit, zone) {
  const [x, y] = axes(element, unit, zone);
  const splits = u => {
    const days = u.data[0];
    const step = Math.max(1, Math.ceil(days.length * 90 / Math.max(1, u.bbox.width / uPlot.pxRatio)));
    return days.filter((_, i) => i % step === 0);
  };
  return [{ ...x, splits, values: (u, ticks) => ticks.map(seconds => dateOf(seconds * 1000, zone)) }, y];
}

function plotWidth(element) {
  return Math.max(280, Math.floor(element.clientWidth));
}

/** Resizes a chart with its container (phone rotation, window resize). */
function follow(element, chart, height) {
  const observer = new ResizeObserver(() => {
    const width = plotWidth(element);
    if (Math.abs(width - chart.width) > 1) chart.setSize({ width, height });
  });
  observer.observe(element);
  return observer;
}

/**
 * The series answer as uPlot's columns: x (bucket start, seconds), max, min, mean. A null row goes between
 * buckets that do not touch, so that a gap in the readings stays a gap.
 */
export function seriesColumns(points) {
  const x = [], max = [], min = [], mean = [], count = [];
  let previousEnd = null;
  for (const point of points) {
    const start = Date.parse(point.start) / 1000;
    if (previousEnd !== null && start > previousEnd) {
      x.push(previousEnd); max.push(null); min.push(null); mean.push(null); count.push(0);
    }
    x.push(start); max.push(point.max); min.push(point.min); mean.push(point.mean); count.push(point.count);
    previousEnd = Date.parse(point.end) / 1000;
  }
  return { data: [x, max, min, mean], count };
}

/** Indices of values with no neighbour, which a line cannot show: drawn as points. */
function isolated(values) {
  const indices = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== null && (i === 0 || values[i - 1] === null) && (i === values.length - 1 || values[i + 1] === null)) {
      indices.push(i);
    }
  }
  return indices;
}

/**
 * The readings chart in element: min-max band, mean line, points where each bucket holds one reading. Dragging
 * across it calls onZoom(fromMillis, toMillis).
 */
export function readingsChart(element, { unit, zone, onZoom }) {
  const height = 320;
  let counts = [];
  const singles = () => counts.length > 0 && counts.every(c => c <= 1);
  const band = color(element, '--chart-band');
  const edge = color(element, '--chart-band-edge');
  const mean = color(element, '--chart-mean');
  const options = {
    width: plotWidth(element), height,
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), zone),
    scales: { x: { time: true } },
    legend: { live: true },
    cursor: { drag: { x: true, y: false, setScale: false } },
    series: [
      { label: 'Time', value: (u, seconds) => seconds === null ? '—' : formatInstant(seconds * 1000, zone) },
      { label: 'max', stroke: edge, width: 1, value: (u, v) => formatValue(v), points: { show: false } },
      { label: 'min', stroke: edge, width: 1, value: (u, v) => formatValue(v), points: { show: false } },
      {
        label: 'mean', stroke: mean, width: 2, value: (u, v) => formatValue(v),
        points: {
          show: () => singles(), size: 6, fill: mean,
          filter: (u, seriesIndex, show) => show ? null : isolated(u.data[seriesIndex]),
        },
      },
    ],
    bands: [{ series: [1, 2], fill: band }],
    axes: axes(element, unit, zone),
    hooks: {
      setSelect: [u => {
        if (u.select.width > 4) {
          const from = u.posToVal(u.select.left, 'x') * 1000;
          const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
          onZoom(Math.floor(from), Math.ceil(to));
        }
        u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      }],
    },
  };
  const chart = new uPlot(options, [[], [], [], []], element);
  const observer = follow(element, chart, height);
  return {
    /** Buckets worth asking for: about one per pixel of the plot. */
    pixels: () => Math.max(50, Math.round(chart.bbox.width / uPlot.pxRatio) || plotWidth(element)),
    show(points, fromMillis, toMillis) {
      const columns = seriesColumns(points);
      counts = columns.count;
      chart.batch(() => {
        chart.setData(columns.data, false);
        chart.setScale('x', { min: fromMillis / 1000, max: toMillis / 1000 });
      });
      return { gaps: columns.count.filter(c => c === 0).length, singles: singles() };
    },
    destroy() {
      observer.disconnect();
      chart.destroy();
    },
  };
}

const BOX_SERIES = ['min', 'q1', 'median', 'q3', 'max', 'mean'];
const FIELDS = { min: 'min_val', q1: 'q1', median: 'median', q3: 'q3', max: 'max_val', mean: 'mean' };

/**
 * The daily box plot in element: whiskers from min to max, a box from q1 to q3, the median as a line across it
 * and the mean as a diamond; the legend shows a day's numbers on hover. The data it draws is written to the
 * element's data-boxes attribute (JSON), which is what a reader of the page's structure (or a test) can check.
 */
export function boxPlot(element, { unit, zone }) {
  const height = 280;
  const stroke = color(element, '--chart-box');
  const fill = color(element, '--chart-box-fill');
  const meanColor = color(element, '--chart-mean');
  let dates = [];
  const draw = u => {
    const { ctx } = u;
    const [xs, min, q1, median, q3, max, mean] = u.data;
    if (!xs.length) return;
    const ratio = uPlot.pxRatio;
    const dayPixels = Math.abs(u.valToPos(xs[0] + 86400, 'x', true) - u.valToPos(xs[0], 'x', true));
    const half = Math.max(2 * ratio, Math.min(24 * ratio, dayPixels * 0.3));
    const y = value => u.valToPos(value, 'y', true);
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    ctx.lineWidth = Math.max(1, ratio);
    for (let i = 0; i < xs.length; i++) {
      if (min[i] === null) continue;
      const x = u.valToPos(xs[i], 'x', true);
      ctx.strokeStyle = stroke;
      ctx.beginPath();
      ctx.moveTo(x, y(max[i])); ctx.lineTo(x, y(q3[i]));
      ctx.moveTo(x, y(q1[i])); ctx.lineTo(x, y(min[i]));
      ctx.moveTo(x - half / 2, y(max[i])); ctx.lineTo(x + half / 2, y(max[i]));
      ctx.moveTo(x - half / 2, y(min[i])); ctx.lineTo(x + half / 2, y(min[i]));
      ctx.stroke();
      const top = y(q3[i]);
      const boxHeight = Math.max(1, y(q1[i]) - top);
      ctx.fillStyle = fill;
      ctx.fillRect(x - half, top, 2 * half, boxHeight);
      ctx.strokeRect(x - half, top, 2 * half, boxHeight);
      ctx.lineWidth = 2 * Math.max(1, ratio);
      ctx.beginPath();
      ctx.moveTo(x - half, y(median[i])); ctx.lineTo(x + half, y(median[i]));
      ctx.stroke();
      ctx.lineWidth = Math.max(1, ratio);
      const m = y(mean[i]);
      const r = Math.max(3 * ratio, Math.min(6 * ratio, half / 2));
      ctx.fillStyle = meanColor;
      ctx.beginPath();
      ctx.moveTo(x, m - r); ctx.lineTo(x + r, m); ctx.lineTo(x, m + r); ctx.lineTo(x - r, m);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  };
  const options = {
    width: plotWidth(element), height,
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), zone),
    scales: {
      x: { time: true, range: (u, low, high) => [low - 43200, high + 43200] },
    },
    cursor: { points: { show: false }, drag: { x: false, y: false } },
    series: [
      { label: 'Day', value: (u, seconds, i, index) => index === null || index === undefined ? '—' : dates[index] },
      ...BOX_SERIES.map(name => ({
        label: name, stroke: name === 'mean' ? meanColor : stroke, paths: () => null, points: { show: false },
        value: (u, v) => formatValue(v),
      })),
    ],
    axes: dayAxes(element, unit, zone),
    hooks: { draw: [draw] },
  };
  const chart = new uPlot(options, [[], [], [], [], [], [], []], element);
  const observer = follow(element, chart, height);
  return {
    /** days: the daily_aggregations answer; dayStarts: the instant each day starts in the zone (millis). */
    show(days, dayStarts) {
      dates = days.map(day => day.date);
      const columns = [dayStarts.map(millis => millis / 1000),
        ...BOX_SERIES.map(name => days.map(day => day[FIELDS[name]]))];
      chart.setData(columns);
      return dates.map((date, i) => Object.fromEntries([['date', date],
        ...BOX_SERIES.map((name, s) => [name, chart.data[s + 1][i]])]));
    },
    destroy() {
      observer.disconnect();
      chart.destroy();
    },
  };
}
