// Accounts (the admin alone): the list with each role, a new account, a role changed.
const S = window.Spiral;
const {h} = S;
const ROLES = ['facilitator', 'observer', 'player'];

S.route('#/users', async (p, page) => {
  const users = (await S.api('GET', '/api/users')).users;
  const status = h('div', {'aria-live': 'polite'});
  const roleSelect = (u) => {
    const sel = h('select', {class: 'role-select', 'aria-label': `role of ${u.name}`, 'data-user': u.name, onchange: async () => {
      status.replaceChildren();
      try {
        const a = await S.api('PUT', `/api/users/${encodeURIComponent(u.name)}`, {role: sel.value});
        status.replaceChildren(h('div', {class: 'ok', id: 'role-saved'}, `${a.name} is now ${a.role}.`));
      } catch (err) {
        sel.value = u.role;
        status.replaceChildren(S.errorBox(err));
      }
    }}, ROLES.map((r) => h('option', {value: r, selected: r === u.role}, r)));
    return sel;
  };
  const name = h('input', {id: 'new-user-name', name: 'name', required: true, minlength: 3, maxlength: 40, autocomplete: 'off'});
  const password = h('input', {id: 'new-user-password', name: 'password', type: 'password', required: true, minlength: 10, autocomplete: 'new-password'});
  const role = h('select', {id: 'new-user-role', name: 'role'}, ROLES.map((r) => h('option', {value: r, selected: r === 'observer'}, r)));
  S.add(page, h('h1', {}, 'Accounts'),
      h('p', {class: 'muted'}, 'Facilitators do everything; observers read scenarios, runs and results; players take part in wargames only.'),
      status,
      h('div', {class: 'row'},
          h('table', {id: 'users-table'}, h('thead', {}, h('tr', {}, ['Name', 'Role', 'Since'].map((c) => h('th', {}, c)))),
              h('tbody', {}, users.map((u) => h('tr', {'data-user': u.name}, h('td', {}, u.name),
                  h('td', {}, u.name === S.me.name ? u.role : roleSelect(u)),
                  h('td', {}, new Date(u.createdAt).toISOString().slice(0, 10)))))),
          h('form', {id: 'new-user', class: 'card stack', onsubmit: async (e) => {
            e.preventDefault();
            status.replaceChildren();
            try {
              await S.api('POST', '/api/users', {name: name.value, password: password.value, role: role.value});
              S.go('#/users');
            } catch (err) {
              status.replaceChildren(S.errorBox(err));
            }
          }}, h('h2', {}, 'New account'), h('label', {}, 'Name', name), h('label', {}, 'Password (at least 10 characters)', password),
          h('label', {}, 'Role', role), h('button', {type: 'submit'}, 'Create'))));
});
