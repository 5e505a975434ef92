/**
 * Debian's Chromium as the page's tests and bench launch it: headless, without a sandbox (root in
 * CI), and without the background connections a closed network refuses at every start.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
