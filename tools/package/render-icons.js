#!/usr/bin/env node
// Draws the app icons from their SVG sources in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, borrowed from tools/gallery): manifest/icons/color.svg -> manifest/color.png (192x192)
// and manifest/icons/outline.svg -> manifest/outline.png (32x32), beside manifest.json. Run it through ./render-icons.sh after editing an SVG.
//
// The page rasterises each SVG on a canvas and hands the raw RGBA back; PNGs are encoded here (png.js), so the
// outline icon can be forced to pure white (only alpha varies): Teams requires a white, transparent outline, and
// a browser's anti-aliased, premultiplied pixels would otherwise come out slightly grey at the edges.
'use strict';

const fs = require('fs');
const path = require('path');
const { encodeRgba } = require('./png');

const REPO = path.resolve(__dirname, '..', '..');
const { chromium } = require(path.join(REPO, 'tools', 'gallery', 'node_modules', 'playwright-core'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

const ICONS = [
  { source: 'color.svg', target: 'color.png', size: 192, whiteOnly: false },
  { source: 'outline.svg', target: 'outline.png', size: 32, whiteOnly: true },
];

async function rasterise(page, svg, size) {
  return page.evaluate(async ({ svg, size }) => {
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, size, size);
    return Array.from(context.getImageData(0, 0, size, size).data);
  }, { svg, size });
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>icons</title>');
    for (const icon of ICONS) {
      const svg = fs.readFileSync(path.join(REPO, 'manifest', 'icons', icon.source), 'utf8');
      const rgba = Buffer.from(await rasterise(page, svg, icon.size));
      if (icon.whiteOnly) {
        for (let i = 0; i < rgba.length; i += 4) rgba.fill(255, i, i + 3);
      }
      const target = path.join(REPO, 'manifest', icon.target);
      fs.writeFileSync(target, encodeRgba(icon.size, icon.size, rgba));
      console.log(`wrote ${path.relative(REPO, target)} (${icon.size}x${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`render-icons: ${error.message}`);
  process.exit(1);
});
