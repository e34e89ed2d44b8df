// Charts for the result pages. Every chart is drawn by the server with the chart kit the HTML
// reports use (POST /api/charts), so that a fix to a chart lands in the reports and here alike;
// this module only asks for it, copies the answer's SVG into the page through an allowlist of
// elements and attributes (never as markup), and adds the table of its numbers and the downloads.

const S = window.Spiral;
const {h} = S;

/** The SVG elements and attributes a chart may carry; anything else is dropped. */
const ELEMENTS = new Set(['svg', 'g', 'title', 'rect', 'line', 'circle', 'path', 'polyline', 'polygon', 'text']);
const ATTRIBUTES = new Set(['viewBox', 'width', 'height', 'role', 'aria-label', 'font-family', 'font-size', 'font-weight',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'd', 'points', 'fill', 'fill-opacity', 'stroke', 'stroke-width',
  'stroke-dasharray', 'stroke-linejoin', 'paint-order', 'text-anchor', 'transform', 'class']);

/** A copy of a parsed SVG element built with Spiral.svg, keeping only the allowed parts. */
function copy(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue;
  if (node.nodeType !== Node.ELEMENT_NODE || !ELEMENTS.has(node.localName)) return null;
  const attrs = {};
  for (const a of node.attributes) if (ATTRIBUTES.has(a.name)) attrs[a.name] = a.value;
  return S.svg(node.localName, attrs, [...node.childNodes].map(copy));
}

/** The server's SVG text as an element of this page. */
function element(svgText) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'svg') throw new Error('the chart could not be read');
  return copy(root);
}

/** Starts a download of a file made in the page. */
export function save(name, type, text) {
  clickToSave(name, URL.createObjectURL(new Blob([text], {type})));
}

/**
 * Saves an object URL under a name through a link that is never shown: hidden, named by the file,
 * and out of the page as soon as it is clicked (the URL is released a second later), so that no
 * empty link is ever left for a screen reader or a checker to find.
 */
function clickToSave(name, url) {
  const a = h('a', {download: name, href: url, hidden: 'hidden', 'aria-hidden': 'true'}, name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's file: the server's SVG as it is (explicit colours, white background). */
function file(chart) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + chart.svg + '\n';
}

/** The chart drawn onto a canvas at twice its size, then saved as PNG. */
function savePng(name, chart, svg) {
  const w = Number(svg.getAttribute('width'));
  const hgt = Number(svg.getAttribute('height'));
  const img = new Image();
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = w * 2;
    c.height = hgt * 2;
    c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
    c.toBlob((png) => clickToSave(name, URL.createObjectURL(png)), 'image/png');
  };
  img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(file(chart))));
}

function table(chart) {
  return h('table', {class: 'chart-table'},
      h('thead', {}, h('tr', {}, chart.columns.map((c) => h('th', {}, c)))),
      h('tbody', {}, chart.rows.map((r) => h('tr', {}, r.map((v, i) => h('td', {class: chart.numeric[i] ? 'num' : null}, v))))));
}

/**
 * A figure for a chart of the kit: its caption at once, then the chart when the server has drawn
 * it (data-ready="1"), or the server's message if it could not.
 */
function figure(kind, id, spec) {
  const fig = h('figure', {class: 'chart', 'data-chart': id, 'aria-busy': 'true'},
      h('figcaption', {}, spec.title), h('p', {class: 'muted chart-wait'}, 'Drawing…'));
  S.api('POST', '/api/charts', {kind, name: id, ...spec}).then((chart) => {
    const svg = element(chart.svg);
    const exports = h('div', {class: 'chart-export'},
        h('button', {type: 'button', class: 'link', 'data-export': 'svg', onclick: () => save(`${id}.svg`, 'image/svg+xml', file(chart))}, 'SVG'),
        h('button', {type: 'button', class: 'link', 'data-export': 'png', onclick: () => savePng(`${id}.png`, chart, svg)}, 'PNG'));
    fig.querySelector('.chart-wait').replaceWith(svg, h('details', {}, h('summary', {}, 'Table'), table(chart)), exports);
    fig.dataset.points = String(chart.marks);
    fig.dataset.ready = '1';
    fig.removeAttribute('aria-busy');
  }, (err) => {
    fig.querySelector('.chart-wait').replaceWith(S.errorBox(err));
    fig.removeAttribute('aria-busy');
  });
  return fig;
}

/** Bars with optional 95% intervals: {title, xLabel, yLabel, yMax?, series: [{name, bars: [{label, value, lo?, hi?}]}]}. */
export function bars(id, spec) {
  return figure('bars', id, spec);
}

/**
 * Points with intervals and a Pareto front: {title, xLabel, yLabel, zeroY, groups: [{id, name}],
 * series: [{name, points: [{label, x, y, xLo?, xHi?, yLo?, yHi?, front, group?}]}]}.
 */
export function scatter(id, spec) {
  return figure('scatter', id, spec);
}

/**
 * Lines over x: {title, xLabel, yLabel, step, xLabels?, ranges?, rangesName?, area?, band?, groups?,
 * series: [{name, points: [[x, y]], group?, cls?}], table: {columns, rows}}.
 */
export function lines(id, spec) {
  return figure('lines', id, spec);
}

/** Probabilities with intervals on one axis: {title, xLabel, first, second?, rows: [{label, p, lo, hi, p2?, lo2?, hi2?}]}. */
export function intervals(id, spec) {
  return figure('intervals', id, spec);
}
