// Debian's Chromium driven by playwright-core: never a browser Playwright downloads. Missing Chromium fails the tier.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`Chromium not found at ${path}: run .ci/install-e2e.sh (apt-get install chromium) or set CHROMIUM_PATH`);
    this.name = 'ChromiumMissingError';
  }
}

export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) throw new ChromiumMissingError(CHROMIUM);
  return CHROMIUM;
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed network refuses.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with a fresh, empty profile (Playwright makes a temporary user data dir per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), headless: true, args: FLAGS });
}
