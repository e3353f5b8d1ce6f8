// The outage a room meets: the server (or the projector's Wi-Fi) goes away for
// longer than aws-amplify's one quick retry, then comes back on the same
// address with the same data. The big screen is open throughout; the room keeps
// voting. Shared by test/web/recovery.test.ts (that it recovers) and
// bench/recovery.bench.ts (how fast).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalAppSync } from '../../local/server.ts';
import { castVote, createQuestion, join as joinEvent, ORGANIZER, startHandsUp } from '../support/local-appsync.ts';
import { WAIT, waitForText } from './browser.ts';

export type Outage = {
  /** The big screen, open before the outage. */
  screen: Page;
  /** From the restarted server listening to the screen showing a vote cast right after. */
  recoveredMs: number;
  /** What the screen said of its data while the server was down. */
  updatedAtWhileDown: string | null;
  close(): Promise<void>;
};

/** Serves HandsUp on disk, opens the big screen of an open question, stops the server for `outageMs`, restarts it, votes. */
export async function outageOnTheBigScreen({ browser, webRoot, outageMs }: { browser: Browser; webRoot: string; outageMs: number }): Promise<Outage> {
  const dataDir = await mkdtemp(join(tmpdir(), 'handsup-outage-'));
  const start = (port: number) => startHandsUp({ webRoot, dataDir, port, users: [ORGANIZER] });
  let server: LocalAppSync = await start(0);
  const { port } = server;
  const { event, question } = await createQuestion(server, { question: { title: 'Outage', options: ['Stay', 'Go'] } });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await context.newPage();
  await screen.goto(`http://127.0.0.1:${port}/p/${event.code}/screen`);
  await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
  // Voters joined before the outage keep their ids on their phones.
  const voters = await Promise.all([1, 2].map(() => joinEvent(server, event)));
  await castVote(server, question, voters[0]!, [question.options[0]!.id]);
  await waitForText(screen, 'voted', '1');

  await server.close();
  await screen.getByTestId('connection-banner').waitFor(WAIT);
  await new Promise((resolve) => setTimeout(resolve, outageMs));
  const updatedAt = screen.getByTestId('updated-at');
  const updatedAtWhileDown = (await updatedAt.count()) ? ((await updatedAt.textContent())?.trim() ?? null) : null;

  server = await start(port);
  const restarted = performance.now();
  const vote = await castVote(server, question, voters[1]!, [question.options[1]!.id]);
  if (vote.body.errors) throw new Error(JSON.stringify(vote.body.errors));
  await waitForText(screen, 'voted', '2', 60_000);
  const recoveredMs = performance.now() - restarted;
  return {
    screen,
    recoveredMs,
    updatedAtWhileDown,
    async close() {
      await context.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
