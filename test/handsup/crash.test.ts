// Every accepted vote is counted exactly once, also when the server is killed
// (SIGKILL, no chance to flush or finish) in the middle of a stream of votes and
// started again on the same data: the embedded default engine, data on disk.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { CAST_VOTE, ORGANIZER } from '../support/local-appsync.ts';
import { freePort, startServerProcess } from '../support/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'handsup-crash-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const startServer = async (port: number) =>
  startServerProcess({ port, dataDir, users: [{ ...ORGANIZER, groups: ['organizers'] }] });

it('counts every acknowledged vote once after a SIGKILL mid-stream and a restart', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  let { process: server, apiKey } = await startServer(port);
  child = server;
  const post = async (query: string, variables: object, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data: any; errors?: any[] };
  };
  const asVoter = (query: string, variables: object) => post(query, variables, { 'x-api-key': apiKey });

  // The organizer signs in through the local user pool, then creates and opens a poll.
  const outputs = await (await fetch(`http://127.0.0.1:${port}/amplify_outputs.json`)).json();
  const { idToken } = await signInWithPassword({
    endpoint: outputs.custom.user_pool_endpoint,
    clientId: outputs.auth.user_pool_client_id,
    username: ORGANIZER.username,
    password: ORGANIZER.password,
  });
  const organizer = { authorization: idToken };
  const created = await post('mutation { createPoll(input: { title: "Crash", options: ["A", "B", "C"] }) { id code } }', {}, organizer);
  const poll = created.data.createPoll;
  await post('mutation ($id: ID!) { openPoll(id: $id) { state } }', { id: poll.id }, organizer);

  const voters = await Promise.all(
    Array.from({ length: 96 }, async (_, i) => {
      const joined = await asVoter('mutation ($code: String!) { joinPoll(code: $code) { participantId } }', { code: poll.code });
      return { participantId: joined.data.joinPoll.participantId as string, optionId: `o${(i % 3) + 1}`, acknowledged: false };
    }),
  );
  const vote = (voter: (typeof voters)[number]) =>
    asVoter(CAST_VOTE, { pollId: poll.id, participantId: voter.participantId, optionId: voter.optionId }).then((answer) => {
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      voter.acknowledged = true;
    });

  // 32 voters at a time; the server is killed once a third of the votes are acknowledged.
  const queue = [...voters];
  let killed = false;
  const worker = async () => {
    for (let voter = queue.shift(); voter && !killed; voter = queue.shift()) {
      await vote(voter).catch(() => {});
      if (!killed && voters.filter((v) => v.acknowledged).length >= 32) {
        killed = true;
        server.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve)));
  const acknowledged = voters.filter((v) => v.acknowledged).length;

  ({ process: server, apiKey } = await startServer(port));
  child = server;
  const tally = async () => (await asVoter('query ($id: ID!) { results(pollId: $id) { totalVotes options { votes } } }', { id: poll.id })).data.results;

  // Nothing acknowledged was lost, and nothing unacknowledged is counted twice.
  const afterRestart = await tally();
  expect(afterRestart.totalVotes).toBeGreaterThanOrEqual(acknowledged);
  expect(afterRestart.totalVotes).toBeLessThanOrEqual(acknowledged + 32);

  // Each voter without an answer sends the same vote again, as the web app does; then all are counted once.
  for (const voter of voters.filter((v) => !v.acknowledged)) await vote(voter);
  expect(await tally()).toEqual({ totalVotes: 96, options: [{ votes: 32 }, { votes: 32 }, { votes: 32 }] });
}, 120_000);
