#!/usr/bin/env node
// Card gallery: renders every template cards/<feature>/<name>.json with its sample <name>.data.json, with the
// Microsoft Teams light and dark host configs, in headless Chromium, to docs/cards/<feature>-<name>.<theme>.png,
// and writes docs/cards/README.md. Run it through ./render.sh (installs the pinned packages first).
//
//   node render.js [--out DIR] [--width PX] [feature/name ...]
//
// - Templates are expanded with the official engine (adaptivecards-templating 2.3.1); the bot's binder
//   produces the same JSON (tests/BepBot.Tests checks that). A `${` left in the output is an error.
// - Cards are rendered with the official renderer (adaptivecards 3.0.6) in a self-contained page (no network):
//   Teams host configs and Teams container CSS from adaptivecards-designer 2.4.4 (read from node_modules,
//   not copied), markdown through markdown-it as Teams does, a Segoe-like font stack.
// - Teams' own charts (`Chart.*`) are unknown to that renderer: each is replaced by its `fallback` element, as a
//   host without charts shows it (tests/BepBot.Tests/Cards/ChartChecks.cs, WithFallbacks, does the same), and the
//   gallery page notes that Teams draws a chart there.
// - Each card is laid out in a box of --width px (Teams' narrow chat column is about 320 px) and only the
//   card element is captured, at device scale factor 1 (small files; the gallery shows them at that width),
//   then recompressed losslessly by optipng (about a quarter smaller, same pixels, same bytes on every run).
// - captions.json gives each feature and each card its caption on the gallery page: a card without one is an
//   error, so a new card cannot reach the gallery unexplained.
// - After rendering, the page looks for what a reader would miss: text or buttons cut off, a card wider
//   than the column, text whose contrast is below WCAG AA. Those are printed as warnings (exit code 0);
//   errors (missing sample data, `${` left, parse errors) exit 1.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const ACData = require('adaptivecards-templating');
const { chromium } = require('playwright-core');

const HERE = __dirname;
const REPO = path.resolve(HERE, '..', '..');
const MODULES = path.join(HERE, 'node_modules');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

// Segoe UI is Teams' font; on Linux it is absent, so fall back on its open-source look-alikes (Selawik is
// metric-compatible, Open Sans is the Debian package fonts-open-sans), then on the emoji font.
const FONT_STACK = "'Segoe UI', 'Segoe UI Web (West European)', Selawik, 'Open Sans', 'Liberation Sans', " +
  "Arial, sans-serif, 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji'";

const THEMES = [
  {
    id: 'light',
    hostConfig: 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json',
    css: 'adaptivecards-designer/dist/containers/teams-container-light.css',
    pageBackground: '#F6F6F6', // the designer's Teams container (light)
  },
  {
    id: 'dark',
    hostConfig: 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-dark.json',
    css: 'adaptivecards-designer/dist/containers/teams-container-dark.css',
    pageBackground: '#201E1F', // the designer's Teams container (dark)
  },
];

function parseArgs(argv) {
  const opts = { out: path.join(REPO, 'docs', 'cards'), width: 320, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--width') opts.width = Number(argv[++i]);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: render.js [--out DIR] [--width PX] [feature/name ...]\n');
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.only.push(a);
  }
  if (!Number.isInteger(opts.width) || opts.width < 200 || opts.width > 1200) {
    throw new Error('--width must be an integer between 200 and 1200');
  }
  return opts;
}

// cards/<feature>/<name>.json, sorted, with their sample data.
function findCards() {
  const root = path.join(REPO, 'cards');
  const cards = [];
  for (const feature of fs.readdirSync(root, { withFileTypes: true })) {
    if (!feature.isDirectory()) continue;
    const dir = path.join(root, feature.name);
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.json') || file.endsWith('.data.json')) continue;
      const name = file.slice(0, -'.json'.length);
      cards.push({
        id: `${feature.name}/${name}`,
        feature: feature.name,
        slug: `${feature.name}-${name}`,
        template: path.join(dir, file),
        data: path.join(dir, `${name}.data.json`),
      });
    }
  }
  return cards.sort((a, b) => a.id.localeCompare(b.id));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${path.relative(REPO, file)}: ${e.message}`);
  }
}

// The card as a host without Teams' charts shows it: each Chart.* element replaced by its fallback element.
// Returns the chart types met, in order, for the gallery's note.
function withFallbacks(node, charts) {
  if (Array.isArray(node)) return node.map((item) => withFallbacks(item, charts));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.type === 'string' && node.type.startsWith('Chart.')) {
    charts.push(node.type);
    if (node.fallback === null || typeof node.fallback !== 'object') {
      throw new Error(`${node.type} has no fallback element: a host without charts would show nothing`);
    }
    return withFallbacks(node.fallback, charts);
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withFallbacks(value, charts);
  return copy;
}

function expand(card) {
  if (!fs.existsSync(card.data)) {
    throw new Error(`${card.id}: no sample data ${path.relative(REPO, card.data)}`);
  }
  const template = new ACData.Template(readJson(card.template));
  const expanded = template.expand({ $root: readJson(card.data) });
  // adaptivecards-templating 2.3.1 emits "Unable to parse the Adaptive Expression ... $when ... set to false"
  // for every $when whose value is false, not only for broken ones: that one is noise here (a broken
  // expression fails the bot's binder at load, and the cross-check test compares both engines).
  const warnings = (template.getLastTemplateExpansionWarnings() || [])
    .map((w) => w.message || String(w))
    .filter((w) => !/^WARN: Unable to parse the Adaptive Expression .*\$when condition has been set to false/.test(w));
  const leftover = JSON.stringify(expanded).match(/.{0,30}\$\{[^}]*\}?.{0,10}/);
  if (leftover) {
    throw new Error(`${card.id}: the expanded card still contains a template expression: ${leftover[0]}`);
  }
  const charts = [];
  try {
    return { expanded: withFallbacks(expanded, charts), charts: [...new Set(charts)], warnings };
  } catch (e) {
    throw new Error(`${card.id}: ${e.message}`);
  }
}

function readCaptions(cards) {
  const captions = readJson(path.join(HERE, 'captions.json'));
  const errors = [];
  for (const card of cards) {
    if (!captions.cards[card.id]) errors.push(`${card.id}: no caption in tools/gallery/captions.json ("cards")`);
    if (!captions.features[card.feature]) errors.push(`${card.feature}: no caption in tools/gallery/captions.json ("features")`);
  }
  for (const id of Object.keys(captions.cards)) {
    if (!cards.some((c) => c.id === id)) errors.push(`tools/gallery/captions.json: caption for ${id}, which is no card`);
  }
  for (const feature of Object.keys(captions.features)) {
    if (!cards.some((c) => c.feature === feature)) errors.push(`tools/gallery/captions.json: caption for feature ${feature}, which has no card`);
  }
  return { captions, errors };
}

function pageHtml(theme, width) {
  const designerCss = fs.readFileSync(path.join(MODULES, theme.css), 'utf8');
  const dark = theme.id === 'dark';
  // Our additions on top of the designer's Teams CSS: the font stack, the column width, and the two
  // action styles Teams draws but the designer's CSS leaves plain (positive = primary, destructive = red).
  const ours = `
html, body { margin: 0; background: ${theme.pageBackground}; }
body { padding: 16px; font-family: ${FONT_STACK}; -webkit-font-smoothing: antialiased; }
#stage { width: ${width}px; }
.teams-card { box-sizing: border-box; width: ${width}px; overflow: hidden; }
.ac-pushButton, .ac-pushButton-disabled, .ac-input, .ac-ctrl, .ac-inlineActionButton { font-family: ${FONT_STACK}; }
.ac-pushButton { font-weight: 600; }
.ac-pushButton.style-positive, .ac-pushButton.primary {
  background-color: ${dark ? '#6165A4' : '#6264A7'}; border-color: ${dark ? '#6165A4' : '#6264A7'}; color: white;
}
.ac-pushButton.style-destructive { color: ${dark ? '#D74654' : '#C4314B'}; }
`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>BepBot card gallery</title>
<style>${designerCss}</style>
<style>${ours}</style>
</head><body><div id="stage"></div></body></html>`;
}

// Runs in the page: renders one card, returns parse errors and layout findings.
function renderInPage({ card, hostConfig, fontStack }) {
  /* global AdaptiveCards, markdownit, document, getComputedStyle */
  const AC = AdaptiveCards;
  if (!AC.AdaptiveCard.onProcessMarkdown) {
    const md = markdownit({ html: false, linkify: false, breaks: false });
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
  }
  const config = JSON.parse(JSON.stringify(hostConfig));
  for (const type of ['default']) {
    if (config.fontTypes && config.fontTypes[type]) config.fontTypes[type].fontFamily = fontStack;
  }
  const stage = document.getElementById('stage');
  stage.innerHTML = '';
  const host = document.createElement('div');
  host.className = 'teams-card';
  host.id = 'card';
  stage.appendChild(host);

  const ac = new AC.AdaptiveCard();
  ac.hostConfig = new AC.HostConfig(config);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  context.targetVersion = AC.Versions.v1_5;
  ac.parse(card, context);
  const errors = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`${e.phase === 0 ? 'parse' : 'phase ' + e.phase}: ${e.message}`);
  }
  const rendered = ac.render();
  if (!rendered) return { errors: errors.concat('render() returned nothing'), findings: [] };
  host.appendChild(rendered);

  const findings = [];
  const snippet = (el) => (el.innerText || el.value || el.placeholder || '').replace(/\s+/g, ' ').trim().slice(0, 70);
  const hostBox = host.getBoundingClientRect();

  if (host.scrollWidth > host.clientWidth + 1) {
    findings.push(`card content is ${host.scrollWidth}px wide, wider than the ${host.clientWidth}px column`);
  }
  for (const el of rendered.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > hostBox.right + 1) {
      const t = snippet(el);
      if (t) findings.push(`sticks out ${Math.round(box.right - hostBox.right)}px on the right: "${t}"`);
    }
  }

  // Text or buttons cut off (ellipsis, maxLines, fixed-height buttons): any element that hides overflow
  // and whose content is larger than its box.
  const cut = new Set();
  for (const el of rendered.querySelectorAll('*')) {
    const t = snippet(el);
    if (!t) continue;
    const cs = getComputedStyle(el);
    if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      cut.add(`cut off horizontally (${el.clientWidth}px shown of ${el.scrollWidth}px): "${t}"`);
    }
    if (cs.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) {
      cut.add(`cut off vertically (${el.clientHeight}px shown of ${el.scrollHeight}px): "${t}"`);
    }
  }
  findings.push(...cut);

  // Contrast of every text run against the colour actually behind it (WCAG 2.x AA).
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg.a > 0) {
        layers.push(bg);
        if (bg.a >= 1) break;
      }
    }
    let color = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color);
    return color;
  };
  const luminance = (c) => {
    const ch = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  };
  const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const seen = new Set();
  for (const el of rendered.querySelectorAll('*')) {
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText) continue;
    const cs = getComputedStyle(el);
    const fg = parse(cs.color);
    if (!fg) continue;
    const bg = background(el);
    const text = over(fg, bg);
    const l1 = luminance(text);
    const l2 = luminance(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(cs.fontSize);
    const weight = parseInt(cs.fontWeight, 10);
    const large = size >= 24 || (size >= 18.66 && weight >= 700);
    const needed = large ? 3 : 4.5;
    if (ratio < needed) {
      const t = snippet(el);
      const key = `${hex(text)}|${hex(bg)}|${t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(`low contrast ${ratio.toFixed(2)}:1 (AA needs ${needed}:1) ${cs.color} on ${hex(bg)}, ${size}px/${weight}: "${t}"`);
    }
  }
  return { errors, findings, size: { width: Math.round(hostBox.width), height: Math.round(hostBox.height) } };
}

function readmeText(cards, jobs, captions, width) {
  const features = [...new Set(cards.map((c) => c.feature))];
  const charts = new Map(jobs.map((j) => [j.card.id, j.charts]));
  const img = (c, theme) =>
    `<img src="${c.slug}.${theme.id}.png" width="${width}" alt="${c.id} card, Teams ${theme.id} theme">`;
  const row = (c) => {
    const types = charts.get(c.id) || [];
    const note = types.length
      ? `<br>*Teams draws ${types.length > 1 ? 'charts' : 'a chart'} here (${types.map((t) => `\`${t}\``).join(', ')}); ` +
        'the images show the fallback, as hosts without charts do.*'
      : '';
    return `| **\`${c.id}\`**<br>${captions.cards[c.id]}${note}<br>` +
      `[template](../../cards/${c.id}.json) · [data](../../cards/${c.id}.data.json) | ${img(c, THEMES[0])} | ${img(c, THEMES[1])} |`;
  };
  const sections = features.map((f) => {
    const own = cards.filter((c) => c.feature === f);
    return `## ${f}

${captions.features[f]}

| card | light | dark |
|---|---|---|
${own.map(row).join('\n')}
`;
  });
  const contents = features
    .map((f) => `[${f}](#${f}) (${cards.filter((c) => c.feature === f).length})`)
    .join(' · ');
  return `# Card gallery

Every Adaptive Card template in [\`cards/\`](../../cards/) (${cards.length} cards) rendered with its sample data
(\`cards/<feature>/<name>.data.json\`), with the Microsoft Teams **light** and **dark** host configs, at Teams'
narrow chat width (${width} px), by the official renderer (\`adaptivecards\` 3.0.6) in headless Chromium.
These PNG files and this page are generated: do not edit them, regenerate them (captions are in
[\`tools/gallery/captions.json\`](../../tools/gallery/captions.json)).

\`\`\`bash
tools/gallery/render.sh                # every card, and this page
tools/gallery/render.sh help/help      # only some cards (this page is still written whole)
\`\`\`

The script prints a warning for text or buttons cut off at ${width} px, a card wider than the column, and text
below WCAG AA contrast; it fails on a card without a caption, a \`\${...}\` left in a card or a parse error.
\`CardGalleryTests\` (tests/BepBot.Tests) fails when a template has no entry here or lacks one of its two images.

How close to Teams it is:
- host configs \`microsoft-teams-light.json\` / \`-dark.json\` and the Teams container CSS of the Adaptive Cards
  Designer (npm \`adaptivecards-designer\` 2.4.4, which ships no high-contrast Teams config); on top of it, our CSS
  draws \`positive\` actions filled and \`destructive\` ones in red, as Teams does;
- Teams' own charts (\`Chart.*\`, see [cards/README.md](../../cards/README.md#charts-teams-own-chart)) are unknown to
  the renderer: the images show each chart's \`fallback\` (a table or facts with the same figures), and the card's
  caption says that Teams draws a chart there;
- markdown through markdown-it, as Teams processes TextBlock markdown;
- fonts: Segoe UI is not on Linux, so Open Sans (Debian \`fonts-open-sans\`) and Noto Color Emoji
  (\`fonts-noto-color-emoji\`); line breaks can differ slightly from Teams on Windows or macOS. \`render.sh\` says
  what to install when they are missing;
- images at device scale factor 1 (${width} px wide), recompressed losslessly by \`optipng\` (Debian package), to keep
  the repository small.

${contents}

${sections.join('\n')}`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const all = findCards();
  const unknown = opts.only.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length) throw new Error(`no such card: ${unknown.join(', ')} (known: ${all.map((c) => c.id).join(', ')})`);
  const { captions, errors: captionErrors } = readCaptions(all);
  if (captionErrors.length) {
    for (const e of captionErrors) process.stderr.write(`ERROR ${e}\n`);
    process.exit(1);
  }

  // Every card is expanded (the page notes the charts of all of them); only the chosen ones are drawn.
  let failed = false;
  const expandedAll = [];
  for (const card of all) {
    try {
      expandedAll.push({ card, ...expand(card) });
    } catch (e) {
      failed = true;
      process.stderr.write(`ERROR ${e.message}\n`);
    }
  }
  const jobs = opts.only.length ? expandedAll.filter((j) => opts.only.includes(j.card.id)) : expandedAll;

  fs.mkdirSync(opts.out, { recursive: true });
  const scripts = [
    path.join(MODULES, 'adaptivecards/dist/adaptivecards.min.js'),
    path.join(MODULES, 'markdown-it/dist/browser/markdown-it.umd.min.js'),
  ];

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60000 });
  let warnings = 0;
  const written = [];
  try {
    const context = await browser.newContext({
      viewport: { width: opts.width + 64, height: 1000 },
      deviceScaleFactor: 1,
      locale: 'fr-BE',
      offline: true,
    });
    // Self-contained page: refuse any request (no CDN, no fonts from the web).
    await context.route('**/*', (route) => route.abort());
    for (const theme of THEMES) {
      const hostConfig = readJson(path.join(MODULES, theme.hostConfig));
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        failed = true;
        process.stderr.write(`ERROR page (${theme.id}): ${e.message}\n`);
      });
      await page.setContent(pageHtml(theme, opts.width), { waitUntil: 'load' });
      for (const script of scripts) await page.addScriptTag({ path: script });
      await page.evaluate(() => document.fonts.ready);

      for (const job of jobs) {
        const file = path.join(opts.out, `${job.card.slug}.${theme.id}.png`);
        const result = await page.evaluate(renderInPage, { card: job.expanded, hostConfig, fontStack: FONT_STACK });
        await page.evaluate(() => document.fonts.ready);
        for (const e of result.errors) {
          failed = true;
          process.stderr.write(`ERROR ${job.card.id} (${theme.id}): ${e}\n`);
        }
        await page.locator('#card').screenshot({ path: file, omitBackground: true, animations: 'disabled' });
        written.push(file);
        const notes = (theme.id === THEMES[0].id ? job.warnings.map((w) => `template: ${w}`) : []).concat(result.findings);
        if (theme.id === THEMES[0].id && job.charts.length) process.stdout.write(`  ${job.card.id}: ${job.charts.join(', ')} drawn as fallback\n`);
        warnings += notes.length;
        process.stdout.write(`${path.relative(REPO, file)}  ${result.size.width}x${result.size.height} css px\n`);
        for (const n of notes) process.stdout.write(`  warning ${job.card.id} (${theme.id}): ${n}\n`);
      }
      await page.close();
    }
    await context.close();
  } finally {
    await browser.close();
  }

  if (written.length) {
    const before = written.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    execFileSync(process.env.OPTIPNG_PATH || 'optipng', ['-quiet', '-o2', '-strip', 'all', ...written], { stdio: 'inherit' });
    const after = written.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    process.stdout.write(`optipng: ${written.length} PNG files, ${(before / 1024).toFixed(0)} KiB -> ${(after / 1024).toFixed(0)} KiB\n`);
  }

  // Gallery page, and no PNG left behind for a card that no longer exists.
  if (!opts.only.length) {
    const keep = new Set(all.flatMap((c) => THEMES.map((t) => `${c.slug}.${t.id}.png`)));
    for (const f of fs.readdirSync(opts.out)) {
      if (/\.(light|dark)\.png$/.test(f) && !keep.has(f)) {
        fs.unlinkSync(path.join(opts.out, f));
        process.stdout.write(`removed stale ${f}\n`);
      }
    }
  }
  fs.writeFileSync(path.join(opts.out, 'README.md'), readmeText(all, expandedAll, captions, opts.width));
  process.stdout.write(`${jobs.length} card(s) x ${THEMES.length} themes, ${warnings} warning(s)${failed ? ', ERRORS above' : ''}\n`);
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`ERROR ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
