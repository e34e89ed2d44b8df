// Wargames pages: the game list, the new-game form (facilitator), the join page of an invitation
// link, a seat's page (the side's perceived situation, candidates, log; polled every second), the
// facilitator's page (all seats, advance, the truth) and, once a game is over, the after-action
// report. DOM built with Spiral.h only (no HTML strings), like the rest of the app.

const S = window.Spiral;
const {h} = S;
const POLL_MS = 1000;

/** How a seat id is written in a path: the slash of a faction seat becomes a dot. */
const seatPath = (seat) => seat.replace('/', '.');

/** Polls fn every POLL_MS until the page is left; fn's errors stop the polling. */
function poll(fn) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      await fn();
    } catch (err) {
      stopped = true;
      return;
    }
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  };
  timer = setTimeout(tick, POLL_MS);
  S.onLeave(() => { stopped = true; clearTimeout(timer); });
}

const side = (n) => (n === 0 || n === 'red' ? 'red' : 'blue');
const sideLabel = (name) => h('span', {class: `side side-${name}`}, name === 'red' ? 'Red' : 'Blue');

// ---- the list and the new-game form

S.route('#/games', async (params, main) => {
  const list = await S.api('GET', '/api/games');
  main.append(h('h1', {}, 'Wargames'));
  if (S.facilitates()) {
    main.append(h('p', {}, h('a', {class: 'button', href: '#/games/new', id: 'new-game'}, 'New game')));
  }
  if (!list.games.length) {
    main.append(h('p', {class: 'muted', id: 'no-games'}, S.facilitates()
      ? 'No games yet: open one from a scenario.'
      : 'No games yet: open the invitation link a facilitator sent you.'));
    return;
  }
  main.append(h('table', {id: 'games'},
      h('thead', {}, h('tr', {}, ['Game', 'Scenario', 'Seating', 'You', 'Turn', 'State'].map((c) => h('th', {}, c)))),
      h('tbody', {}, list.games.map((g) => h('tr', {'data-game': g.id},
          h('td', {}, h('a', {href: `#/games/${g.id}`}, g.title)),
          h('td', {}, g.scenarioName),
          h('td', {}, g.seating),
          h('td', {}, g.role, g.seat ? h('span', {class: 'badge'}, g.seat) : null),
          h('td', {class: 'num'}, g.turn),
          h('td', {}, g.state, g.yourMove ? h('span', {class: 'badge your-move'}, 'your move') : null))))));
});

S.route('#/games/new', async (params, main) => {
  const scenarios = (await S.api('GET', '/api/scenarios')).scenarios.filter((s) => s.escalation);
  const status = h('div', {'aria-live': 'polite'});
  const scenario = h('select', {name: 'scenario', id: 'game-scenario'},
      scenarios.map((s) => h('option', {value: s.id}, `${s.name} — ${s.title}`)));
  const seating = h('select', {name: 'seating', id: 'game-seating'},
      h('option', {value: 'sides'}, 'one seat per side'), h('option', {value: 'factions'}, 'one seat per faction'));
  const title = h('input', {name: 'title', id: 'game-title', maxlength: 200, placeholder: 'the scenario\'s name'});
  const seed = h('input', {name: 'seed', id: 'game-seed', inputmode: 'numeric', placeholder: 'random'});
  const teaching = h('input', {type: 'checkbox', name: 'teaching', id: 'game-teaching'});
  const seatsBox = h('div', {id: 'game-seats'});
  const seatChoice = {};
  const loadSeats = async () => {
    seatsBox.replaceChildren();
    for (const k of Object.keys(seatChoice)) delete seatChoice[k];
    try {
      const s = await S.api('GET', `/api/seating?scenario=${encodeURIComponent(scenario.value)}&seating=${seating.value}`);
      seatsBox.append(h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Seat'), h('th', {}, 'Side'), h('th', {}, 'Played by'))),
          h('tbody', {}, s.seats.map((seat) => {
            const select = h('select', {'data-seat': seat.id, 'aria-label': `who plays ${seat.id}`, onchange: () => { seatChoice[seat.id] = select.value; }},
                h('option', {value: 'invite'}, 'an invited player'), h('option', {value: 'engine'}, 'the engine'));
            seatChoice[seat.id] = 'invite';
            return h('tr', {}, h('td', {}, seat.factionName ? `${seat.actorName}: ${seat.factionName}` : seat.actorName,
                h('span', {class: 'badge'}, seat.id)), h('td', {}, sideLabel(seat.sideName)), h('td', {}, select));
          }))));
    } catch (err) {
      seatsBox.append(S.errorBox(err));
    }
  };
  scenario.addEventListener('change', loadSeats);
  seating.addEventListener('change', loadSeats);
  const form = h('form', {class: 'card stack', id: 'new-game-form', onsubmit: async (e) => {
    e.preventDefault();
    status.replaceChildren();
    const body = {scenario: scenario.value, seating: seating.value, seats: {...seatChoice}, teaching: teaching.checked};
    if (title.value.trim()) body.title = title.value.trim();
    if (seed.value.trim()) {
      if (!/^-?\d{1,18}$/.test(seed.value.trim())) {
        status.append(h('div', {class: 'error'}, 'The seed must be an integer.'));
        return;
      }
      body.seed = Number(seed.value.trim());
    }
    try {
      const g = await S.api('POST', '/api/games', body);
      main.replaceChildren(h('h1', {}, g.title), invitesCard(g),
          h('p', {}, h('a', {class: 'button', href: `#/games/${g.id}`, id: 'open-game'}, 'Open the game')));
    } catch (err) {
      status.append(S.errorBox(err));
    }
  }},
  h('label', {}, 'Scenario', scenario), h('label', {}, 'Seating', seating), seatsBox,
  h('label', {}, 'Title', title), h('label', {}, 'Seed', seed),
  h('label', {class: 'check'}, teaching, ' Teaching game: show each seat the engine\'s utility of its moves (left off, players choose without them)'),
  h('button', {type: 'submit', id: 'create-game'}, 'Open the game'));
  main.append(h('h1', {}, 'New wargame'), status, form);
  await loadSeats();
});

/**
 * A button that copies an input's text: the clipboard API where the page may use it (a secure
 * origin), else the selection and the browser's copy command; it says "Copied" when done.
 */
function copyButton(input, seat) {
  const b = h('button', {type: 'button', class: 'secondary copy-link', 'data-seat': seat, onclick: async () => {
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(input.value);
        ok = true;
      }
    } catch (e) {
      ok = false;
    }
    if (!ok) {
      input.focus();
      input.select();
      ok = document.execCommand && document.execCommand('copy');
    }
    b.textContent = ok ? 'Copied' : 'Select and copy';
    b.dataset.copied = String(Boolean(ok));
  }}, 'Copy');
  return b;
}

/** The invitation links of a new game (shown once): one per invited seat, to copy. */
function invitesCard(g) {
  const links = Object.entries(g.invites || {});
  return h('div', {class: 'card', id: 'invites'}, h('h2', {}, 'Invitations'),
      h('p', {}, 'Send each player the link of their seat. Each link works once and is shown only now '
          + '(a new one can be issued from the game page while the seat is free).'),
      links.length ? h('table', {}, h('tbody', {}, links.map(([seat, path]) => {
        const url = location.origin + '/' + path.replace(/^\//, '');
        const input = h('input', {class: 'invite-link mono', readOnly: true, 'aria-label': `invitation link for ${seat}`,
          value: url, 'data-seat': seat, size: 70, onfocus: (e) => e.target.select()});
        return h('tr', {}, h('td', {}, seat), h('td', {}, input), h('td', {}, copyButton(input, seat)));
      }))) : h('p', {class: 'muted'}, 'Every seat is played by the engine.'));
}

// ---- joining by invitation

S.route('#/join/:token', async (params, main) => {
  const status = h('div', {'aria-live': 'polite'});
  main.append(h('h1', {}, 'Join a wargame'),
      h('p', {}, `You are logged in as ${S.me ? S.me.name : '?'}. Take the seat this invitation is for? `
          + 'An invitation works once; you can hold one seat per game.'),
      status,
      h('button', {type: 'button', id: 'take-seat', onclick: async () => {
        status.replaceChildren();
        try {
          const r = await S.api('POST', `/api/invites/${encodeURIComponent(params.token)}`);
          S.go(`#/games/${r.game}`);
        } catch (err) {
          status.append(S.errorBox(err));
        }
      }}, 'Take the seat'));
});

// ---- a game

S.route('#/games/:id', async (params, main) => {
  let g = await S.api('GET', `/api/games/${params.id}`);
  const render = () => {
    main.replaceChildren(...page(g).filter((x) => x));
  };
  render();
  let last = JSON.stringify(g);
  poll(async () => {
    const next = await S.api('GET', `/api/games/${params.id}`);
    const text = JSON.stringify(next);
    if (text !== last) {
      last = text;
      g = next;
      render();
    }
  });
});

function page(g) {
  const head = [h('h1', {}, g.title, h('span', {class: 'badge'}, g.role), g.seat ? h('span', {class: 'badge'}, g.seat) : null),
    h('p', {class: 'muted'}, `${g.scenarioName} · seating by ${g.seating === 'sides' ? 'side' : 'faction'}`
        + (g.teaching ? ' · teaching game: the seats see the engine\'s utilities' : ''))];
  const status = h('p', {id: 'game-status', class: g.state === 'over' ? 'ok' : ''}, g.state === 'over'
    ? `The game is over: ${g.outcome} (turn ${g.turn}).`
    : `Turn ${g.turn}: ${g.sideToMoveName || (g.sideToMove === 'red' ? 'Red' : 'Blue')} to move.`,
  g.yourMove ? h('strong', {id: 'your-move'}, ' Your move.') : null);
  if (g.state === 'over') return [...head, status, reportCard(g), truthTable(g.truth)];
  if (g.role === 'facilitator') return [...head, status, g.seat ? seatCard(g) : null, facilitatorCard(g), truthTable(g.truth)];
  if (g.role === 'player') return [...head, status, seatCard(g)];
  return [...head, status, publicCard(g.view)];
}

// ---- a seat's page

function seatCard(g) {
  const v = g.view || {};
  const parts = [];
  parts.push(h('div', {class: 'row'}, ownCard(v), situationCard(v)));
  if (g.yourMove) parts.push(moveForm(g, v));
  else parts.push(h('p', {class: 'muted', id: 'waiting'}, 'Waiting for the other seats to move…'));
  parts.push(logCard(v));
  return h('div', {id: 'seat-page'}, parts);
}

function ownCard(v) {
  const st = v.state || {};
  const p = v.parameters || {};
  return h('div', {class: 'card', id: 'own-state'}, h('h2', {}, 'Your side'),
      h('table', {class: 'facts'}, h('tbody', {},
          h('tr', {}, h('th', {}, 'Seat'), h('td', {}, v.seat ? (v.seat.factionName ? `${v.seat.actorName}: ${v.seat.factionName}` : v.seat.actorName) : '')),
          h('tr', {}, h('th', {}, 'Cost so far (the ladder\'s damage units)'), h('td', {class: 'num'}, S.fmt(st.cost, 3))),
          h('tr', {}, h('th', {}, 'Credibility (0 to 1)'), h('td', {class: 'num'}, S.fmt(st.credibility, 3))),
          st.cohesion === null || st.cohesion === undefined ? null
            : h('tr', {}, h('th', {}, 'Alliance cohesion (0 to 1)'), h('td', {class: 'num'}, S.fmt(st.cohesion, 3))),
          h('tr', {}, h('th', {}, 'Rationality λ'), h('td', {class: 'num'}, p.rationality === null ? 'best response' : S.fmt(p.rationality, 3))),
          h('tr', {}, h('th', {}, 'Perception noise σ (rungs)'), h('td', {class: 'num'}, S.fmt(p.noise, 3))),
          h('tr', {}, h('th', {}, 'Threat bias (rungs)'), h('td', {class: 'num'}, S.fmt(p.threatBias, 3))))),
      (p.factions || []).length ? h('table', {class: 'factions'},
          h('thead', {}, h('tr', {}, ['Faction', 'Influence (share)', 'Weight: credibility', 'Weight: risk', 'Weight: cost', 'Weight: punishment'].map((c) => h('th', {}, c)))),
          h('tbody', {}, p.factions.map((f) => h('tr', {}, h('td', {}, f.name),
              [f.influence, f.credibility, f.risk, f.cost, f.punishment].map((x) => h('td', {class: 'num'}, S.fmt(x, 3)))))))
        : null);
}

function situationCard(v) {
  const seen = v.opponentMoves || [];
  return h('div', {class: 'card', id: 'situation'}, h('h2', {}, 'The situation as your side sees it'),
      v.perceivedNow === null || v.perceivedNow === undefined ? null
        : h('p', {id: 'perceived-now'}, `Your side reads the opponent's last act as rung ${v.perceivedNow}.`),
      seen.length ? h('table', {id: 'opponent-moves'}, h('thead', {}, h('tr', {}, h('th', {}, 'Turn'), h('th', {}, 'Opponent'),
          h('th', {class: 'num'}, 'Perceived rung'))),
      h('tbody', {}, seen.map((m) => h('tr', {}, h('td', {}, m.turn), h('td', {}, m.actor),
          h('td', {class: 'num'}, m.perceivedRung === null ? 'not yet read' : m.perceivedRung)))))
        : h('p', {class: 'muted'}, 'Nothing perceived yet.'),
      eventList(v.events));
}

function eventList(events) {
  return (events || []).length ? h('div', {class: 'events'}, h('h3', {}, 'Public events'),
      h('ul', {}, events.map((e) => h('li', {}, `Turn ${e.turn}: ${e.text}`)))) : null;
}

function moveForm(g, v) {
  const status = h('div', {'aria-live': 'polite'});
  const cands = v.choices || [];
  const form = h('form', {class: 'card', id: 'move-form', onsubmit: async (e) => {
    e.preventDefault();
    const picked = form.querySelector('input[name=option]:checked');
    if (!picked) {
      status.replaceChildren(h('div', {class: 'error'}, 'Choose a move first.'));
      return;
    }
    try {
      await S.api('POST', `/api/games/${g.id}/seats/${seatPath(g.seat)}/moves`, {turn: g.turn, option: picked.value});
      form.replaceWith(h('p', {class: 'ok', id: 'moved'}, 'Move recorded. Waiting for the turn to be adjudicated…'));
    } catch (err) {
      status.replaceChildren(S.errorBox(err));
    }
  }},
  h('h2', {}, `Your move in turn ${g.turn}`),
  h('table', {id: 'candidates'}, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Move'),
      h('th', {}, 'What your side would do'), h('th', {class: 'num'}, 'Rung'),
      cands.some((c) => c.utility !== null && c.utility !== undefined) ? h('th', {class: 'num'}, 'Your utility (teaching game)') : null)),
  h('tbody', {}, cands.map((c) => h('tr', {},
      h('td', {}, h('input', {type: 'radio', name: 'option', value: c.id, id: `opt-${c.id}`})),
      h('td', {}, h('label', {for: `opt-${c.id}`}, c.id)),
      h('td', {class: 'act'}, c.act || ''),
      h('td', {class: 'num'}, c.rung),
      c.utility !== null && c.utility !== undefined ? h('td', {class: 'num'}, S.fmt(c.utility, 3)) : null)))),
  status, h('button', {type: 'submit', id: 'submit-move'}, 'Submit the move'));
  return form;
}

function logCard(v) {
  const own = v.ownMoves || [];
  const narrative = v.narrative || [];
  return h('div', {class: 'card', id: 'log'}, h('h2', {}, 'Your side\'s moves'),
      own.length ? h('table', {id: 'own-moves'}, h('thead', {}, h('tr', {}, ['Turn', 'Move', 'Intended rung', 'Executed rung', 'Accident', 'Your vote']
          .map((c) => h('th', {}, c)))),
      h('tbody', {}, own.map((m) => h('tr', {}, h('td', {}, m.turn), h('td', {}, m.option || '(policy)'),
          h('td', {class: 'num'}, m.intended), h('td', {class: 'num'}, m.executed), h('td', {}, m.accident ? 'yes' : 'no'),
          h('td', {}, m.yourVote || '')))))
        : h('p', {class: 'muted'}, 'Your side has not moved yet.'),
      h('h2', {}, 'Narrative'),
      narrative.length ? h('ol', {id: 'narrative'}, narrative.map((n) => h('li', {}, n)))
        : h('p', {class: 'muted'}, 'Nothing yet.'));
}

function publicCard(v) {
  v = v || {};
  return h('div', {class: 'card', id: 'public-view'}, h('h2', {}, 'Public events'),
      eventList(v.events) || h('p', {class: 'muted'}, 'No public event yet.'));
}

// ---- the facilitator's page

function facilitatorCard(g) {
  const status = h('div', {'aria-live': 'polite'});
  const rows = g.seats.map((s) => {
    const cell = h('td', {});
    if (s.engine) cell.append('engine');
    else if (s.holder) cell.append(s.holder);
    else {
      cell.append(h('span', {class: 'muted'}, 'invited, not yet claimed '),
          h('button', {type: 'button', class: 'secondary', onclick: async () => {
            try {
              const r = await S.api('POST', `/api/games/${g.id}/seats/${seatPath(s.id)}/invite`);
              cell.replaceChildren(h('input', {class: 'invite-link mono', readOnly: true, size: 70,
                value: location.origin + '/' + r.invite.replace(/^\//, '')}));
            } catch (err) {
              status.replaceChildren(S.errorBox(err));
            }
          }}, 'New link'));
    }
    return h('tr', {'data-seat': s.id}, h('td', {}, s.factionName ? `${s.actorName}: ${s.factionName}` : s.actorName,
        h('span', {class: 'badge'}, s.id)), h('td', {}, sideLabel(s.sideName)), cell,
    h('td', {}, s.awaiting ? h('strong', {}, 'to move') : ''));
  });
  const observer = h('input', {name: 'observer', placeholder: 'observer account name'});
  return h('div', {class: 'card', id: 'facilitator'}, h('h2', {}, 'Seats'),
      h('table', {id: 'seats'}, h('thead', {}, h('tr', {}, ['Seat', 'Side', 'Played by', 'This turn'].map((c) => h('th', {}, c)))),
          h('tbody', {}, rows)),
      h('div', {class: 'toolbar'},
          h('button', {type: 'button', id: 'advance', disabled: !(g.awaiting || []).length, onclick: async () => {
            try {
              await S.api('POST', `/api/games/${g.id}/advance`);
            } catch (err) {
              status.replaceChildren(S.errorBox(err));
            }
          }}, 'Let the engine move for the seats awaited'),
          h('form', {class: 'inline', onsubmit: async (e) => {
            e.preventDefault();
            try {
              await S.api('POST', `/api/games/${g.id}/observers`, {name: observer.value});
              status.replaceChildren(h('div', {class: 'ok'}, `${observer.value} can now watch this game.`));
            } catch (err) {
              status.replaceChildren(S.errorBox(err));
            }
          }}, observer, h('button', {type: 'submit', class: 'secondary'}, 'Add observer'))),
      status);
}

function truthTable(truth) {
  const cols = ['Turn', 'Side', 'Opponent\'s true rung', 'Perceived', 'Move', 'Intended', 'Executed', 'Accident',
    'P(nuclear)', 'Votes'];
  return h('div', {class: 'card', id: 'truth'}, h('h2', {}, 'What happened (the engine\'s record)'),
      (truth || []).length ? h('table', {class: 'turns'}, h('thead', {}, h('tr', {}, cols.map((c) => h('th', {}, c)))),
          h('tbody', {}, truth.map((t) => h('tr', {},
              h('td', {class: 'num'}, t.turn), h('td', {}, sideLabel(t.sideName), ' ', t.actor),
              h('td', {class: 'num'}, t.trueOpponentRung), h('td', {class: 'num'}, t.perceived),
              h('td', {}, t.option || '(policy)'), h('td', {class: 'num'}, t.intended), h('td', {class: 'num'}, t.executed),
              h('td', {}, t.accident ? 'yes' : 'no'), h('td', {class: 'num'}, S.fmt(t.nuclearRisk, 3)),
              h('td', {}, (t.votes || []).map((v) => `${v.seat}: ${v.option}${v.human ? '' : ' (engine)'}`).join('; '))))))
        : h('p', {class: 'muted'}, 'No turn played yet.'));
}

// ---- the after-action report

/** What the report's outcomes mean, from the server's index (GET /api). */
function outcomeDefinitions(names) {
  const list = h('dl', {});
  const box = h('div', {class: 'definitions', id: 'outcome-definitions'}, h('h3', {}, 'What the outcomes mean'), list);
  S.api('GET', '/api').then((r) => {
    const defs = r.outcomes || {};
    for (const o of names) if (defs[o]) S.add(list, h('dt', {}, o), h('dd', {}, defs[o]));
  }, () => box.remove());
  return box;
}

function reportCard(g) {
  const box = h('div', {class: 'card', id: 'after-action'}, h('h2', {}, 'After-action report'),
      h('p', {class: 'muted'}, 'Comparing the played game with simulated runs of the same scenario…'));
  S.api('GET', g.report).then((r) => {
    box.replaceChildren(h('h2', {}, 'After-action report'),
        h('ul', {id: 'report-sentences'}, (r.summary || []).map((x) => h('li', {}, x))),
        h('table', {id: 'report-outcomes'}, h('thead', {}, h('tr', {}, h('th', {}, 'Outcome'),
            h('th', {class: 'num'}, 'Simulated share'), h('th', {class: 'num'}, '95% interval'))),
        h('tbody', {}, (r.outcomes || []).map((o) => h('tr', {class: o.outcome === r.playedOutcome ? 'played' : ''},
            h('td', {}, o.outcome, o.outcome === r.playedOutcome ? h('span', {class: 'badge'}, 'played') : null),
            h('td', {class: 'num'}, S.fmt(o.p, 3)), h('td', {class: 'num'}, `${S.fmt(o.low, 3)} – ${S.fmt(o.high, 3)}`))))),
        outcomeDefinitions((r.outcomes || []).map((o) => o.outcome)),
        h('figure', {class: 'chart'}, h('figcaption', {}, 'Highest rung by turn: the played game against the simulated band'),
            h('img', {src: g.reportSvg, alt: 'the played path against the simulated distribution', id: 'report-chart'})));
  }, (err) => box.replaceChildren(S.errorBox(err)));
  return box;
}
