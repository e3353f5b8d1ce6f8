// Reading a rendered request template: its version, by AppSync's rules.
import { describe, expect, test } from 'vitest';
import { readRequest } from '../../local/vtl/requests.ts';

describe('the version of a request', () => {
  test("a function's request without a version takes the function's FunctionVersion (Amplify Gen 2 renders `{}`)", () => {
    expect(readRequest({}, 'function')).toEqual({ ok: true, request: {}, version: '2018-05-29' });
  });

  test("a unit resolver's request must give its version", () => {
    const read = readRequest({ operation: 'GetItem' }, 'resolver');
    expect(read.ok ? undefined : read.error.message).toBe("Value for field '$[version]' not found.");
  });

  test("the version a function's request gives is kept", () => {
    expect(readRequest({ version: '2018-05-29', payload: 1 }, 'function')).toEqual({ ok: true, request: { version: '2018-05-29', payload: 1 }, version: '2018-05-29' });
  });
});
