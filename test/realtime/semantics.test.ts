// What a subscriber receives after a mutation, as AppSync decides it: the
// mutation's own selection as the payload, the subscriber's selection applied,
// basic argument filtering, and subscription resolvers run at subscribe time.
import { describe, expect, it } from 'vitest';
import { ProtocolClient } from '../support/protocol-client.ts';
import { putItem, request, realtimeApiForFile } from '../support/realtime-api.ts';

const api = realtimeApiForFile();
const connected = () => api.connected();

/** The `data` payloads that reached a client, until it is settled. */
async function received(client: ProtocolClient) {
  return (await client.framesUntilSettled()).map((frame) => ({ id: frame.id, ...frame.payload }));
}

describe('the payload', () => {
  it('is the mutation’s result limited to what the mutation selected: other fields come out null', async () => {
    const client = await connected();
    await client.subscribe('s', 'subscription { onItem(id: "p1") { id title group severity } }');
    await request(api.server, 'mutation { putItem(input: {id: "p1", title: "T", group: "g", severity: 3}) { id title } }');
    expect(await received(client)).toEqual([{ id: 's', data: { onItem: { id: 'p1', title: 'T', group: null, severity: null } } }]);
  });

  it('is shaped by each subscriber’s own selection set', async () => {
    const client = await connected();
    await client.subscribe('narrow', 'subscription { onItem(id: "p2") { id } }');
    await client.subscribe('wide', 'subscription { onItem(id: "p2") { id title tags nested { label } } }');
    await putItem(api.server, { id: 'p2', title: 'T', tags: ['a', 'b'], nested: { level: 1, label: 'L' } });
    expect(await received(client)).toEqual([
      { id: 'narrow', data: { onItem: { id: 'p2' } } },
      { id: 'wide', data: { onItem: { id: 'p2', title: 'T', tags: ['a', 'b'], nested: { label: 'L' } } } },
    ]);
  });

  it('is shaped by the operation the subscriber named, when one document holds several', async () => {
    const client = await connected();
    const query = 'subscription Narrow { onItem(id: "p7") { id } } subscription Wide { onItem(id: "p7") { id title } }';
    for (const [id, operationName] of [['narrow', 'Narrow'], ['wide', 'Wide']]) {
      client.send({ id, type: 'start', payload: { data: JSON.stringify({ query, operationName }), extensions: { authorization: { host: 'localhost', 'x-api-key': api.server.apiKey } } } });
      await client.expect('start_ack', id);
    }
    await putItem(api.server, { id: 'p7', title: 'T' });
    expect(await received(client)).toEqual([
      { id: 'narrow', data: { onItem: { id: 'p7' } } },
      { id: 'wide', data: { onItem: { id: 'p7', title: 'T' } } },
    ]);
  });

  it('honours the subscriber’s aliases, fragments and __typename', async () => {
    const client = await connected();
    await client.subscribe(
      's',
      'subscription { item: onItem(id: "p3") { __typename key: id ...Parts } } fragment Parts on Item { heading: title }',
    );
    await putItem(api.server, { id: 'p3', title: 'T' });
    expect(await received(client)).toEqual([{ id: 's', data: { item: { __typename: 'Item', key: 'p3', heading: 'T' } } }]);
  });

  it('knows the mutation’s fields by name, whatever aliases the mutation used', async () => {
    const client = await connected();
    await client.subscribe('s', 'subscription { onItem(id: "p4") { id title } }');
    await request(api.server, 'mutation { done: putItem(input: {id: "p4", title: "T"}) { key: id name: title } }');
    expect(await received(client)).toEqual([{ id: 's', data: { onItem: { id: 'p4', title: 'T' } } }]);
  });

  it('nulls the subscription field and reports every non-null field the mutation did not select, as AppSync words it', async () => {
    const client = await connected();
    await client.subscribe('s', 'subscription { onItem(id: "p5") { id title nested { label } } }');
    await request(api.server, 'mutation { putItem(input: {id: "p5", title: "T", nested: {label: "L"}}) { id nested { level } } }');
    expect(await received(client)).toEqual([
      {
        id: 's',
        data: { onItem: null },
        errors: [
          { message: "Cannot return null for non-nullable type: 'String' within parent 'Item' (/onItem/title)", path: ['onItem', 'title'] },
          { message: "Cannot return null for non-nullable type: 'String' within parent 'Nested' (/onItem/nested/label)", path: ['onItem', 'nested', 'label'] },
        ],
      },
    ]);
  });

  it('is not published when the mutation’s result is null', async () => {
    const client = await connected();
    await client.subscribe('s', 'subscription { onItem { id } }');
    await request(api.server, 'mutation { dropItem(id: "p6") { id } }');
    expect(await received(client)).toEqual([]);
  });
});

describe('basic argument filtering', () => {
  it('delivers only to subscribers whose arguments equal the published fields', async () => {
    const client = await connected();
    await client.subscribe('a', 'subscription { onItem(group: "a") { id } }');
    await client.subscribe('b', 'subscription { onItem(group: "b") { id } }');
    await putItem(api.server, { id: 'f1', group: 'b' });
    expect(await received(client)).toEqual([{ id: 'b', data: { onItem: { id: 'f1' } } }]);
  });

  it('matches every payload on an argument the subscriber left out', async () => {
    const client = await connected();
    await client.subscribe('any', 'subscription { onItem { id } }');
    await putItem(api.server, { id: 'f2', group: 'whatever' });
    expect(await received(client)).toEqual([{ id: 'any', data: { onItem: { id: 'f2' } } }]);
  });

  it('requires every argument given to match (AND)', async () => {
    const client = await connected();
    await client.subscribe('both', 'subscription { onItem(group: "g", severity: 2) { id } }');
    await putItem(api.server, { id: 'f3', group: 'g', severity: 1 });
    await putItem(api.server, { id: 'f4', group: 'g', severity: 2 });
    expect(await received(client)).toEqual([{ id: 'both', data: { onItem: { id: 'f4' } } }]);
  });

  it('takes arguments from variables as from literals', async () => {
    const client = await connected();
    await client.subscribe('vars', 'subscription S($group: String) { onItem(group: $group) { id } }', { group: 'v' });
    await putItem(api.server, { id: 'f5', group: 'w' });
    await putItem(api.server, { id: 'f6', group: 'v' });
    expect(await received(client)).toEqual([{ id: 'vars', data: { onItem: { id: 'f6' } } }]);
  });

  it('ignores an argument whose variable was not given', async () => {
    const client = await connected();
    await client.subscribe('unset', 'subscription S($group: String) { onItem(group: $group) { id } }');
    await putItem(api.server, { id: 'f7', group: 'anything' });
    expect(await received(client)).toEqual([{ id: 'unset', data: { onItem: { id: 'f7' } } }]);
  });

  it('matches an explicit null argument only with a null field', async () => {
    const client = await connected();
    await client.subscribe('nullGroup', 'subscription { onItem(group: null) { id } }');
    await putItem(api.server, { id: 'f8', group: 'set' });
    await putItem(api.server, { id: 'f9', group: null });
    expect(await received(client)).toEqual([{ id: 'nullGroup', data: { onItem: { id: 'f9' } } }]);
  });

  it('does not deliver when the mutation did not select the field an argument filters on', async () => {
    const client = await connected();
    await client.subscribe('g', 'subscription { onItem(group: "sel") { id } }');
    await request(api.server, 'mutation { putItem(input: {id: "f10", title: "T", group: "sel"}) { id title } }');
    expect(await received(client)).toEqual([]);
  });
});

describe('the NONE data source publish pattern', () => {
  it('triggers subscribers with a mutation that returns its arguments', async () => {
    const client = await connected();
    await client.subscribe('s', 'subscription { onItem(group: "news") { id title group } }');
    await request(api.server, 'mutation { publishItem(id: "n1", title: "Published", group: "news") { id title group } }');
    expect(await received(client)).toEqual([{ id: 's', data: { onItem: { id: 'n1', title: 'Published', group: 'news' } } }]);
  });
});

describe('subscription resolvers', () => {
  it('refuse a subscriber with util.unauthorized(), worded as AppSync words it', async () => {
    const client = await connected();
    client.start('secret', 'subscription { onGuarded(group: "secret") { id } }');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'secret',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onGuarded on type Subscription' }] },
    });
  });

  it('refuse a subscriber with util.error(), with its message and errorType', async () => {
    const client = await connected();
    client.start('closed', 'subscription { onGuarded(group: "closed") { id } }');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'closed',
      payload: { errors: [{ errorType: 'GroupClosed', message: 'This group is closed' }] },
    });
  });

  it('let a subscriber they accept receive data, filtered on its arguments', async () => {
    const client = await connected();
    await client.subscribe('open', 'subscription { onGuarded(group: "open") { id } }');
    await putItem(api.server, { id: 'g1', group: 'other' });
    await putItem(api.server, { id: 'g2', group: 'open' });
    expect(await received(client)).toEqual([{ id: 'open', data: { onGuarded: { id: 'g2' } } }]);
  });
});
