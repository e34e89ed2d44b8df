// Scenario library, YAML editor with live validation, and the run form.
const {h} = window.Spiral;
const S = window.Spiral;
const LINE_HEIGHT = 18; // px, as in app.css (.editor textarea)

/** Whether the user may change things: facilitators (observers read). */
export function canEdit() {
  return S.facilitates();
}

S.route('#/scenarios', async (params, main) => {
  const list = (await S.api('GET', '/api/scenarios')).scenarios;
  const status = h('div');
  S.add(main, h('h1', {}, 'Scenarios'),
      h('div', {class: 'toolbar'}, canEdit() ? h('a', {class: 'button', id: 'new-scenario', href: '#/scenarios/new'}, 'New scenario') : null,
          canEdit() ? h('a', {class: 'button secondary', id: 'run-study', href: '#/study'}, 'RAND\'s study (cases A–D)') : null,
          h('a', {class: 'button secondary', href: '#/runs'}, 'Run history')),
      status,
      h('table', {id: 'scenario-list'},
          h('thead', {}, h('tr', {}, ['Name', 'Title', 'Kind', 'Source', ''].map((c) => h('th', {}, c)))),
          h('tbody', {}, list.map((sc) => h('tr', {'data-scenario': sc.name},
              h('td', {}, h('a', {href: `#/scenarios/${encodeURIComponent(sc.id)}`}, sc.name)),
              h('td', {}, sc.title || ''),
              h('td', {}, [sc.escalation ? 'escalation' : null, sc.negotiation ? 'negotiation' : null].filter(Boolean).join(', ') || '–'),
              h('td', {}, sc.builtin ? 'built-in' : `stored #${sc.id}`),
              h('td', {class: 'actions'},
                  h('a', {class: 'button secondary', href: `#/scenarios/${encodeURIComponent(sc.id)}`}, sc.builtin || !canEdit() ? 'View' : 'Edit'), ' ',
                  canEdit() ? h('a', {class: 'button run', href: `#/scenarios/${encodeURIComponent(sc.id)}/run`}, 'Run') : null, ' ',
                  canEdit() && !sc.builtin ? h('button', {type: 'button', class: 'danger', onclick: async () => {
                    if (!confirm(`Delete scenario ${sc.name} (#${sc.id})? Its results stay.`)) return;
                    try {
                      await S.api('DELETE', `/api/scenarios/${sc.id}`);
                      S.go('#/scenarios');
                    } catch (err) {
                      status.replaceChildren(S.errorBox(err));
                    }
                  }}, 'Delete') : null))))));
});

/**
 * A text area with a line-number gutter. problems(list) marks lines; jump(line, column)
 * selects the place and scrolls it into view.
 */
function yamlEditor(text, readOnly) {
  const gutter = h('div', {class: 'gutter', 'aria-hidden': 'true'});
  const area = h('textarea', {id: 'yaml', name: 'yaml', spellcheck: false, readOnly, value: text,
    'aria-label': 'Scenario (YAML)', wrap: 'off'});
  let bad = new Set();
  let shown = -1;
  const numbers = () => {
    const n = area.value.split('\n').length;
    if (n === shown && !numbers.dirty) return;
    shown = n;
    numbers.dirty = false;
    const lines = [];
    for (let i = 1; i <= n; i++) lines.push(h('div', {class: bad.has(i) ? 'bad' : null}, String(i)));
    gutter.replaceChildren(...lines);
    gutter.scrollTop = area.scrollTop;
  };
  area.addEventListener('input', numbers);
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });
  numbers();
  return {
    el: h('div', {class: 'editor'}, gutter, area),
    area,
    problems(list) {
      bad = new Set(list.map((p) => p.line).filter((l) => l > 0));
      numbers.dirty = true;
      numbers();
    },
    jump(line, column) {
      const lines = area.value.split('\n');
      const l = Math.min(Math.max(line, 1), lines.length);
      let at = 0;
      for (let i = 0; i < l - 1; i++) at += lines[i].length + 1;
      const col = Math.min(Math.max((column || 1) - 1, 0), lines[l - 1].length);
      area.focus();
      area.setSelectionRange(at + col, at + lines[l - 1].length);
      area.scrollTop = Math.max(0, (l - 1) * LINE_HEIGHT - area.clientHeight / 3);
      gutter.scrollTop = area.scrollTop;
    },
  };
}

/** The validation panel: a debounced POST /api/scenarios/validate on every change. */
function liveValidation(editor, panel) {
  let timer = null;
  let seq = 0;
  const show = (err) => {
    const problems = Array.isArray(err.details) ? err.details : [];
    editor.problems(problems);
    panel.replaceChildren(h('div', {class: 'error', id: 'validation', 'data-valid': 'false'},
        h('strong', {}, err.message),
        problems.length ? h('ul', {class: 'problems'}, problems.map((p) => h('li', {class: 'problem'},
            p.line > 0 ? h('button', {type: 'button', class: 'jump', title: 'Go to this place',
              onclick: () => editor.jump(p.line, p.column)}, `${p.line}:${p.column}`) : null, ' ',
            p.path ? h('code', {}, p.path) : null, p.path ? ': ' : '', p.message))) : null));
  };
  const check = async () => {
    const mine = ++seq;
    const yaml = editor.area.value;
    if (!yaml.trim()) {
      panel.replaceChildren(h('div', {class: 'muted', id: 'validation'}, 'Empty: paste or write a scenario.'));
      return;
    }
    try {
      const ok = await S.api('POST', '/api/scenarios/validate', {yaml});
      if (mine !== seq) return;
      editor.problems([]);
      panel.replaceChildren(h('div', {class: 'ok', id: 'validation', 'data-valid': 'true'},
          'Valid: ', h('strong', {}, ok.name), ok.title ? ` — ${ok.title}` : ''));
    } catch (err) {
      if (mine === seq && err.status !== 401) show(err);
    }
  };
  editor.area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  });
  S.onLeave(() => clearTimeout(timer));
  check();
  return {show};
}

async function editorPage(main, id, from) {
  const creating = id === null;
  let sc = null;
  let text = '';
  if (!creating) {
    sc = await S.api('GET', `/api/scenarios/${encodeURIComponent(id)}`);
    text = sc.yaml;
  } else if (from) {
    text = (await S.api('GET', `/api/scenarios/${encodeURIComponent(from)}`)).yaml;
  }
  const readOnly = !creating && (sc.readOnly || !canEdit());
  const editor = yamlEditor(text, readOnly);
  const panel = h('div', {class: 'validation-panel', 'aria-live': 'polite'});
  const status = h('div', {class: 'form-status'});
  const live = liveValidation(editor, panel);
  const save = async () => {
    status.replaceChildren();
    try {
      const yaml = editor.area.value;
      if (creating) {
        const made = await S.api('POST', '/api/scenarios', {yaml});
        S.go(`#/scenarios/${made.id}`);
      } else {
        const saved = await S.api('PUT', `/api/scenarios/${sc.id}`, {yaml});
        status.replaceChildren(h('div', {class: 'ok', id: 'saved'}, `Saved ${saved.name} (#${saved.id}).`));
      }
    } catch (err) {
      if (err.error === 'invalid_scenario') live.show(err);
      status.replaceChildren(S.errorBox(err));
    }
  };
  const picker = creating ? await startFrom(from) : null;
  S.add(main, 
      h('h1', {}, creating ? 'New scenario' : `${sc.name}`, !creating && sc.builtin ? h('span', {class: 'badge'}, 'built-in, read-only') : null),
      !creating && sc.title ? h('p', {class: 'muted'}, sc.title) : null,
      h('div', {class: 'toolbar'},
          picker,
          !readOnly ? h('button', {type: 'button', id: 'save', onclick: save}, creating ? 'Create' : 'Save') : null,
          !creating ? h('a', {class: 'button secondary', href: `#/scenarios/new/${encodeURIComponent(sc.id)}`}, 'Copy as new') : null,
          !creating && canEdit() ? h('a', {class: 'button run', id: 'run-scenario', href: `#/scenarios/${encodeURIComponent(sc.id)}/run`}, 'Run…') : null,
          !creating ? h('a', {class: 'button secondary', href: `#/runs?scenario=${encodeURIComponent(sc.name)}`}, 'Its runs') : null),
      status,
      h('div', {class: 'row'}, h('div', {}, editor.el), h('div', {}, h('h2', {}, 'Validation'), panel,
          h('p', {class: 'muted'}, 'Checked as you type. Click a line:column to go there.'),
          !creating ? h('p', {class: 'muted mono'}, `hash ${sc.hash}`) : null)));
}

async function startFrom(from) {
  const list = (await S.api('GET', '/api/scenarios')).scenarios;
  const select = h('select', {id: 'start-from', 'aria-label': 'Start from', onchange: () => {
    if (select.value) S.go(`#/scenarios/new/${encodeURIComponent(select.value)}`);
  }}, h('option', {value: ''}, 'Start from…'),
  list.map((sc) => h('option', {value: sc.id, selected: String(sc.id) === String(from)}, `${sc.name}${sc.builtin ? '' : ` (#${sc.id})`}`)));
  return select;
}

S.route('#/scenarios/new', (p, main) => editorPage(main, null, null));
S.route('#/scenarios/new/:from', (p, main) => editorPage(main, null, p.from));
S.route('#/scenarios/:id', (p, main) => editorPage(main, p.id, null));

const KIND_HELP = {
  simulate: 'Monte Carlo runs of the escalation model: outcome probabilities, highest rung, escalation paths.',
  options: "Every response option of the responding side, scored against the goals; the risk–credibility trade-off.",
  negotiate: 'Who accepts what, the zone of agreement and the window for talks, month by month.',
  sweep: 'The model over a design of parameter values (JSON: parameters, design, outputs as in a sweep file).',
  game: "The attack, the response and the counter-response as a one-shot game solved exactly: which responses deter, which threats are credible, beside the simulated answer (runs: per option of that comparison, 0 for none).",
  calibrate: "The scenario's declared uncertainty ranges fitted to a reference class of past crises (ABC-SMC): each parameter's posterior against its prior, and the model's rates against the class's.",
};

S.route('#/scenarios/:id/run', async (p, main) => {
  const sc = await S.api('GET', `/api/scenarios/${encodeURIComponent(p.id)}`);
  const kinds = [...(sc.escalation ? ['simulate', 'options', 'sweep', 'game', 'calibrate'] : []), ...(sc.negotiation ? ['negotiate'] : [])];
  const field = (label, input, kinds) => h('label', {'data-kinds': kinds.join(' ')}, label, input);
  const kind = h('select', {id: 'run-kind', name: 'kind'}, kinds.map((k) => h('option', {value: k}, k)));
  const seed = h('input', {id: 'run-seed', name: 'seed', type: 'number', value: '1', step: '1'});
  const runs = h('input', {id: 'run-runs', name: 'runs', type: 'number', value: '10000', min: '1', step: '1'});
  const paths = h('input', {id: 'run-paths', name: 'paths', type: 'number', value: '20', min: '0', max: '200', step: '1'});
  const robust = h('input', {id: 'run-robust', name: 'robust', type: 'checkbox'});
  const samples = h('input', {id: 'run-samples', type: 'number', value: '50', min: '2', step: '1'});
  const sampleRuns = h('input', {id: 'run-sample-runs', type: 'number', value: '1000', min: '1', step: '1'});
  const month = h('input', {id: 'run-month', type: 'number', value: '0', min: '0', step: '1'});
  const windowMonths = h('input', {id: 'run-window', type: 'number', min: '1', step: '1', placeholder: 'the scenario\'s months'});
  // a starting sweep: the first actor's rationality (its id read from the scenario's text)
  const actor = (/^actors:[ \t]*\r?\n[ \t]*-[ \t]*id:[ \t]*([\w.-]+)/m.exec(sc.yaml) || [null, '<actor>'])[1];
  const sweep = h('textarea', {id: 'run-sweep', rows: 6, class: 'mono', spellcheck: false,
    value: `{"parameters": [{"path": "actors.${actor}.rationality", "min": 1, "max": 5}],\n "design": {"type": "lhs", "points": 5},\n "outputs": ["nuclearUse", "directWar"]}`});
  const reference = h('input', {id: 'run-reference', name: 'reference', value: 'nuclear=both trigger=violent', size: 40});
  const particles = h('input', {id: 'run-particles', type: 'number', value: '200', min: '20', max: '2000', step: '1'});
  const generations = h('input', {id: 'run-generations', type: 'number', value: '6', min: '1', max: '20', step: '1'});
  const predictiveRuns = h('input', {id: 'run-predictive-runs', type: 'number', value: '500', min: '100', max: '10000', step: '1'});
  const help = h('p', {class: 'muted'});
  const status = h('div');
  const fields = [
    field('Seed', seed, kinds),
    field('Runs', runs, ['simulate', 'options', 'sweep', 'game']),
    field('Escalation paths to trace (0–200)', paths, ['simulate']),
    h('label', {class: 'inline', 'data-kinds': 'options'}, robust, 'Robust (regret over sampled parameter sets)'),
    field('Samples (robust)', samples, ['options']),
    field('Runs per sample (robust)', sampleRuns, ['options']),
    field('Month', month, ['negotiate']),
    field('Window (months)', windowMonths, ['negotiate']),
    field('Sweep (JSON)', sweep, ['sweep']),
    field('Reference class (as in spiral history --where)', reference, ['calibrate']),
    field('Particles', particles, ['calibrate']),
    field('Generations (at most)', generations, ['calibrate']),
    field('Runs per posterior draw (predictive check)', predictiveRuns, ['calibrate']),
  ];
  const sync = () => {
    for (const f of fields) f.hidden = !f.dataset.kinds.split(' ').includes(kind.value);
    const usual = {sweep: '1000', game: '2000'}[kind.value] || '10000';
    if (['1000', '2000', '10000'].includes(runs.value)) runs.value = usual;
    help.textContent = KIND_HELP[kind.value] || '';
  };
  kind.addEventListener('change', sync);
  const int = (input) => (input.value === '' ? undefined : Number(input.value));
  const submit = async (e) => {
    e.preventDefault();
    status.replaceChildren();
    const body = {kind: kind.value, scenario: String(sc.id), seed: int(seed)};
    try {
      if (kind.value !== 'negotiate' && kind.value !== 'calibrate') body.runs = int(runs);
      if (kind.value === 'calibrate') {
        Object.assign(body, {reference: reference.value, particles: int(particles), generations: int(generations), predictiveRuns: int(predictiveRuns)});
      }
      if (kind.value === 'simulate') body.paths = int(paths);
      if (kind.value === 'options' && robust.checked) Object.assign(body, {robust: true, samples: int(samples), sampleRuns: int(sampleRuns)});
      if (kind.value === 'negotiate') Object.assign(body, {month: int(month), window: int(windowMonths)});
      if (kind.value === 'sweep') Object.assign(body, JSON.parse(sweep.value));
      const job = await S.api('POST', '/api/jobs', body);
      S.go(`#/jobs/${job.id}`);
    } catch (err) {
      status.replaceChildren(S.errorBox(err));
    }
  };
  S.add(main, h('h1', {}, `Run ${sc.name}`), sc.title ? h('p', {class: 'muted'}, sc.title) : null,
      kinds.length === 0 ? h('div', {class: 'error'}, 'This scenario has neither an escalation model nor a negotiation: nothing to run.') : null,
      h('form', {id: 'run-form', class: 'card stack', onsubmit: submit},
          h('label', {}, 'Analysis', kind), help, fields, status,
          h('button', {type: 'submit', id: 'run-submit', disabled: kinds.length === 0}, 'Run')));
  sync();
});

// ---- RAND's study: the four built-in cases at once

S.route('#/study', async (p, main) => {
  const status = h('div');
  const seed = h('input', {id: 'study-seed', type: 'number', value: '1', step: '1'});
  const runs = h('input', {id: 'study-runs', type: 'number', value: '2000', min: '1', step: '1'});
  const samples = h('input', {id: 'study-samples', type: 'number', value: '10', min: '0', step: '1'});
  const sampleRuns = h('input', {id: 'study-sample-runs', type: 'number', value: '500', min: '1', step: '1'});
  const int = (input) => (input.value === '' ? undefined : Number(input.value));
  S.add(main, h('h1', {}, 'RAND\'s study: cases A–D at once'),
      h('p', {class: 'muted'}, 'The options analysis of rand-a-satellite, rand-b-depot, rand-c-airbases and rand-d-ports (RAND PEA2081-1): '
          + 'a case × option matrix of scores with the best and the most robust option per case (minimax regret over parameter sets drawn '
          + 'from each case\'s declared ranges; 0 sets skips it), and how the answer shifts as the attack grows.'),
      h('form', {id: 'study-form', class: 'card stack', onsubmit: async (e) => {
        e.preventDefault();
        status.replaceChildren();
        try {
          const job = await S.api('POST', '/api/jobs', {kind: 'study', seed: int(seed), runs: int(runs), samples: int(samples), sampleRuns: int(sampleRuns)});
          S.go(`#/jobs/${job.id}`);
        } catch (err) {
          status.replaceChildren(S.errorBox(err));
        }
      }},
      h('label', {}, 'Seed', seed), h('label', {}, 'Runs per option per case', runs),
      h('label', {}, 'Parameter sets per case (robustness)', samples), h('label', {}, 'Runs per option in each set', sampleRuns),
      status, h('button', {type: 'submit', id: 'study-submit'}, 'Run the study')));
});
