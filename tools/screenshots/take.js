// Signs in to the dashboard tab as Alex Wilber (Development sign-in) and photographs the votes list and an open
// ballot, once with the browser in light and once in dark, after three of the demo bourgmestres voted on the demo
// ballot as Teams would send their clicks. Usage: node take.js <bot url> <output folder>
'use strict';

const path = require('path');
const { chromium } = require('playwright-core');

// The demo ballot (bot/Features/Votes/VotesSeeder.cs) and the demo roster's bourgmestres (bot/Features/Roster/DemoRoster.cs).
const demoBallot = 'de0000000001';
const demoTenant = '00000000-0000-0000-0000-0000000000001';
const votes = [
  { name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021', commune: 'Namur', choice: 'pour' },
  { name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022', commune: 'Dinant', choice: 'contre' },
  { name: 'Isaiah Langer', aadObjectId: '00000000-0000-0000-0000-0000000000023', commune: 'Couvin', choice: 'pour' },
];

async function main() {
  const [base, out] = process.argv.slice(2);
  for (const vote of votes) await cast(base, vote);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme: scheme, locale: 'fr-BE', viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${base}/tab/`);
      await page.getByRole('button', { name: /Alex Wilber/ }).click();
      await page.locator('#menu:not([hidden])').waitFor();
      await show(page, '#/votes');
      await page.screenshot({ path: path.join(out, `votes-${scheme}.png`), fullPage: true });
      const ballot = await page.locator('tbody a').first().getAttribute('href');
      await show(page, ballot);
      await page.screenshot({ path: path.join(out, `ballot-${scheme}.png`), fullPage: false });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

// A click on « Pour » (or « Contre ») on the ballot's card, as Teams posts it to /api/messages in Development.
async function cast(base, { name, aadObjectId, commune, choice }) {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `screenshot-vote-${commune}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      locale: 'fr-BE',
      from: { id: `29:${aadObjectId}`, name, aadObjectId },
      recipient: { id: '28:bepbot', name: 'BepBot' },
      conversation: { id: `a:screenshot-${aadObjectId}`, conversationType: 'personal', tenantId: demoTenant },
      channelData: { tenant: { id: demoTenant } },
      value: { action: { type: 'Action.Execute', verb: 'votes.cast', data: { ballotId: demoBallot, commune, choice } }, trigger: 'manual' },
    }),
  });
  if (!response.ok) throw new Error(`the vote of ${commune} was refused: ${response.status} ${await response.text()}`);
}

async function show(page, hash) {
  await page.evaluate((target) => { location.hash = target; }, hash);
  await page.waitForFunction((target) => document.body.dataset.shown === target, hash);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
