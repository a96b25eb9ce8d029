// @ts-check
// DOM building for the page. Report text is only ever set with textContent or setAttribute,
// never parsed as HTML, so a report holding <script> shows as text.

/**
 * What el() sets: `text` (textContent), `class`, `data` (dataset), `on` (listeners), `hidden`; any
 * other name is an attribute. null, undefined and false set nothing.
 * @typedef {{ text?: unknown, class?: string | null, data?: Record<string, unknown>,
 *   on?: { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void }, hidden?: boolean, [attribute: string]: unknown }} Props
 * @typedef {Node | string | number | null | undefined | false} Child
 */

/**
 * el('td', { class: 'value', text: '12', title: '…', data: { key: 't3.total.total' }, on: { click } }, [children])
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {readonly Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.className = String(value);
    else if (name === 'data')
      for (const [k, v] of Object.entries(/** @type {Record<string, unknown>} */ (value))) node.dataset[k] = String(v);
    else if (name === 'on')
      for (const [k, v] of Object.entries(/** @type {Record<string, EventListener>} */ (value))) node.addEventListener(k, v);
    else if (name === 'hidden') node.hidden = true;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * @template {Element} E
 * @param {E} node
 * @returns {E}
 */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let toastTimer;
/**
 * A short message at the bottom of the page (errors the clerk must see).
 * @param {string} message
 */
export function toast(message) {
  const box = byId('toast');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    box.hidden = true;
  }, 8000);
}

/**
 * An element the page's HTML holds; a missing one is a broken page, said at once.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`页面缺少元素 #${id}`);
  return node;
}
