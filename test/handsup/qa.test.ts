// Q&A: participants ask (optionally anonymously) and upvote; organizers moderate.
// The audience sees approved and answered entries, organizers every one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { ProtocolClient } from '../support/protocol-client.ts';
import { asOrganizer, graphql, organizerToken, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

type Qa = { eventId: string; questionId: string; code: string };
const ENTRY_FIELDS = 'id eventId questionId text author status pinned upvotes upvotedByMe';
const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const ok = <T>(answer: { body: { data: T; errors?: any[] } }): T => {
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data;
};

/** An event with one Q&A question, opened unless told otherwise. */
async function createQa({ moderated = false, open = true } = {}): Promise<Qa> {
  const created = ok(
    await asOrganizer(server, 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id code questions { id } } }', {
      input: { title: 'Ask me anything', questions: [{ type: 'QA', title: 'Questions for the speaker', moderated }] },
    }),
  ) as any;
  const qa = { eventId: created.createEvent.id, questionId: created.createEvent.questions[0].id, code: created.createEvent.code };
  if (open) ok(await asOrganizer(server, 'mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { state } }', { e: qa.eventId, q: qa.questionId }));
  return qa;
}

async function join(qa: Qa): Promise<string> {
  return (ok(await graphql(server, 'mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: qa.code })) as any).joinEvent.participantId;
}

const ASK = `mutation ($e: ID!, $q: ID!, $p: ID!, $text: String!, $anonymous: Boolean, $name: String) {
  askQuestion(eventId: $e, questionId: $q, participantId: $p, text: $text, anonymous: $anonymous, name: $name) { ${ENTRY_FIELDS} } }`;
const ask = (qa: Qa, participantId: string, text: string, extra: { anonymous?: boolean; name?: string } = {}) =>
  graphql(server, ASK, { e: qa.eventId, q: qa.questionId, p: participantId, text, ...extra });
async function asked(qa: Qa, text: string, extra: { anonymous?: boolean; name?: string } = {}) {
  return (ok(await ask(qa, await join(qa), text, extra)) as any).askQuestion;
}

const UPVOTE = `mutation ($e: ID!, $q: ID!, $p: ID!, $entry: ID!, $on: Boolean!) {
  upvote(eventId: $e, questionId: $q, participantId: $p, entryId: $entry, on: $on) { ${ENTRY_FIELDS} } }`;
const upvote = (qa: Qa, participantId: string, entryId: string, on = true) =>
  graphql(server, UPVOTE, { e: qa.eventId, q: qa.questionId, p: participantId, entry: entryId, on });

const ENTRIES = `query ($e: ID!, $q: ID!, $p: ID) { entries(eventId: $e, questionId: $q, participantId: $p) { ${ENTRY_FIELDS} } }`;
const entriesOfAudience = async (qa: Qa, participantId?: string) =>
  (ok(await graphql(server, ENTRIES, { e: qa.eventId, q: qa.questionId, p: participantId })) as any).entries as any[];
const entriesOfOrganizer = async (qa: Qa) => (ok(await asOrganizer(server, ENTRIES, { e: qa.eventId, q: qa.questionId })) as any).entries as any[];

const MODERATE = `mutation ($e: ID!, $q: ID!, $entry: ID!, $status: EntryStatus, $pinned: Boolean) {
  moderateEntry(eventId: $e, questionId: $q, entryId: $entry, status: $status, pinned: $pinned) { ${ENTRY_FIELDS} } }`;
const moderate = async (qa: Qa, entryId: string, change: { status?: string; pinned?: boolean }) =>
  (ok(await asOrganizer(server, MODERATE, { e: qa.eventId, q: qa.questionId, entry: entryId, ...change })) as any).moderateEntry;

describe('askQuestion', () => {
  it('shows a new entry to the audience at once when the question is not moderated', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Will the slides be online?');
    expect(entry).toMatchObject({ text: 'Will the slides be online?', status: 'APPROVED', upvotes: 0, pinned: false });
    expect((await entriesOfAudience(qa)).map((e) => e.id)).toEqual([entry.id]);
  });

  it('keeps an entry of a moderated question pending: organizers see it, the audience does not', async () => {
    const qa = await createQa({ moderated: true });
    const entry = await asked(qa, 'What about latency?');
    expect(entry.status).toBe('PENDING');
    expect(await entriesOfAudience(qa)).toEqual([]);
    expect((await entriesOfOrganizer(qa)).map((e) => e.id)).toEqual([entry.id]);
  });

  it('records the name an asker gives, trimmed', async () => {
    const qa = await createQa();
    expect((await asked(qa, 'Why AppSync?', { name: '  Ada ' })).author).toBe('Ada');
  });

  it('records no author for an anonymous entry, even with a name', async () => {
    const qa = await createQa();
    expect((await asked(qa, 'Why not REST?', { anonymous: true, name: 'Ada' })).author).toBeNull();
  });

  it('refuses an empty text and one over 280 characters with a sentence', async () => {
    const qa = await createQa();
    const participantId = await join(qa);
    expect(errorOf(await ask(qa, participantId, '   '))).toMatchObject({ errorType: 'BadRequest', message: 'Your question is empty' });
    expect(errorOf(await ask(qa, participantId, 'x'.repeat(281)))).toMatchObject({
      errorType: 'BadRequest',
      message: 'Your question is too long: at most 280 characters',
    });
  });

  it('refuses a name over 40 characters', async () => {
    const qa = await createQa();
    expect(errorOf(await ask(qa, await join(qa), 'Fine?', { name: 'n'.repeat(41) }))).toMatchObject({ errorType: 'BadRequest' });
  });

  it('refuses a participant id the server never minted', async () => {
    const qa = await createQa();
    expect(errorOf(await ask(qa, '00000000-0000-4000-8000-000000000000', 'Hello?'))).toMatchObject({ errorType: 'NotParticipant' });
  });

  it('refuses an id that is not an id, before it reaches the table', async () => {
    const qa = await createQa();
    expect(errorOf(await ask(qa, 'x'.repeat(65), 'Hello?'))).toMatchObject({ errorType: 'BadRequest' });
    expect(errorOf(await ask({ ...qa, questionId: 'a#b' }, await join(qa), 'Hello?'))).toMatchObject({ errorType: 'BadRequest' });
  });

  it('refuses an entry while the question is not open', async () => {
    const qa = await createQa({ open: false });
    expect(errorOf(await ask(qa, await join(qa), 'Too early?'))).toMatchObject({ errorType: 'QuestionNotOpen' });
  });
});

describe('upvote', () => {
  it('counts one upvote per participant however often it is sent', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Pricing?');
    const participantId = await join(qa);
    await upvote(qa, participantId, entry.id);
    const repeat = ok(await upvote(qa, participantId, entry.id)) as any;
    expect(repeat.upvote).toMatchObject({ id: entry.id, upvotes: 1, upvotedByMe: true });
  });

  it('withdraws an upvote with on: false, and counts it again when it comes back', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Offline mode?');
    const participantId = await join(qa);
    await upvote(qa, participantId, entry.id);
    expect((ok(await upvote(qa, participantId, entry.id, false)) as any).upvote).toMatchObject({ upvotes: 0, upvotedByMe: false });
    expect((ok(await upvote(qa, participantId, entry.id, true)) as any).upvote).toMatchObject({ upvotes: 1, upvotedByMe: true });
  });

  it('counts withdrawing an upvote never given as nothing', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Roadmap?');
    expect((ok(await upvote(qa, await join(qa), entry.id, false)) as any).upvote.upvotes).toBe(0);
  });

  it('counts simultaneous upvotes of many participants exactly', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Open source?');
    const participants = await Promise.all(Array.from({ length: 40 }, () => join(qa)));
    const answers = await Promise.all(participants.map((p) => upvote(qa, p, entry.id)));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    expect((await entriesOfAudience(qa))[0].upvotes).toBe(40);
  });

  it('counts a participant once when the same upvote is sent many times at once', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Licence?');
    const participantId = await join(qa);
    await Promise.all(Array.from({ length: 8 }, () => upvote(qa, participantId, entry.id)));
    expect((await entriesOfAudience(qa))[0].upvotes).toBe(1);
  });

  it('refuses an upvote of an entry the audience cannot see', async () => {
    const qa = await createQa({ moderated: true });
    const entry = await asked(qa, 'Pending?');
    expect(errorOf(await upvote(qa, await join(qa), entry.id))).toMatchObject({ errorType: 'NotFound' });
  });

  it('refuses an upvote of an entry that does not exist', async () => {
    const qa = await createQa();
    expect(errorOf(await upvote(qa, await join(qa), 'no-such-entry'))).toMatchObject({ errorType: 'NotFound' });
  });
});

describe('entries', () => {
  it('lists pinned entries first, then the most upvoted, then the newest', async () => {
    const qa = await createQa();
    const first = await asked(qa, 'First');
    const second = await asked(qa, 'Second');
    await asked(qa, 'Third');
    await asked(qa, 'Fourth');
    await upvote(qa, await join(qa), second.id);
    await moderate(qa, first.id, { pinned: true });
    expect((await entriesOfAudience(qa)).map((e) => e.text)).toEqual(['First', 'Second', 'Fourth', 'Third']);
  });

  it('tells a participant which entries they upvoted', async () => {
    const qa = await createQa();
    const liked = await asked(qa, 'Liked');
    await asked(qa, 'Not liked');
    const participantId = await join(qa);
    await upvote(qa, participantId, liked.id);
    const mine = await entriesOfAudience(qa, participantId);
    expect(mine.map((e) => [e.text, e.upvotedByMe])).toEqual([['Liked', true], ['Not liked', false]]);
  });

  it('leaves upvotedByMe unknown when no participant asks', async () => {
    const qa = await createQa();
    await asked(qa, 'Anyone?');
    expect((await entriesOfAudience(qa))[0].upvotedByMe).toBeNull();
  });

  it('starts empty after the question is reset', async () => {
    const qa = await createQa();
    await asked(qa, 'Before the reset');
    ok(await asOrganizer(server, 'mutation ($e: ID!, $q: ID!) { resetQuestion(eventId: $e, questionId: $q) { round } }', { e: qa.eventId, q: qa.questionId }));
    expect(await entriesOfOrganizer(qa)).toEqual([]);
  });
});

describe('moderateEntry', () => {
  it('shows an approved entry to the audience', async () => {
    const qa = await createQa({ moderated: true });
    const entry = await asked(qa, 'Approve me');
    expect(await moderate(qa, entry.id, { status: 'APPROVED' })).toMatchObject({ status: 'APPROVED' });
    expect((await entriesOfAudience(qa)).map((e) => e.id)).toEqual([entry.id]);
  });

  it('takes a hidden entry away from the audience, not from organizers', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Hide me');
    await moderate(qa, entry.id, { status: 'HIDDEN' });
    expect(await entriesOfAudience(qa)).toEqual([]);
    expect((await entriesOfOrganizer(qa)).map((e) => e.status)).toEqual(['HIDDEN']);
  });

  it('keeps an answered entry on the audience list, marked answered', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Answer me');
    await moderate(qa, entry.id, { status: 'ANSWERED' });
    expect((await entriesOfAudience(qa)).map((e) => e.status)).toEqual(['ANSWERED']);
  });

  it('pins and unpins an entry, keeping the upvotes counted meanwhile', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Pin me');
    await upvote(qa, await join(qa), entry.id);
    expect(await moderate(qa, entry.id, { pinned: true })).toMatchObject({ pinned: true, upvotes: 1 });
    expect(await moderate(qa, entry.id, { pinned: false })).toMatchObject({ pinned: false, upvotes: 1 });
  });

  it('refuses a participant: only organizers moderate', async () => {
    const qa = await createQa({ moderated: true });
    const entry = await asked(qa, 'Let me approve myself');
    const answer = await graphql(server, MODERATE, { e: qa.eventId, q: qa.questionId, entry: entry.id, status: 'APPROVED' });
    expect(errorOf(answer)).toMatchObject({ errorType: 'Unauthorized' });
    expect(await entriesOfAudience(qa)).toEqual([]);
  });

  it('refuses a request that changes nothing', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Nothing');
    const answer = await asOrganizer(server, MODERATE, { e: qa.eventId, q: qa.questionId, entry: entry.id });
    expect(errorOf(answer)).toMatchObject({ errorType: 'BadRequest', message: 'Say what to change: a status, a pin, or both' });
  });
});

describe('exportQuestion', () => {
  it('exports a Q&A as its entries with their upvotes, every status, in list order', async () => {
    const qa = await createQa();
    const popular = await asked(qa, '=HYPERLINK("x")', { name: 'Ada' });
    const hidden = await asked(qa, 'Off topic');
    await upvote(qa, await join(qa), popular.id);
    await moderate(qa, hidden.id, { status: 'HIDDEN' });
    const csv = (ok(await asOrganizer(server, 'query ($e: ID!, $q: ID!) { exportQuestion(eventId: $e, questionId: $q) }', { e: qa.eventId, q: qa.questionId })) as any)
      .exportQuestion as string;
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('Question,Questions for the speaker');
    expect(lines.slice(3).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      'Entry,Author,Status,Pinned,Upvotes',
      `"'=HYPERLINK(""x"")",Ada,APPROVED,no,1`,
      'Off topic,,HIDDEN,no,0',
      'Entries,2',
    ]);
  });
});

describe('exportEvent', () => {
  it('gives a Q&A question its entries among the event’s sections', async () => {
    const qa = await createQa();
    await asked(qa, 'In the event export?');
    const csv = (ok(await asOrganizer(server, 'query ($e: ID!) { exportEvent(eventId: $e) }', { e: qa.eventId })) as any).exportEvent as string;
    expect(csv.split('\n').filter((line) => !line.startsWith('Exported at'))).toEqual([
      'Question,Questions for the speaker',
      'Round,1',
      'Entry,Author,Status,Pinned,Upvotes,Asked at',
      expect.stringMatching(/^In the event export\?,,APPROVED,no,0,\d{4}-/),
      'Entries,1',
      '',
    ]);
  });
});

describe('onEntryChanged', () => {
  const SUBSCRIPTION = `subscription ($e: ID!, $q: ID!) { onEntryChanged(eventId: $e, questionId: $q) { id text status upvotes } }`;

  it('pushes the audience only entries it may see, and organizers every change', async () => {
    const qa = await createQa({ moderated: true });
    const audience = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    const organizer = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    try {
      await audience.init();
      await organizer.init();
      await audience.subscribe('a', SUBSCRIPTION, { e: qa.eventId, q: qa.questionId });
      // The organizer's own credentials for this subscription, as aws-amplify sends them per start.
      const host = new URL(server.url).host;
      organizer.send({
        id: 'o',
        type: 'start',
        payload: {
          data: JSON.stringify({ query: SUBSCRIPTION, variables: { e: qa.eventId, q: qa.questionId } }),
          extensions: { authorization: { host, Authorization: await organizerToken(server) } },
        },
      });
      await organizer.expect('start_ack', 'o');

      const entry = await asked(qa, 'Pending first');
      expect((await organizer.expect('data', 'o')).payload.data.onEntryChanged).toMatchObject({ id: entry.id, status: 'PENDING' });
      await moderate(qa, entry.id, { status: 'APPROVED' });
      expect((await organizer.expect('data', 'o')).payload.data.onEntryChanged).toMatchObject({ id: entry.id, status: 'APPROVED' });
      // The audience's first push is the approval: the pending entry never reached it.
      expect((await audience.expect('data', 'a')).payload.data.onEntryChanged).toEqual({ id: entry.id, text: 'Pending first', status: 'APPROVED', upvotes: 0 });
      expect(await audience.framesUntilSettled()).toEqual([]);
    } finally {
      audience.close();
      organizer.close();
    }
  });

  it('pushes upvotes to the audience', async () => {
    const qa = await createQa();
    const entry = await asked(qa, 'Count me');
    const audience = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    try {
      await audience.init();
      await audience.subscribe('a', SUBSCRIPTION, { e: qa.eventId, q: qa.questionId });
      await upvote(qa, await join(qa), entry.id);
      expect((await audience.expect('data', 'a')).payload.data.onEntryChanged).toMatchObject({ id: entry.id, upvotes: 1 });
    } finally {
      audience.close();
    }
  });
});
