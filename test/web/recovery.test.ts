// Recovery in seconds: after an outage longer than aws-amplify's one quick retry,
// the big screen catches up on its own (bench/recovery.bench.ts times it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildWeb, launchChromium, waitForLive } from './browser.ts';
import { outageOnTheBigScreen, type Outage } from './outage.ts';

let browser: Browser;
let removeBuild: () => Promise<void>;
let outage: Outage;

beforeAll(async () => {
  const build = await buildWeb();
  removeBuild = build.remove;
  browser = await launchChromium();
  outage = await outageOnTheBigScreen({ browser, webRoot: build.webRoot, outageMs: 10_000 });
}, 120_000);

afterAll(async () => {
  await outage?.close();
  await browser?.close();
  await removeBuild?.();
});

describe('the big screen after a 10 s outage', () => {
  it('says while the server is down when what it shows was last current', () => {
    expect(outage.updatedAtWhileDown).toMatch(/^· updated \d{2}:\d{2}:\d{2}$/);
  });

  it('shows a vote cast after the restart, and is live again', async () => {
    expect(await outage.screen.getByTestId('voted').textContent()).toBe('2');
    await waitForLive(outage.screen);
    expect(await outage.screen.getByTestId('connection-banner').count()).toBe(0);
  });
});
