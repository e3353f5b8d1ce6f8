// AWS_LAMBDA data sources (resolver-reference-lambda-js.html, direct-lambda-reference.html)
// through the local AppSync over real HTTP: Invoke and BatchInvoke from resolver code,
// direct Lambda resolvers with AppSync's default event, the function's context and
// environment, and each way a function fails — a field error, never a dead server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { graphql, startServices } from './support/services.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startServices();
});
afterAll(() => server?.close());

const query = (text: string, variables?: Record<string, unknown>) => graphql(server, text, variables);

describe('Invoke', () => {
  it('sends the payload the request handler returned and gives the function result as ctx.result', async () => {
    const { body } = await query('query { greet(name: "Ada") }');
    expect(body).toEqual({ data: { greet: 'Hello, Ada!' } });
  });

  it("gives the function Lambda's context object and its declared environment, not the server's", async () => {
    const { body } = await query('query { functionContext }');
    const seen = JSON.parse(body.data.functionContext);
    expect(seen).toMatchObject({
      functionName: 'contextInfo',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:contextInfo',
      memoryLimitInMB: '256',
      env: { STAGE: 'test', AWS_LAMBDA_FUNCTION_NAME: 'contextInfo', HOME: null },
    });
    expect(seen.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.remaining).toBeGreaterThan(5_000);
    expect(seen.remaining).toBeLessThanOrEqual(7_000);
  });

  it('keeps module state between invocations of a warm function, as Lambda does', async () => {
    const first = JSON.parse((await query('query { functionContext }')).body.data.functionContext).invocations;
    const second = JSON.parse((await query('query { functionContext }')).body.data.functionContext).invocations;
    expect(second).toBe(first + 1);
  });
});

describe('a failing function', () => {
  it("is ctx.error with type Lambda:Unhandled, the thrown message, and the function's errorType as unhandledErrorType", async () => {
    const { body } = await query('query { lambdaError(kind: "throw") { message type unhandledErrorType } }');
    expect(body.data.lambdaError).toEqual({ message: 'The title is too long', type: 'Lambda:Unhandled', unhandledErrorType: 'ValidationError' });
  });

  it('that runs past its timeout is stopped and answers Sandbox.Timedout', async () => {
    const { body } = await query('query { lambdaError(kind: "hang") { message type unhandledErrorType } }');
    expect(body.data.lambdaError).toEqual({
      message: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/),
      type: 'Lambda:Unhandled',
      unhandledErrorType: 'Sandbox.Timedout',
    });
  });

  it('that exits the process is Runtime.ExitError, and the next call gets a fresh environment', async () => {
    const { body } = await query('query { lambdaError(kind: "exit") { type unhandledErrorType } }');
    expect(body.data.lambdaError).toEqual({ type: 'Lambda:Unhandled', unhandledErrorType: 'Runtime.ExitError' });
    const after = await query('query { lambdaError(kind: "ok") { message } }');
    expect(after.body.data.lambdaError).toEqual({ message: 'no error: fine (ok)' });
  });

  it('that runs out of memory is Runtime.OutOfMemory', async () => {
    const { body } = await query('query { hungry(kind: "oom") { type unhandledErrorType } }');
    expect(body.data.hungry).toEqual({ type: 'Lambda:Unhandled', unhandledErrorType: 'Runtime.OutOfMemory' });
  });

  it('that throws outside its promise loses its environment and answers an error', async () => {
    const { body } = await query('query { lambdaError(kind: "unhandled") { message type } }');
    expect(body.data.lambdaError).toEqual({ message: "thrown later", type: "Lambda:Unhandled" });
  });

  it('behind a direct resolver is the field error, with the message the function threw', async () => {
    const { status, body } = await query('query { failingDirect(kind: "throw") }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ failingDirect: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['failingDirect'], errorType: 'Lambda:Unhandled', message: 'The title is too long' }),
    ]);
  });

  it('leaves the server serving', async () => {
    await Promise.all(['hang', 'exit', 'throw'].map((kind) => query(`query { failingDirect(kind: "${kind}") }`)));
    expect((await query('query { greet(name: "Grace") }')).body.data).toEqual({ greet: 'Hello, Grace!' });
  });
});

describe('direct Lambda resolvers', () => {
  it("send AppSync's default event: arguments, identity, source, request headers, info with the selection set, prev, stash", async () => {
    const { body } = await query('query Q($input: String) { directEvent(input: $input) }', { input: 'hi' });
    const event = JSON.parse(body.data.directEvent);
    expect(Object.keys(event).sort()).toEqual(['arguments', 'identity', 'info', 'prev', 'request', 'source', 'stash']);
    expect(event).toMatchObject({
      arguments: { input: 'hi' },
      identity: null,
      source: null,
      prev: null,
      stash: {},
      info: { fieldName: 'directEvent', parentTypeName: 'Query', variables: { input: 'hi' }, selectionSetList: [], selectionSetGraphQL: '' },
    });
    expect(event.request.headers['x-api-key']).toBe(server.apiKey);
  });

  it("in a pipeline get the pipeline's stash and the previous function's result as prev", async () => {
    const { body } = await query('query { pipelineDirect(name: "Ada") }');
    const event = JSON.parse(body.data.pipelineDirect);
    expect(event.stash).toEqual({ greeting: 'hi Ada' });
    expect(event.prev).toEqual({ result: { step: 'first' } });
    expect(event.arguments).toEqual({ name: 'Ada' });
  });
});

describe('BatchInvoke', () => {
  it("groups a list field's calls into lists of at most the resolver's maxBatchSize, answered item by item", async () => {
    const { body } = await query('query { authors { id batchSize } }');
    expect(body.data.authors).toEqual([
      { id: 'a1', batchSize: 2 },
      { id: 'a2', batchSize: 2 },
      { id: 'a3', batchSize: 2 },
      { id: 'a4', batchSize: 2 },
      { id: 'a5', batchSize: 1 },
    ]);
  });

  it('of a direct resolver sends the list of default events, each with its source', async () => {
    const { body } = await query('query { authors { bio } }');
    expect(body.data.authors.map((a: { bio: string }) => a.bio)).toEqual([
      'Ada (Author.bio, 1 of 5)',
      'Grace (Author.bio, 1 of 5)',
      'Edsger (Author.bio, 1 of 5)',
      'Barbara (Author.bio, 1 of 5)',
      'Donald (Author.bio, 1 of 5)',
    ]);
  });
});
