// Correcting a value in place (a table cell, or a meta value such as the agency): click (or Enter)
// opens an input with the text as read; Enter or leaving it saves, Esc cancels. Saving sends the
// text to the server, which reads it exactly as it reads the document and re-checks the report.

const EDITABLE = '.value[data-key]';

export function attachEditor(container, rawOf, save) {
  const open = (td) => {
    if (td.querySelector('input')) return;
    const key = td.dataset.key;
    const before = rawOf(key);
    const input = document.createElement('input');
    input.type = 'text';
    input.value = before;
    input.className = 'cell-input';
    input.setAttribute('aria-label', td.title.split('\n')[0] || key);
    const shown = td.textContent;
    td.textContent = '';
    td.append(input);
    input.focus();
    input.select();
    let done = false;
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
      if (e.key === 'Enter') { e.preventDefault(); finish(true); }
      else if (e.key === 'Escape') { e.preventDefault(); finish(false); }
      e.stopPropagation();
    });
    input.addEventListener('blur', () => finish(true));
  };
  container.addEventListener('click', (e) => {
    const td = e.target.closest?.(EDITABLE);
    if (td && container.contains(td)) open(td);
  });
  container.addEventListener('keydown', (e) => {
    const td = e.target.closest?.(EDITABLE);
    if (td && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      open(td);
    }
  });
}
