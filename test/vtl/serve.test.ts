// VTL resolvers and functions served over HTTP against the real store: unit and
// pipeline resolvers, a pipeline mixing VTL and JS functions, the DynamoDB request
// formats of the mapping-template world, #return, and errors as AppSync raises them.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

const declaration = fileURLToPath(new URL('./fixtures/notes/notes.api.json', import.meta.url));
const NOTE = 'id owner title version createdAt updatedAt tags checkedBy';
let server: LocalAppSync;

beforeAll(async () => {
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null });
});
afterAll(() => server?.close());

async function create(input: Record<string, unknown>) {
  return graphql(server, `mutation ($input: CreateNoteInput!) { createNote(input: $input) { ${NOTE} } }`, { input });
}

describe('a VTL pipeline (before/after templates, VTL functions and a JS function between them)', () => {
  test('creates the item with the defaults one VTL function stashed and what the JS function stashed', async () => {
    const { body } = await create({ owner: 'alice', title: 'First', tags: ['a', 'b'] });
    expect(body.errors).toBeUndefined();
    const note = body.data.createNote;
    expect(note).toMatchObject({ owner: 'alice', title: 'First', version: 1, tags: ['a', 'b'], checkedBy: 'js:alice' });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.createdAt).toBe(note.updatedAt);
    const read = await graphql(server, `query ($id: ID!) { getNote(id: $id) { ${NOTE} } }`, { id: note.id });
    expect(read.body.data.getNote).toEqual(note);
  });

  test('$util.unauthorized() in a function ends the field with AppSync\'s Unauthorized error', async () => {
    const { body } = await create({ owner: 'mallory', title: 'Nope' });
    expect(body.data.createNote).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access createNote on type Mutation', path: ['createNote'] }),
    ]);
  });

  test('a failed condition reaches the response template as $ctx.error, which raises it', async () => {
    await create({ id: 'fixed-1', owner: 'bob', title: 'Once' });
    const { body } = await create({ id: 'fixed-1', owner: 'bob', title: 'Twice' });
    expect(body.data.createNote).toBeNull();
    expect(body.errors?.[0].errorType).toBe('DynamoDB:ConditionalCheckFailedException');
  });
});

describe('DynamoDB request formats', () => {
  test('UpdateItem with an update expression and a condition on the version', async () => {
    const { body: created } = await create({ id: 'upd-1', owner: 'carol', title: 'Draft' });
    expect(created.errors).toBeUndefined();
    const update = (expectedVersion: number) =>
      graphql(server, `mutation ($v: Int!) { updateNote(id: "upd-1", title: "Final", expectedVersion: $v) { title version } }`, { v: expectedVersion });
    expect((await update(1)).body.data.updateNote).toEqual({ title: 'Final', version: 2 });
    const stale = await update(1);
    expect(stale.body.errors?.[0].errorType).toBe('DynamoDB:ConditionalCheckFailedException');
  });

  test('Query on an index pages with limit and nextToken, and answers scannedCount', async () => {
    for (const title of ['p1', 'p2', 'p3']) expect((await create({ owner: 'dave', title })).body.errors).toBeUndefined();
    const page = (nextToken?: string) =>
      graphql(server, `query ($t: String) { listNotes(owner: "dave", limit: 2, nextToken: $t) { items { title } nextToken scannedCount } }`, { t: nextToken });
    const first = (await page()).body.data.listNotes;
    expect(first.items).toHaveLength(2);
    expect(first.scannedCount).toBe(2);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = (await page(first.nextToken)).body.data.listNotes;
    expect(second.items).toHaveLength(1);
    expect(second.nextToken).toBeNull();
    expect([...first.items, ...second.items].map((n: { title: string }) => n.title).sort()).toEqual(['p1', 'p2', 'p3']);
  });

  test('BatchGetItem built with #foreach, its table named by $ctx.env', async () => {
    await create({ id: 'b-1', owner: 'erin', title: 'one' });
    await create({ id: 'b-2', owner: 'erin', title: 'two' });
    const { body } = await graphql(server, `{ notesByIds(ids: ["b-1", "b-2"]) { id title } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.notesByIds.map((n: { id: string }) => n.id).sort()).toEqual(['b-1', 'b-2']);
  });

  test('DeleteItem answers the deleted item', async () => {
    await create({ id: 'del-1', owner: 'frank', title: 'gone' });
    const { body } = await graphql(server, `mutation { deleteNote(id: "del-1") { id title } }`);
    expect(body.data.deleteNote).toEqual({ id: 'del-1', title: 'gone' });
    expect((await graphql(server, `{ getNote(id: "del-1") { id } }`)).body.data.getNote).toBeNull();
  });

  test('2017-02-28: a null result skips the response template; the field is null, with no error', async () => {
    const { body } = await graphql(server, `mutation { oldStyleGet(id: "never-there") { id } }`);
    expect(body).toEqual({ data: { oldStyleGet: null } });
  });
});

describe('NONE data source and #return', () => {
  test('the payload comes back as $ctx.result', async () => {
    const { body } = await graphql(server, `{ echo(text: "hi \\"there\\"") }`);
    expect(body).toEqual({ data: { echo: 'hi "there"' } });
  });

  test('#return(value) in the request template is the field\'s value, skipping the data source', async () => {
    const { body } = await graphql(server, `{ echo }`);
    expect(body).toEqual({ data: { echo: '(nothing)' } });
  });

  test('$ctx.info gives the field and the selection set, as a list and as text', async () => {
    const { body } = await graphql(server, `{ askedFor(id: "a") { id owner title checkedBy } }`);
    expect(body).toEqual({ data: { askedFor: { id: 'a', owner: 'Query.askedFor', title: '[id, owner, title, checkedBy]', checkedBy: '{\n  id\n  owner\n  title\n  checkedBy\n}' } } });
  });

  test('Java string and list methods, $velocityCount', async () => {
    const { body } = await graphql(server, `{ shout(text: "  hello   vtl world ") }`);
    expect(body).toEqual({ data: { shout: '[1:HELLO, 2:VTL, 3:WORLD]' } });
  });
});

describe('a VTL subscription resolver', () => {
  test('$extensions.setSubscriptionFilter with $util.transform.toSubscriptionFilter filters the pushes', async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    try {
      await client.init();
      await client.subscribe('1', `subscription { onHotNote(owner: "gina") { ${NOTE} } }`);
      await create({ owner: 'gina', title: 'Cold news' });
      await create({ owner: 'hank', title: 'Hot elsewhere' });
      const hot = (await create({ owner: 'gina', title: 'Hot news' })).body.data.createNote;
      const frame = await client.expect('data', '1');
      expect(frame.payload.data.onHotNote).toEqual(hot);
      expect(await client.framesUntilSettled()).toEqual([]);
    } finally {
      client.close();
    }
  });
});
