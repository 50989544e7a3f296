// Small DOM helpers: elements built with properties and children, never from HTML strings (what the server sends is
// text, and stays text).

export function h(tag, props = {}, ...children) {
  const svg = ['svg', 'g', 'rect', 'text', 'line', 'polyline', 'circle', 'title', 'desc'].includes(tag);
  const node = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (!svg && key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// The texts come from DashboardTexts.resx through /tab/api/texts, already typeset; {0}, {1}… are filled here.
export function format(text, ...values) {
  return String(text ?? '').replace(/\{(\d+)\}/g, (_, index) => String(values[Number(index)] ?? ''));
}

let lastId = 0;
export function uniqueId(prefix) {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

// A page link as the server writes it (`votes?ballot=ab12`) → the tab's address (`#/votes?ballot=ab12`).
export function pageHref(link) {
  return `#/${link}`;
}
