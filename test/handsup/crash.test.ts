// Every acknowledged answer is counted exactly once, also when the server is killed
// (SIGKILL, no chance to flush or finish) in the middle of a stream of answers or of
// changed answers, and started again on the same data: the embedded default engine,
// data on disk.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { CAST_VOTE, ORGANIZER } from '../support/local-appsync.ts';
import { freePort, startServerProcess } from '../support/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'handsup-crash-'));
let server: ChildProcess;
let apiKey: string;
let port: number;
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => {
  ({ process: server, apiKey } = await startServerProcess({ port, dataDir, users: [{ ...ORGANIZER, groups: ['organizers'] }] }));
};
const post = async (query: string, variables: object, headers: Record<string, string>) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: any[] };
};
const asVoter = (query: string, variables: object) => post(query, variables, { 'x-api-key': apiKey });

type Voter = { participantId: string; optionId: string; acknowledged: boolean };
let event: { id: string; code: string; questionIds: string[] };
let voters: Voter[];

const vote = (voter: Voter) =>
  asVoter(CAST_VOTE, { eventId: event.id, questionId: event.questionIds[0], participantId: voter.participantId, optionIds: [voter.optionId] }).then((answer) => {
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    voter.acknowledged = true;
  });

/** Sends every answer, 32 at a time, and kills the server with SIGKILL once `killAfter` are acknowledged; then starts it again. */
async function streamAndKill(batch: Voter[], killAfter: number) {
  const queue = [...batch];
  let killed = false;
  const worker = async () => {
    for (let voter = queue.shift(); voter && !killed; voter = queue.shift()) {
      await vote(voter).catch(() => {});
      if (!killed && batch.filter((v) => v.acknowledged).length >= killAfter) {
        killed = true;
        server.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve)));
  await start();
}

const tally = async () =>
  (await asVoter('query ($e: ID!, $q: ID!) { results(eventId: $e, questionId: $q) { totalVotes voters options { votes } } }', { e: event.id, q: event.questionIds[0] }))
    .data.results;

beforeAll(async () => {
  port = await freePort();
  await start();
  // The organizer signs in through the local user pool, then creates an event whose question allows changes, and opens it.
  const outputs = await (await fetch(`http://127.0.0.1:${port}/amplify_outputs.json`)).json();
  const { idToken } = await signInWithPassword({
    endpoint: outputs.custom.user_pool_endpoint,
    clientId: outputs.auth.user_pool_client_id,
    username: ORGANIZER.username,
    password: ORGANIZER.password,
  });
  const organizer = { authorization: idToken };
  const question = { type: 'MULTIPLE_CHOICE', title: 'Crash', options: ['A', 'B', 'C'], allowChange: true };
  const created = await post('mutation ($i: CreateEventInput!) { createEvent(input: $i) { id code questionIds } }', { i: { title: 'Crash', questions: [question] } }, organizer);
  event = created.data.createEvent;
  await post('mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { state } }', { e: event.id, q: event.questionIds[0] }, organizer);
  voters = await Promise.all(
    Array.from({ length: 96 }, async (_, i) => {
      const joined = await asVoter('mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: event.code });
      return { participantId: joined.data.joinEvent.participantId as string, optionId: `o${(i % 3) + 1}`, acknowledged: false };
    }),
  );
}, 120_000);

it('counts every acknowledged vote once after a SIGKILL mid-stream and a restart', async () => {
  await streamAndKill(voters, 32);
  const acknowledged = voters.filter((v) => v.acknowledged).length;

  // Nothing acknowledged was lost, and nothing unacknowledged is counted twice.
  const afterRestart = await tally();
  expect(afterRestart.totalVotes).toBeGreaterThanOrEqual(acknowledged);
  expect(afterRestart.totalVotes).toBeLessThanOrEqual(acknowledged + 32);

  // Each voter without an answer sends the same vote again, as the web app does; then all are counted once.
  for (const voter of voters.filter((v) => !v.acknowledged)) await vote(voter);
  expect(await tally()).toEqual({ totalVotes: 96, voters: 96, options: [{ votes: 32 }, { votes: 32 }, { votes: 32 }] });
}, 120_000);

it('moves every changed vote once, old choice down and new one up, through a SIGKILL mid-stream and a restart', async () => {
  // A's voters change to B, B's to C: 0 / 32 / 64 when each change counts once.
  const changing = voters.filter((v) => v.optionId !== 'o3');
  for (const voter of changing) {
    voter.optionId = voter.optionId === 'o1' ? 'o2' : 'o3';
    voter.acknowledged = false;
  }
  await streamAndKill(changing, 16);
  for (const voter of changing.filter((v) => !v.acknowledged)) await vote(voter);
  expect(await tally()).toEqual({ totalVotes: 96, voters: 96, options: [{ votes: 0 }, { votes: 32 }, { votes: 64 }] });
}, 120_000);

describe('word clouds and upvotes', () => {
  it('counts every word, changed word and upvote once after a SIGKILL mid-stream and a restart', async () => {
    // The same server as the votes above, on the same data; the organizer signs in again.
    const asParticipant = asVoter;
    const outputs = await (await fetch(`http://127.0.0.1:${port}/amplify_outputs.json`)).json();
    const { idToken } = await signInWithPassword({
      endpoint: outputs.custom.user_pool_endpoint,
      clientId: outputs.auth.user_pool_client_id,
      username: ORGANIZER.username,
      password: ORGANIZER.password,
    });
    const asOrganizer = (query: string, variables: object) => post(query, variables, { authorization: idToken });

    // One event: a word cloud that allows changes, and a Q&A with two entries.
    const created = await asOrganizer('mutation ($input: CreateEventInput!) { createEvent(input: $input) { id code questions { id } } }', {
      input: {
        title: 'Crash',
        questions: [
          { type: 'WORD_CLOUD', title: 'One word', allowChange: true },
          { type: 'QA', title: 'Questions' },
        ],
      },
    });
    const event = created.data.createEvent;
    const [cloud, qa] = event.questions.map((q: { id: string }) => q.id);
    for (const questionId of [cloud, qa]) {
      await asOrganizer('mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { state } }', { e: event.id, q: questionId });
    }
    const joinEvent = async () => (await asParticipant('mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: event.code })).data.joinEvent.participantId as string;
    const asker = await joinEvent();
    const ask = (text: string) =>
      asParticipant('mutation ($e: ID!, $q: ID!, $p: ID!, $t: String!) { askQuestion(eventId: $e, questionId: $q, participantId: $p, text: $t) { id } }', { e: event.id, q: qa, p: asker, t: text });
    const entries = [(await ask('First?')).data.askQuestion.id as string, (await ask('Second?')).data.askQuestion.id as string];

    // Each participant, in order: words, a change of them, an upvote; every fourth also upvotes the other entry and withdraws it.
    const SUBMIT = 'mutation ($e: ID!, $q: ID!, $p: ID!, $w: [String!]!) { submitWords(eventId: $e, questionId: $q, participantId: $p, words: $w) { seq } }';
    const UPVOTE = 'mutation ($e: ID!, $q: ID!, $p: ID!, $entry: ID!, $on: Boolean!) { upvote(eventId: $e, questionId: $q, participantId: $p, entryId: $entry, on: $on) { upvotes } }';
    const participants = await Promise.all(
      Array.from({ length: 64 }, async (_, i) => {
        const p = await joinEvent();
        const ops = [
          { query: SUBMIT, variables: { e: event.id, q: cloud, p, w: [`w${i % 4}`, 'before'] } },
          { query: SUBMIT, variables: { e: event.id, q: cloud, p, w: [`w${i % 4}`, 'after'] } },
          { query: UPVOTE, variables: { e: event.id, q: qa, p, entry: entries[i % 2], on: true } },
        ];
        if (i % 4 === 0) {
          ops.push({ query: UPVOTE, variables: { e: event.id, q: qa, p, entry: entries[(i + 1) % 2], on: true } });
          ops.push({ query: UPVOTE, variables: { e: event.id, q: qa, p, entry: entries[(i + 1) % 2], on: false } });
        }
        return { ops, next: 0 };
      }),
    );
    const total = participants.reduce((sum, p) => sum + p.ops.length, 0);
    let acknowledged = 0;
    let killed = false;
    /** Sends the participant's operations in order until one gets no answer (the web app resends it). */
    const run = async (participant: (typeof participants)[number]) => {
      while (participant.next < participant.ops.length) {
        const { query, variables } = participant.ops[participant.next]!;
        const answer = await asParticipant(query, variables);
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        participant.next += 1;
        acknowledged += 1;
        // The server is killed once a third of the operations are acknowledged, with others in flight.
        if (!killed && acknowledged >= total / 3) {
          killed = true;
          server.kill('SIGKILL');
        }
      }
    };

    // 32 participants at a time.
    const queue = [...participants];
    const worker = async () => {
      for (let participant = queue.shift(); participant && !killed; participant = queue.shift()) await run(participant).catch(() => {});
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve)));
    expect(acknowledged).toBeLessThan(total);

    await start();
    // Every participant resends what got no answer, then goes on.
    for (const participant of participants) await run(participant);

    const results = await asParticipant('query ($e: ID!, $q: ID!) { results(eventId: $e, questionId: $q) { voters words { word count } } }', { e: event.id, q: cloud });
    expect(results.data.results).toEqual({
      voters: 64,
      words: [
        { word: 'after', count: 64 },
        { word: 'w0', count: 16 },
        { word: 'w1', count: 16 },
        { word: 'w2', count: 16 },
        { word: 'w3', count: 16 },
      ],
    });
    const listed = await asParticipant('query ($e: ID!, $q: ID!) { entries(eventId: $e, questionId: $q) { text upvotes } }', { e: event.id, q: qa });
    expect(listed.data.entries).toEqual([{ text: 'Second?', upvotes: 32 }, { text: 'First?', upvotes: 32 }]);
  }, 120_000);
});
