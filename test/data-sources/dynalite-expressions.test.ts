// The embedded engine's expression memo (local/store/dynalite-expressions.ts): a request validated through the
// memo comes out exactly as dynalite's own validation makes it (the parsed expressions its actions run, or the
// same error), whether its shape was kept or not; what depends on values is checked on every call; the memo is
// bounded. Then the same through the engine itself, against dynalite as it ships.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpressionMemo, MAX_BYTES, MAX_SHAPES, withExpressionMemo } from '../../local/store/dynalite-expressions.ts';
import { startDynalite } from '../../local/store/dynalite.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { ensureTables } from '../../local/store/tables.ts';
import { TABLES } from './support/engines.ts';

const require = createRequire(import.meta.url);
const validations = require('dynalite/validations');

type Input = Record<string, unknown>;
/** dynalite's validation of one request, as the engine runs it: the request as its actions get it, or the error message. */
function validate(memo: ExpressionMemo | null, action: string, input: Input): { data: Input } | { error: string } {
  const validation = require(`dynalite/validations/${validations.toLowerFirst(action)}`);
  try {
    const data = validations.checkTypes(structuredClone(input), validation.types);
    withExpressionMemo(memo, () => validations.checkValidations(data, validation.types, validation.custom, {}));
    return { data };
  } catch (error) {
    return { error: (error as { body?: { message?: string } }).body?.message ?? String(error) };
  }
}
/** Validates through the memo and expects exactly dynalite's own result (prototypes included). */
function same(memo: ExpressionMemo, action: string, input: Input) {
  const memoised = validate(memo, action, input);
  expect(memoised).toStrictEqual(validate(null, action, input));
  return memoised;
}

const update = (expression: string, names: Record<string, string>, values: Input, condition?: string): Input => ({
  TableName: 'Counters',
  Key: { id: { S: 'a' } },
  UpdateExpression: expression,
  ...(condition ? { ConditionExpression: condition } : {}),
  ExpressionAttributeNames: names,
  ExpressionAttributeValues: values,
});

describe("the expression memo against dynalite's own parse", () => {
  it('gives a kept shape with other names and values what dynalite gives it', () => {
    const memo = new ExpressionMemo();
    const expression = 'ADD #n :one, #voters :one SET #inflight.#p = :seq, #at = :at REMOVE #old[2]';
    const condition = 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#p) OR #inflight.#p < :seq)';
    const names = (p: string) => ({ '#n': 'n', '#voters': 'voters', '#inflight': 'inflight', '#p': p, '#at': 'at', '#old': 'old', '#pk': 'id' });
    const values = (seq: number, at: string) => ({ ':one': { N: '1' }, ':seq': { N: String(seq) }, ':at': { S: at } });
    same(memo, 'UpdateItem', update(expression, names('alice'), values(1, 'x'), condition));
    expect(memo.counts).toMatchObject({ hits: 0, misses: 2 });
    const { data } = same(memo, 'UpdateItem', update(expression, names('bob'), values(7, 'y'), condition)) as { data: Input };
    expect(memo.counts).toMatchObject({ hits: 2, misses: 2 });
    // The values are this call's own objects, as dynalite's parse hands them to its actions.
    expect(JSON.stringify(data._updates)).toContain('"bob"');
    expect(JSON.stringify(data._condition)).toContain('{"N":"7"}');
  });

  it('gives a kept query shape (key condition, filter, projection) what dynalite gives it', () => {
    const memo = new ExpressionMemo();
    const query = (pk: string, prefix: string, min: number, names: Record<string, string>) => ({
      TableName: 'Things',
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      FilterExpression: 'size(#tags) > :min AND contains(#tags, :tag) AND #a.#b[1] <> :tag',
      ProjectionExpression: '#pk, #sk, #tags, #a.#b',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':pk': { S: pk }, ':prefix': { S: prefix }, ':min': { N: String(min) }, ':tag': { S: 'x' } },
    });
    const names = (a: string) => ({ '#pk': 'pk', '#sk': 'sk', '#tags': 'tags', '#a': a, '#b': 'b' });
    same(memo, 'Query', query('p1', 'q#', 1, names('meta')));
    same(memo, 'Query', query('p2', 'r#', 3, names('other')));
    expect(memo.counts).toMatchObject({ hits: 3, misses: 3 });
  });

  it('tells apart calls whose names are equal to each other in one and different in the other', () => {
    const memo = new ExpressionMemo();
    const twice = (a: string, b: string) => update('SET #a = :x, #b = :y', { '#a': a, '#b': b }, { ':x': { N: '1' }, ':y': { N: '2' } });
    same(memo, 'UpdateItem', twice('left', 'right'));
    expect(same(memo, 'UpdateItem', twice('same', 'same'))).toMatchObject({ error: expect.stringContaining('Two document paths overlap') });
    same(memo, 'UpdateItem', twice('up', 'down'));
    expect(memo.counts.hits).toBe(1);
  });

  it('does not take a shape from the memo when a name equals a word written in the expression', () => {
    const memo = new ExpressionMemo();
    const overlapping = (b: string) => update('SET a = :x, #b = :y', { '#b': b }, { ':x': { N: '1' }, ':y': { N: '2' } });
    same(memo, 'UpdateItem', overlapping('c'));
    expect(same(memo, 'UpdateItem', overlapping('a'))).toMatchObject({ error: expect.stringContaining('Two document paths overlap') });
  });

  it('still refuses an invalid value on a kept shape', () => {
    const memo = new ExpressionMemo();
    const setTo = (value: unknown) => update('SET #n = :v', { '#n': 'n' }, { ':v': value });
    same(memo, 'UpdateItem', setTo({ N: '1' }));
    expect(same(memo, 'UpdateItem', setTo({ N: 'one' }))).toMatchObject({ error: expect.stringContaining('ExpressionAttributeValues contains invalid value') });
    expect(same(memo, 'UpdateItem', setTo({ SS: [] }))).toMatchObject({ error: expect.stringContaining('ExpressionAttributeValues contains invalid value') });
  });

  it("still refuses a value of the wrong type for the shape's operator", () => {
    const memo = new ExpressionMemo();
    const add = (value: unknown) => update('ADD #n :v', { '#n': 'n' }, { ':v': value });
    same(memo, 'UpdateItem', add({ N: '1' }));
    expect(same(memo, 'UpdateItem', add({ S: 'one' }))).toMatchObject({ error: expect.stringContaining('Incorrect operand type') });
  });

  it('still refuses an unused name or value on a kept shape', () => {
    const memo = new ExpressionMemo();
    same(memo, 'UpdateItem', update('SET #n = :v', { '#n': 'n' }, { ':v': { N: '1' } }));
    expect(same(memo, 'UpdateItem', update('SET #n = :v', { '#n': 'n', '#m': 'm' }, { ':v': { N: '1' } }))).toMatchObject({ error: expect.stringContaining('unused in expressions') });
    expect(same(memo, 'UpdateItem', update('SET #n = :v', { '#n': 'n' }, { ':v': { N: '1' }, ':w': { N: '2' } }))).toMatchObject({ error: expect.stringContaining('unused in expressions') });
  });

  it('never keeps BETWEEN or attribute_type, whose parse reads the values', () => {
    const memo = new ExpressionMemo();
    const between = (low: string, high: string) => update('SET #n = :low', { '#n': 'n' }, { ':low': { N: low }, ':high': { N: high } }, '#n BETWEEN :low AND :high');
    same(memo, 'UpdateItem', between('1', '5'));
    expect(same(memo, 'UpdateItem', between('5', '1'))).toMatchObject({ error: expect.stringContaining('BETWEEN operator requires upper bound') });
    const typed = (type: string) => update('SET #n = :t', { '#n': 'n' }, { ':t': { S: type } }, 'attribute_type(#n, :t)');
    same(memo, 'UpdateItem', typed('N'));
    expect(same(memo, 'UpdateItem', typed('Number'))).toMatchObject({ error: expect.stringContaining('Invalid attribute type name') });
    expect(memo.size).toBe(2); // the two update expressions only
    expect(memo.counts).toMatchObject({ hits: 2, bypassed: 4 });
  });

  it('parses an expression that fails to parse each time, with dynalite\'s error', () => {
    const memo = new ExpressionMemo();
    const broken = update('SET #n = :v,', { '#n': 'n' }, { ':v': { N: '1' } });
    expect(same(memo, 'UpdateItem', broken)).toMatchObject({ error: expect.stringContaining('Syntax error') });
    same(memo, 'UpdateItem', broken);
    expect(memo.counts.hits).toBe(0);
    expect(memo.size).toBe(0);
  });

  it(`keeps at most ${MAX_SHAPES} shapes, the newest among them`, () => {
    const memo = new ExpressionMemo();
    const numbered = (i: number) => update(`SET #n = :v, a${i} = :v`, { '#n': 'n' }, { ':v': { N: String(i) } });
    for (let i = 0; i < MAX_SHAPES + 100; i++) validate(memo, 'UpdateItem', numbered(i));
    expect(memo.size).toBe(MAX_SHAPES);
    expect(memo.bytes).toBeLessThanOrEqual(MAX_BYTES);
    const hits = memo.counts.hits;
    same(memo, 'UpdateItem', numbered(MAX_SHAPES + 99));
    expect(memo.counts.hits).toBe(hits + 1);
  });
});

describe('the embedded engine with the memo, against dynalite as it ships', () => {
  let engines: DynamoDbEngine[];
  beforeAll(async () => {
    engines = [await startDynalite({ path: null }), await startDynalite({ path: null, asShipped: true })];
    for (const engine of engines) await ensureTables(engine, TABLES);
  });
  afterAll(async () => {
    for (const engine of engines ?? []) await engine.close();
  });
  /** The same call on both engines: the same answer or the same error. */
  const both = async (action: string, input: Input) => {
    const [memoised, shipped] = await Promise.all(
      engines.map((engine) => engine.call(action, structuredClone(input)).then((answer) => ({ answer }), (error) => ({ type: error.type, message: error.message }))),
    );
    expect(memoised).toEqual(shipped);
    return memoised;
  };

  it('answers a run of one shape with changing values as dynalite does, refusals included', async () => {
    const step = (participant: string, seq: number) => ({
      ...update('ADD #votes :one SET #inflight.#p = :seq', { '#votes': 'votes', '#inflight': 'inflight', '#p': participant, '#id': 'id' }, { ':one': { N: '1' }, ':seq': { N: String(seq) } },
        'attribute_not_exists(#id) OR attribute_not_exists(#inflight.#p) OR #inflight.#p < :seq'),
      ReturnValues: 'ALL_NEW',
    });
    await both('UpdateItem', update('SET #inflight = :empty', { '#inflight': 'inflight' }, { ':empty': { M: {} } }));
    expect(await both('UpdateItem', step('alice', 1))).toHaveProperty('answer.Attributes.votes', { N: '1' });
    expect(await both('UpdateItem', step('bob', 1))).toHaveProperty('answer.Attributes.votes', { N: '2' });
    expect(await both('UpdateItem', step('alice', 1))).toMatchObject({ type: 'ConditionalCheckFailedException' });
    expect(await both('UpdateItem', step('alice', 2))).toHaveProperty('answer.Attributes.inflight.M.alice', { N: '2' });
    expect(await both('UpdateItem', { ...step('carol', 1), ExpressionAttributeValues: { ':one': { N: '1e500' }, ':seq': { N: '1' } } })).toMatchObject({ type: 'ValidationException' });
  });
});
