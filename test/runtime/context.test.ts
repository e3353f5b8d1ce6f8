// ctx as resolver-context-reference-js.html documents it.
import { describe, expect, test } from 'vitest';
import { evaluate, handlers, valueOf } from './support.ts';

describe('ctx', () => {
  test('args and arguments are the same object', () => {
    expect(valueOf(`ctx.args === ctx.arguments && ctx.args.id`, { arguments: { id: 'p1' } })).toBe('p1');
  });

  test('arguments is {} when the field has none', () => {
    expect(valueOf(`ctx.arguments`)).toEqual({});
  });

  test('info.selectionSetList and selectionSetGraphQL are readable but left out of JSON.stringify', () => {
    const context = { info: { fieldName: 'poll', parentTypeName: 'Query', variables: {}, selectionSetList: ['id', 'title'], selectionSetGraphQL: '{\n  id\n  title\n}' } };
    expect(valueOf(`[ctx.info.selectionSetList, ctx.info.selectionSetGraphQL, JSON.parse(JSON.stringify(ctx.info))]`, context)).toEqual([
      ['id', 'title'],
      '{\n  id\n  title\n}',
      { fieldName: 'poll', parentTypeName: 'Query', variables: {} },
    ]);
  });

  test('the stash a handler changes is returned by EvaluateCode as stash', () => {
    const output = evaluate(handlers(`ctx.stash.added = 1; delete ctx.stash.removed; return null;`), 'request', { stash: { kept: true, removed: 1 } });
    expect(JSON.parse(output.stash!)).toEqual({ kept: true, added: 1 });
  });

  test('prev.result is what the previous step returned', () => {
    expect(valueOf(`ctx.prev.result`, { prev: { result: { items: [1] } } })).toEqual({ items: [1] });
  });

  test('a response handler sees result and error', () => {
    const output = evaluate(handlers(`return null;`, `return { result: ctx.result, error: ctx.error };`), 'response', {
      result: { id: 'x' },
      error: { message: 'failed', type: 'DynamoDB:ConditionalCheckFailedException' },
    });
    expect(output.result).toEqual({ result: { id: 'x' }, error: { message: 'failed', type: 'DynamoDB:ConditionalCheckFailedException' } });
  });

  test('identity, request.headers, request.domainName and env are passed as given', () => {
    const context = {
      identity: { sub: 'u1', username: 'ann', claims: {}, sourceIp: ['1.2.3.4'], defaultAuthStrategy: 'ALLOW', groups: null, issuer: 'x' },
      request: { headers: { 'x-custom': 'a' }, domainName: null },
      env: { STAGE: 'test' },
    };
    expect(valueOf(`[ctx.identity.username, ctx.request.headers['x-custom'], ctx.request.domainName, ctx.env.STAGE]`, context)).toEqual([
      'ann',
      'a',
      null,
      'test',
    ]);
  });

  test('env is read-only', () => {
    expect(evaluate(handlers(`ctx.env.STAGE = 'prod'; return ctx.env.STAGE;`), 'request', { env: { STAGE: 'test' } }).error?.message).toMatch(
      /Cannot assign to read only property 'STAGE'/,
    );
  });

  test('source is null at the root', () => {
    expect(valueOf(`ctx.source`)).toBeNull();
  });
});
