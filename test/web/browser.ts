// What the browser tests share: a fresh build of web/ and Debian's Chromium,
// driven headless by playwright-core, with one browser context per device.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LocalAppSync, LocalAppSyncOptions } from '../../local/server.ts';
import { startHandsUp } from '../support/local-appsync.ts';
import { organizerLaptop } from './organizer-support.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds web/ into a folder of its own, every time: a few seconds, never a stale
 * page, and test files running side by side do not overwrite each other's build
 * (nor web/dist). It runs `vite build web` as `npm run build` does, in its own
 * process: inside Vitest NODE_ENV is "test", which would bundle React's development build.
 */
export async function buildWeb(): Promise<{ webRoot: string; remove(): Promise<void> }> {
  const webRoot = await mkdtemp(join(tmpdir(), 'handsup-web-'));
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const { NODE_ENV: _testEnv, ...env } = process.env;
  await promisify(execFile)(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn', '--outDir', webRoot, '--emptyOutDir'], { cwd: repoRoot, env });
  return { webRoot, remove: () => rm(webRoot, { recursive: true, force: true }) };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium; the flags keep it off the (closed) network and working as root. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type DeviceKind = 'phone' | 'screen' | 'laptop';

const VIEWPORTS: Record<DeviceKind, Parameters<Browser['newContext']>[0]> = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  screen: { viewport: { width: 1920, height: 1080 } },
  laptop: { viewport: { width: 1280, height: 800 } },
};

/**
 * Devices for one test file: each is a browser context (its own localStorage,
 * so its own participant), closed after each test. Uncaught page errors are
 * collected, for a test to assert there were none.
 */
export function devices(browser: () => Browser, origin: () => string) {
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function device(kind: DeviceKind): Promise<BrowserContext> {
    const context = await browser().newContext({ ...VIEWPORTS[kind], acceptDownloads: true });
    contexts.push(context);
    return context;
  }

  async function tab(context: BrowserContext, path?: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    if (path !== undefined) await page.goto(`${origin()}${path}`);
    return page;
  }

  /** A new device showing `path`. */
  async function open(kind: DeviceKind, path: string): Promise<Page> {
    return tab(await device(kind), path);
  }

  async function closeAll() {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  }

  return { device, tab, open, closeAll, pageErrors };
}

/** Waits up to this long for what a page should show: pushes arrive in milliseconds, reconnects take ~5 s. */
export const WAIT = { timeout: 15_000 };

/** Waits until the element with this test id shows exactly `text`. */
export async function waitForText(page: Page, testId: string, text: string, timeout = WAIT.timeout) {
  await page.waitForFunction(
    ([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === expected,
    [testId, text] as const,
    { timeout },
  );
}

/** Waits until the page's real-time subscriptions are live (Amplify Hub said Connected). */
export async function waitForLive(page: Page) {
  await page.locator('[data-testid="connection-state"][data-state="Connected"]').first().waitFor(WAIT);
}

/** Signs in on the organizer console's form (the page must be showing it). */
export async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * One test file's browser session, its hooks registered: web/ built, HandsUp serving it on
 * its own port, headless Chromium, and devices closed after each test. `organizer` adds a
 * laptop signed in to the console before the file's tests. Read `server` and `origin`
 * inside tests and hooks (they exist once the session's beforeAll has run).
 */
export function browserSession(options: { server?: Partial<LocalAppSyncOptions>; organizer?: { username: string; password: string } } = {}) {
  let server: LocalAppSync | undefined;
  let browser: Browser | undefined;
  let removeBuild: (() => Promise<void>) | undefined;
  const origin = () => `http://127.0.0.1:${server!.port}`;
  const session = devices(() => browser!, origin);
  const laptop = options.organizer && organizerLaptop(() => browser!, origin, options.organizer);

  beforeAll(async () => {
    const build = await buildWeb();
    removeBuild = build.remove;
    server = await startHandsUp({ webRoot: build.webRoot, ...options.server });
    browser = await launchChromium();
    await laptop?.start();
  });
  afterEach(async () => {
    await session.closeAll();
    await laptop?.closeTabs();
  });
  afterAll(async () => {
    await laptop?.stop();
    await browser?.close();
    await server?.close();
    await removeBuild?.();
  });

  return {
    ...session,
    /** The organizer's signed-in laptop (only with `organizer`). */
    get laptop() {
      if (!laptop) throw new Error('browserSession: no organizer given');
      return laptop;
    },
    get browser(): Browser {
      return browser!;
    },
    get server(): LocalAppSync {
      return server!;
    },
    get origin(): string {
      return origin();
    },
  };
}
