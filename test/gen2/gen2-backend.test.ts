// An Amplify Gen 2 `defineData` backend served locally (`appsync-local serve amplify/`)
// and used through the real Gen 2 client: `generateClient<Schema>()` from
// aws-amplify/data, typed by the app's own amplify/data/resource.ts, configured from the
// amplify_outputs.json the command wrote, users signed in through the local user pool.
import { signOut } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/data';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from './app/amplify/data/resource.ts';
import { ANA, serveApp, signInAs, type ServedApp } from './serve-app.ts';

let app: ServedApp;
let client: ReturnType<typeof generateClient<Schema>>;

beforeAll(async () => {
  app = await serveApp();
  client = generateClient<Schema>();
}, 600_000);
afterEach(() => signOut());
afterAll(() => app?.close());

describe('models through generateClient<Schema>()', () => {
  it('creates an item and lists it back', async () => {
    await signInAs(ANA);
    const { data: blog, errors } = await client.models.Blog.create({ name: 'Field notes' });
    expect(errors).toBeUndefined();
    expect(blog).toMatchObject({ id: expect.any(String), name: 'Field notes' });
    const { data: blogs } = await client.models.Blog.list();
    expect(blogs.map((b) => b.name)).toContain('Field notes');
  });
});
