// A VTL request template for a Lambda or HTTP data source carries `version` (2018-05-29),
// as Amplify's generated `Invoke` template does: the data source reads past it, as the
// DynamoDB one does, instead of refusing it as an unknown element.
import { describe, expect, it } from 'vitest';
import { httpRequest } from '../../local/data-sources/http/request.ts';
import { lambdaDataSource } from '../../local/data-sources/lambda/index.ts';
import type { LocalLambdaFunction } from '../../local/functions/runner.ts';

describe('a request with the VTL template version', () => {
  it('invokes a Lambda function with its payload', async () => {
    const echo = { invoke: async (payload: unknown) => ({ ok: true, result: payload }) } as unknown as LocalLambdaFunction;
    const answer = await lambdaDataSource('Echo', echo).invoke({ version: '2018-05-29', operation: 'Invoke', payload: { n: 1 } });
    expect(answer).toEqual({ result: { n: 1 } });
  });

  it('is an HTTP request like any other', () => {
    expect(httpRequest({ version: '2018-05-29', method: 'GET', resourcePath: '/items' })).toMatchObject({ method: 'GET', resourcePath: '/items' });
  });
});
