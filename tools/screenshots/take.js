// Signs in to the dashboard tab as Alex Wilber (Development sign-in) and photographs the votes list and an open
// ballot, once with the browser in light and once in dark. Usage: node take.js <bot url> <output folder>
'use strict';

const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [base, out] = process.argv.slice(2);
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

async function show(page, hash) {
  await page.evaluate((target) => { location.hash = target; }, hash);
  await page.waitForFunction((target) => document.body.dataset.shown === target, hash);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
