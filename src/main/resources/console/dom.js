// Builds DOM from data without ever parsing it as markup: text goes in through text nodes and attribute values.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('a', {href: '#/x'}, 'text', otherNode). */
export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** An SVG element. */
export const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG, tag), attrs, children);

export function replace(parent, ...children) {
  parent.replaceChildren();
  return build(parent, null, children);
}

/** A time as the API gives it (ISO-8601 UTC), shown in UTC, the exact value kept in datetime. */
export function time(iso) {
  if (!iso) return h('span', {class: 'none'}, '—');
  return h('time', {datetime: iso}, iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1 UTC'));
}

export const text = value => (value === null || value === undefined || value === '' ? '—' : String(value));

/** A link to another view; every dynamic segment is URI-encoded. */
export const link = (label, ...segments) =>
  h('a', {href: '#/' + segments.map(s => encodeURIComponent(String(s))).join('/')}, label);

/** A labelled field of a card; data-field names it for tests and readers. */
export const field = (label, name, value) =>
  [h('dt', null, label), h('dd', {'data-field': name}, value instanceof Node ? value : text(value))];

export const badge = (value, kind = String(value ?? '').toLowerCase()) =>
  h('span', {class: `badge ${kind}`}, text(value));
