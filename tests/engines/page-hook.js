// Put at the top of every HTML page the smoke suite serves (see `smoke.test.mjs`), before any of
// the page's own scripts. Classic WebDriver (WebKitGTK's only protocol) reports neither the
// console nor uncaught errors, so the page keeps them itself, the same way in every engine:
// `window.__smoke.problems` lists console errors and warnings, uncaught errors and rejections,
// resources that failed to load and CSP violations. `window.__smoke.find` is the suite's role
// query, run inside the page.
(() => {
  const problems = [];
  const text = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'object' && value !== null) {
      try {
        return JSON.stringify(value);
      } catch {
        return String(value);
      }
    }
    return String(value);
  };
  const record = (kind, values) => problems.push(`${kind}: ${values.map(text).join(' ')}`);
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...values) {
      record(level, values);
      return original.apply(this, values);
    };
  }
  addEventListener(
    'error',
    (e) => {
      if (e instanceof ErrorEvent) record('uncaught', [e.error ?? e.message]);
      else record('failed to load', [e.target?.src ?? e.target?.href ?? e.target?.localName]);
    },
    true,
  );
  addEventListener('unhandledrejection', (e) => record('unhandled rejection', [e.reason]));
  document.addEventListener('securitypolicyviolation', (e) => record('CSP', [e.violatedDirective, e.blockedURI]));

  // Elements by ARIA role, implicit or explicit, the way a reader's assistive technology finds them.
  const IMPLICIT = {
    button: 'button, input[type=button], input[type=submit]',
    checkbox: 'input[type=checkbox]',
    combobox: 'select:not([multiple])',
    group: 'fieldset',
    heading: 'h1, h2, h3, h4, h5, h6',
    link: 'a[href]',
    region: 'section[aria-label], section[aria-labelledby]',
    searchbox: 'input[type=search]',
    status: 'output',
    table: 'table',
    toolbar: '',
  };
  const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  /** The element's accessible name, as far as this widget needs it. */
  const nameOf = (el) => {
    const root = el.getRootNode();
    const by = el.getAttribute('aria-labelledby');
    if (by) return squash(by.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? '').join(' '));
    if (el.hasAttribute('aria-label')) return squash(el.getAttribute('aria-label'));
    if (el.localName === 'table') return squash(el.caption?.textContent);
    if (el.labels?.length) return squash([...el.labels].map((l) => l.textContent).join(' '));
    return squash(el.textContent) || squash(el.getAttribute('title'));
  };
  /** Whether the element takes up room on screen (SVG groups included). */
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  /**
   * The shown elements of `role` inside `within` (a selector or a node; the document by default)
   * whose name is `name`: a string (exact) or `{ re, flags }` (a regular expression's source).
   */
  const findAll = (role, name, within) => {
    let scope = document;
    if (typeof within === 'string') scope = document.querySelector(within);
    else if (within) scope = within;
    if (!scope) return [];
    const selector = [IMPLICIT[role], `[role=${role}]`].filter(Boolean).join(', ');
    const match =
      name === undefined ? () => true : typeof name === 'string' ? (n) => n === name : (n) => new RegExp(name.re, name.flags).test(n);
    return [...scope.querySelectorAll(selector)].filter((el) => {
      const explicit = el.getAttribute('role');
      return (!explicit || explicit === role) && shown(el) && match(nameOf(el));
    });
  };
  window.__smoke = { problems, nameOf, findAll, find: (role, name, within) => findAll(role, name, within)[0] ?? null };
})();
