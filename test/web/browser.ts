// What the browser tests share: a fresh build of web/ and Debian's Chromium,
// driven headless by playwright-core.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Builds web/ into web/dist, every time: a couple of seconds, and never a stale
 * page. It runs `vite build web` as `npm run build` does, in its own process:
 * inside Vitest NODE_ENV is "test", which would bundle React's development build.
 */
export async function buildWeb(): Promise<string> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const { NODE_ENV: _testEnv, ...env } = process.env;
  await promisify(execFile)(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: repoRoot, env });
  return webDist;
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
