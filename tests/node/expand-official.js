#!/usr/bin/env node
// Expands Adaptive Card templates with the official engine (adaptivecards-templating 2.3.1), so that the
// .NET binder (bot/Cards) can be checked against it.
//   stdin:  [{"name": "...", "template": {...}, "data": {...}}, ...]
//   or:     node expand-official.js a.json a.data.json [b.json b.data.json ...]
//   stdout: [{"name": "...", "output": {...}, "warnings": [...]} | {"name": "...", "error": "..."}, ...]
'use strict';
const fs = require('fs');
const path = require('path');
const ACData = require('adaptivecards-templating');

// string(), formatNumber() and toUpper()/toLower() use the process's default locale: pin the one the
// .NET binder reproduces.
const locale = Intl.DateTimeFormat().resolvedOptions().locale;
if (locale !== 'en-US') {
  process.stderr.write(`expand-official.js: default locale is ${locale}, expected en-US (run with LANG=C.UTF-8)\n`);
  process.exit(2);
}

function readCases() {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    return JSON.parse(fs.readFileSync(0, 'utf8'));
  }
  if (args.length % 2 !== 0) {
    throw new Error('expected pairs of files: <template.json> <data.json> ...');
  }
  const cases = [];
  for (let i = 0; i < args.length; i += 2) {
    cases.push({
      name: path.basename(args[i]),
      template: JSON.parse(fs.readFileSync(args[i], 'utf8')),
      data: JSON.parse(fs.readFileSync(args[i + 1], 'utf8')),
    });
  }
  return cases;
}

const results = readCases().map(({ name, template, data }) => {
  try {
    const t = new ACData.Template(template);
    const output = t.expand({ $root: data });
    return { name, output: output === undefined ? null : output, warnings: t.getLastTemplateExpansionWarnings() };
  } catch (e) {
    return { name, error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(results));
