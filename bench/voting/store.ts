// The store-alone side of the voting bench: dynalite on disk called straight, no HTTP, no
// GraphQL, no resolvers — the DynamoDB operations HandsUp's pipeline functions make, one
// function here per function there (same keys, expressions, conditions and ReturnValues),
// so a row's peer is exactly what its answers ask of the store. It starts the engine the
// server ships by default (startEngine: dynalite on a thread of its own), so both sides of a
// row run the same store; BENCH_DYNALITE_IN_PROCESS=1 puts both on their main thread instead.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toWireMap } from '../../local/data-sources/dynamodb/values.ts';
import { loadDeclaration } from '../../local/declaration/declaration.ts';
import { toMapValues } from '../../local/runtime/util/dynamodb.ts';
import { startDynalite } from '../../local/store/dynalite.ts';
import { startEngine } from '../../local/store/engines.ts';
import { ensureTables } from '../../local/store/tables.ts';
import {
  answerKey, entryKey, eventKey, participantKey, questionKey, shardOf, tallyKey, tallyKeys, upvoteKey, votesAttribute, wordAttribute,
} from '../../resolvers/lib/keys.ts';
import { newQuestion, questionSettings } from '../../resolvers/lib/questions.ts';
import type { QuestionInput } from '../../resolvers/generated/schema.ts';
import { pace } from './pace.ts';

const TABLE = 'HandsUp';
/** Plain values as DynamoDB's wire wants them, by the marshalling the local data source uses. */
const wire = (value: Record<string, unknown>) => toWireMap(toMapValues(value)) as Record<string, never>;

export type Question = ReturnType<typeof newQuestion>;
export type Store = Awaited<ReturnType<typeof startStore>>;
/** An answer being counted, as checkVote/checkWords stash it. */
export type Counting = { seq: number; optionIds: string[]; words?: string[]; prev: string[] };

/** Starts dynalite on disk (asShipped: dynalite as it ships, the baseline) with HandsUp's tables, one open event holding `questions`, and `participants` joined. */
export async function startStore(options: { questions: QuestionInput[]; participants: number; concurrency: number; asShipped?: boolean; memos?: boolean }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-store-'));
  // The store-cpu bench's baselines (asShipped, memos: false) are dynalite in this thread; otherwise the same
  // engine the server ships by default, so a row compares like with like.
  const engine =
    options.asShipped !== undefined || options.memos !== undefined
      ? await startDynalite({ path: join(dataDir, 'dynalite'), asShipped: options.asShipped, memos: options.memos })
      : await startEngine(process.env.BENCH_DYNALITE_IN_PROCESS ? { kind: 'dynalite', inProcess: true } : 'dynalite', dataDir);
  const call = (action: string, input: Record<string, unknown>) => engine.call<any>(action, input);
  await ensureTables(engine, loadDeclaration('api.json').tables);
  const eventId = randomUUID();
  const now = new Date().toISOString();
  const questions = options.questions.map((input) => ({ ...newQuestion(questionSettings(input), eventId, randomUUID(), now), state: 'OPEN' }));
  await call('PutItem', { TableName: TABLE, Item: wire({ ...eventKey(eventId), id: eventId, questionIds: questions.map((q) => q.id), updatedAt: now }) });
  for (const question of questions) {
    await call('PutItem', { TableName: TABLE, Item: wire({ ...question, ...questionKey(eventId, question.id) }) });
    // openQuestion's createTally: every shard exists before the first answer.
    for (const key of tallyKeys(eventId, question.id, question.round)) await call('PutItem', { TableName: TABLE, Item: wire({ ...key, voters: 0, inflight: {} }) });
  }
  const participants = Array.from({ length: options.participants }, () => randomUUID());
  await pace(participants.length, options.concurrency, async (i) => {
    await call('PutItem', { TableName: TABLE, Item: wire({ ...participantKey(eventId, participants[i]!), participantId: participants[i], joinedAt: now }) });
  });
  return {
    call,
    questions,
    participants,
    close: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const update = (store: Store, key: Record<string, unknown>, input: Record<string, unknown>) =>
  store.call('UpdateItem', { TableName: TABLE, Key: wire(key), ReturnValues: 'ALL_NEW', ...input });

// ── Answers (castVote, submitWords) ───────────────────────────────────────────

/** loadAnswerContext: the event, the question, the participant and their answer, one consistent BatchGetItem. */
export function loadAnswerContext(store: Store, question: Question, participantId: string) {
  const keys = [eventKey(question.eventId), questionKey(question.eventId, question.id), participantKey(question.eventId, participantId), answerKey(question.eventId, question.id, participantId)];
  return store.call('BatchGetItem', { RequestItems: { [TABLE]: { Keys: keys.map(wire), ConsistentRead: true } } });
}

/** markAnswered: the first answers of a question mark it, conditional on its round. */
export function markAnswered(store: Store, question: Question) {
  return update(store, questionKey(question.eventId, question.id), {
    UpdateExpression: 'SET #answered = :true', ConditionExpression: '#round = :round',
    ExpressionAttributeNames: { '#answered': 'answered', '#round': 'round' }, ExpressionAttributeValues: wire({ ':true': true, ':round': question.round }),
  });
}

/** recordAnswer: step 1, the answer of seq n written, conditional on seq n-1 counted (or none this round). */
export function recordAnswer(store: Store, question: Question, participantId: string, counting: Counting) {
  const first = counting.seq === 1;
  const names = ['eventId', 'questionId', 'participantId', 'round', 'seq', 'optionIds', 'words', 'prev', 'counted', 'shard', 'answeredAt'];
  return update(store, answerKey(question.eventId, question.id, participantId), {
    UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
    ConditionExpression: first ? 'attribute_not_exists(#round) OR #round < :round' : '#round = :round AND #seq = :before AND #counted = :true',
    ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
    ExpressionAttributeValues: wire({
      ':eventId': question.eventId, ':questionId': question.id, ':participantId': participantId, ':round': question.round, ':seq': counting.seq,
      ':optionIds': counting.optionIds, ':words': counting.words ?? [], ':prev': counting.prev, ':counted': false, ':shard': shardOf(participantId),
      ':answeredAt': new Date().toISOString(), ...(first ? {} : { ':before': counting.seq - 1, ':true': true }),
    }),
  });
}

/** addToTally: step 2, the choices (or words) up and the replaced ones down on the participant's shard, with the inflight note. */
export function addToTally(store: Store, question: Question, participantId: string, counting: Counting) {
  const cloud = question.type === 'WORD_CLOUD';
  const counted = cloud ? (counting.words ?? []) : counting.optionIds;
  const attribute = (id: string) => (cloud ? wordAttribute(id) : votesAttribute(id));
  const up = counted.filter((id) => !counting.prev.includes(id));
  const down = counting.prev.filter((id) => !counted.includes(id));
  const names: Record<string, string> = { '#pk': 'pk', '#inflight': 'inflight', '#participant': participantId };
  const adds = [...up.map((id, i) => ((names[`#up${i}`] = attribute(id)), `#up${i} :one`)), ...down.map((id, i) => ((names[`#down${i}`] = attribute(id)), `#down${i} :minus`))];
  if (counting.seq === 1) {
    names['#voters'] = 'voters';
    adds.push('#voters :one');
  }
  return update(store, tallyKey(question.eventId, question.id, question.round, shardOf(participantId)), {
    UpdateExpression: `${adds.length ? `ADD ${adds.join(', ')} ` : ''}SET #inflight.#participant = :seq`,
    ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#participant) OR #inflight.#participant < :seq)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: wire({ ':seq': counting.seq, ...(up.length || counting.seq === 1 ? { ':one': 1 } : {}), ...(down.length ? { ':minus': -1 } : {}) }),
  });
}

/** markCounted: step 3. */
export function markCounted(store: Store, question: Question, participantId: string, counting: Counting) {
  return update(store, answerKey(question.eventId, question.id, participantId), {
    UpdateExpression: 'SET #counted = :true', ConditionExpression: '#seq = :seq AND #round = :round',
    ExpressionAttributeNames: { '#counted': 'counted', '#seq': 'seq', '#round': 'round' },
    ExpressionAttributeValues: wire({ ':true': true, ':seq': counting.seq, ':round': question.round }),
  });
}

/** clearInflight: step 4. */
export function clearInflight(store: Store, question: Question, participantId: string, counting: Counting) {
  return update(store, tallyKey(question.eventId, question.id, question.round, shardOf(participantId)), {
    UpdateExpression: 'REMOVE #inflight.#participant', ConditionExpression: '#inflight.#participant = :seq',
    ExpressionAttributeNames: { '#inflight': 'inflight', '#participant': participantId }, ExpressionAttributeValues: wire({ ':seq': counting.seq }),
  });
}

/** getTally: every shard of the round, projected to the options' counters (a word cloud's read whole). */
export function getTally(store: Store, question: Question) {
  const names: Record<string, string> = { '#voters': 'voters' };
  question.options.forEach((option, i) => (names[`#v${i}`] = votesAttribute(option.id)));
  const projection = question.type === 'WORD_CLOUD' ? {} : { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
  const keys = tallyKeys(question.eventId, question.id, question.round).map(wire);
  return store.call('BatchGetItem', { RequestItems: { [TABLE]: { Keys: keys, ConsistentRead: true, ...projection } } });
}

/** castVote's and submitWords's pipeline after their checks: steps 1–4 and the tally read (markAnswered apart: once a question). */
export async function countAnswer(store: Store, question: Question, participantId: string, counting: Counting) {
  await loadAnswerContext(store, question, participantId);
  await recordAnswer(store, question, participantId, counting);
  await addToTally(store, question, participantId, counting);
  await markCounted(store, question, participantId, counting);
  await clearInflight(store, question, participantId, counting);
  await getTally(store, question);
}

// ── Q&A (askQuestion, upvote) ─────────────────────────────────────────────────

/** askQuestion: loadAnswerContext, then putEntry (a new entry, conditional on none under its key); answers its id. */
export async function askQuestion(store: Store, question: Question, participantId: string, text: string): Promise<string> {
  await loadAnswerContext(store, question, participantId);
  const id = randomUUID();
  const now = new Date().toISOString();
  const key = entryKey(question.eventId, question.id, id);
  await store.call('PutItem', {
    TableName: TABLE,
    Item: wire({ ...key, id, eventId: question.eventId, questionId: question.id, round: question.round, participantId, text, author: null, status: 'APPROVED', pinned: false, upvotes: 0, inflight: {}, createdAt: now, updatedAt: now }),
    ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' },
  });
  return id;
}

/** upvote's pipeline for a change of seq n (on: +1, withdrawn: −1): read, record, count, mark counted, clear the note. */
export async function upvote(store: Store, question: Question, participantId: string, entryId: string, on: boolean, seq: number) {
  const { eventId } = question;
  await loadAnswerContext(store, question, participantId);
  const entry = wire(entryKey(eventId, question.id, entryId));
  const mine = wire(upvoteKey(eventId, question.id, entryId, participantId));
  await store.call('GetItem', { TableName: TABLE, Key: entry, ConsistentRead: true });
  await store.call('GetItem', { TableName: TABLE, Key: mine, ConsistentRead: true });
  const delta = on ? 1 : -1;
  await store.call('PutItem', {
    TableName: TABLE,
    Item: wire({ ...upvoteKey(eventId, question.id, entryId, participantId), participantId, entryId, on, delta, seq, counted: false, updatedAt: new Date().toISOString() }),
    ...(seq === 1
      ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } }
      : { ConditionExpression: '#seq = :before AND #counted = :true', ExpressionAttributeNames: { '#seq': 'seq', '#counted': 'counted' }, ExpressionAttributeValues: wire({ ':before': seq - 1, ':true': true }) }),
  });
  const note = { '#inflight': 'inflight', '#participant': participantId };
  await store.call('UpdateItem', {
    TableName: TABLE, Key: entry, ReturnValues: 'ALL_NEW',
    UpdateExpression: 'ADD #upvotes :delta SET #inflight.#participant = :seq',
    ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#participant) OR #inflight.#participant < :seq)',
    ExpressionAttributeNames: { ...note, '#upvotes': 'upvotes', '#pk': 'pk' }, ExpressionAttributeValues: wire({ ':delta': delta, ':seq': seq }),
  });
  await store.call('UpdateItem', {
    TableName: TABLE, Key: mine, ReturnValues: 'ALL_NEW', UpdateExpression: 'SET #counted = :true', ConditionExpression: '#seq = :seq',
    ExpressionAttributeNames: { '#counted': 'counted', '#seq': 'seq' }, ExpressionAttributeValues: wire({ ':true': true, ':seq': seq }),
  });
  await store.call('UpdateItem', {
    TableName: TABLE, Key: entry, ReturnValues: 'ALL_NEW', UpdateExpression: 'REMOVE #inflight.#participant', ConditionExpression: '#inflight.#participant = :seq',
    ExpressionAttributeNames: note, ExpressionAttributeValues: wire({ ':seq': seq }),
  });
}
