// Charts for the result pages, drawn as SVG elements (never markup strings). Each chart is a
// <figure class="chart"> with a title, axes with labels, the marks, and a table of the same
// numbers (the fallback for screen readers and for copying).

const W = 560;
const H = 320;
const M = {l: 62, r: 30, t: 14, b: 56};

function s(tag, attrs, ...children) {
  return window.Spiral.svg(tag, attrs, ...children);
}

function h(tag, attrs, ...children) {
  return window.Spiral.h(tag, attrs, ...children);
}

function num(x, d = 4) {
  return window.Spiral.fmt(x, d);
}

/** A linear scale from [d0, d1] onto [r0, r1], with "nice" ticks. */
function scale(d0, d1, r0, r1) {
  if (!(d1 > d0)) { d1 = d0 + 1; }
  const f = (x) => r0 + (x - d0) / (d1 - d0) * (r1 - r0);
  f.ticks = (n = 5) => {
    const raw = (d1 - d0) / n;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= raw) || raw;
    const out = [];
    for (let v = Math.ceil(d0 / step) * step; v <= d1 + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
    return out;
  };
  return f;
}

function extent(values, pad = 0) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!isFinite(lo)) { lo = 0; hi = 1; }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

/** The axes: a y axis with ticks and grid lines, an x axis (ticks given), and both labels. */
function axes(x, y, xTicks, yTicks, xLabel, yLabel) {
  const g = s('g', {class: 'axes'});
  const grid = s('g', {class: 'grid'});
  const ya = s('g', {class: 'axis y'});
  for (const t of yTicks) {
    grid.append(s('line', {x1: M.l, x2: W - M.r, y1: y(t), y2: y(t)}));
    ya.append(s('text', {x: M.l - 6, y: y(t) + 4, 'text-anchor': 'end'}, num(t, 3)));
  }
  ya.append(s('line', {x1: M.l, x2: M.l, y1: M.t, y2: H - M.b}));
  const xa = s('g', {class: 'axis x'});
  xa.append(s('line', {x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b}));
  for (const t of xTicks) {
    const px = typeof t === 'object' ? t.at : x(t);
    xa.append(s('line', {x1: px, x2: px, y1: H - M.b, y2: H - M.b + 4}),
        s('text', {x: px, y: H - M.b + 16, 'text-anchor': 'middle'}, typeof t === 'object' ? t.label : num(t, 3)));
  }
  g.append(grid, ya, xa,
      s('text', {class: 'axis-label', x: (M.l + W - M.r) / 2, y: H - 8, 'text-anchor': 'middle'}, xLabel),
      s('text', {class: 'axis-label', x: 14, y: (M.t + H - M.b) / 2, 'text-anchor': 'middle',
        transform: `rotate(-90 14 ${(M.t + H - M.b) / 2})`}, yLabel));
  return g;
}

function table(columns, rows) {
  return h('table', {class: 'chart-table'},
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((v) => h('td', {class: typeof v === 'number' ? 'num' : null},
          typeof v === 'number' ? num(v) : v))))));
}

/** The properties that draw a chart, copied from the page's style sheet onto an exported SVG. */
const DRAWN = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-size', 'font-family', 'font-weight'];

/** The chart as a standalone SVG file: the page's styles written onto each element as attributes. */
export function standalone(svg) {
  const copy = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    for (const p of DRAWN) {
      const v = cs.getPropertyValue(p);
      if (v && v !== 'normal') to[i].setAttribute(p, v);
    }
    to[i].removeAttribute('class');
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(W));
  copy.setAttribute('height', String(H));
  copy.insertBefore(s('rect', {x: 0, y: 0, width: W, height: H, fill: '#ffffff'}), copy.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
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

/** The chart drawn onto a canvas at twice its size, then saved as PNG. */
function savePng(name, svg) {
  const img = new Image();
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = W * 2;
    c.height = H * 2;
    c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
    c.toBlob((png) => clickToSave(name, URL.createObjectURL(png)), 'image/png');
  };
  img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(standalone(svg))));
}

function figure(id, title, svg, legend, tableEl) {
  const exports = h('div', {class: 'chart-export'},
      h('button', {type: 'button', class: 'link', 'data-export': 'svg', onclick: () => save(`${id}.svg`, 'image/svg+xml', standalone(svg))}, 'SVG'),
      h('button', {type: 'button', class: 'link', 'data-export': 'png', onclick: () => savePng(`${id}.png`, svg)}, 'PNG'));
  return h('figure', {class: 'chart', 'data-chart': id},
      h('figcaption', {}, title),
      svg,
      legend && legend.length ? h('div', {class: 'legend'}, legend) : null,
      h('details', {}, h('summary', {}, 'Table'), tableEl),
      exports);
}

/** A probability as a label: small ones keep their size (2.0e-4), never rounded to 0. */
export function label(v) {
  if (v === 0) return '0';
  if (Math.abs(v) < 0.001) return v.toExponential(1);
  return num(v, Math.abs(v) < 0.01 ? 4 : 3);
}

function frame(title) {
  return s('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title});
}

function legend(names) {
  return names.map((n, i) => h('span', {class: 'key'}, h('span', {class: `swatch s${i}`}), n));
}

/**
 * Bars with optional 95% interval whiskers; one or more series side by side (e.g. two runs).
 * series: [{name, bars: [{label, value, lo?, hi?}]}]
 */
export function bars(id, {title, xLabel, yLabel, series, yMax}) {
  const labels = series[0].bars.map((b) => b.label);
  const hi = Math.max(yMax || 0, ...series.flatMap((se) => se.bars.map((b) => Math.max(b.value, b.hi ?? b.value))));
  const band = (W - M.l - M.r) / labels.length;
  const bw = band * 0.7 / series.length;
  // value labels where they fit over their bars (about 6 px a character at 10 px), with headroom
  const labelled = labels.length * series.length <= 24;
  const y = scale(0, hi > 0 ? hi * (labelled ? 1.12 : 1) : 1, H - M.b, M.t);
  const svg = frame(title);
  const ticks = labels.map((l, i) => ({at: M.l + band * (i + 0.5), label: l}));
  svg.append(axes(null, y, ticks, y.ticks(5), xLabel, yLabel));
  const marks = s('g', {class: 'marks'});
  series.forEach((se, k) => {
    se.bars.forEach((b, i) => {
      const x0 = M.l + band * i + band * 0.15 + bw * k;
      // a small positive value stays visible (at least 1.5 px) and is labelled with its size
      const hgt = b.value > 0 ? Math.max(1.5, y(0) - y(b.value)) : 0;
      marks.append(s('rect', {class: `bar s${k}`, x: x0, y: y(0) - hgt, width: bw, height: hgt},
          s('title', {}, `${se.name ? se.name + ': ' : ''}${b.label}: ${num(b.value)}`
              + (b.lo !== undefined ? ` (95% CI ${num(b.lo)}–${num(b.hi)})` : ''))));
      if (b.lo !== undefined && b.hi !== undefined) {
        const cx = x0 + bw / 2;
        marks.append(s('path', {class: 'whisker', d: `M${cx},${y(b.lo)}V${y(b.hi)}M${cx - 4},${y(b.lo)}H${cx + 4}M${cx - 4},${y(b.hi)}H${cx + 4}`}));
      }
      if (labelled && label(b.value).length * 6 + 2 <= (series.length > 1 ? bw : band)) {
        const top = Math.min(y(0) - hgt, b.hi !== undefined ? y(b.hi) : Infinity);
        marks.append(s('text', {class: 'bar-value', x: x0 + bw / 2, y: Math.max(M.t + 9, top - 4), 'text-anchor': 'middle'}, label(b.value)));
      }
    });
  });
  svg.append(marks);
  const withCi = series.some((se) => se.bars.some((b) => b.lo !== undefined));
  const columns = ['', ...series.flatMap((se) => withCi
      ? [`${se.name || yLabel}`, '95% CI'] : [se.name || yLabel])];
  const rows = labels.map((l, i) => [l, ...series.flatMap((se) => {
    const b = se.bars[i];
    return withCi ? [b.value, b.lo !== undefined ? `${num(b.lo)}–${num(b.hi)}` : ''] : [b.value];
  })]);
  return figure(id, title, svg, series.length > 1 ? legend(series.map((se) => se.name)) : null, table(columns, rows));
}

/**
 * A scatter of points with the Pareto front highlighted (front points joined in x order and
 * labelled). series: [{name, points: [{label, x, y, front, xLo?, xHi?, yLo?, yHi?, cls?}]}]:
 * xLo..xHi and yLo..yHi are drawn as 95% interval whiskers, cls is added to the point's class
 * (e.g. its kinetic level). zeroY starts the y axis at 0; keys are extra legend entries
 * [{name, cls}].
 */
export function scatter(id, {title, xLabel, yLabel, series, zeroY, keys: extraKeys}) {
  const all = series.flatMap((se) => se.points);
  const [x0, x1] = extent(all.flatMap((p) => [p.x, p.xLo ?? p.x, p.xHi ?? p.x]), 0.08);
  const [y0, y1] = extent(all.flatMap((p) => [p.y, p.yLo ?? p.y, p.yHi ?? p.y, ...(zeroY ? [0] : [])]), 0.08);
  const x = scale(Math.max(0, x0), x1, M.l, W - M.r);
  const y = scale(zeroY ? 0 : y0, y1, H - M.b, M.t);
  const svg = frame(title);
  svg.append(axes(x, y, x.ticks(6), y.ticks(5), xLabel, yLabel));
  const marks = s('g', {class: 'marks'});
  const ci = (p) => (p.xLo !== undefined ? ` (95% CI ${num(p.xLo)}–${num(p.xHi)})` : '');
  const ciY = (p) => (p.yLo !== undefined ? ` (95% CI ${num(p.yLo)}–${num(p.yHi)})` : '');
  series.forEach((se, k) => {
    for (const p of se.points) {
      if (p.xLo !== undefined) marks.append(s('path', {class: 'whisker ci', d: `M${x(p.xLo)},${y(p.y)}H${x(p.xHi)}`}));
      if (p.yLo !== undefined) marks.append(s('path', {class: 'whisker ci', d: `M${x(p.x)},${y(p.yLo)}V${y(p.yHi)}`}));
    }
    const front = se.points.filter((p) => p.front).sort((a, b) => a.x - b.x);
    if (front.length > 1) {
      marks.append(s('path', {class: `front-line s${k}`, d: front.map((p, i) => `${i ? 'L' : 'M'}${x(p.x)},${y(p.y)}`).join('')}));
    }
    for (const p of se.points) {
      marks.append(s('circle', {class: `${p.front ? 'dot front' : 'dot'} s${k}${p.cls ? ' ' + p.cls : ''}`, cx: x(p.x), cy: y(p.y), r: p.front ? 5 : 3.5},
          s('title', {}, `${se.name ? se.name + ': ' : ''}${p.label}: ${xLabel} ${num(p.x)}${ci(p)}, ${yLabel} ${num(p.y)}${ciY(p)}${p.front ? ' (Pareto front)' : ''}`)));
    }
    if (series.length === 1) {
      // every point labelled where its label fits beside it without covering another label or
      // leaving the plot (the front's first); a point whose label fits nowhere keeps its tooltip
      // and its row in the table
      const placed = [];
      const order = [...front, ...se.points.filter((p) => !p.front)];
      for (const p of order) {
        const w = p.label.length * 5.6;
        const px = x(p.x);
        const py = y(p.y);
        for (const [dx, dy, anchor] of [[7, -6, 'start'], [7, 12, 'start'], [-7, -6, 'end'], [-7, 12, 'end']]) {
          const x0 = anchor === 'start' ? px + dx : px + dx - w;
          const box = {x0, x1: x0 + w, y0: py + dy - 9, y1: py + dy + 2};
          const inside = box.x0 >= M.l && box.x1 <= W - M.r && box.y0 >= M.t && box.y1 <= H - M.b;
          const free = placed.every((b) => box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1);
          const clearOfDots = se.points.every((q) => q === p || Math.hypot(
              Math.max(box.x0 - x(q.x), 0, x(q.x) - box.x1), Math.max(box.y0 - y(q.y), 0, y(q.y) - box.y1)) > 3.5);
          if (inside && free && clearOfDots) {
            placed.push(box);
            marks.append(s('text', {class: p.front ? 'point-label front' : 'point-label', x: px + dx, y: py + dy, 'text-anchor': anchor}, p.label));
            break;
          }
        }
      }
    }
  });
  svg.append(marks);
  const withCi = all.some((p) => p.xLo !== undefined);
  const columns = [...(series.length > 1 ? ['run'] : []), 'option', xLabel, ...(withCi ? ['95% CI'] : []), yLabel, ...(withCi ? ['95% CI'] : []), 'Pareto front'];
  const rows = series.flatMap((se) => se.points.map((p) => [...(series.length > 1 ? [se.name] : []), p.label,
    p.x, ...(withCi ? [p.xLo !== undefined ? `${num(p.xLo)}–${num(p.xHi)}` : ''] : []),
    p.y, ...(withCi ? [p.yLo !== undefined ? `${num(p.yLo)}–${num(p.yHi)}` : ''] : []), p.front ? 'yes' : '']));
  const keys = [...(extraKeys || []).map((e) => h('span', {class: 'key'}, h('span', {class: `swatch ${e.cls}`}), e.name)),
    h('span', {class: 'key'}, h('span', {class: 'swatch front'}), 'Pareto front'),
    ...(extraKeys ? [] : [h('span', {class: 'key'}, h('span', {class: 'swatch dot'}), 'dominated')]),
    ...(withCi ? [h('span', {class: 'key'}, h('span', {class: 'swatch whisker'}), '95% intervals')] : [])];
  return figure(id, title, svg, series.length > 1 ? [...legend(series.map((se) => se.name)), ...keys] : keys, table(columns, rows));
}

/**
 * Lines over a numeric x: lines [{name, points: [[x, y]], cls?}]; bands (optional) are shaded
 * x ranges [{from, to, label, cls}]; areas (optional) are per-x bars below the lines, on a second
 * scale from 0 to 1: {name, points: [[x, v]]}. xLabels (optional) name the x values.
 */
export function lines(id, {title, xLabel, yLabel, series, bands, area, band, xLabels, step, legendNames, legendKeys, tableColumns, tableRows}) {
  const xs = [...series.flatMap((se) => se.points.map((p) => p[0])), ...(band ? band.lo.map((p) => p[0]) : [])];
  const ys = [...series.flatMap((se) => se.points.map((p) => p[1])), ...(band ? [...band.lo, ...band.hi].map((p) => p[1]) : [])];
  const [x0, x1] = extent(xs);
  const [ylo, yhi] = extent(ys, 0.05);
  const x = scale(x0, x1, M.l, W - M.r);
  const y = scale(step ? Math.min(0, ylo) : ylo, yhi, H - M.b, M.t);
  const svg = frame(title);
  let xt = x.ticks(8).filter((t) => Number.isInteger(t));
  if (xLabels) xt = xt.filter((t) => xLabels[t] !== undefined).map((t) => ({at: x(t), label: xLabels[t]}));
  svg.append(axes(x, y, xt, y.ticks(5).filter((t) => !step || Number.isInteger(t)), xLabel, yLabel));
  const marks = s('g', {class: 'marks'});
  for (const b of bands || []) {
    const bx0 = Math.max(M.l, x(b.from));
    const bx1 = Math.min(W - M.r, x(b.to));
    if (bx1 <= bx0) continue;
    marks.append(s('rect', {class: b.cls || 'open', x: bx0, y: M.t, width: Math.max(2, bx1 - bx0), height: H - M.b - M.t},
        s('title', {}, b.label)));
  }
  if (area) {
    const a = scale(0, 1, H - M.b, M.t);
    const bw = Math.max(2, (W - M.l - M.r) / Math.max(1, area.points.length) * 0.6);
    for (const [px, v] of area.points) {
      marks.append(s('rect', {class: 'zone', x: x(px) - bw / 2, y: a(v), width: bw, height: Math.max(0, a(0) - a(v))},
          s('title', {}, `${area.name}: ${num(v)}`)));
    }
  }
  if (band && band.lo.length) {
    // a quantile band: the upper edge left to right, the lower edge back, as steps when step is set
    const edge = (pts) => pts.map((p, i) => (step && i ? `H${x(p[0])}V${y(p[1])}` : `${i ? 'L' : 'M'}${x(p[0])},${y(p[1])}`)).join('');
    const back = [...band.lo].reverse();
    const lower = back.map((p, i) => (step && i ? `V${y(p[1])}H${x(p[0])}` : `L${x(p[0])},${y(p[1])}`)).join('');
    marks.append(s('path', {class: band.cls || 'band', d: `${edge(band.hi)}${step ? `H${x(back[0][0])}V${y(back[0][1])}` : ''}${lower}Z`},
        s('title', {}, band.name)));
  }
  series.forEach((se, k) => {
    const d = se.points.map((p, i) => step && i
      ? `H${x(p[0])}V${y(p[1])}`
      : `${i ? 'L' : 'M'}${x(p[0])},${y(p[1])}`).join('');
    marks.append(s('path', {class: se.cls || `series s${k}`, d}, s('title', {}, se.name)));
  });
  svg.append(marks);
  const keys = legendKeys ? legendKeys.map((k) => h('span', {class: 'key'}, h('span', {class: `swatch ${k.cls}`}), k.name)) : null;
  return figure(id, title, svg, [...(legendNames ? legend(legendNames) : []), ...(keys || [])], table(tableColumns, tableRows));
}
