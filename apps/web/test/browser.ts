/**
 * A real browser for the page's tests: Debian's Chromium (`/usr/bin/chromium`, installed by
 * `.ci/run`; Playwright cannot download its own browsers here) driven by playwright-core, headless,
 * with a new empty profile, against the built site served on 127.0.0.1. Every request the browser
 * makes is recorded, so a test can count those to other origins.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';

export { CHROMIUM };

export interface Session {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** Every URL the browser asked for (page, worker, service worker). */
  requests: string[];
  /** The page's console messages that report a Content-Security-Policy violation. */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function openSite(query = ''): Promise<Session> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium)`);
  const { server, port } = await serve(0);
  const profile = mkdtempSync(join(tmpdir(), 'wenshu-web-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: CHROMIUM_ARGS,
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const origin = `http://127.0.0.1:${port}`;
  await page.goto(`${origin}/${query}`);
  return {
    page,
    context,
    origin,
    requests,
    cspViolations,
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Network requests to anywhere but the site itself. The page's blob: and data: URLs are its own;
 * chrome:// and chrome-extension:// are the browser's own resources (its PDF viewer's), not the
 * network.
 */
export function foreignRequests(session: Session): string[] {
  return session.requests.filter((url) => /^(https?|wss?|ftp):/i.test(url) && !url.startsWith(`${session.origin}/`));
}

/** Opens a report file on the page and waits until its outline is shown. */
export async function openReport(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#open', file);
  await page.waitForSelector('#outline li a', { timeout: 60_000 });
}
