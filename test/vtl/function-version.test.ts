// A pipeline function's request template may leave `version` out, as Amplify's
// generated templates do ($util.toJson({}) before a NONE step): the function's
// FunctionVersion says it, and functions take only 2018-05-29. A unit resolver's
// template has nothing else to say it and must carry its own.
import { describe, expect, test } from 'vitest';
import { readRequest } from '../../local/vtl/requests.ts';

describe('a request template without version', () => {
  test('in a pipeline function is read as 2018-05-29, its FunctionVersion', () => {
    expect(readRequest({}, 'function')).toEqual({ ok: true, request: {}, version: '2018-05-29' });
  });

  test('in a unit resolver is refused as AppSync refuses it', () => {
    const read = readRequest({ operation: 'GetItem' }, 'resolver');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toBe("Value for field '$[version]' not found.");
  });
});
