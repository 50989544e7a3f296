// Lays out the blocks of a page view exactly as the server worded them: facts, sortable tables (bars, tones, groups,
// row links and buttons), charts with their table, checklists saved tick by tick, buttons, forms. No rule and no
// wording live here: every text comes from the view or from the shell's own texts.
import { h, format, uniqueId, pageHref } from './dom.js';
import { renderChart } from './chart.js';

// ctx: { texts, run(verb, data, options) → Promise<result|null>, announce(text), sorts: Map, key: string }
export function renderBlock(block, index, ctx) {
  const headingId = `block-${index}-heading`;
  const section = h('section', { class: `block block-${block.kind}`, 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: block.heading }));
  const render = { facts, table, chart, checklist, buttons, form }[block.kind];
  if (render) section.append(render(block, { ...ctx, headingId, blockKey: `${ctx.key}:${index}` }));
  return section;
}

function toneClass(tone) {
  return tone && tone !== 'neutral' ? `tone tone-${tone}` : undefined;
}

function facts(block) {
  return h('div', {},
    block.text ? h('p', { class: 'lead', text: block.text }) : null,
    block.facts.length === 0 ? null : h('dl', { class: 'facts' },
      block.facts.map((fact) => h('div', { class: 'fact' },
        h('dt', { text: fact.label }),
        h('dd', { class: toneClass(fact.tone), text: fact.value })))));
}

function table(block, ctx) {
  const wrapper = h('div', {});
  if (block.download) wrapper.append(h('div', { class: 'buttons' }, button(block.download, ctx)));
  if (block.rows.length === 0) {
    wrapper.append(h('p', { class: 'empty', text: block.emptyText }));
    return wrapper;
  }

  const sort = ctx.sorts.get(ctx.blockKey) ?? null;
  const hasButtons = block.rows.some((row) => row.buttons?.length);
  const head = h('tr', {}, block.columns.map((column) => {
    const active = sort?.key === column.key;
    const direction = active ? sort.direction : null;
    const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
    return h('th', { scope: 'col', class: column.numeric ? 'numeric' : undefined, 'aria-sort': direction ?? undefined },
      h('button', {
        type: 'button',
        class: 'sort',
        dataset: { focusKey: `${ctx.blockKey}:sort:${column.key}` },
        onclick: () => {
          const next = active && sort.direction === 'ascending' ? 'descending' : 'ascending';
          ctx.sorts.set(ctx.blockKey, { key: column.key, direction: next });
          ctx.rerender();
          ctx.announce(`${format(ctx.texts.Sort_By, column.label)} : ${next === 'ascending' ? ctx.texts.Sort_Ascending : ctx.texts.Sort_Descending}`);
        },
      }, column.label, h('span', { class: 'sort-arrow', 'aria-hidden': 'true', text: ` ${arrow}` })));
  }), hasButtons ? h('th', { scope: 'col', text: ctx.texts.Table_Actions }) : null);

  // One row group per group (a bassin), its name as the group's header; rows are sorted within their group.
  const bodies = [];
  for (const [group, rows] of grouped(block.rows)) {
    const body = h('tbody', {});
    if (group !== null) {
      body.append(h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: block.columns.length + (hasButtons ? 1 : 0), text: group })));
    }
    for (const row of sorted(rows, block.columns, sort)) body.append(tableRow(row, block.columns, hasButtons, ctx));
    bodies.push(body);
  }

  wrapper.append(h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': ctx.headingId, tabindex: '0' },
    h('table', {}, h('thead', {}, head), bodies)));
  return wrapper;
}

function grouped(rows) {
  const groups = new Map();
  for (const row of rows) {
    const key = row.group ?? null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row);
  }
  return groups;
}

function sorted(rows, columns, sort) {
  if (!sort) return rows;
  const column = columns.find((candidate) => candidate.key === sort.key);
  const factor = sort.direction === 'descending' ? -1 : 1;
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: 'base' });
  return [...rows].sort((a, b) => {
    const left = a.cells[sort.key];
    const right = b.cells[sort.key];
    if (column?.numeric || (left?.value !== undefined && right?.value !== undefined)) {
      return factor * ((left?.value ?? -Infinity) - (right?.value ?? -Infinity));
    }
    return factor * collator.compare(left?.text ?? '', right?.text ?? '');
  });
}

function tableRow(row, columns, hasButtons, ctx) {
  const cells = columns.map((column, index) => {
    const cell = row.cells[column.key] ?? { text: '' };
    const content = [];
    if (index === 0 && row.link) {
      content.push(h('a', { href: pageHref(row.link), dataset: { focusKey: `${ctx.blockKey}:link:${row.id}` }, text: cell.text }));
    } else {
      content.push(h('span', { class: toneClass(cell.tone), text: cell.text }));
    }
    if (cell.ratio !== undefined && cell.ratio !== null) content.push(bar(cell.ratio, cell.tone));
    const attributes = { class: [column.numeric ? 'numeric' : null, cell.ratio !== undefined ? 'with-bar' : null].filter(Boolean).join(' ') || undefined };
    return index === 0 ? h('th', { scope: 'row', ...attributes }, content) : h('td', attributes, content);
  });
  if (hasButtons) cells.push(h('td', { class: 'row-buttons' }, (row.buttons ?? []).map((item) => button(item, ctx, row.id))));
  return h('tr', { dataset: { row: row.id } }, cells);
}

// The bar repeats what the cell's text says, so it is hidden from screen readers.
function bar(ratio, tone) {
  const fill = h('span', { class: `bar-fill${tone && tone !== 'neutral' ? ` bar-${tone}` : ''}` });
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, ratio)) * 100)}%`;
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

function chart(block, ctx) {
  return renderChart(block, ctx.headingId, ctx.texts);
}

export function button(item, ctx, rowId = '') {
  const focusKey = `${ctx.blockKey}:button:${rowId}:${item.verb ?? item.href}:${item.label}`;
  if (item.href) {
    return h('a', { class: `button${item.primary ? ' primary' : ''}`, href: item.href, target: '_blank', rel: 'noopener', 'aria-label': item.accessibleLabel, dataset: { focusKey }, text: item.label });
  }
  const node = h('button', {
    type: 'button',
    class: item.primary ? 'primary' : undefined,
    'aria-label': item.accessibleLabel,
    dataset: { focusKey },
    text: item.label,
    onclick: async () => {
      node.disabled = true;
      node.setAttribute('aria-busy', 'true');
      try {
        await ctx.run(item.verb, item.data ?? {}, { confirm: item.confirm, origin: node });
      } finally {
        node.disabled = false;
        node.removeAttribute('aria-busy');
      }
    },
  });
  return node;
}

function buttons(block, ctx) {
  return h('div', { class: 'buttons' }, block.buttons.map((item) => button(item, ctx)));
}

// Each tick is saved at once; a refusal or a failure puts the box back as it was and says why.
function checklist(block, ctx) {
  const summaryId = uniqueId('checklist-summary');
  return h('div', {},
    h('p', { id: summaryId, class: 'lead', text: block.summary }),
    h('ul', { class: 'checklist', 'aria-describedby': summaryId }, block.items.map((item) => {
      const box = h('input', {
        type: 'checkbox',
        checked: item.done,
        dataset: { focusKey: `${ctx.blockKey}:check:${item.id}` },
        onchange: async () => {
          const wanted = box.checked;
          box.setAttribute('aria-busy', 'true');
          const result = await ctx.run(block.verb, { ...block.context, item: item.id, done: wanted }, { quiet: true, keepPage: true });
          box.removeAttribute('aria-busy');
          if (!result?.done) box.checked = !wanted;
        },
      });
      return h('li', {}, h('label', { class: 'check' }, box, h('span', { class: 'check-text' },
        h('span', { class: 'check-label', text: item.label }),
        item.detail ? h('span', { class: 'check-detail', text: item.detail }) : null)));
    })));
}

function form(block, ctx) {
  const fields = block.fields.map((field) => formField(field));
  const node = h('form', {
    class: 'form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const data = { ...(block.data ?? {}) };
      for (const field of fields) {
        field.error.textContent = '';
        field.input.removeAttribute('aria-invalid');
        const value = await field.read(ctx.texts);
        if (value.error) return showError(field, value.error);
        if (field.spec.required && (value.value === null || value.value === '')) return showError(field, ctx.texts.Form_Required);
        if (value.value !== null) data[field.spec.name] = value.value;
      }
      await ctx.run(block.verb, data, {});
    },
  },
  block.text ? h('p', { class: 'lead', text: block.text }) : null,
  fields.map((field) => field.node),
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: block.submitLabel })));
  return node;
}

function showError(field, message) {
  field.error.textContent = message;
  field.input.setAttribute('aria-invalid', 'true');
  field.input.focus();
}

function formField(spec) {
  const id = uniqueId(`field-${spec.name}`);
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = { id, name: spec.name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), 'aria-required': spec.required ? 'true' : undefined };
  let input;
  let read;
  switch (spec.kind) {
    case 'longText':
      input = h('textarea', { ...common, rows: 6, text: spec.value ?? '' });
      read = async () => ({ value: input.value });
      break;
    case 'number':
      input = h('input', { ...common, type: 'number', value: spec.value ?? '', inputmode: 'decimal' });
      read = async () => ({ value: input.value });
      break;
    case 'date':
      input = h('input', { ...common, type: 'date', value: spec.value ?? '' });
      read = async () => ({ value: input.value });
      break;
    case 'choice':
      input = h('select', common, Object.entries(spec.options ?? {}).map(([value, label]) => h('option', { value, selected: value === spec.value, text: label })));
      read = async () => ({ value: input.value });
      break;
    case 'file':
      // Read here and posted as text (a CSV): no upload to disk, the server checks it like the chat's import.
      input = h('input', { ...common, type: 'file', accept: '.csv,text/csv,text/plain' });
      read = async (texts) => {
        const file = input.files?.[0];
        if (!file) return { value: null };
        try {
          return { value: await file.text() };
        } catch {
          return { error: texts.Form_FileUnreadable };
        }
      };
      break;
    default:
      input = h('input', { ...common, type: 'text', value: spec.value ?? '' });
      read = async () => ({ value: input.value });
  }
  const error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' });
  const node = h('div', { class: 'field' },
    h('label', { for: id, text: spec.label }),
    hintId ? h('p', { id: hintId, class: 'hint', text: spec.hint }) : null,
    input,
    error);
  return { spec, input, error, node, read };
}
