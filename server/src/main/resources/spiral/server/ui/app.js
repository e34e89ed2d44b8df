// Spiral's browser app: the hash router, the session and the `Spiral` helper the pages use.
// No framework and no build step. Pages are ES modules loaded after this one (see index.html);
// each registers its routes with Spiral.route. The DOM is only ever built with Spiral.h /
// Spiral.svg (text nodes and attributes), never from HTML strings, so data cannot inject markup.

const SVG_NS = 'http://www.w3.org/2000/svg';
const routes = [];
let leaving = [];
let csrf = null;
let started = false;

/** Appends children (nodes, strings, numbers, arrays of them; null/false skipped) to a node. */
function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else if (c instanceof Node) node.appendChild(c);
    else node.appendChild(document.createTextNode(String(c)));
  }
  return node;
}

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'readOnly', 'spellcheck']);

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  return append(el, children);
}

/** The error an API call throws: the JSON error's message, with its status, code and details. */
class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.error = body && body.error;
    this.details = body && (body.details || body.errors);
    this.body = body;
  }
}

const Spiral = {
  /** Whether the logged-in account does what a facilitator does (a facilitator or the admin). */
  facilitates() {
    return Boolean(this.me && (this.me.role === 'facilitator' || this.me.role === 'admin'));
  },
  /** The logged-in account ({name, role}) or null. */
  me: null,

  /** Builds an HTML element: h('a', {href: '#/x', onclick: fn}, 'text', child, [more]). */
  h(tag, attrs, ...children) {
    return build(document.createElement(tag), attrs, children);
  },

  /** Builds an SVG element the same way. */
  svg(tag, attrs, ...children) {
    return build(document.createElementNS(SVG_NS, tag), attrs, children);
  },

  /**
   * Calls the API: JSON in and out; sends the session's CSRF token on every non-GET request.
   * Resolves to the parsed JSON (null for 204); rejects with an ApiError (message, status, error,
   * details) for any 4xx/5xx. A 401 shows the login page.
   */
  async api(method, path, body) {
    const headers = {Accept: 'application/json'};
    const init = {method, headers, credentials: 'same-origin'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
    const res = await fetch(path, init);
    const text = await res.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = {error: 'bad_response', message: `HTTP ${res.status}: not JSON`};
      }
    }
    if (!res.ok) {
      const err = new ApiError(res.status, json);
      if (res.status === 401 && !path.startsWith('/api/auth/')) {
        Spiral.me = null;
        csrf = null;
        showAccount();
        loginPage();
      }
      throw err;
    }
    return json;
  },

  /**
   * Registers a page: pattern like '#/games/:id'; render(params, element) fills the page's
   * element (fresh for each visit) and may be async. params also holds the hash's query
   * (#/runs?kind=simulate).
   */
  route(pattern, render) {
    const names = [];
    const re = new RegExp('^' + pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
    routes.push({re, names, render});
    if (started && matches(location.hash.split('?')[0])) dispatch();
  },

  /** Appends children to an element as h does (null, false skipped; arrays flattened). */
  add(parent, ...children) {
    return append(parent, children);
  },

  /** Navigates to a hash, e.g. Spiral.go('#/results/3'). */
  go(hash) {
    if (location.hash === hash) dispatch();
    else location.hash = hash;
  },

  /** Runs fn when the user leaves the current page (stop polling, timers). */
  onLeave(fn) {
    leaving.push(fn);
  },

  /** An element showing an error (an ApiError's message and details). */
  errorBox(err) {
    const details = Array.isArray(err.details) ? err.details : [];
    return Spiral.h('div', {class: 'error', role: 'alert'}, err.message || String(err),
        details.length ? Spiral.h('ul', {}, details.map((d) => Spiral.h('li', {},
            typeof d === 'string' ? d : (d.line ? `${d.line}:${d.column} ` : '') + (d.message || JSON.stringify(d))))) : null);
  },

  /**
   * Formats a number for tables: whole numbers as they are, others with exactly `digits` decimals
   * (0.2250 beside 0.4123, never 0.225), so a column of the same quantity reads one way.
   */
  fmt(x, digits = 4) {
    if (x === null || x === undefined) return '–';
    if (typeof x !== 'number') return String(x);
    if (Number.isInteger(x)) return String(x);
    return x.toFixed(digits);
  },

  ApiError,
};

window.Spiral = Spiral;

function matches(hash) {
  return routes.find((r) => r.re.test(hash));
}

function main() {
  return document.getElementById('main');
}

function runLeaving() {
  const fns = leaving;
  leaving = [];
  for (const f of fns) {
    try { f(); } catch (e) { console.warn(e); }
  }
}

async function dispatch() {
  runLeaving();
  // Each page renders into a fresh element: what a slow page adds after the user has moved on
  // goes to a detached element, never into the next page.
  const m = Spiral.h('div', {class: 'page', id: 'page'});
  main().replaceChildren(m);
  if (!Spiral.me) {
    loginPage();
    return;
  }
  let [hash, query] = (location.hash || '#/').split('?');
  if (hash === '#/' || hash === '#') hash = isPlayer() ? '#/games' : '#/scenarios';
  const r = matches(hash);
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', hash.startsWith(a.getAttribute('href')));
  }
  if (!r) {
    m.append(Spiral.h('h1', {}, 'Not found'), Spiral.h('p', {}, 'No page ', Spiral.h('code', {}, hash), '.'));
    return;
  }
  const values = hash.match(r.re).slice(1).map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  r.names.forEach((n, i) => { params[n] = values[i]; });
  // a page that waits for its data says so until it has drawn something
  const loading = Spiral.h('p', {class: 'muted loading', id: 'loading', 'aria-live': 'polite'}, 'Loading…');
  m.append(loading);
  const drawn = new MutationObserver(() => {
    if (m.childElementCount > 1 || !m.contains(loading)) {
      loading.remove();
      drawn.disconnect();
    }
  });
  drawn.observe(m, {childList: true});
  try {
    await r.render(params, m);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    if (!(err instanceof ApiError)) console.error(err); // a fault of the page, not an answer
    m.append(Spiral.errorBox(err));
  } finally {
    loading.remove();
    drawn.disconnect();
  }
}

/** Players see the wargames only: the scenarios hold both sides' private parameters. */
function isPlayer() {
  return Boolean(Spiral.me && Spiral.me.role === 'player');
}

function showAccount() {
  // logged out, the header shows no links: every page needs an account
  document.getElementById('nav').hidden = !Spiral.me;
  for (const a of document.querySelectorAll('#nav a[data-analyst]')) a.hidden = isPlayer();
  for (const a of document.querySelectorAll('#nav a[data-facilitator]')) a.hidden = !Spiral.facilitates();
  for (const a of document.querySelectorAll('#nav a[data-admin]')) a.hidden = !(Spiral.me && Spiral.me.role === 'admin');
  const box = document.getElementById('account');
  box.replaceChildren();
  if (!Spiral.me) return;
  box.append(Spiral.h('span', {class: 'who'}, Spiral.me.name, ' ', Spiral.h('span', {class: 'role'}, Spiral.me.role)),
      Spiral.h('button', {type: 'button', id: 'logout', class: 'link', onclick: logout}, 'Log out'));
}

function signedIn(body) {
  Spiral.me = {name: body.name, role: body.role};
  csrf = body.csrf;
  showAccount();
}

async function logout() {
  try {
    await Spiral.api('POST', '/api/auth/logout');
  } catch (e) {
    // already logged out
  }
  Spiral.me = null;
  csrf = null;
  showAccount();
  loginPage();
}

function loginPage() {
  runLeaving();
  const m = main();
  m.replaceChildren();
  const {h} = Spiral;
  const status = h('div', {class: 'form-status', 'aria-live': 'polite'});
  const form = (id, title, button, path, note) => {
    const name = h('input', {name: 'name', autocomplete: 'username', required: true, minlength: 3, maxlength: 40});
    const password = h('input', {name: 'password', type: 'password', required: true,
      autocomplete: path.endsWith('login') ? 'current-password' : 'new-password'});
    const submit = h('button', {type: 'submit'}, button);
    return h('form', {id, class: 'card auth', onsubmit: async (e) => {
      e.preventDefault();
      status.replaceChildren();
      // busy while the server answers: one request per click, and the user sees it is working
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      submit.textContent = path.endsWith('register') ? 'Signing up…' : 'Logging in…';
      const credentials = {name: name.value, password: password.value};
      try {
        if (path.endsWith('register')) {
          // a sign-up answers alike whether or not the name was free and opens no session: log in next
          await Spiral.api('POST', path, credentials);
          try {
            signedIn(await Spiral.api('POST', '/api/auth/login', credentials));
          } catch (err) {
            if (err.status !== 401) throw err;
            status.append(Spiral.h('div', {class: 'error', role: 'alert'},
                'Could not log in with this name: it may be taken by someone else. Pick another name.'));
            return;
          }
        } else {
          signedIn(await Spiral.api('POST', path, credentials));
        }
        dispatch();
      } catch (err) {
        status.append(Spiral.errorBox(err));
      } finally {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
        submit.textContent = button;
      }
    }}, h('h2', {}, title),
    h('label', {}, 'Name', name), h('label', {}, 'Password', password),
    note ? h('p', {class: 'muted'}, note) : null,
    submit);
  };
  m.append(h('h1', {}, 'Spiral'), h('p', {}, 'Log in to use the scenario library, the analyses and the wargames.'), status,
      h('div', {class: 'row'},
          form('login-form', 'Log in', 'Log in', '/api/auth/login'),
          form('register-form', 'Sign up', 'Sign up', '/api/auth/register',
              'New accounts are players (wargames only); the admin can change the role. '
              + 'Names: 3–40 letters, digits, . _ -; passwords: at least 12 characters (a few words make a good one), not a common password.')));
}

async function start() {
  try {
    signedIn(await Spiral.api('GET', '/api/auth/me'));
  } catch (err) {
    if (err.status !== 401) main().replaceChildren(Spiral.errorBox(err));
  }
  showAccount();
  started = true;
  window.addEventListener('hashchange', dispatch);
  dispatch();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
