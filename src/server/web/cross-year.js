// The cross-year pairs the server formed among the loaded reports (same agency, consecutive
// years), with the number of cross-year findings; clicking a pair opens the later report.
import { clear, el } from './dom.js';

export function drawPairs(section, listEl, pairs, onPick) {
  section.hidden = !pairs.length;
  clear(listEl).append(...pairs.map((pair) => {
    const errors = pair.findings.filter((f) => f.severity === 'error').length;
    const label = `${pair.later.agency ?? pair.agencyKey}：${pair.earlier.year} 年 → ${pair.later.year} 年`;
    const state = pair.findings.length ? `${pair.findings.length} 个问题${errors ? `（错误 ${errors}）` : ''}` : '衔接一致';
    return el('li', {
      class: `pair${errors ? ' sev-error' : pair.findings.length ? ' sev-warning' : ''}`, tabindex: '0',
      title: `${pair.earlier.file} → ${pair.later.file}`,
      on: { click: () => onPick(pair.later.id), keydown: (e) => { if (e.key === 'Enter') onPick(pair.later.id); } },
    }, [el('span', { class: 'pair-name', text: label }), el('span', { class: 'pair-state', text: state })]);
  }));
}
