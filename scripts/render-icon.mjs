// Renders images/icon.svg to the 128×128 PNG the marketplace wants (images/icon.png, not committed), with
// Debian's chromium, which the test machine already has for the VS Code tests: no image library needed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compactPng } from './compact-png.mjs';

const svg = resolve('images/icon.svg');
const png = resolve('images/icon.png');
if (existsSync(png) && statSync(png).mtimeMs >= statSync(svg).mtimeMs) process.exit(0);
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
execFileSync(
  chromium,
  ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000', '--window-size=128,128', `--screenshot=${png}`, pathToFileURL(svg).href],
  { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
);
writeFileSync(png, compactPng(readFileSync(png)));
const header = readFileSync(png).subarray(0, 24);
if (header.readUInt32BE(16) !== 128 || header.readUInt32BE(20) !== 128) throw new Error(`${png} is not 128×128`);
console.log(`rendered ${png}`);
