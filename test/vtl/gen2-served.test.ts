// The pipelines Amplify Gen 2's `defineData` generates (fixtures/gen2/gen2.api.json and
// its templates, all Amplify's own), served by the local AppSync on a real dynalite table:
// two users of the local user pool create, read, list, update and delete through them,
// and subscribe with a filter.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { graphql } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

const declaration = fileURLToPath(new URL('./fixtures/gen2/gen2.api.json', import.meta.url));
const ALICE = { username: 'alice', password: 'Alice-Passw0rd1', groups: [] };
const BOB = { username: 'bob', password: 'Bob-Passw0rd1', groups: [] };
let server: LocalAppSync;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null, users: [ALICE, BOB] });
  const pool = server.userPool!;
  for (const user of [ALICE, BOB]) tokens[user.username] = (await signInWithPassword({ endpoint: pool.endpoint, clientId: pool.clientId, ...user })).idToken;
});
afterAll(() => server?.close());

const as = (user: typeof ALICE, query: string, variables: Record<string, unknown> = {}) => graphql(server, query, variables, { authorization: tokens[user.username]! });
const POST = 'id boardId title status likes owner createdAt updatedAt';

async function createBoard(name: string) {
  const { body } = await as(ALICE, 'mutation ($name: String!) { createBoard(input: { name: $name }) { id name owner } }', { name });
  expect(body.errors).toBeUndefined();
  return body.data.createBoard as { id: string; name: string; owner: string };
}

async function createPost(user: typeof ALICE, input: Record<string, unknown>) {
  return as(user, `mutation ($input: CreatePostInput!) { createPost(input: $input) { ${POST} } }`, { input });
}

describe('create', () => {
  test('creates the item with an id, equal createdAt and updatedAt, the field default and the caller as owner', async () => {
    const board = await createBoard('Ideas');
    const { body } = await createPost(ALICE, { boardId: board.id, title: 'First' });
    expect(body.errors).toBeUndefined();
    const post = body.data.createPost;
    expect(post).toMatchObject({ boardId: board.id, title: 'First', status: null, likes: 0, owner: 'alice' });
    expect(post.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(post.updatedAt).toBe(post.createdAt);
  });

  test('creating an id that exists fails its key condition', async () => {
    const board = await createBoard('Twice');
    await createPost(ALICE, { id: 'fixed-post', boardId: board.id, title: 'Once' });
    const { body } = await createPost(ALICE, { id: 'fixed-post', boardId: board.id, title: 'Again' });
    expect(body.data.createPost).toBeNull();
    expect(body.errors?.[0].errorType).toBe('DynamoDB:ConditionalCheckFailedException');
  });
});

describe('read', () => {
  test('get answers the item, and its belongsTo board', async () => {
    const board = await createBoard('Reading');
    const created = (await createPost(ALICE, { boardId: board.id, title: 'Readable' })).body.data.createPost;
    const { body } = await as(BOB, `query ($id: ID!) { getPost(id: $id) { ${POST} board { id name } } }`, { id: created.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.getPost).toEqual({ ...created, board: { id: board.id, name: 'Reading' } });
  });

  test('get of an id that is not there is null', async () => {
    const { body } = await as(ALICE, '{ getPost(id: "nowhere") { id } }');
    expect(body).toEqual({ data: { getPost: null } });
  });

  test('list with a filter answers only the matching items', async () => {
    const board = await createBoard('Filtered');
    for (const title of ['Keep one', 'Drop', 'Keep two']) await createPost(ALICE, { boardId: board.id, title });
    const { body } = await as(ALICE, 'query ($b: ID!) { listPosts(filter: { boardId: { eq: $b }, title: { beginsWith: "Keep" } }) { items { title } nextToken } }', { b: board.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.listPosts.items.map((p: { title: string }) => p.title).sort()).toEqual(['Keep one', 'Keep two']);
  });

  test('the secondary index query answers the board’s posts sorted by title, descending when asked', async () => {
    const board = await createBoard('Indexed');
    for (const title of ['b', 'c', 'a']) await createPost(ALICE, { boardId: board.id, title });
    const { body } = await as(ALICE, 'query ($b: ID!) { postsByBoard(boardId: $b, sortDirection: DESC) { items { title } } }', { b: board.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.postsByBoard.items.map((p: { title: string }) => p.title)).toEqual(['c', 'b', 'a']);
  });

  test('the index query pages with limit and nextToken', async () => {
    const board = await createBoard('Paged');
    for (const title of ['p1', 'p2', 'p3']) await createPost(ALICE, { boardId: board.id, title });
    const page = (nextToken?: string) => as(ALICE, 'query ($b: ID!, $t: String) { postsByBoard(boardId: $b, limit: 2, nextToken: $t) { items { title } nextToken } }', { b: board.id, t: nextToken });
    const first = (await page()).body.data.postsByBoard;
    expect(first.items.map((p: { title: string }) => p.title)).toEqual(['p1', 'p2']);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = (await page(first.nextToken)).body.data.postsByBoard;
    expect(second).toEqual({ items: [{ title: 'p3' }], nextToken: null });
  });

  test('the hasMany field lists the board’s posts', async () => {
    const board = await createBoard('Related');
    for (const title of ['x', 'y']) await createPost(ALICE, { boardId: board.id, title });
    const { body } = await as(BOB, 'query ($id: ID!) { getBoard(id: $id) { name posts { items { title } } } }', { id: board.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.getBoard.posts.items.map((p: { title: string }) => p.title).sort()).toEqual(['x', 'y']);
  });
});

describe('owner auth on update and delete', () => {
  test('the owner updates, and updatedAt moves on', async () => {
    const board = await createBoard('Edits');
    const created = (await createPost(ALICE, { boardId: board.id, title: 'Draft' })).body.data.createPost;
    const { body } = await as(ALICE, `mutation ($id: ID!) { updatePost(input: { id: $id, title: "Final", status: PUBLISHED }) { ${POST} } }`, { id: created.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.updatePost).toMatchObject({ id: created.id, title: 'Final', status: 'PUBLISHED', owner: 'alice', createdAt: created.createdAt });
  });

  test('another user’s update is refused and the item stays as it was', async () => {
    const board = await createBoard('Guarded');
    const created = (await createPost(ALICE, { boardId: board.id, title: 'Mine' })).body.data.createPost;
    const { body } = await as(BOB, 'mutation ($id: ID!) { updatePost(input: { id: $id, title: "Bob’s now" }) { id } }', { id: created.id });
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access updatePost on type Mutation' })]);
    expect((await as(ALICE, 'query ($id: ID!) { getPost(id: $id) { title } }', { id: created.id })).body.data.getPost).toEqual({ title: 'Mine' });
  });

  test('another user’s delete is refused; the owner’s delete answers the item', async () => {
    const board = await createBoard('Deletes');
    const created = (await createPost(ALICE, { boardId: board.id, title: 'Short-lived' })).body.data.createPost;
    const refused = await as(BOB, 'mutation ($id: ID!) { deletePost(input: { id: $id }) { id } }', { id: created.id });
    expect(refused.body.errors?.[0].errorType).toBe('Unauthorized');
    const deleted = await as(ALICE, 'mutation ($id: ID!) { deletePost(input: { id: $id }) { id title } }', { id: created.id });
    expect(deleted.body).toEqual({ data: { deletePost: { id: created.id, title: 'Short-lived' } } });
  });
});

describe('a model only its owner reads (Note)', () => {
  const createNote = (user: typeof ALICE, text: string) => as(user, 'mutation ($text: String!) { createNote(input: { text: $text }) { id text owner } }', { text });

  test("another user's list leaves the owner's items out", async () => {
    const mine = (await createNote(ALICE, 'alice only')).body.data.createNote;
    const theirs = (await createNote(BOB, 'bob only')).body.data.createNote;
    const { body } = await as(BOB, '{ listNotes { items { id owner } } }');
    expect(body.errors).toBeUndefined();
    const ids = body.data.listNotes.items.map((n: { id: string }) => n.id);
    expect(ids).toContain(theirs.id);
    expect(ids).not.toContain(mine.id);
  });

  test("another user's get of the owner's item is refused", async () => {
    const mine = (await createNote(ALICE, 'private')).body.data.createNote;
    const { body } = await as(BOB, 'query ($id: ID!) { getNote(id: $id) { id } }', { id: mine.id });
    expect(body.data.getNote).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access getNote on type Query' })]);
  });

  test("a subscriber gets their own new items, not another user's", async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { authorization: tokens.bob });
    try {
      await client.init();
      await client.subscribe('1', 'subscription { onCreateNote { id text owner } }');
      await createNote(ALICE, 'not for bob');
      const own = (await createNote(BOB, 'for bob')).body.data.createNote;
      const frame = await client.expect('data', '1');
      expect(frame.payload.data.onCreateNote).toEqual({ id: own.id, text: 'for bob', owner: 'bob' });
      expect(await client.framesUntilSettled()).toEqual([]);
    } finally {
      client.close();
    }
  });
});

describe('custom mutation', () => {
  test('the APPSYNC_JS handler of a custom mutation runs on the model’s table', async () => {
    const board = await createBoard('Likes');
    const created = (await createPost(ALICE, { boardId: board.id, title: 'Liked' })).body.data.createPost;
    const { body } = await as(BOB, 'mutation ($id: ID!) { likePost(id: $id) { id likes } }', { id: created.id });
    expect(body).toEqual({ data: { likePost: { id: created.id, likes: 1 } } });
  });
});

describe('subscriptions', () => {
  test('onCreatePost with a filter argument pushes only the matching posts', async () => {
    const board = await createBoard('Live');
    const client = await ProtocolClient.connect(server.realtimeUrl, { authorization: tokens.bob });
    try {
      await client.init();
      await client.subscribe('1', 'subscription { onCreatePost(filter: { title: { beginsWith: "Hot" } }) { id title owner } }');
      await createPost(ALICE, { boardId: board.id, title: 'Cold news' });
      const hot = (await createPost(ALICE, { boardId: board.id, title: 'Hot news' })).body.data.createPost;
      const frame = await client.expect('data', '1');
      expect(frame.payload.data.onCreatePost).toEqual({ id: hot.id, title: 'Hot news', owner: 'alice' });
      expect(await client.framesUntilSettled()).toEqual([]);
    } finally {
      client.close();
    }
  });
});
