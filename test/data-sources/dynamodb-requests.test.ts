// Malformed request objects get AppSync's MappingTemplate errors before any engine is asked, and every
// failure arrives as ctx.error instead of a rejected promise. These never reach an engine, so a recording
// engine stands in for one. Sources: troubleshooting-and-common-mistakes.html ("Value for field
// '$[operation]' not found." also for an operation name AppSync does not know); aws-appsync-community#217
// ("Unsupported element '$[hasCustomPartitionKey]'." for a field the operation does not take).
import { describe, expect, it } from 'vitest';
import { dynamoDbDataSource } from '../../local/data-sources/dynamodb/index.ts';
import { DynamoDbEngineError, type DynamoDbEngine } from '../../local/store/engine.ts';

function recordingEngine(answer: (action: string, input: Record<string, unknown>) => unknown = () => ({})) {
  const calls: { action: string; input: Record<string, any> }[] = [];
  const engine: DynamoDbEngine = {
    name: 'recording',
    async call(action, input) {
      calls.push({ action, input });
      return answer(action, input) as never;
    },
    async close() {},
  };
  return { calls, source: dynamoDbDataSource('test', 'Things', engine) };
}

const mappingTemplate = (message: string) => ({ error: { type: 'MappingTemplate', message } });

describe('malformed DynamoDB request objects', () => {
  it('a request without operation gets "Value for field \'$[operation]\' not found."', async () => {
    const { source, calls } = recordingEngine();
    expect(await source.invoke({ key: { id: { S: 'a' } } })).toEqual(mappingTemplate("Value for field '$[operation]' not found."));
    expect(calls).toEqual([]);
  });

  it('an operation name AppSync does not know gets the same answer as a missing one', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke({ operation: 'GetItems', key: {} })).toEqual(mappingTemplate("Value for field '$[operation]' not found."));
  });

  it('a request that is not an object (a NONE-style {payload} or null) is refused, not thrown', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke(null)).toEqual(mappingTemplate("Value for field '$[operation]' not found."));
    expect(await source.invoke({ payload: { a: 1 } })).toEqual(mappingTemplate("Value for field '$[operation]' not found."));
  });

  it('a missing required field is named: GetItem without key', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke({ operation: 'GetItem' })).toEqual(mappingTemplate("Value for field '$[key]' not found."));
  });

  it('a missing field inside an expression is named by its path: UpdateItem update without expression', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke({ operation: 'UpdateItem', key: { id: { S: 'a' } }, update: { expressionNames: {} } })).toEqual(
      mappingTemplate("Value for field '$[update][expression]' not found."),
    );
  });

  it('a field the operation does not take is refused: UpdateItem with returnValues', async () => {
    const { source } = recordingEngine();
    const answer = await source.invoke({ operation: 'UpdateItem', key: { id: { S: 'a' } }, update: { expression: 'SET a = :a', expressionValues: { ':a': { S: 'x' } } }, returnValues: 'ALL_NEW' });
    expect(answer).toEqual(mappingTemplate("Unsupported element '$[returnValues]'."));
  });

  it('a plain value where a typed value belongs is refused with its path', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke({ operation: 'GetItem', key: { id: 'a' } })).toEqual(
      mappingTemplate("Expected JSON object for attribute value '$[key][id]' but got 'STRING' instead."),
    );
  });

  it('a typed value of a type DynamoDB does not have is refused', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke({ operation: 'PutItem', key: { id: { S: 'a' } }, attributeValues: { n: { INT: 1 } } })).toEqual(
      mappingTemplate("Unsupported element '$[attributeValues][n][INT]'."),
    );
  });

  it('a batch request without tables, or with none in it, is refused', async () => {
    const { source } = recordingEngine();
    expect(await source.invoke({ operation: 'BatchGetItem' })).toEqual(mappingTemplate("Value for field '$[tables]' not found."));
    expect(await source.invoke({ operation: 'BatchPutItem', tables: {} })).toEqual(mappingTemplate("Value for field '$[tables]' not found."));
  });

  it('the Custom conditionalCheckFailedHandler strategy is refused: it needs a Lambda function', async () => {
    const { source, calls } = recordingEngine();
    const answer = await source.invoke({ operation: 'PutItem', key: { id: { S: 'a' } }, condition: { expression: 'attribute_not_exists(id)', conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:x' } } });
    expect(answer.error?.type).toBe('MappingTemplate');
    expect(calls).toEqual([]);
  });

  it('a nextToken that was not made by this data source is refused', async () => {
    const { source } = recordingEngine();
    const answer = await source.invoke({ operation: 'Scan', nextToken: 'not-a-token' });
    expect(answer.error?.type).toBe('DynamoDB:DynamoDbException');
    expect(answer.error?.message).toMatch(/^Invalid pagination token given\./);
  });
});

describe('what a request object becomes on the wire', () => {
  it('numbers become strings and {NULL: null} becomes {NULL: true}', async () => {
    const { source, calls } = recordingEngine();
    await source.invoke({ operation: 'PutItem', key: { id: { S: 'a' } }, attributeValues: { n: { N: 12 }, ns: { NS: [1, 2] }, z: { NULL: null }, l: { L: [{ N: 3 }] } } });
    expect(calls[0]!.input.Item).toEqual({ id: { S: 'a' }, n: { N: '12' }, ns: { NS: ['1', '2'] }, z: { NULL: true }, l: { L: [{ N: '3' }] } });
  });

  it('GetItem reads eventually consistent unless consistentRead is true', async () => {
    const { source, calls } = recordingEngine();
    await source.invoke({ operation: 'GetItem', key: { id: { S: 'a' } } });
    await source.invoke({ operation: 'GetItem', key: { id: { S: 'a' } }, consistentRead: true });
    expect(calls.map((c) => c.input.ConsistentRead)).toEqual([false, true]);
  });

  it('the condition of a failed write is checked with a strongly consistent read unless condition.consistentRead is false', async () => {
    const failing = () => recordingEngine((action) => {
      if (action === 'PutItem') throw new DynamoDbEngineError('ConditionalCheckFailedException', 'The conditional request failed');
      return {};
    });
    const strong = failing();
    await strong.source.invoke({ operation: 'PutItem', key: { id: { S: 'a' } }, condition: { expression: 'attribute_not_exists(id)' } });
    const eventual = failing();
    await eventual.source.invoke({ operation: 'PutItem', key: { id: { S: 'a' } }, condition: { expression: 'attribute_not_exists(id)', consistentRead: false } });
    expect([strong.calls[1], eventual.calls[1]].map((c) => [c!.action, c!.input.ConsistentRead])).toEqual([['GetItem', true], ['GetItem', false]]);
  });

  it('the names and values of condition and update share one pair of maps', async () => {
    const { source, calls } = recordingEngine();
    await source.invoke({
      operation: 'UpdateItem',
      key: { id: { S: 'a' } },
      update: { expression: 'SET #v = :v', expressionNames: { '#v': 'votes' }, expressionValues: { ':v': { N: 1 } } },
      condition: { expression: '#o = :o', expressionNames: { '#o': 'open' }, expressionValues: { ':o': { BOOL: true } } },
    });
    expect(calls[0]!.input).toMatchObject({
      ExpressionAttributeNames: { '#v': 'votes', '#o': 'open' },
      ExpressionAttributeValues: { ':v': { N: '1' }, ':o': { BOOL: true } },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('Query passes index, limit, scanIndexForward, consistentRead and select through', async () => {
    const { source, calls } = recordingEngine();
    await source.invoke({ operation: 'Query', query: { expression: 'pk = :p', expressionValues: { ':p': { S: 'x' } } }, index: 'byType', limit: 5, scanIndexForward: false, consistentRead: true, select: 'ALL_PROJECTED_ATTRIBUTES' });
    expect(calls[0]!.input).toMatchObject({ TableName: 'Things', IndexName: 'byType', Limit: 5, ScanIndexForward: false, ConsistentRead: true, Select: 'ALL_PROJECTED_ATTRIBUTES' });
  });
});

describe('what the engine leaves unprocessed', () => {
  // The local engines never throttle, so an engine that leaves work unprocessed is recorded here.
  it('BatchGetItem answers null in place of an unprocessed key and lists the key under unprocessedKeys', async () => {
    const { source } = recordingEngine(() => ({
      Responses: { Things: [{ id: { S: 'b' }, n: { N: '2' } }] },
      UnprocessedKeys: { Things: { Keys: [{ id: { S: 'a' } }] } },
    }));
    const answer = await source.invoke({ operation: 'BatchGetItem', tables: { Things: { keys: [{ id: { S: 'a' } }, { id: { S: 'b' } }] } } });
    expect(answer).toEqual({ result: { data: { Things: [null, { id: 'b', n: 2 }] }, unprocessedKeys: { Things: [{ id: 'a' }] } } });
  });

  it('BatchPutItem answers null in place of an unprocessed item and lists it under unprocessedItems', async () => {
    const { source } = recordingEngine(() => ({ UnprocessedItems: { Things: [{ PutRequest: { Item: { id: { S: 'b' }, n: { N: '2' } } } }] } }));
    const answer = await source.invoke({ operation: 'BatchPutItem', tables: { Things: [{ id: { S: 'a' } }, { id: { S: 'b' }, n: { N: 2 } }] } });
    expect(answer).toEqual({ result: { data: { Things: [{ id: 'a' }, null] }, unprocessedItems: { Things: [{ id: 'b', n: 2 }] } } });
  });

  it('BatchDeleteItem answers null in place of an unprocessed key and lists it under unprocessedKeys', async () => {
    const { source } = recordingEngine(() => ({ UnprocessedItems: { Things: [{ DeleteRequest: { Key: { id: { S: 'a' } } } }] } }));
    const answer = await source.invoke({ operation: 'BatchDeleteItem', tables: { Things: [{ id: { S: 'a' } }, { id: { S: 'b' } }] } });
    expect(answer).toEqual({ result: { data: { Things: [null, { id: 'b' }] }, unprocessedKeys: { Things: [{ id: 'a' }] } } });
  });
});

describe('failures never escape the data source', () => {
  it('an engine that cannot be reached answers ctx.error, not a rejected promise', async () => {
    const { source } = recordingEngine(() => {
      throw new DynamoDbEngineError('InternalServerError', 'dynalite: connect ECONNREFUSED');
    });
    const answer = await source.invoke({ operation: 'GetItem', key: { id: { S: 'a' } } });
    expect(answer.error?.type).toBe('DynamoDB:InternalServerError');
  });

  it('an unexpected failure inside the engine answers ctx.error too', async () => {
    const { source } = recordingEngine(() => {
      throw new TypeError('boom');
    });
    const answer = await source.invoke({ operation: 'Scan' });
    expect(answer.error?.message).toMatch(/boom/);
  });
});
