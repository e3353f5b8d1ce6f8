// runtime.earlyReturn in every placement (runtime-utils-js.html).
import { describe, expect, test } from 'vitest';
import { handlers, recordingDataSource, resolve } from './support.ts';

// A function that records it ran in the stash and passes prev.result on, plus its own name.
const fn = (name: string, request = `return { name: '${name}' };`) =>
  handlers(`ctx.stash.ran = [...(ctx.stash.ran ?? []), '${name}.request']; ${request}`, `ctx.stash.ran = [...ctx.stash.ran, '${name}.response']; return [...(ctx.prev.result ?? []), '${name}'];`);
const resolver = handlers(`return [];`, `return { prev: ctx.prev.result, result: ctx.result, ran: ctx.stash.ran };`);

describe('runtime.earlyReturn', () => {
  test('in a unit resolver request handler: the value is the field value; data source and response are skipped', async () => {
    const dataSource = recordingDataSource();
    const { outcome } = await resolve({ code: handlers(`runtime.earlyReturn({ early: true });`, `return 'response ran';`), dataSource });
    expect(outcome).toMatchObject({ value: { early: true } });
    expect(dataSource.requests).toEqual([]);
  });

  test('in a pipeline resolver request handler: every function is skipped, the resolver response gets the value', async () => {
    const { outcome } = await resolve({
      code: handlers(`runtime.earlyReturn(['early']);`, `return { prev: ctx.prev.result, result: ctx.result, ran: ctx.stash.ran ?? [] };`),
      functions: [{ code: fn('a') }, { code: fn('b') }],
    });
    expect(outcome).toMatchObject({ value: { prev: ['early'], result: ['early'], ran: [] } });
  });

  test("in a function request handler: that function's data source and response are skipped, the next function runs", async () => {
    const skipped = recordingDataSource();
    const { outcome } = await resolve({
      code: resolver,
      functions: [{ code: fn('a', `runtime.earlyReturn(['a-early']);`), dataSource: skipped }, { code: fn('b') }],
    });
    expect(skipped.requests).toEqual([]);
    expect(outcome).toMatchObject({ value: { prev: ['a-early', 'b'], ran: ['a.request', 'b.request', 'b.response'] } });
  });

  test("with skipTo: 'NEXT': the same as without it", async () => {
    const { outcome } = await resolve({
      code: resolver,
      functions: [{ code: fn('a', `runtime.earlyReturn(['a-early'], { skipTo: 'NEXT' });`) }, { code: fn('b') }],
    });
    expect(outcome).toMatchObject({ value: { prev: ['a-early', 'b'], ran: ['a.request', 'b.request', 'b.response'] } });
  });

  test("with skipTo: 'END': the remaining functions are skipped, the resolver response gets the value", async () => {
    const { outcome } = await resolve({
      code: resolver,
      functions: [{ code: fn('a', `runtime.earlyReturn(['a-end'], { skipTo: 'END' });`) }, { code: fn('b') }],
    });
    expect(outcome).toMatchObject({ value: { prev: ['a-end'], result: ['a-end'], ran: ['a.request'] } });
  });

  test('without a value: the result is null', async () => {
    const { outcome } = await resolve({ code: handlers(`runtime.earlyReturn();`) });
    expect(outcome).toMatchObject({ kind: 'early', value: null });
  });
});
