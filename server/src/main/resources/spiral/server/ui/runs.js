// Runs: the job page (live progress), result pages with charts, run history and comparison.
import * as charts from './charts.js';

const S = window.Spiral;
const {h} = S;
const OUTCOMES = ['CONTAINED', 'DEESCALATED', 'SETTLEMENT', 'PROTRACTED', 'NUCLEAR_USE'];
const POLL_MS = 500;
const KINETIC = ['none', 'less', 'proportional', 'more'];
let outcomeText = null; // the server's outcome definitions, fetched once

/** What each outcome means, from the server (GET /api), as a definition list. */
function definitions() {
  const list = h('dl', {});
  const box = h('div', {class: 'definitions', id: 'outcome-definitions'}, h('h2', {}, 'What the outcomes mean'), list);
  outcomeText = outcomeText || S.api('GET', '/api').then((r) => r.outcomes || {});
  outcomeText.then((defs) => {
    for (const o of OUTCOMES) if (defs[o]) S.add(list, h('dt', {}, o), h('dd', {}, defs[o]));
    box.dataset.ready = '1';
  }, (err) => { outcomeText = null; S.add(box, S.errorBox(err)); });
  return box;
}

/** P(direct war or nuclear use) of an option (P(direct war) in results stored before it). */
function warOrNuclear(o) {
  return o.warOrNuclear || o.directWar;
}

/** Whether the user may change things: facilitators (observers read). */
function canEdit() {
  return S.facilitates();
}

function when(ms) {
  return ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '–';
}

// ---------------------------------------------------------------------------------------------
// Charts of each kind of result. `runs` is [{name, result}] (one, or two to compare).

function outcomeBars(runs, title) {
  return charts.bars('outcomes', {
    title, xLabel: 'outcome', yLabel: 'probability',
    series: runs.map((r) => ({name: r.name, bars: OUTCOMES.filter((o) => r.outcomes[o]).map((o) => ({
      label: o, value: r.outcomes[o].p, lo: r.outcomes[o].ci95[0], hi: r.outcomes[o].ci95[1]}))})),
  });
}

function rungHistogram(runs, title) {
  const keys = runs.flatMap((r) => Object.keys(r.histogram).map(Number));
  const lo = Math.min(...keys);
  const hi = Math.max(...keys);
  const rungs = [];
  for (let k = lo; k <= hi; k++) rungs.push(k);
  return charts.bars('max-rung', {
    title, xLabel: 'highest rung reached', yLabel: 'share of runs',
    series: runs.map((r) => {
      const total = Object.values(r.histogram).reduce((a, b) => a + b, 0) || 1;
      return {name: r.name, bars: rungs.map((k) => ({label: String(k), value: (r.histogram[k] || 0) / total}))};
    }),
  });
}

/** The q-quantile of sorted numbers (the lower of the two middle values, as a rung is whole). */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
}

/**
 * Escalation paths: by default the median rung of the runs still going at each turn and their
 * 10%–90% band; runs picked in the list below are drawn over it, coloured by their outcome.
 */
function pathsChart(paths, title, id = 'paths', picked = []) {
  const turns = Math.max(...paths.map((p) => p.rungs.length));
  const lo = [];
  const med = [];
  const hi = [];
  for (let t = 0; t < turns; t++) {
    const at = paths.filter((p) => p.rungs.length > t).map((p) => p.rungs[t]).sort((a, b) => a - b);
    if (!at.length) break;
    lo.push([t, quantile(at, 0.1)]);
    med.push([t, quantile(at, 0.5)]);
    hi.push([t, quantile(at, 0.9)]);
  }
  const shown = paths.filter((p) => picked.includes(p.run));
  const outcomes = [...new Set(shown.map((p) => p.outcome))];
  return charts.lines(id, {
    title, xLabel: 'turn', yLabel: 'rung executed', step: true,
    band: {name: '10%–90% of the runs still going', lo, hi},
    groups: [{id: 'median', name: 'median rung of the runs still going'},
      ...outcomes.map((o) => ({id: o, name: `picked run: ${o}`}))],
    series: [{name: 'median of the runs still going', group: 'median', cls: 'median', points: med},
      ...shown.map((p) => ({name: `run ${p.run}: ${p.outcome}`, group: p.outcome, cls: `path-line ${p.outcome.toLowerCase()}`,
        points: p.rungs.map((r, t) => [t, r])}))],
    table: {columns: ['run', 'outcome', 'rungs by turn (turn 0: the initiating event)'],
      rows: paths.map((p) => [String(p.run), p.outcome, p.rungs.join(' ')])},
  });
}

/** The paths chart with a list to pick single runs to draw over the band. */
function pathsView(paths, title, id = 'paths') {
  let chart = pathsChart(paths, title, id);
  const pick = h('select', {multiple: true, size: '4', id: `${id}-pick`, class: 'paths-pick', 'aria-label': 'runs to draw'},
      paths.map((p) => h('option', {value: String(p.run)}, `run ${p.run}: ${p.outcome}, highest rung ${Math.max(...p.rungs)}`)));
  pick.addEventListener('change', () => {
    const runs = [...pick.selectedOptions].map((o) => Number(o.value));
    const next = pathsChart(paths, title, id, runs);
    chart.replaceWith(next);
    chart = next;
  });
  return h('div', {class: 'paths-view'}, chart,
      h('label', {class: 'pick-label', for: `${id}-pick`}, `Draw single runs over the band (of the first ${paths.length}):`), pick);
}

/** The deterrence/escalation trade-off: P(further attacks) against P(direct war or nuclear use). */
function optionsScatter(runs, title) {
  const one = runs.length === 1;
  return charts.scatter('pareto', {
    title, xLabel: 'P(further attacks): deterrence fails', yLabel: 'P(direct war or nuclear use)', zeroY: true,
    groups: one ? KINETIC.map((k) => ({id: k, name: `kinetic ${k}`})) : [],
    series: runs.map((r) => ({name: r.name, points: r.result.options.map((o) => ({
      label: o.id, x: o.furtherAttacks.p, y: warOrNuclear(o).p,
      xLo: o.furtherAttacks.ci95[0], xHi: o.furtherAttacks.ci95[1], yLo: warOrNuclear(o).ci95[0], yHi: warOrNuclear(o).ci95[1],
      group: one && KINETIC.includes(o.kinetic) ? o.kinetic : null,
      front: r.result.paretoFront.includes(o.id)}))})),
  });
}

function windowChart(result, title, id = 'window') {
  const w = result.window;
  const parties = Object.keys(w[0] ? w[0].reservations : {});
  const labels = Object.fromEntries(w.map((m) => [m.month, m.label]));
  const byLabel = Object.fromEntries(w.map((m) => [m.label, m.month]));
  const ranges = (result.openMonths || []).map(([from, to]) => ({
    from: (byLabel[from] ?? 0) - 0.5, to: (byLabel[to] ?? w.length - 1) + 0.5, label: `talks window open ${from} to ${to}`}));
  return charts.lines(id, {
    title, xLabel: 'month', yLabel: 'reservation value (utility)', xLabels: labels, ranges, rangesName: 'talks window open',
    area: {name: 'share of the agreement space in the zone of agreement', points: w.map((m) => [m.month, m.zoneShare])},
    series: parties.map((p) => ({name: `${p} reservation`, points: w.map((m) => [m.month, m.reservations[p]])})),
    table: {columns: ['month', 'label', ...parties.map((p) => `${p} reservation`), 'leverage', 'zone of agreement', 'zone share'],
      rows: w.map((m) => [String(m.month), m.label, ...parties.map((p) => m.reservations[p]), m.leverage, m.zoneExists ? 'yes' : 'no', m.zoneShare])},
  });
}

function sweepChart(result, title) {
  return charts.scatter('sweep', {
    title, xLabel: result.parameters[0], yLabel: result.outputs[0],
    series: [{name: '', points: result.points.map((p) => ({label: `point ${p.point}`, x: p.values[0], y: p.outputs[0], front: false}))}],
  });
}

/** The charts and tables of one result. */
function resultBody(kind, result) {
  const out = h('div', {class: 'result-body'});
  if (kind === 'simulate') {
    S.add(out, h('div', {class: 'charts'},
        outcomeBars([{name: '', outcomes: result.outcomes}], 'Outcome probabilities (95% intervals)'),
        rungHistogram([{name: '', histogram: result.maxRung.histogram}], 'Highest rung reached'),
        result.paths && result.paths.length ? pathsView(result.paths, `Escalation paths over turns: median and 10%–90% band of the first ${result.paths.length} runs`) : null),
    definitions(), h('h2', {}, 'Numbers'), numbersTable([{name: 'value', m: metrics(kind, result)}]));
  } else if (kind === 'options') {
    const best = result.options.find((o) => o.id === result.best) || result.options[0];
    S.add(out, h('div', {class: 'charts'},
        optionsScatter([{name: '', result}], 'The trade-off: further attacks against direct war or nuclear use (lower is better on both), Pareto front joined'),
        outcomeBars([{name: '', outcomes: best.outcomes}], `Outcome probabilities of the best option (${best.id})`),
        rungHistogram([{name: '', histogram: best.maxRung}], `Highest rung reached, best option (${best.id})`)),
    definitions(), h('h2', {}, 'Options, best first'), optionsRule(result), optionsTable(result));
  } else if (kind === 'negotiate') {
    S.add(out, h('div', {class: 'charts'}, windowChart(result, 'Negotiation window: reservation values and the zone of agreement over months')),
        h('h2', {}, 'Proposals'), proposalsTable(result), h('h2', {}, 'Numbers'), numbersTable([{name: 'value', m: metrics(kind, result)}]));
  } else if (kind === 'game') {
    S.add(out, gameView(result));
  } else if (kind === 'calibrate') {
    S.add(out, calibrationView(result));
  } else if (kind === 'study') {
    S.add(out, studyView(result));
  } else if (kind === 'sweep' && result.sensitivity) {
    S.add(out, h('div', {class: 'charts'}, sweepChart(result, `Sweep: ${result.outputs[0]} against ${result.parameters[0]}`)),
        sensitivityView(result));
    S.add(out, h('h2', {}, 'Points'), pointsTable(result));
  } else if (kind === 'sweep') {
    S.add(out, h('div', {class: 'charts'}, sweepChart(result, `Sweep: ${result.outputs[0]} against ${result.parameters[0]}`)),
        h('h2', {}, 'Points'), h('table', {}, h('thead', {}, h('tr', {}, ['point', ...result.parameters, ...result.outputs].map((c) => h('th', {}, c)))),
            h('tbody', {}, result.points.map((p) => h('tr', {}, h('td', {}, String(p.point)),
                [...p.values, ...p.outputs].map((v) => h('td', {class: 'num'}, S.fmt(v))))))));
  }
  return out;
}

/**
 * Scenario discovery (PRIM) on a sweep's points, as spiral discover: the condition marks the points
 * of interest, the server finds the box of parameter ranges where it holds most often, and the page
 * shows the box, each restriction's quasi-p-value and bootstrap stability, and the trajectory.
 */
function discoveryView(info) {
  const r = info.result;
  const output = h('select', {id: 'discover-output'}, r.outputs.map((o) => h('option', {value: o}, o)));
  const op = h('select', {id: 'discover-op'}, ['>', '>=', '<', '<='].map((o) => h('option', {value: o}, o)));
  const threshold = h('input', {id: 'discover-threshold', type: 'number', step: 'any', required: true});
  const coverage = h('input', {id: 'discover-coverage', type: 'number', step: 'any', min: '0', max: '1', value: '0.5'});
  const bootstrap = h('input', {id: 'discover-bootstrap', type: 'number', step: '1', min: '0', max: '1000', value: '100'});
  // the median of the chosen output: about half the points of interest, a place to start
  const median = () => {
    const k = r.outputs.indexOf(output.value);
    const ys = r.points.map((pt) => pt.outputs[k]).filter(Number.isFinite).sort((a, b) => a - b);
    return ys.length ? ys[Math.floor(ys.length / 2)] : 0;
  };
  threshold.value = String(median());
  output.onchange = () => { threshold.value = String(median()); };
  const status = h('div');
  const found = h('div', {id: 'discover-result'});
  const button = h('button', {type: 'submit', id: 'discover-run'}, 'Find the box');
  const run = async () => {
    status.replaceChildren();
    button.disabled = true;
    button.textContent = 'Finding…';
    const where = `${output.value} ${op.value} ${threshold.value}`;
    try {
      const q = new URLSearchParams({where, minCoverage: coverage.value, bootstrap: bootstrap.value});
      const d = await S.api('GET', `/api/results/${info.id}/discover?${q}`);
      found.replaceChildren(discoveryFound(d.discovery));
    } catch (err) {
      found.replaceChildren();
      status.replaceChildren(S.errorBox(err));
    } finally {
      button.disabled = false;
      button.textContent = 'Find the box';
    }
  };
  return h('section', {id: 'discovery'}, h('h2', {}, 'Scenario discovery (PRIM)'),
      h('p', {class: 'muted'}, 'Which parameter ranges make an outcome likely? The points whose output meets the condition are the '
          + 'points of interest; PRIM (Friedman & Fisher 1999) peels and pastes a box of parameter ranges around them and '
          + 'keeps the densest box with at least the asked coverage. Coverage: the share of the points of interest inside '
          + 'the box; density: the share of the points inside it that are of interest. The same analysis as spiral discover.'),
      h('form', {class: 'toolbar', id: 'discover-form', onsubmit: (e) => { e.preventDefault(); run(); }},
          h('label', {for: 'discover-output'}, 'Output'), output, h('label', {for: 'discover-op'}, 'is'), op,
          h('label', {for: 'discover-threshold'}, 'than'), threshold,
          h('label', {for: 'discover-coverage'}, 'least coverage'), coverage,
          h('label', {for: 'discover-bootstrap'}, 'bootstrap resamples'), bootstrap, button),
      status, found);
}

/** What discovery found: the chosen box's figures, its limits and the trajectory. */
function discoveryFound(f) {
  const base = f.interesting / f.points;
  const rows = f.parameters.map((l) => h('tr', {class: l.restricted ? 'restricted' : null}, h('td', {}, h('code', {}, l.parameter)),
      h('td', {class: 'num'}, l.restricted ? `${S.fmt(l.low, 4)} to ${S.fmt(l.high, 4)}` : 'not restricted'),
      h('td', {class: 'num'}, `${S.fmt(l.declaredLow, 4)} to ${S.fmt(l.declaredHigh, 4)}`),
      h('td', {class: 'num'}, l.quasiP === undefined ? '' : S.fmt(l.quasiP, 2)),
      h('td', {class: 'num'}, l.stability === undefined ? '' : `${Math.round(100 * l.stability)}%`)));
  const chosen = f.trajectory.find((st) => st.box === f.box);
  return h('div', {},
      h('p', {id: 'discover-summary'}, `${f.interesting} of ${f.points} points with ${f.where}. Box ${f.box}: coverage `
          + `${S.fmt(f.coverage, 3)}, density ${S.fmt(f.density, 3)} (base rate ${S.fmt(base, 3)}), mass ${S.fmt(f.mass, 3)}`
          + (f.limits.length ? `; it restricts ${f.limits.length} of ${f.parameters.length} parameters.`
            : '; no parameter is restricted: the condition is not concentrated in a box.')),
      h('div', {class: 'scroll', tabindex: '0'}, h('table', {id: 'discover-table'},
          h('thead', {}, h('tr', {}, ['parameter', 'box', 'declared range', 'quasi-p', `restricted in bootstrap (${f.bootstrap})`]
              .map((c) => h('th', {}, c)))),
          h('tbody', {}, rows))),
      h('div', {class: 'charts'}, charts.lines('discovery-trajectory', {
        title: `PRIM trajectory: ${f.peels} peels, then ${f.trajectory.length - 1 - f.peels} pastes; box ${f.box} chosen`,
        xLabel: 'box', yLabel: 'share',
        series: [{name: 'coverage', points: f.trajectory.map((st) => [st.box, st.coverage])},
          {name: 'density', points: f.trajectory.map((st) => [st.box, st.density])}],
        ranges: chosen ? [{from: f.box - 0.5, to: f.box + 0.5, label: `chosen box ${f.box}`}] : [], rangesName: 'chosen box',
        table: {columns: ['box', 'step', 'coverage', 'density', 'mass', 'points', 'of interest', 'restricted'],
          rows: f.trajectory.map((st) => [String(st.box), st.step, st.coverage, st.density, st.mass, String(st.points),
            String(st.interesting), String(st.restricted)])},
      })));
}

/**
 * The one-shot game: each response with the replies it meets (as chosen, and after an inadvertent
 * step up), both sides' payoffs, P(further attack), and whether it is the equilibrium, credible and
 * deterring; then what that says and how it compares with the simulation.
 */
function gameView(r) {
  const yes = (b) => (b ? 'yes' : 'no');
  const cmp = r.comparedWithSimulation;
  return h('div', {id: 'game-view'},
      h('p', {id: 'game-summary'}, `${r.game}. ${r.responder} answers ${r.initiator}'s attack at rung ${r.attackRung} `
          + `(perceived as ${r.perceivedAttack}); ${r.initiator} counter-responds. Payoffs rounded to ${r.decimals} decimals, `
          + 'then solved exactly by backward induction (subgame-perfect).'),
      h('table', {id: 'game-table'}, h('thead', {}, h('tr', {}, ['response', 'rung', 'P(step up)', 'reply as chosen', 'reply after a step up',
        `${r.responder}'s payoff`, `${r.initiator}'s payoff`, 'P(further attack)', 'equilibrium', 'credible', 'gap', 'deters']
          .map((c) => h('th', {}, c)))),
      h('tbody', {}, r.responses.map((row) => h('tr', {'data-response': row.response, class: row.equilibrium ? 'equilibrium' : null},
          h('td', {}, h('code', {}, row.response)), h('td', {class: 'num'}, String(row.rung)), h('td', {class: 'num'}, S.fmt(Number(row.stepUpProbability))),
          h('td', {}, `${row.replyAsChosen} (${row.replyAsChosenRung})`), h('td', {}, `${row.replyAfterStepUp} (${row.replyAfterStepUpRung})`),
          h('td', {class: 'num'}, S.fmt(Number(row.responderPayoff))), h('td', {class: 'num'}, S.fmt(Number(row.initiatorPayoff))),
          h('td', {class: 'num'}, S.fmt(Number(row.furtherAttackProbability))), h('td', {}, row.equilibrium ? 'yes' : ''),
          h('td', {}, yes(row.credible)), h('td', {class: 'num'}, S.fmt(Number(row.gap))), h('td', {}, yes(row.deters)))))),
      h('ul', {id: 'game-reading'},
          h('li', {}, 'Equilibrium response: ', h('strong', {}, r.equilibriumResponse), '.'),
          h('li', {}, 'Credible threats that deter (a best response once attacked, and no further attack in equilibrium): ',
              r.credibleDeterrents.length ? r.credibleDeterrents.join(', ') : 'none', '.'),
          r.incredibleDeterrents.length ? h('li', {}, `Would deter but are not credible (${r.responder} would rather play `
              + `${r.equilibriumResponse} once attacked): ${r.incredibleDeterrents.join(', ')}.`) : null),
      cmp ? h('div', {class: 'card', id: 'game-comparison'}, h('h2', {}, 'The game beside the simulation'),
          h('ul', {}, cmp.lines.map((l) => h('li', {}, l)))) : null);
}

function pointsTable(result) {
  return h('table', {}, h('thead', {}, h('tr', {}, ['point', ...result.parameters, ...result.outputs].map((c) => h('th', {}, c)))),
      h('tbody', {}, result.points.map((p) => h('tr', {}, h('td', {}, String(p.point)),
          [...p.values, ...p.outputs].map((v) => h('td', {class: 'num'}, S.fmt(v)))))));
}

const METHOD_TEXT = {
  sobol: 'Sobol indices (Saltelli design): S1, the share of the output\'s variance a parameter explains alone; ST, with its interactions; 95% bootstrap intervals.',
  morris: 'Morris elementary effects: μ*, the mean absolute effect of a step in the parameter; σ, how much that effect varies (interactions, curvature).',
  'rank-correlation': 'Spearman rank correlation of each parameter with the output over the points (this design is not made for variance-based indices).',
};

/** Which parameters drive each output: a chart of the leading index and a table, per output. */
function sensitivityView(result) {
  const num = (v) => (typeof v === 'number' ? v : NaN);
  return h('div', {id: 'sensitivity'}, h('h2', {}, 'What drives each output'),
      result.sensitivity.map((a, k) => {
        if (a.error) return h('p', {class: 'muted'}, `${a.output}: ${a.error}`);
        const bars = a.parameters.map((r) => {
          if (a.method === 'sobol') return {label: r.parameter, value: Math.max(0, num(r.total)), lo: Math.max(0, num(r.totalLow)), hi: num(r.totalHigh)};
          if (a.method === 'morris') return {label: r.parameter, value: num(r.muStar)};
          return {label: r.parameter, value: Math.abs(num(r.rankCorrelation))};
        }).filter((b) => Number.isFinite(b.value));
        const what = {sobol: 'total index ST', morris: 'μ*', 'rank-correlation': '|Spearman ρ|'}[a.method];
        const cols = a.method === 'sobol' ? ['parameter', 'S1', '95% interval', 'ST', '95% interval']
          : a.method === 'morris' ? ['parameter', 'μ*', 'σ'] : ['parameter', 'Spearman ρ'];
        const cells = (r) => (a.method === 'sobol'
          ? [r.first, `${S.fmt(r.firstLow, 3)} to ${S.fmt(r.firstHigh, 3)}`, r.total, `${S.fmt(r.totalLow, 3)} to ${S.fmt(r.totalHigh, 3)}`]
          : a.method === 'morris' ? [r.muStar, r.sigma] : [r.rankCorrelation]);
        return h('div', {class: 'sensitivity-output', 'data-output': a.output},
            h('h3', {}, `${a.output} (${a.method}, ${a.points} points)`),
            h('p', {class: 'muted'}, METHOD_TEXT[a.method] || ''),
            bars.length ? h('div', {class: 'charts'}, charts.bars(`sensitivity-${k}`, {
              title: `${a.output}: ${what} of each parameter`, xLabel: 'parameter', yLabel: what,
              series: [{name: '', bars}]})) : null,
            h('table', {class: 'sensitivity-table'}, h('thead', {}, h('tr', {}, cols.map((c) => h('th', {}, c)))),
                h('tbody', {}, a.parameters.map((r) => h('tr', {}, h('td', {}, h('code', {}, r.parameter)),
                    cells(r).map((v) => h('td', {class: 'num'}, typeof v === 'number' ? S.fmt(v, 4) : String(v ?? '–'))))))),
            a.warnings.length ? h('ul', {class: 'warnings'}, a.warnings.map((w) => h('li', {}, w))) : null);
      }));
}

/**
 * A calibration: how it stopped, each parameter's posterior against its prior, and the posterior
 * predictive check (the model's rates over posterior draws against the class's, with intervals).
 */
function calibrationView(r) {
  const range = (a, b) => `${S.fmt(a, 4)} to ${S.fmt(b, 4)}`;
  return h('div', {id: 'calibration-view'},
      h('p', {id: 'calibration-summary'}, `Calibrated to ${r.reference} (${r.classSize} crises): ${r.simulations.toLocaleString('en')} simulations, `
          + `effective sample size ${S.fmt(r.effectiveSampleSize, 0)}; stopped: ${r.stopReason}.`),
      h('div', {class: 'charts'}, charts.intervals('predictive', {
        title: 'Posterior predictive: the model\'s rates (95% band over posterior draws) against the class\'s (95% Clopper–Pearson)',
        xLabel: 'share of crises or runs (%)', first: 'the class: share and 95% Clopper–Pearson interval',
        second: 'the model: posterior 95% band, line at the mean',
        rows: r.predictive.map((q) => ({label: q.target, p: q.observed, lo: q.observedCi[0], hi: q.observedCi[1],
          p2: q.predicted, lo2: q.predictedBand[0], hi2: q.predictedBand[1]})),
      })),
      h('h2', {}, 'Posterior against prior'),
      h('table', {id: 'calibration-marginals'}, h('thead', {}, h('tr', {}, ['parameter', 'prior', 'posterior mean', '90% credible interval', 'median']
          .map((c) => h('th', {}, c)))),
      h('tbody', {}, r.marginals.map((q) => h('tr', {}, h('td', {}, h('code', {}, q.parameter)), h('td', {}, q.prior),
          h('td', {class: 'num'}, S.fmt(q.mean)), h('td', {class: 'num'}, range(q.q05, q.q95)), h('td', {class: 'num'}, S.fmt(q.median)))))),
      h('h2', {}, 'Posterior predictive check'),
      h('table', {id: 'calibration-predictive'}, h('thead', {}, h('tr', {}, ['outcome', 'the class', 'its 95% interval', 'the model',
        'its 95% band', 'inside'].map((c) => h('th', {}, c)))),
      h('tbody', {}, r.predictive.map((q) => h('tr', {'data-inside': String(q.inside)}, h('td', {}, h('code', {}, q.target)),
          h('td', {class: 'num'}, `${q.count} of ${q.crises}`), h('td', {class: 'num'}, range(q.observedCi[0], q.observedCi[1])),
          h('td', {class: 'num'}, S.fmt(q.predicted)), h('td', {class: 'num'}, range(q.predictedBand[0], q.predictedBand[1])),
          h('td', {}, q.inside ? 'yes' : 'NO'))))),
      h('details', {}, h('summary', {}, 'Generations'), h('table', {}, h('thead', {}, h('tr', {},
          ['generation', 'tolerance', 'acceptance', 'effective sample size', 'simulations'].map((c) => h('th', {}, c)))),
      h('tbody', {}, r.generations.map((g) => h('tr', {}, h('td', {class: 'num'}, String(g.index)),
          h('td', {class: 'num'}, typeof g.tolerance === 'number' ? S.fmt(g.tolerance) : String(g.tolerance)),
          h('td', {class: 'num'}, S.fmt(g.acceptance, 3)), h('td', {class: 'num'}, typeof g.ess === 'number' ? S.fmt(g.ess, 0) : String(g.ess)),
          h('td', {class: 'num'}, String(g.simulations))))))),
      h('p', {class: 'muted'}, 'Data: ', r.citation));
}

/**
 * RAND's study: the case × option matrix of scores (B the best, R the most robust), then per case
 * its best option's P(direct war or nuclear use) with both intervals and how often each option is
 * best across the parameter sets, and how the answer shifts as the attack grows.
 */
function studyView(r) {
  const cases = r.scenarios;
  return h('div', {id: 'study-view'},
      h('p', {id: 'study-shift'}, r.shift),
      h('table', {id: 'study-matrix'}, h('thead', {}, h('tr', {}, h('th', {}, 'option \\ case (rung)'),
          cases.map((c) => h('th', {class: 'num'}, `${c.scenario} (${c.rung})`)))),
      h('tbody', {}, r.options.map((id) => h('tr', {'data-option': id}, h('td', {}, h('code', {}, id)),
          cases.map((c) => {
            const v = c.scores[id];
            const mark = `${id === c.best ? ' B' : ''}${id === c.mostRobust ? ' R' : ''}`;
            return h('td', {class: `num${id === c.best ? ' best' : ''}`}, v === undefined ? '–' : S.fmt(v, 4) + mark);
          }))))),
      h('p', {class: 'muted'}, 'Scores are each case\'s goals normalised across its options (worst 0, best the goal\'s weight). '
          + 'B: the best score; R: the most robust (minimax regret over the parameter sets).'),
      h('ul', {id: 'study-cases'}, cases.map((c) => {
        const best = c.detail.options.find((o) => o.id === c.best) || c.detail.options[0];
        const w = warOrNuclear(best);
        const g = c.detail.regret;
        const mine = g ? g.options.find((o) => o.id === c.best) : null;
        const shares = g ? [...g.options].filter((o) => o.bestShare > 0).sort((a, b) => b.bestShare - a.bestShare)
            .map((o) => `${o.id} ${Math.round(100 * o.bestShare)}%`).join(', ') : '';
        return h('li', {'data-case': c.scenario}, h('strong', {}, c.scenario), `: best ${c.best}, most robust ${c.mostRobust}; `
            + `P(direct war or nuclear use) after ${c.best} ${S.fmt(w.p, 4)}, Monte Carlo 95% ${S.fmt(w.ci95[0], 4)}–${S.fmt(w.ci95[1], 4)}`
            + (mine && mine.warOrNuclear95 ? `, total 95% across the parameter sets ${S.fmt(mine.warOrNuclear95[0], 4)}–${S.fmt(mine.warOrNuclear95[1], 4)}` : '')
            + (shares ? `; best across the sets: ${shares}` : '') + '.');
      })));
}

/** How the table reads: normalised scores, and when a gap is a real difference. */
function optionsRule(result) {
  const md = typeof result.meaningfulDifference === 'number' ? String(Number(result.meaningfulDifference.toFixed(3))) : null;
  return h('p', {class: 'rule', id: 'options-rule'}, 'Scores are normalised per goal across the options (worst 0, best the goal\'s weight) and summed. ',
      md === null ? 'A gap to the best is real when its paired 95% interval excludes zero. '
        : `A gap to the best is a real difference only when its whole paired 95% interval lies beyond the minimum meaningful difference of ${md}; otherwise it is within noise. `,
      '“Gap from” is the goal that contributes most to the gap. The Pareto front holds the options that no other beats on both P(further attacks) and P(direct war or nuclear use).');
}

function optionsTable(result) {
  const ci = (pr) => `${S.fmt(pr.ci95[0], 3)}–${S.fmt(pr.ci95[1], 3)}`;
  const gap = (o) => {
    const d = o.differenceFromBest;
    if (o.id === result.best || !d) return h('td', {class: 'num'}, '—');
    return h('td', {class: 'num'}, S.fmt(d.mean, 3), h('br', {}), h('span', {class: 'muted'}, `${S.fmt(d.ci95[0], 3)} to ${S.fmt(d.ci95[1], 3)}`),
        h('br', {}), d.significant ? h('span', {class: 'real'}, 'real difference') : h('span', {class: 'muted'}, 'within noise'));
  };
  const prob = (pr) => h('td', {class: 'num'}, S.fmt(pr.p, 4), h('br', {}), h('span', {class: 'muted'}, ci(pr)));
  return h('table', {id: 'options-table'}, h('thead', {}, h('tr', {}, ['rank', 'option', 'kinetic', 'rung', 'score', 'gap to the best', 'gap from',
    'P(further attacks)', 'P(war or nuclear)', 'P(nuclear use)', 'credibility', 'Pareto front']
      .map((c) => h('th', {}, c)))), h('tbody', {}, result.options.map((o) => h('tr', {'data-option': o.id},
      h('td', {class: 'num'}, String(o.rank)), h('td', {}, o.name, ' ', h('code', {}, o.id)),
      h('td', {}, h('span', {class: `swatch k-${o.kinetic}`}), ' ', o.kinetic), h('td', {class: 'num'}, String(o.rung)),
      h('td', {class: 'num'}, S.fmt(o.score.mean)), gap(o), h('td', {class: 'gap-driver'}, o.gapDriver || '—'),
      prob(o.furtherAttacks), prob(warOrNuclear(o)), prob(o.nuclearUse),
      h('td', {class: 'num'}, S.fmt(o.credibility.mean)), h('td', {}, result.paretoFront.includes(o.id) ? 'yes' : '')))));
}

function proposalsTable(result) {
  const parties = result.parties.map((p) => p.id);
  return h('table', {id: 'proposals-table'}, h('thead', {}, h('tr', {}, ['proposal', 'by', 'date', ...parties.map((p) => `${p} utility`), 'accepted by all']
      .map((c) => h('th', {}, c)))), h('tbody', {}, result.proposals.map((p) => h('tr', {},
      h('td', {}, p.name), h('td', {}, p.by), h('td', {}, p.date), parties.map((q) => h('td', {class: 'num'}, S.fmt(p.utilities[q]))),
      h('td', {}, p.acceptedByAll ? 'yes' : 'no')))));
}

/** The headline numbers of a result, as [label, value] pairs, for tables and comparisons. */
function metrics(kind, r) {
  const m = [];
  if (kind === 'simulate') {
    // which way is better, only where the scenario's goals (the responder's) say so
    const goals = new Set((r.goals || []).filter((g) => g.weight > 0).map((g) => g.metric));
    const way = {NUCLEAR_USE: ['nuclearAvoidance', 'lower'], SETTLEMENT: ['settlement', 'higher'], directWar: ['warAvoidance', 'lower'],
      furtherAttacks: ['deterrence', 'lower'], strategic: ['nuclearAvoidance', 'lower'], responderCredibility: ['credibility', 'higher'],
      cohesion: ['cohesion', 'higher'], punishmentByResponder: ['punishment', 'higher']};
    const better = (k) => (way[k] && goals.has(way[k][0]) ? way[k][1] : null);
    for (const o of OUTCOMES) if (r.outcomes[o]) m.push([`P(${o})`, r.outcomes[o].p, r.outcomes[o].ci95, better(o)]);
    for (const [k, v] of Object.entries(r.flags || {})) m.push([`P(${k})`, v.p, v.ci95, better(k)]);
    m.push(['highest rung, mean', r.maxRung.mean], ['turns, mean', r.turns.mean], ['turns, median', r.turns.p50], ['turns, 90th percentile', r.turns.p90]);
    for (const [k, v] of Object.entries(r.means || {})) m.push([`${k}, mean`, v.mean, v.ci95, better(k)]);
    m.push(['runs', r.runs]);
  } else if (kind === 'options') {
    m.push(['best option', r.best]);
    // which way is better, only where the scenario's goals say so
    const goals = new Set((r.goals || []).filter((g) => g.weight > 0).map((g) => g.metric));
    const lowerIf = (...metrics) => (metrics.some((x) => goals.has(x)) ? 'lower' : null);
    for (const o of r.options) m.push([`score: ${o.id}`, o.score.mean, o.score.ci95, 'higher']);
    for (const o of r.options) m.push([`P(further attacks): ${o.id}`, o.furtherAttacks.p, o.furtherAttacks.ci95, lowerIf('deterrence')]);
    for (const o of r.options) m.push([`P(war or nuclear): ${o.id}`, warOrNuclear(o).p, warOrNuclear(o).ci95, lowerIf('warAvoidance', 'nuclearAvoidance')]);
    for (const o of r.options) m.push([`P(direct war): ${o.id}`, o.directWar.p, o.directWar.ci95, lowerIf('warAvoidance')]);
    m.push(['runs per option', r.runs]);
  } else if (kind === 'negotiate') {
    m.push(['agreement space points', r.space.points], ['zone of agreement exists', r.space.zoneExists ? 'yes' : 'no'],
        ['zone share', r.space.zoneShare], ['Pareto points', r.space.paretoPoints]);
    for (const p of r.parties) m.push([`reservation: ${p.id}`, p.reservation]);
    for (const w of r.window) m.push([`zone share ${w.label}`, w.zoneShare]);
    m.push(['open months', (r.openMonths || []).map((x) => x.join('–')).join(', ') || 'none']);
  } else if (kind === 'study') {
    for (const row of r.scenarios) m.push([`best: ${row.scenario}`, row.best], [`most robust: ${row.scenario}`, row.mostRobust]);
    for (const row of r.scenarios) for (const [id, v] of Object.entries(row.scores)) m.push([`score: ${row.scenario}: ${id}`, v]);
  } else if (kind === 'calibrate') {
    for (const q of r.marginals) m.push([`posterior mean: ${q.parameter}`, q.mean, [q.q05, q.q95]]);
    for (const q of r.predictive) m.push([`model P(${q.target})`, q.predicted, q.predictedBand]);
    for (const q of r.predictive) m.push([`class share: ${q.target}`, q.observed, q.observedCi]);
    m.push(['simulations', r.simulations], ['effective sample size', r.effectiveSampleSize]);
  } else if (kind === 'game') {
    m.push(['equilibrium response', r.equilibriumResponse]);
    for (const row of r.responses) m.push([`${r.responder}'s payoff: ${row.response}`, Number(row.responderPayoff)]);
    for (const row of r.responses) m.push([`P(further attack): ${row.response}`, Number(row.furtherAttackProbability)]);
    m.push(['credible deterrents', r.credibleDeterrents.join(', ') || 'none']);
  } else if (kind === 'sweep') {
    r.outputs.forEach((o, i) => {
      const vals = r.points.map((p) => p.outputs[i]);
      m.push([`${o}, mean over points`, vals.reduce((a, b) => a + b, 0) / (vals.length || 1)]);
    });
    m.push(['points', r.points.length], ['runs per point', r.runs]);
  }
  return m;
}

/**
 * The 95% interval of B − A from each figure's own 95% interval, the two runs taken as independent:
 * Newcombe's (1998) method 10, which combines the two Wilson intervals of proportions (and is the
 * usual sum of squared half-widths for symmetric intervals of means).
 */
function differenceInterval(a, ciA, b, ciB) {
  const d = b - a;
  const lower = d - Math.sqrt((b - ciB[0]) ** 2 + (ciA[1] - a) ** 2);
  const upper = d + Math.sqrt((ciB[1] - b) ** 2 + (a - ciA[0]) ** 2);
  return [lower, upper];
}

/**
 * A table of metrics: one column per run and, with two, their difference with its 95% interval,
 * marked when the interval excludes zero (beyond sampling error). The colours are neutral: a
 * higher number is not better or worse by itself.
 */
function numbersTable(cols) {
  const diff = cols.length === 2;
  return h('table', {class: 'numbers', id: diff ? 'compare-table' : 'numbers-table'},
      h('thead', {}, h('tr', {}, h('th', {}, ''), cols.map((c) => h('th', {class: 'num'}, c.name)),
          diff ? [h('th', {class: 'num'}, 'B − A'), h('th', {class: 'num'}, '95% interval of B − A'), h('th', {}, 'beyond sampling error?'),
            h('th', {}, 'better, by the goals')] : null)),
      h('tbody', {}, cols[0].m.map(([label, a, ciA, better], i) => {
        const [, b, ciB] = diff && cols[1].m[i] ? cols[1].m[i] : [];
        const d = diff && typeof a === 'number' && typeof b === 'number' ? b - a : null;
        const iv = d !== null && ciA && ciB ? differenceInterval(a, ciA, b, ciB) : null;
        const beyond = iv ? iv[0] > 0 || iv[1] < 0 : null;
        return h('tr', {'data-beyond': beyond === null ? null : String(beyond), 'data-better': better || null}, h('td', {}, label),
            cols.map((c) => h('td', {class: 'num'}, S.fmt(c.m[i] && c.m[i][1]))),
            diff ? [h('td', {class: 'num'}, d === null ? (a === b ? '' : 'differs') : (d > 0 ? '+' : '') + S.fmt(d)),
              h('td', {class: 'num'}, iv ? `${S.fmt(iv[0])} to ${S.fmt(iv[1])}` : ''),
              h('td', {class: beyond ? 'beyond' : 'muted'}, beyond === null ? (d === null ? '' : 'no interval') : beyond ? 'yes' : 'no'),
              // a side is named only when the difference is real and the goals give the metric a direction
              h('td', {class: 'better'}, beyond && better ? ((d > 0) === (better === 'higher') ? 'B' : 'A') : '')] : null);
      })));
}

// ---------------------------------------------------------------------------------------------
// Pages.

function metaList(info) {
  return h('dl', {class: 'meta'},
      h('dt', {}, 'Kind'), h('dd', {}, info.kind),
      h('dt', {}, 'Scenario'), h('dd', {}, info.scenario === 'rand-study'
        ? h('a', {href: '#/study'}, 'RAND\'s study: rand-a-satellite, rand-b-depot, rand-c-airbases, rand-d-ports')
        : h('a', {href: `#/scenarios/${encodeURIComponent(info.scenario)}`},
            /^\d+$/.test(info.scenario) ? `stored scenario #${info.scenario}` : info.scenario)),
      h('dt', {}, 'Seed'), h('dd', {id: 'meta-seed'}, String(info.seed)),
      h('dt', {}, 'Parameters'), h('dd', {class: 'mono'}, JSON.stringify(info.parameters)),
      h('dt', {}, 'Version'), h('dd', {}, info.version),
      h('dt', {}, 'Scenario hash'), h('dd', {class: 'mono'}, info.scenarioHash),
      h('dt', {}, 'Result hash'), h('dd', {class: 'mono'}, info.resultHash, info.intact === false ? h('strong', {class: 'error'}, ' altered since stored!') : null),
      h('dt', {}, 'Computed'), h('dd', {}, when(info.createdAt)));
}

function illustrative(list) {
  if (!list || !list.length) return null;
  return h('div', {class: 'illustrative', id: 'illustrative'},
      h('strong', {}, 'Illustrative assumptions: '), 'these inputs of the scenario are illustrative, not sourced; read the numbers as what follows from them.',
      h('ul', {}, list.map((x) => h('li', {}, x))));
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(v) {
  const t = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The result's headline numbers as CSV, each with its 95% interval where it has one. */
function metricsCsv(info) {
  const rows = [['metric', 'value', 'ci95_lo', 'ci95_hi']];
  for (const [label, v, ci] of metrics(info.kind, info.result)) rows.push([label, v, ci ? ci[0] : '', ci ? ci[1] : '']);
  return `# spiral ${info.version}, result ${info.id}: ${info.kind} of ${info.scenario}, seed ${info.seed}\n`
    + rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/**
 * Download buttons: the stored result as JSON (with its provenance), its numbers as CSV, and the
 * self-contained HTML report where the result kept one (the command line's --report).
 */
function downloads(info) {
  return h('span', {class: 'downloads', id: 'downloads'}, h('span', {class: 'muted'}, 'Download:'),
      h('button', {type: 'button', class: 'secondary', id: 'download-json',
        onclick: () => charts.save(`result-${info.id}.json`, 'application/json', JSON.stringify(info, null, 2) + '\n')}, 'JSON'),
      h('button', {type: 'button', class: 'secondary', id: 'download-csv',
        onclick: () => charts.save(`result-${info.id}.csv`, 'text/csv', metricsCsv(info))}, 'CSV'),
      info.report ? h('a', {class: 'button secondary', id: 'download-report', href: `/api/results/${info.id}/report`,
        download: `spiral-result-${info.id}.html`}, 'HTML report') : null,
      info.kind === 'sweep' ? [
        h('button', {type: 'button', class: 'secondary', id: 'download-points-csv',
          onclick: () => charts.save(`spiral-result-${info.id}-points.csv`, 'text/csv', pointsCsv(info.result))}, 'Points (CSV)'),
        h('a', {class: 'button secondary', id: 'download-points-parquet', href: `/api/results/${info.id}/points.parquet`,
          download: `spiral-result-${info.id}-points.parquet`}, 'Points (Parquet)')] : null);
}

/** A sweep's points with the columns of spiral sweep's results.csv: point, parameters, seed, outputs. */
function pointsCsv(r) {
  const rows = [['point', ...r.parameters, 'seed', ...r.outputs]];
  for (const p of r.points) rows.push([p.point, ...p.values, r.seed, ...p.outputs]);
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

function resultView(info, main) {
  const status = h('div');
  S.add(main, h('h1', {}, `Result #${info.id}: ${info.kind} of ${info.scenario}`),
      h('div', {class: 'toolbar'},
          canEdit() ? h('button', {type: 'button', id: 'rerun', onclick: async () => {
            try {
              const job = await S.api('POST', `/api/results/${info.id}/rerun`);
              S.go(`#/jobs/${job.id}`);
            } catch (err) {
              status.replaceChildren(S.errorBox(err));
            }
          }}, 'Re-run exactly') : null,
          h('a', {class: 'button secondary', href: `#/runs?kind=${info.kind}&scenario=${encodeURIComponent(info.scenario)}&pick=${info.id}`}, 'Compare with…'),
          downloads(info)),
      status,
      h('div', {class: 'row'}, h('div', {class: 'card'}, metaList(info)), illustrative(info.result.illustrative)),
      resultBody(info.kind, info.result),
      info.kind === 'sweep' && info.result.points && info.result.points.length ? discoveryView(info) : null);
}

S.route('#/results/:id', async (p, main) => {
  resultView(await S.api('GET', `/api/results/${encodeURIComponent(p.id)}`), main);
});

S.route('#/jobs/:id', async (p, main) => {
  const bar = h('progress', {id: 'job-progress', max: '1', value: '0'});
  const pct = h('span', {id: 'job-percent'}, '0%');
  const state = h('span', {id: 'job-state', class: 'badge'}, '…');
  const eta = h('span', {id: 'job-eta', class: 'muted'});
  const status = h('div');
  const below = h('div');
  let timer = null;
  let stopped = false;
  S.onLeave(() => { stopped = true; clearTimeout(timer); });
  const cancel = h('button', {type: 'button', id: 'job-cancel', class: 'danger', onclick: async () => {
    try {
      show(await S.api('DELETE', `/api/jobs/${p.id}`));
    } catch (err) {
      status.replaceChildren(S.errorBox(err));
    }
  }}, 'Cancel');
  const title = h('h1', {}, `Job #${p.id}`);
  S.add(main, title, h('div', {class: 'card'},
      h('div', {class: 'progress-line'}, state, pct, eta, canEdit() ? cancel : null), bar), status, below);
  let ended = false; // once an ending is shown, a late answer of an earlier poll changes nothing
  async function show(job) {
    if (ended) return;
    ended = !(job.state === 'queued' || job.state === 'running');
    title.textContent = `Job #${job.id}: ${job.kind} of ${job.scenario} (seed ${job.seed})`;
    state.textContent = job.state;
    main.dataset.state = job.state;
    bar.value = job.progress;
    pct.textContent = `${Math.floor(job.progress * 100)}%`;
    eta.textContent = job.state === 'running' && job.etaSeconds !== null ? `about ${Math.ceil(job.etaSeconds)} s left` : '';
    cancel.hidden = !(job.state === 'queued' || job.state === 'running');
    if (job.state === 'failed' || job.state === 'cancelled') {
      status.replaceChildren(h('div', {class: 'error', id: 'job-error'}, job.state === 'cancelled' ? 'Cancelled.' : `Failed: ${job.error || 'unknown error'}`));
      stopped = true;
    }
    if (job.state === 'done') {
      stopped = true;
      const info = await S.api('GET', `/api/results/${job.resultId}`);
      history.replaceState(null, '', `#/results/${job.resultId}`);
      eta.textContent = job.finishedAt && job.startedAt ? `done in ${((job.finishedAt - job.startedAt) / 1000).toFixed(1)} s` : 'done';
      resultView(info, below);
    }
  }
  async function poll() {
    if (stopped) return;
    try {
      await show(await S.api('GET', `/api/jobs/${encodeURIComponent(p.id)}`));
    } catch (err) {
      if (err.status === 401) return;
      status.replaceChildren(S.errorBox(err));
      if (err.status === 404) return;
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }
  await poll();
});

async function historyPage(p, main, compareMode) {
  const all = (await S.api('GET', '/api/results?limit=1000')).results;
  const scenarios = [...new Set(all.map((r) => r.scenario))].sort();
  const kind = h('select', {id: 'filter-kind', 'aria-label': 'kind'}, h('option', {value: ''}, 'all kinds'),
      ['simulate', 'options', 'negotiate', 'sweep', 'game', 'calibrate', 'study'].map((k) => h('option', {value: k, selected: p.kind === k}, k)));
  const scenario = h('select', {id: 'filter-scenario', 'aria-label': 'scenario'}, h('option', {value: ''}, 'all scenarios'),
      scenarios.map((s) => h('option', {value: s, selected: p.scenario === s}, s)));
  const picked = new Set(p.pick ? [String(p.pick)] : []);
  const note = h('span', {class: 'muted', id: 'pick-note'});
  const compare = h('button', {type: 'button', id: 'compare', onclick: () => {
    const [a, b] = [...picked];
    S.go(`#/compare/${a}/${b}`);
  }}, 'Compare the two');
  const body = h('tbody');
  const sync = () => {
    const kinds = new Set(all.filter((r) => picked.has(String(r.id))).map((r) => r.kind));
    compare.disabled = picked.size !== 2 || kinds.size !== 1;
    note.textContent = picked.size === 2 && kinds.size !== 1 ? 'Pick two results of the same kind.'
      : `${picked.size} of 2 picked`;
  };
  const fill = () => {
    const rows = all.filter((r) => (!kind.value || r.kind === kind.value) && (!scenario.value || r.scenario === scenario.value));
    body.replaceChildren(...rows.map((r) => {
      const box = h('input', {type: 'checkbox', class: 'pick', 'aria-label': `pick result ${r.id}`, 'data-id': String(r.id),
        checked: picked.has(String(r.id)), onchange: () => {
          if (box.checked) picked.add(String(r.id)); else picked.delete(String(r.id));
          if (picked.size > 2) { picked.delete([...picked][0]); fill(); }
          sync();
        }});
      return h('tr', {'data-result': String(r.id)}, h('td', {}, box),
          h('td', {}, h('a', {href: `#/results/${r.id}`}, `#${r.id}`)), h('td', {}, r.kind), h('td', {}, r.scenario),
          h('td', {class: 'num'}, String(r.seed)), h('td', {class: 'mono'}, JSON.stringify(r.parameters)), h('td', {}, when(r.createdAt)));
    }));
    if (!rows.length) S.add(body, h('tr', {}, h('td', {colspan: '7', class: 'muted'}, 'No results yet: run an analysis from a scenario.')));
    sync();
  };
  kind.addEventListener('change', fill);
  scenario.addEventListener('change', fill);
  S.add(main, h('h1', {}, compareMode ? 'Compare two runs' : 'Run history'),
      h('p', {class: 'muted'}, 'Stored results, newest first. Tick two results of the same kind to compare them.'),
      h('div', {class: 'toolbar'}, kind, scenario, compare, note),
      h('table', {id: 'results-table'}, h('thead', {}, h('tr', {}, ['', 'result', 'kind', 'scenario', 'seed', 'parameters', 'computed'].map((c) => h('th', {}, c)))), body));
  fill();
}

S.route('#/runs', (p, main) => historyPage(p, main, false));
S.route('#/compare', (p, main) => historyPage(p, main, true));

S.route('#/compare/:a/:b', async (p, main) => {
  const [a, b] = await Promise.all([S.api('GET', `/api/results/${encodeURIComponent(p.a)}`), S.api('GET', `/api/results/${encodeURIComponent(p.b)}`)]);
  S.add(main, h('h1', {}, `Compare result #${a.id} (A) and #${b.id} (B)`));
  if (a.kind !== b.kind) {
    S.add(main, h('div', {class: 'error'}, `These are a ${a.kind} and a ${b.kind} result: pick two of the same kind.`));
    return;
  }
  const A = `A #${a.id}`;
  const B = `B #${b.id}`;
  S.add(main, h('div', {class: 'compare-cols'}, h('div', {class: 'card'}, h('h2', {}, A), metaList(a)), h('div', {class: 'card'}, h('h2', {}, B), metaList(b))));
  const together = h('div', {class: 'charts', id: 'compare-charts'});
  if (a.kind === 'simulate') {
    S.add(together, outcomeBars([{name: A, outcomes: a.result.outcomes}, {name: B, outcomes: b.result.outcomes}], 'Outcome probabilities (95% intervals)'),
        rungHistogram([{name: A, histogram: a.result.maxRung.histogram}, {name: B, histogram: b.result.maxRung.histogram}], 'Highest rung reached'),
        definitions());
    if (a.result.paths && a.result.paths.length) S.add(together, pathsView(a.result.paths, `Escalation paths, ${A}`, 'paths-a'));
    if (b.result.paths && b.result.paths.length) S.add(together, pathsView(b.result.paths, `Escalation paths, ${B}`, 'paths-b'));
  } else if (a.kind === 'options') {
    S.add(together, optionsScatter([{name: A, result: a.result}, {name: B, result: b.result}], 'The trade-off: further attacks against direct war or nuclear use, Pareto fronts'));
  } else if (a.kind === 'negotiate') {
    S.add(together, windowChart(a.result, `Negotiation window, ${A}`, 'window-a'), windowChart(b.result, `Negotiation window, ${B}`, 'window-b'));
  } else if (a.kind === 'sweep') {
    S.add(together, sweepChart(a.result, `Sweep, ${A}`), sweepChart(b.result, `Sweep, ${B}`));
  }
  S.add(main, h('h2', {}, 'Numbers side by side'), numbersTable([{name: A, m: metrics(a.kind, a.result)}, {name: B, m: metrics(b.kind, b.result)}]),
      h('h2', {}, 'Charts'), together);
});
