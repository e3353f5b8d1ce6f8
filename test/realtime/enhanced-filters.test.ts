// Enhanced filters and invalidation through the whole local AppSync: a subscription
// resolver sets them with extensions.*, a mutation's resolver invalidates.
import { describe, expect, it } from 'vitest';
import { ProtocolClient } from '../support/protocol-client.ts';
import { putItem, request, realtimeApiForFile } from '../support/realtime-api.ts';

const api = realtimeApiForFile();
const connected = () => api.connected();

const ON_FILTER = 'subscription F($filter: AWSJSON!) { onFilter(filter: $filter) { id } }';
const filterOf = (...groups: [string, string, unknown][][]) =>
  JSON.stringify({ filterGroup: groups.map((filters) => ({ filters: filters.map(([fieldName, operator, value]) => ({ fieldName, operator, value })) })) });
const deliveredIds = async (client: ProtocolClient) => (await client.framesUntilSettled()).map((frame) => frame.payload.data[Object.keys(frame.payload.data)[0]!]?.id);

describe('enhanced filters', () => {
  it('deliver what the filter set with util.transform.toSubscriptionFilter lets through', async () => {
    const client = await connected();
    await client.subscribe('severe', 'subscription { onSevere(minSeverity: 5) { id } }');
    for (const [id, severity] of [['e1', 2], ['e2', 5], ['e3', 9]] as const) await putItem(api.server, { id, severity });
    expect(await deliveredIds(client)).toEqual(['e2', 'e3']);
  });

  it('replace basic argument filtering: the filter argument is not compared with the payload', async () => {
    const client = await connected();
    await client.subscribe('f', ON_FILTER, { filter: filterOf([['group', 'eq', 'ops']]) });
    await putItem(api.server, { id: 'e4', group: 'ops' });
    expect(await deliveredIds(client)).toEqual(['e4']);
  });

  it('OR their filters and AND the conditions of each', async () => {
    const client = await connected();
    const filter = filterOf([['group', 'eq', 'ops'], ['severity', 'gt', 5]], [['tags', 'contains', 'urgent']]);
    await client.subscribe('f', ON_FILTER, { filter });
    await putItem(api.server, { id: 'e5', group: 'ops', severity: 3 });
    await putItem(api.server, { id: 'e6', group: 'ops', severity: 8 });
    await putItem(api.server, { id: 'e7', group: 'dev', tags: ['urgent'] });
    expect(await deliveredIds(client)).toEqual(['e6', 'e7']);
  });

  it('reach nested fields of the payload', async () => {
    const client = await connected();
    await client.subscribe('f', ON_FILTER, { filter: filterOf([['nested.level', 'between', [2, 4]]]) });
    await putItem(api.server, { id: 'e8', nested: { level: 1, label: 'low' } });
    await putItem(api.server, { id: 'e9', nested: { level: 3, label: 'mid' } });
    expect(await deliveredIds(client)).toEqual(['e9']);
  });

  it('give each subscriber its own filter', async () => {
    const client = await connected();
    await client.subscribe('ops', ON_FILTER, { filter: filterOf([['group', 'eq', 'ops']]) });
    await client.subscribe('dev', ON_FILTER, { filter: filterOf([['group', 'eq', 'dev']]) });
    await putItem(api.server, { id: 'e10', group: 'dev' });
    expect((await client.framesUntilSettled()).map((frame) => frame.id)).toEqual(['dev']);
  });

  it('beyond AppSync’s limits refuse the subscription with its message and errorCode 400', async () => {
    const client = await connected();
    client.start('many', ON_FILTER, { filter: filterOf([['id', 'in', ['1', '2', '3', '4', '5', '6']]]) });
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'many',
      payload: { errors: [{ message: 'subscription exceeds maximum value limit 5 for operator `in`.', errorCode: 400 }] },
    });
  });
});

describe('invalidation', () => {
  it('closes the subscriptions whose invalidation filter matches the mutation’s payload, with complete', async () => {
    const client = await connected();
    await client.subscribe('members', 'subscription { onGuarded(group: "team") { id } }');
    await request(api.server, 'mutation { removeGroup(group: "team") { group } }');
    expect(await client.next()).toEqual({ type: 'complete', id: 'members' });
  });

  it('delivers nothing more to an invalidated subscription', async () => {
    const client = await connected();
    await client.subscribe('members', 'subscription { onGuarded(group: "crew") { id } }');
    await request(api.server, 'mutation { removeGroup(group: "crew") { group } }');
    await client.expect('complete', 'members');
    await putItem(api.server, { id: 'i1', group: 'crew' });
    expect(await client.framesUntilSettled()).toEqual([]);
  });

  it('leaves the subscriptions whose invalidation filter does not match', async () => {
    const client = await connected();
    await client.subscribe('staying', 'subscription { onGuarded(group: "stays") { id } }');
    await request(api.server, 'mutation { removeGroup(group: "leaves") { group } }');
    await putItem(api.server, { id: 'i2', group: 'stays' });
    expect(await client.framesUntilSettled()).toEqual([{ type: 'data', id: 'staying', payload: { data: { onGuarded: { id: 'i2' } } } }]);
  });
});
