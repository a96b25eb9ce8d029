// @ts-check
// Correcting a value in place (a table cell, or a meta value such as the agency): click (or Enter)
// opens an input with the text as read; Enter or leaving it saves, Esc cancels. Saving sends the
// text to the server, which reads it exactly as it reads the document and re-checks the report.

const EDITABLE = '.value[data-key]';

/**
 * @param {HTMLElement} container
 * @param {(key: string) => string} rawOf the text a value had as read
 * @param {(key: string, raw: string, td: HTMLElement) => void} save
 */
export function attachEditor(container, rawOf, save) {
  /** @param {HTMLElement} td */
  const open = (td) => {
    if (td.querySelector('input')) return;
    const key = td.dataset.key ?? '';
    const before = rawOf(key);
    const input = document.createElement('input');
    input.type = 'text';
    input.value = before;
    input.className = 'cell-input';
    input.setAttribute('aria-label', td.dataset.where || key);
    const shown = td.textContent;
    td.textContent = '';
    td.append(input);
    input.focus();
    input.select();
    let done = false;
    /** @param {boolean} commit */
    const finish = (commit) => {
      if (done) return;
      done = true;
      const value = input.value;
      input.remove();
      td.textContent = shown;
      if (commit && value !== before) save(key, value, td);
      else td.focus();
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        finish(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      }
      e.stopPropagation();
    });
    input.addEventListener('blur', () => finish(true));
  };
  /** @param {Event} e */
  const editable = (e) => {
    const td = e.target instanceof Element ? e.target.closest(EDITABLE) : null;
    return td instanceof HTMLElement && container.contains(td) ? td : null;
  };
  container.addEventListener('click', (e) => {
    const td = editable(e);
    if (td) open(td);
  });
  container.addEventListener('keydown', (e) => {
    const td = editable(e);
    if (td && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      open(td);
    }
  });
}
