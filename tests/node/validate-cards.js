#!/usr/bin/env node
// Validates expanded Adaptive Cards with the official renderer (adaptivecards 3.0.6) for schema 1.5:
// parse with a SerializationContext targeting 1.5, then validateProperties(). Reports every event.
//   stdin:  [{"name": "...", "card": {...}}, ...]   or: node validate-cards.js card1.json [card2.json ...]
//   stdout: [{"name": "...", "events": [{"phase", "event", "severity", "message", "source"}]}, ...]
// It does not check a missing "version", misspelled properties, input labels or verbs: the .NET
// tests do that (tests/BepBot.Tests/Cards/CardChecks.cs).
'use strict';
const fs = require('fs');
const path = require('path');
// require('adaptivecards') fails in Node (ESM with extensionless imports); the dist bundle works without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js');

const warningEvents = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function describe(event) {
  const source = event.source && typeof event.source.getJsonTypeName === 'function' ? event.source.getJsonTypeName() : undefined;
  return {
    phase: AC.ValidationPhase[event.phase],
    event: AC.ValidationEvent[event.event],
    severity: warningEvents.has(event.event) ? 'warning' : 'error',
    message: event.message,
    source: source === undefined ? null : source,
  };
}

function validate(card) {
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5; // otherwise features newer than the card's version go unreported
  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push(describe(context.getEventAt(i)));
  }
  for (const event of adaptiveCard.validateProperties().validationEvents) {
    events.push(describe(event));
  }
  return events;
}

const args = process.argv.slice(2);
const cards = args.length === 0
  ? JSON.parse(fs.readFileSync(0, 'utf8'))
  : args.map((file) => ({ name: path.basename(file), card: JSON.parse(fs.readFileSync(file, 'utf8')) }));
const results = cards.map(({ name, card }) => {
  try {
    return { name, events: validate(card) };
  } catch (e) {
    return { name, events: [{ phase: 'Parse', event: 'Exception', severity: 'error', message: String(e && e.message ? e.message : e), source: null }] };
  }
});
process.stdout.write(JSON.stringify(results));
