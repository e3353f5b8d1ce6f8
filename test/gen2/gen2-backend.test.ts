// An Amplify Gen 2 `defineData` backend served locally (`appsync-local serve amplify/`)
// and used through the real Gen 2 client: `generateClient<Schema>()` from
// aws-amplify/data, typed by the app's own amplify/data/resource.ts, configured from the
// amplify_outputs.json the command wrote, users signed in through the local user pool.
// One server for the file: synthesising the backend takes a while.
import { signOut } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/data';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from './app/amplify/data/resource.ts';
import { ANA, BEN, EDI, serveApp, signInAs, subscribed, type ServedApp } from './serve-app.ts';

let app: ServedApp;
let client: ReturnType<typeof generateClient<Schema>>;

beforeAll(async () => {
  app = await serveApp();
  client = generateClient<Schema>();
}, 600_000);
afterEach(() => signOut());
afterAll(() => app?.close());

/** A blog of Ana's, created signed in as Ana (who stays signed in). */
async function anasBlog(name: string) {
  await signInAs(ANA);
  const { data, errors } = await client.models.Blog.create({ name });
  if (errors) throw new Error(JSON.stringify(errors));
  return data!;
}

async function anasPost(post: { title: string; status: string; blogId?: string }) {
  await signInAs(ANA);
  const { data, errors } = await client.models.Post.create(post);
  if (errors) throw new Error(JSON.stringify(errors));
  return data!;
}

describe('appsync-local serve amplify/', () => {
  it('writes amplify_outputs.json beside amplify/ in Gen 2’s shape, for the local endpoint', () => {
    expect(app.outputs.version).toBe('1.4');
    expect(app.outputs.data).toMatchObject({
      url: app.url,
      api_key: expect.any(String),
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['API_KEY', 'AWS_IAM'],
    });
  });

  it('puts both models and their relations in data.model_introspection, as ampx does', () => {
    const { models } = app.outputs.data.model_introspection;
    expect(Object.keys(models).sort()).toEqual(['Blog', 'Post']);
    expect(models.Blog.fields.posts.association).toEqual({ connectionType: 'HAS_MANY', associatedWith: ['blogId'] });
    expect(models.Post.fields.blog.association).toMatchObject({ connectionType: 'BELONGS_TO', targetNames: ['blogId'] });
  });

  it('writes the auth section for the local user pool with the backend’s sign-in settings and no identity pool', () => {
    expect(app.outputs.auth).toMatchObject({ user_pool_id: expect.any(String), user_pool_client_id: expect.any(String), username_attributes: ['email'] });
    expect(app.outputs.auth.identity_pool_id).toBeUndefined();
  });

  it('says at start what the backend deploys that is not emulated', () => {
    expect(app.output).toMatch(/Not emulated[^\n]*\n(\s+.*\n)*\s+Cognito identity pool/);
    expect(app.output).toMatch(/Amplify's table manager[^\n]*: each model table is created in the local store at start instead/);
  });
});

describe('client.models', () => {
  it('creates an item owned by the signed-in user, with the model’s defaults, and gets it by id', async () => {
    const created = await anasPost({ title: 'Owned', status: 'draft' });
    expect(created).toMatchObject({ title: 'Owned', status: 'draft', likes: 0, owner: ANA.username });
    const { data } = await client.models.Post.get({ id: created.id });
    const { id, title, status, likes, owner, createdAt, updatedAt } = created;
    expect(data).toMatchObject({ id, title, status, likes, owner, createdAt, updatedAt });
  });

  it('lists the items a filter matches', async () => {
    await anasPost({ title: 'Filter: kept', status: 'draft' });
    await anasPost({ title: 'Other', status: 'draft' });
    const { data } = await client.models.Post.list({ filter: { title: { beginsWith: 'Filter:' } } });
    expect(data.map((p) => p.title)).toEqual(['Filter: kept']);
  });

  it('pages through a list with limit and nextToken', async () => {
    for (const n of [1, 2, 3]) await anasPost({ title: `Paged ${n}`, status: 'paged' });
    const titles: string[] = [];
    let nextToken: string | null | undefined;
    do {
      const page = await client.models.Post.listPostsByStatus({ status: 'paged' }, { limit: 2, nextToken });
      expect(page.data.length).toBeLessThanOrEqual(2);
      titles.push(...page.data.map((p) => p.title));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(titles).toEqual(['Paged 1', 'Paged 2', 'Paged 3']);
  });

  it('queries the secondary index by status with a condition on its sort key, newest title first', async () => {
    for (const title of ['Index a1', 'Index a2', 'Index b1']) await anasPost({ title, status: 'indexed' });
    const { data } = await client.models.Post.listPostsByStatus({ status: 'indexed', title: { beginsWith: 'Index a' } }, { sortDirection: 'DESC' });
    expect(data.map((p) => p.title)).toEqual(['Index a2', 'Index a1']);
  });

  it('updates only the fields given', async () => {
    const post = await anasPost({ title: 'Before', status: 'draft' });
    const { data } = await client.models.Post.update({ id: post.id, title: 'After' });
    expect(data).toMatchObject({ id: post.id, title: 'After', status: 'draft', createdAt: post.createdAt });
    expect(data!.updatedAt >= post.updatedAt).toBe(true);
  });

  it('deletes an item, after which get answers null', async () => {
    const post = await anasPost({ title: 'Gone', status: 'draft' });
    const { data: deleted } = await client.models.Post.delete({ id: post.id });
    expect(deleted?.id).toBe(post.id);
    expect((await client.models.Post.get({ id: post.id })).data).toBeNull();
  });
});

describe('relations (hasMany / belongsTo)', () => {
  it('lazy-loads a blog’s posts', async () => {
    const blog = await anasBlog('With posts');
    await anasPost({ title: 'Child 1', status: 'draft', blogId: blog.id });
    await anasPost({ title: 'Child 2', status: 'draft', blogId: blog.id });
    const { data: posts } = await blog.posts();
    expect(posts.map((p) => p.title).sort()).toEqual(['Child 1', 'Child 2']);
  });

  it('lazy-loads a post’s blog', async () => {
    const blog = await anasBlog('Parent');
    const post = await anasPost({ title: 'Has a parent', status: 'draft', blogId: blog.id });
    const { data: parent } = await post.blog();
    expect(parent).toMatchObject({ id: blog.id, name: 'Parent' });
  });

  it('reads a blog with its posts in one request through a selection set', async () => {
    const blog = await anasBlog('Selected');
    await anasPost({ title: 'Selected child', status: 'draft', blogId: blog.id });
    const { data } = await client.models.Blog.get({ id: blog.id }, { selectionSet: ['name', 'posts.title'] });
    expect(data).toEqual({ name: 'Selected', posts: [{ title: 'Selected child' }] });
  });
});

describe('owner and group auth, users signed in through the local user pool', () => {
  it('lists only the signed-in user’s own items', async () => {
    const blog = await anasBlog('Only Ana’s');
    await signInAs(BEN);
    const { data } = await client.models.Blog.list();
    expect(data.map((b) => b.id)).not.toContain(blog.id);
  });

  it('refuses another user’s update with Unauthorized and leaves the item as it was', async () => {
    const blog = await anasBlog('Not Ben’s');
    await signInAs(BEN);
    const { data, errors } = await client.models.Blog.update({ id: blog.id, name: 'Taken' });
    expect(data).toBeNull();
    expect(errors).toMatchObject([{ errorType: 'Unauthorized', message: 'Not Authorized to access updateBlog on type Mutation' }]);
    expect((await client.models.Blog.get({ id: blog.id }, { authMode: 'apiKey' })).data?.name).toBe('Not Ben’s');
  });

  it('refuses another user’s delete with Unauthorized', async () => {
    const blog = await anasBlog('Stays');
    await signInAs(BEN);
    const { errors } = await client.models.Blog.delete({ id: blog.id });
    expect(errors).toMatchObject([{ errorType: 'Unauthorized' }]);
  });

  it('lets a member of the group the model allows (allow.group) update another user’s item', async () => {
    const blog = await anasBlog('Edited by an editor');
    await signInAs(EDI);
    const { data, errors } = await client.models.Blog.update({ id: blog.id, name: 'Edited' });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ id: blog.id, name: 'Edited', owner: ANA.username });
  });

  it('lets the API key read everyone’s items (publicApiKey read) but not create any', async () => {
    const blog = await anasBlog('Public to read');
    await signOut();
    const { data } = await client.models.Blog.get({ id: blog.id }, { authMode: 'apiKey' });
    expect(data?.name).toBe('Public to read');
    const refused = await client.models.Blog.create({ name: 'Anonymous' }, { authMode: 'apiKey' });
    expect(refused.errors).toMatchObject([{ errorType: 'Unauthorized' }]);
  });
});

describe('real time', () => {
  it('delivers a created item to its owner’s onCreate', async () => {
    await signInAs(ANA);
    const created = await subscribed(client.models.Post.onCreate());
    const post = await anasPost({ title: 'Live create', status: 'live' });
    expect(await created.next()).toMatchObject({ id: post.id, title: 'Live create' });
    created.unsubscribe();
  });

  it('delivers an update to onUpdate', async () => {
    const post = await anasPost({ title: 'Live update', status: 'live' });
    const updated = await subscribed(client.models.Post.onUpdate());
    await client.models.Post.update({ id: post.id, title: 'Live updated' });
    expect(await updated.next()).toMatchObject({ id: post.id, title: 'Live updated' });
    updated.unsubscribe();
  });

  it('delivers a delete to onDelete', async () => {
    const post = await anasPost({ title: 'Live delete', status: 'live' });
    const deleted = await subscribed(client.models.Post.onDelete());
    await client.models.Post.delete({ id: post.id });
    expect(await deleted.next()).toMatchObject({ id: post.id });
    deleted.unsubscribe();
  });

  it('does not deliver another user’s items to a subscriber', async () => {
    await signInAs(BEN);
    const bens = await subscribed(client.models.Blog.onCreate());
    await anasBlog('Ana’s, unseen by Ben');
    await signInAs(BEN);
    await client.models.Blog.create({ name: 'Ben’s own' });
    // Delivered in order on one socket: Ben's own item comes first, so Ana's was filtered out.
    expect(await bens.next()).toMatchObject({ name: 'Ben’s own' });
    bens.unsubscribe();
  });

  it('keeps an observeQuery snapshot current as items are created, updated and deleted', async () => {
    await signInAs(ANA);
    type Snapshot = { items: { title: string }[]; isSynced: boolean };
    const snapshots = await subscribed<Snapshot>(client.models.Post.observeQuery({ filter: { status: { eq: 'observed' } } }), 3);
    let snapshot = await snapshots.next();
    while (!snapshot.isSynced) snapshot = await snapshots.next();
    expect(snapshot.items).toEqual([]);
    const post = await anasPost({ title: 'Observed', status: 'observed' });
    expect((await snapshots.next()).items.map((p) => p.title)).toEqual(['Observed']);
    await client.models.Post.update({ id: post.id, title: 'Observed again' });
    expect((await snapshots.next()).items.map((p) => p.title)).toEqual(['Observed again']);
    await client.models.Post.delete({ id: post.id });
    expect((await snapshots.next()).items).toEqual([]);
    snapshots.unsubscribe();
  });
});

describe('custom operations (a.handler.custom JS handlers, a.handler.function)', () => {
  it('answers a custom query from its handler on a NONE data source', async () => {
    const { data } = await client.queries.echo({ message: 'hello' }, { authMode: 'apiKey' });
    expect(data).toBe('echo: hello');
  });

  it('runs a custom mutation whose handler updates the model’s table', async () => {
    const post = await anasPost({ title: 'Liked', status: 'draft' });
    await client.mutations.likePost({ id: post.id });
    const { data } = await client.mutations.likePost({ id: post.id });
    expect(data).toMatchObject({ id: post.id, likes: 2 });
  });

  it('answers a custom query from its Lambda function (a.handler.function, defineFunction)', async () => {
    const { data, errors } = await client.queries.wordCount({ text: 'one two  three' }, { authMode: 'apiKey' });
    expect(errors).toBeUndefined();
    expect(data).toBe(3);
  });

  it('refuses a custom mutation to a caller its authorization leaves out (the API key)', async () => {
    const post = await anasPost({ title: 'Not for the key', status: 'draft' });
    await signOut();
    const { errors } = await client.mutations.likePost({ id: post.id }, { authMode: 'apiKey' });
    expect(errors).toMatchObject([{ errorType: 'Unauthorized' }]);
  });
});
