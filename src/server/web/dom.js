// DOM building for the page. Report text is only ever set with textContent or setAttribute,
// never parsed as HTML, so a report holding <script> shows as text.

/**
 * el('td', { class: 'value', text: '12', title: '…', data: { key: 't3.total.total' }, on: { click } }, [children])
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.className = value;
    else if (name === 'data') for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
    else if (name === 'on') for (const [k, v] of Object.entries(value)) node.addEventListener(k, v);
    else if (name === 'hidden') node.hidden = true;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

let toastTimer;
/** A short message at the bottom of the page (errors the clerk must see). */
export function toast(message) {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 8000);
}
