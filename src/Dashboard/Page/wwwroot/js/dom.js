// A small element builder. Text always goes in as text, never as HTML, so nothing a feed sends can become markup.

/**
 * h('div', { class: 'x', dataset: { id: 1 }, onclick: fn }, 'text', child, [more]) → HTMLElement.
 * Attributes with null/undefined/false are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) el.dataset[key] = String(data);
      }
    } else if (name === 'style') {
      Object.assign(el.style, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }

  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A figure in a tile: its label, its value and an optional note; data-figure names it for tests and styles. */
export function kpi(figure, label, value, note = null) {
  return h('div', { class: 'kpi', dataset: { figure } },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value),
    note ? h('div', { class: 'kpi-note' }, note) : null);
}
