// One API with AWS_IAM (the default) and AWS_LAMBDA (additional): a SigV4-signed
// backend and a caller with an authorizer token each reach the fields their directive
// opens, and each is refused where its directive is absent. A SigV4 Authorization
// header is IAM's, never sent to the authorizer.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { writeNoneApi } from '../support/none-api.ts';
import { signedFetchHeaders } from '../support/sigv4.ts';
import { IAM_USER } from './modes-api.ts';

const AUTHORIZER = fileURLToPath(new URL('./fixtures/lambda-auth/authorizer.ts', import.meta.url));
const SCHEMA = /* GraphQL */ `
  type Query {
    iamOnly: String @aws_iam
    lambdaOnly: String @aws_lambda
    both: String @aws_iam @aws_lambda
    whoami: String @aws_iam @aws_lambda
  }
`;
const constant = (text: string) => `export const request = () => ({ payload: ${JSON.stringify(text)} });\nexport const response = (ctx) => ctx.result;`;

let server: LocalAppSync;
beforeAll(async () => {
  const declaration = writeNoneApi({
    name: 'iam-and-lambda',
    schema: SCHEMA,
    resolvers: {
      'Query.iamOnly': constant('for IAM'),
      'Query.lambdaOnly': constant('for the authorizer'),
      'Query.both': constant('for both'),
      'Query.whoami': "import { util } from '@aws-appsync/utils';\nexport const request = () => ({ payload: null });\nexport const response = () => util.authType();",
    },
    authorization: { default: 'AWS_IAM', additional: ['AWS_LAMBDA'], iam: { users: [IAM_USER] }, lambdaAuthorizer: { function: 'authorizer' } },
    more: { lambdaFunctions: { authorizer: { handler: `${AUTHORIZER}#handler` } } },
  });
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null });
});
afterAll(() => server?.close());

async function call(query: string, as: 'iam' | 'lambda' | 'forged') {
  const body = JSON.stringify({ query });
  const headers =
    as === 'lambda'
      ? { authorization: 'allow-ivy' }
      : await signedFetchHeaders(server.url, body, as === 'iam' ? IAM_USER : { ...IAM_USER, secretAccessKey: 'not-the-secret' });
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { errorType: string; path?: string[] }[] } };
}

const refusals = (errors: { errorType: string; path?: string[] }[] = []) => errors.map((e) => [e.path?.[0], e.errorType]);

describe('AWS_IAM and AWS_LAMBDA in one API', () => {
  it('lets a SigV4-signed caller read the @aws_iam fields, as IAM Authorization', async () => {
    const { status, body } = await call('{ iamOnly both whoami }', 'iam');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { iamOnly: 'for IAM', both: 'for both', whoami: 'IAM Authorization' } });
  });

  it("lets the authorizer's caller read the @aws_lambda fields, as Lambda Authorization", async () => {
    const { status, body } = await call('{ lambdaOnly both whoami }', 'lambda');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { lambdaOnly: 'for the authorizer', both: 'for both', whoami: 'Lambda Authorization' } });
  });

  it('refuses the SigV4-signed caller a field without @aws_iam', async () => {
    const { body } = await call('{ lambdaOnly both }', 'iam');
    expect(body.data).toEqual({ lambdaOnly: null, both: 'for both' });
    expect(refusals(body.errors)).toEqual([['lambdaOnly', 'Unauthorized']]);
  });

  it("refuses the authorizer's caller a field without @aws_lambda", async () => {
    const { body } = await call('{ iamOnly both }', 'lambda');
    expect(body.data).toEqual({ iamOnly: null, both: 'for both' });
    expect(refusals(body.errors)).toEqual([['iamOnly', 'Unauthorized']]);
  });

  it('refuses a wrong signature as IAM does, without asking the authorizer', async () => {
    const { status, body } = await call('{ both }', 'forged');
    expect(status).toBe(403);
    expect(body.errors![0]!.errorType).toBe('InvalidSignatureException');
  });
});
