// The unmodified aws-amplify v6 client through a subscription's life: subscribe,
// receive, a refused subscription reported to its observer, and a server restart
// on the same port survived, as its Hub connection states tell.
import { Hub } from 'aws-amplify/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { putItem, writeRealtimeApi } from '../support/realtime-api.ts';

const API_KEY = 'da2-lifecycle0000000000000000000';
let declaration: string;
let server: LocalAppSync;
let client: Awaited<ReturnType<typeof amplifyClientFor>>;
const states: string[] = [];

const start = (port = 0) => startLocalAppSync({ declaration, port, host: '127.0.0.1', dataDir: null, apiKey: API_KEY, realtime: { warn: () => {} } });

beforeAll(async () => {
  declaration = writeRealtimeApi();
  server = await start();
  client = await amplifyClientFor(server);
  Hub.listen('api', ({ payload }) => {
    if (payload.event === 'ConnectionStateChange') states.push((payload.data as { connectionState: string }).connectionState);
  });
});
afterAll(() => server?.close());

async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function subscribe(query: string) {
  const received: any[] = [];
  const errors: any[] = [];
  const subscription = (client.graphql({ query }) as any).subscribe({
    next: (message: any) => received.push(message.data),
    error: (error: unknown) => errors.push(error),
  });
  return { received, errors, unsubscribe: () => subscription.unsubscribe() };
}

describe('aws-amplify v6 against the local real-time endpoint', () => {
  it('reports a subscription its resolver refuses to the observer, in AppSync’s words', async () => {
    const refused = subscribe('subscription { onGuarded(group: "secret") { id } }');
    await until(() => refused.errors.length > 0, 'the observer is told');
    expect(refused.errors[0].errors[0].message).toBe(
      'Connection failed: {"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access onGuarded on type Subscription"}]}',
    );
  });

  it('reconnects after the server restarts on the same port and receives again', async () => {
    const sub = subscribe('subscription { onItem(group: "restart") { id } }');
    await until(() => server.realtime.registry.size === 1 && states.at(-1) === 'Connected', 'subscribed');
    const port = server.port;
    await server.close();
    await until(() => states.includes('ConnectionDisrupted'), 'the client sees the connection go');
    server = await start(port);
    // aws-amplify retries 5 s after a disruption; it resends the same start.
    await until(() => server.realtime.registry.size === 1, 'resubscribed');
    await putItem(server, { id: 'after-restart', group: 'restart' });
    await until(() => sub.received.length === 1, 'delivered after the restart');
    expect(sub.received).toEqual([{ onItem: { id: 'after-restart' } }]);
    expect(states.slice(states.lastIndexOf('ConnectionDisrupted'))).toEqual(['ConnectionDisrupted', 'Connecting', 'Connected']);
    sub.unsubscribe();
  });

  it('unsubscribes: the server forgets the subscription and delivers nothing more', async () => {
    const sub = subscribe('subscription { onItem(group: "leaving") { id } }');
    await until(() => server.realtime.registry.size === 1, 'subscribed');
    sub.unsubscribe();
    await until(() => server.realtime.registry.size === 0, 'unsubscribed');
    await putItem(server, { id: 'too-late', group: 'leaving' });
    expect(sub.received).toEqual([]);
  });
});
