// Query, Scan and Sync through the DynamoDB data source, on every engine: {items, nextToken, scannedCount}
// (Sync: {items, nextToken, startedAt}), opaque page tokens, index, limit, scanIndexForward, select,
// filter and projection. Sources: js-aws-appsync-resolver-reference-dynamodb-{query,scan,sync}.html.
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, partition, typedMap, useEngine } from './support/engines.ts';

describe.each(ENGINES)('DynamoDB reads on %s', (engine) => {
  const ds = useEngine(engine);

  /** Five items in one partition: sk a..e, rank 5..1, type per partition. */
  async function fivePartitionItems() {
    const pk = partition();
    for (const [i, sk] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      await ds.result({ operation: 'PutItem', key: typedMap({ pk, sk }), attributeValues: typedMap({ rank: 5 - i, type: pk, createdAt: `2026-01-0${i + 1}`, even: i % 2 === 0, body: 'x' }) });
    }
    return pk;
  }
  const inPartition = (pk: string) => ({ expression: 'pk = :pk', expressionValues: typedMap({ ':pk': pk }) });

  describe('Query', () => {
    it('answers {items, nextToken, scannedCount} with items in sort key order', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', query: inPartition(pk) });
      expect(page.items.map((i: any) => i.sk)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(page.nextToken).toBeNull();
      expect(page.scannedCount).toBe(5);
    });

    it('reads backwards when scanIndexForward is false', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', query: inPartition(pk), scanIndexForward: false });
      expect(page.items.map((i: any) => i.sk)).toEqual(['e', 'd', 'c', 'b', 'a']);
    });

    it('pages through every item with limit and the opaque nextToken, none twice', async () => {
      const pk = await fivePartitionItems();
      const seen: string[] = [];
      let nextToken: string | null = null;
      let pages = 0;
      do {
        const page: any = await ds.result({ operation: 'Query', query: inPartition(pk), limit: 2, ...(nextToken ? { nextToken } : {}) });
        seen.push(...page.items.map((i: any) => i.sk));
        nextToken = page.nextToken;
        pages++;
      } while (nextToken && pages < 10);
      expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(pages).toBe(3);
    });

    it('refuses a nextToken made by a query of another index', async () => {
      const pk = await fivePartitionItems();
      const first = await ds.result({ operation: 'Query', query: inPartition(pk), limit: 1 });
      const other = await ds.invoke({
        operation: 'Query',
        index: 'byType',
        query: { expression: '#t = :t', expressionNames: { '#t': 'type' }, expressionValues: typedMap({ ':t': pk }) },
        nextToken: first.nextToken,
      });
      expect(other.error?.type).toBe('DynamoDB:DynamoDbException');
    });

    it('filters after reading: scannedCount counts the items read, items only those that pass', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', query: inPartition(pk), filter: { expression: 'even = :t', expressionValues: typedMap({ ':t': true }) } });
      expect(page.items.map((i: any) => i.sk)).toEqual(['a', 'c', 'e']);
      expect(page.scannedCount).toBe(5);
    });

    it('queries a global secondary index named by index', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({
        operation: 'Query',
        index: 'byType',
        query: { expression: '#t = :t AND createdAt >= :from', expressionNames: { '#t': 'type' }, expressionValues: typedMap({ ':t': pk, ':from': '2026-01-04' }) },
      });
      expect(page.items.map((i: any) => i.sk)).toEqual(['d', 'e']);
    });

    it('orders by a local secondary index sort key', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', index: 'byRank', query: inPartition(pk), consistentRead: true });
      expect(page.items.map((i: any) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    });

    it('answers only the projected attributes', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', query: inPartition(pk), limit: 1, projection: { expression: 'sk, #r', expressionNames: { '#r': 'rank' } } });
      expect(page.items).toEqual([{ sk: 'a', rank: 5 }]);
    });

    it('passes select to DynamoDB: SPECIFIC_ATTRIBUTES with a projection', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', query: inPartition(pk), limit: 1, select: 'SPECIFIC_ATTRIBUTES', projection: { expression: 'sk' } });
      expect(page.items).toEqual([{ sk: 'a' }]);
    });

    it('passes select to DynamoDB: ALL_PROJECTED_ATTRIBUTES on an index answers what the index projects', async () => {
      const pk = await fivePartitionItems();
      const page = await ds.result({ operation: 'Query', index: 'byRank', query: inPartition(pk), limit: 1, select: 'ALL_PROJECTED_ATTRIBUTES' });
      expect(page.items).toEqual([{ pk, sk: 'e', rank: 1, type: pk, createdAt: '2026-01-05', even: true, body: 'x' }]);
    });
  });

  describe('Scan and Sync', () => {
    beforeAll(async () => {
      for (let id = 0; id < 10; id++) {
        await ds.result({ operation: 'PutItem', key: typedMap({ id }), attributeValues: typedMap({ odd: id % 2 === 1, _lastChangedAt: 1000 * id }) }, 'Scanned');
      }
    });
    const ids = (items: any[]) => items.map((i) => i.id).sort((a, b) => a - b);

    it('Scan reads every item of the table', async () => {
      const page = await ds.result({ operation: 'Scan' }, 'Scanned');
      expect(ids(page.items)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(page).toMatchObject({ nextToken: null, scannedCount: 10 });
    });

    it('Scan pages with limit and nextToken', async () => {
      const first = await ds.result({ operation: 'Scan', limit: 6 }, 'Scanned');
      const second = await ds.result({ operation: 'Scan', limit: 6, nextToken: first.nextToken }, 'Scanned');
      expect(first.items).toHaveLength(6);
      expect(ids([...first.items, ...second.items])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('Scan with segment and totalSegments splits the table into disjoint parts', async () => {
      const parts = await Promise.all([0, 1].map((segment) => ds.result({ operation: 'Scan', segment, totalSegments: 2 }, 'Scanned')));
      expect(ids([...parts[0].items, ...parts[1].items])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('Scan filters', async () => {
      const page = await ds.result({ operation: 'Scan', filter: { expression: 'odd = :t', expressionValues: typedMap({ ':t': true }) } }, 'Scanned');
      expect(ids(page.items)).toEqual([1, 3, 5, 7, 9]);
    });

    it('Sync answers {items, nextToken, startedAt}', async () => {
      const before = Date.now();
      const page = await ds.result({ operation: 'Sync', limit: 100 }, 'Scanned');
      expect(ids(page.items)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(page.nextToken).toBeNull();
      expect(page.startedAt).toBeGreaterThanOrEqual(before);
    });

    it('Sync with lastSync answers the items changed since', async () => {
      const page = await ds.result({ operation: 'Sync', lastSync: 6500 }, 'Scanned');
      expect(ids(page.items)).toEqual([7, 8, 9]);
    });

    it('Sync refuses a limit above 1000', async () => {
      const answer = await ds.invoke({ operation: 'Sync', limit: 1001 }, 'Scanned');
      expect(answer.error?.type).toBe('DynamoDB:DynamoDbException');
    });
  });
});
