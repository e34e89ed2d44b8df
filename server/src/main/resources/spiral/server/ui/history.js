// History: a reference class of past crises (International Crisis Behavior data, version 14) and
// its base rates with exact 95% intervals, the outside view before any model (GET /api/history).
import * as charts from './charts.js';

const S = window.Spiral;
const {h} = S;

/** A rate as text: a zero count with its one-sided upper bound, never as 0 alone. */
function rateText(r) {
  if (r.crises === 0) return 'no crisis with the code';
  const ci = `${S.fmt(r.clopperPearson[0], 3)}–${S.fmt(r.clopperPearson[1], 3)}`;
  return r.count === 0 ? `0 of ${r.crises}: at most ${S.fmt(r.upper95, 3)} (one-sided 95%)` : `${S.fmt(r.p, 3)} [${ci}]`;
}

function ratesChart(summary) {
  return charts.intervals('base-rates', {
    title: `Base rates in ${summary.crises} crises (${summary.filter}), 95% Clopper–Pearson intervals`,
    xLabel: 'share of the class\'s crises (%)', first: 'share and Clopper–Pearson 95% interval',
    rows: summary.rates.filter((r) => r.crises > 0).map((r) => ({
      label: r.target, p: r.p, lo: r.clopperPearson[0], hi: r.clopperPearson[1]})),
  });
}

function view(summary) {
  const defs = Object.fromEntries(summary.definitions.map((d) => [d.target, d]));
  return h('div', {id: 'history-result'},
      h('p', {id: 'history-size'}, `${summary.crises} of ${summary.ofCrises} crises (${summary.data}) match `,
          h('code', {}, summary.filter), '.'),
      h('div', {class: 'charts'}, ratesChart(summary)),
      h('h2', {}, 'Base rates'),
      h('table', {id: 'history-rates'}, h('thead', {}, h('tr', {}, ['outcome', 'crises', 'count', 'share [95% Clopper–Pearson]',
        '95% Jeffreys', 'ICB', 'Spiral'].map((c) => h('th', {}, c)))),
      h('tbody', {}, summary.rates.map((r) => h('tr', {'data-target': r.target},
          h('td', {}, h('code', {}, r.target)), h('td', {class: 'num'}, String(r.crises)), h('td', {class: 'num'}, String(r.count)),
          h('td', {class: 'num'}, rateText(r)),
          h('td', {class: 'num'}, r.crises ? `${S.fmt(r.jeffreys[0], 3)}–${S.fmt(r.jeffreys[1], 3)}` : '–'),
          h('td', {}, defs[r.target] ? defs[r.target].icb : ''), h('td', {}, defs[r.target] ? defs[r.target].spiral : ''))))),
      h('details', {id: 'history-crises'}, h('summary', {}, `The ${summary.crises} crises`),
          h('table', {}, h('thead', {}, h('tr', {}, ['ICB', 'crisis', 'trigger', 'region', 'violence', 'form of outcome', 'nuclear-armed actors']
              .map((c) => h('th', {}, c)))),
          h('tbody', {}, summary.list.map((c) => h('tr', {}, h('td', {class: 'num'}, String(c.icb)), h('td', {}, c.name),
              h('td', {}, c.trigger), h('td', {}, c.region), h('td', {}, c.violence), h('td', {}, c.form),
              h('td', {class: 'num'}, String(c.nuclearActors))))))),
      h('p', {class: 'muted', id: 'history-citation'}, 'Data: ', summary.citation,
          ' The mapping of ICB codes onto Spiral\'s outcomes is a modelling choice (docs/HISTORY.md).'));
}

S.route('#/history', async (p, main) => {
  const status = h('div', {'aria-live': 'polite'});
  const out = h('div');
  const where = h('input', {id: 'history-where', name: 'where', value: p.where || 'nuclear=both',
    'aria-label': 'reference class filter', placeholder: 'e.g. nuclear=both trigger=violent', size: 50});
  const show = async () => {
    status.replaceChildren();
    try {
      const summary = await S.api('GET', `/api/history?where=${encodeURIComponent(where.value.trim())}`);
      out.replaceChildren(view(summary));
      history.replaceState(null, '', `#/history?where=${encodeURIComponent(where.value.trim())}`);
    } catch (err) {
      out.replaceChildren();
      status.replaceChildren(S.errorBox(err));
    }
  };
  S.add(main, h('h1', {}, 'Historical crises: the outside view'),
      h('p', {class: 'muted'}, 'A reference class of past crises and how they ended, with exact intervals: the base rates any model\'s '
          + 'numbers should be read against. Fields: years, region, nuclear (both, one, none, any), great-power, trigger, gravity, '
          + 'violence, protracted, actor, crisis, exclude; values as in spiral history --help.'),
      h('form', {class: 'toolbar', id: 'history-form', onsubmit: (e) => { e.preventDefault(); show(); }},
          h('label', {for: 'history-where'}, 'Reference class'), where, h('button', {type: 'submit', id: 'history-apply'}, 'Show')),
      status, out);
  await show();
});
