// AWS_IAM: SigV4-signed requests (service `appsync`) as a Node backend signs
// them with @smithy/signature-v4, on HTTP and on the real-time endpoint, checked
// against the IAM users the local AppSync is given; refusals as AWS's SigV4 front
// door words them; ctx.identity as AppSync fills it for an IAM user.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIamUser, readIamUsersFile } from '../../local/auth/iam.ts';
import type { LocalAppSync } from '../../local/server.ts';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.ts';
import { signedFetchHeaders, signPost, type AwsCredentials } from '../support/sigv4.ts';
import { ACCOUNT_ID, IAM_USER, post, realtimeWithHeader, startModesApi } from './modes-api.ts';

const WHOAMI = JSON.stringify({ query: '{ whoami }' });
const FILE_USER = { name: 'reporting', accessKeyId: 'AKIAREPORTING0000001', secretAccessKey: 'reporting/secret+key' };

let issuer: OidcIssuer;
let server: LocalAppSync;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  const folder = mkdtempSync(join(tmpdir(), 'handsup-iam-'));
  writeFileSync(join(folder, 'iam-users'), `# name:accessKeyId:secretAccessKey\n${FILE_USER.name}:${FILE_USER.accessKeyId}:${FILE_USER.secretAccessKey}\n`);
  server = await startModesApi(issuer.issuer, { iamUsers: readIamUsersFile(join(folder, 'iam-users')) });
});
afterAll(async () => {
  await server?.close();
  await issuer?.close();
});

const signedPost = async (body: string, credentials: AwsCredentials = IAM_USER, options = {}) =>
  post(server, body, await signedFetchHeaders(server.url, body, credentials, options));

describe('AWS_IAM over HTTP', () => {
  it('answers a request signed with the declared access key, as util.authType() IAM Authorization', async () => {
    const { status, body } = await signedPost(WHOAMI);
    expect(status).toBe(200);
    expect(JSON.parse(body.data.whoami).authType).toBe('IAM Authorization');
  });

  it('gives ctx.identity the IAM user’s account, ARN, user id and source address, with the Cognito identity fields null', async () => {
    const { body } = await signedPost(WHOAMI);
    expect(JSON.parse(body.data.whoami).identity).toEqual({
      accountId: ACCOUNT_ID,
      userArn: `arn:aws:iam::${ACCOUNT_ID}:user/${IAM_USER.name}`,
      username: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      sourceIp: ['127.0.0.1'],
      cognitoIdentityAuthProvider: null,
      cognitoIdentityAuthType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
    });
  });

  it('accepts the IAM users given in a file (--iam-file) besides the declaration’s', async () => {
    const { status, body } = await signedPost(WHOAMI, FILE_USER);
    expect(status).toBe(200);
    expect(JSON.parse(body.data.whoami).identity.userArn).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/reporting`);
  });

  it('refuses a signature made with the wrong secret with 403 InvalidSignatureException and the canonical request AWS expected', async () => {
    const { status, errorType, body } = await signedPost(WHOAMI, { ...IAM_USER, secretAccessKey: 'not-the-secret' });
    expect(status).toBe(403);
    expect(errorType).toBe('InvalidSignatureException');
    expect(body.errors![0].errorType).toBe('InvalidSignatureException');
    expect(body.errors![0].message).toMatch(/^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\./);
    expect(body.errors![0].message).toContain("The Canonical String for this request should have been\n'POST\n/graphql\n");
  });

  it('refuses a body changed after signing', async () => {
    const headers = await signedFetchHeaders(server.url, WHOAMI, IAM_USER);
    const { status, errorType } = await post(server, JSON.stringify({ query: '{ iamOnly }' }), headers);
    expect([status, errorType]).toEqual([403, 'InvalidSignatureException']);
  });

  it('refuses a signature older than five minutes as expired, in AWS’s words', async () => {
    const { status, body } = await signedPost(WHOAMI, IAM_USER, { signingDate: new Date(Date.now() - 6 * 60 * 1000) });
    expect(status).toBe(403);
    expect(body.errors![0]).toMatchObject({ errorType: 'InvalidSignatureException', message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/) });
  });

  it('refuses a signature dated more than five minutes ahead as not yet current', async () => {
    const { body } = await signedPost(WHOAMI, IAM_USER, { signingDate: new Date(Date.now() + 6 * 60 * 1000) });
    expect(body.errors![0]).toMatchObject({ errorType: 'InvalidSignatureException', message: expect.stringMatching(/^Signature not yet current: .* \+ 5 min\.\)$/) });
  });

  it('refuses an access key it was not given with 403 UnrecognizedClientException', async () => {
    const { status, errorType, body } = await signedPost(WHOAMI, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' });
    expect([status, errorType]).toEqual([403, 'UnrecognizedClientException']);
    expect(body.errors).toEqual([{ errorType: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }]);
  });

  it('refuses a signature scoped to another service', async () => {
    const headers = await signedFetchHeaders(server.url, WHOAMI, IAM_USER);
    headers.authorization = headers.authorization!.replace('/appsync/', '/execute-api/');
    const { status, body } = await post(server, WHOAMI, headers);
    expect(status).toBe(403);
    expect(body.errors![0]).toEqual({ errorType: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'appsync'. " });
  });

  it('refuses an Authorization header without its Signature as an incomplete signature', async () => {
    const headers = await signedFetchHeaders(server.url, WHOAMI, IAM_USER);
    headers.authorization = headers.authorization!.replace(/, Signature=.*/, '');
    const { status, body } = await post(server, WHOAMI, headers);
    expect(status).toBe(400);
    expect(body.errors![0].errorType).toBe('IncompleteSignatureException');
    expect(body.errors![0].message).toMatch(/^Authorization header requires 'Signature' parameter\./);
  });

  it('lets an IAM caller into @aws_iam fields and refuses it the others', async () => {
    const { body } = await signedPost(JSON.stringify({ query: '{ iamOnly keyOrIam poolOnly oidcOnly open }' }));
    expect(body.data).toEqual({ iamOnly: 'for IAM callers', keyOrIam: 'for the key or IAM', poolOnly: null, oidcOnly: null, open: null });
    expect(body.errors!.map((e: any) => [e.errorType, e.message])).toEqual([
      ['Unauthorized', 'Not Authorized to access poolOnly on type Query'],
      ['Unauthorized', 'Not Authorized to access oidcOnly on type Query'],
      ['Unauthorized', 'Not Authorized to access open on type Query'],
    ]);
  });

  it('refuses an API-key caller an @aws_iam field', async () => {
    const { body } = await post(server, JSON.stringify({ query: '{ iamOnly }' }), { 'x-api-key': server.apiKey });
    expect(body.errors![0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access iamOnly on type Query' });
  });
});

describe('IAM users from the command line, a file or the environment', () => {
  it('reads name:accessKeyId:secretAccessKey, the secret free to hold colons', () => {
    expect(parseIamUser('ci:AKIAEXAMPLE000000001:a:b/c')).toEqual({ name: 'ci', accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'a:b/c' });
  });

  it('refuses a malformed user without echoing its secret', () => {
    const refusal = (spec: string) => {
      try {
        parseIamUser(spec);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal('ci:not-a-key:top-secret')).toMatch(/^"not-a-key" is not an access key id/);
    expect(refusal('ci-only')).toMatch(/is name:accessKeyId:secretAccessKey/);
    expect(refusal('ci:not-a-key:top-secret')).not.toContain('top-secret');
  });
});

describe('AWS_IAM on the real-time endpoint', () => {
  const REALTIME_HEADERS = { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8' };

  /** The handshake as AWS documents it for IAM: the connect URL (<endpoint>/connect) signed over a body of {}. */
  async function connect(form: 'subprotocol' | 'query', credentials: AwsCredentials = IAM_USER) {
    const header = await signPost(`${server.url}/connect`, '{}', credentials, { headers: REALTIME_HEADERS });
    const connection = await realtimeWithHeader(server, header, form);
    /** A start whose authorization signs its own payload.data, as aws-amplify signs it; `signedData` to sign something else. */
    const start = async (id: string, query: string, signedData?: string) => {
      const data = JSON.stringify({ query, variables: {} });
      connection.start(id, data, await signPost(server.url, signedData ?? data, credentials, { headers: REALTIME_HEADERS }));
    };
    return { ...connection, start };
  }

  it('acknowledges a handshake signed in the header- subprotocol and delivers to a signed subscription', async () => {
    const client = await connect('subprotocol');
    expect((await client.next('connection_ack', 'connection_error')).type).toBe('connection_ack');
    await client.start('s1', 'subscription { onPublishForIam { text } }');
    expect(await client.next('start_ack', 'error')).toEqual({ type: 'start_ack', id: 's1' });
    await signedPost(JSON.stringify({ query: 'mutation { publish(text: "signed") { text } }' }));
    expect(await client.next('data')).toEqual({ type: 'data', id: 's1', payload: { data: { onPublishForIam: { text: 'signed' } } } });
    client.socket.close();
  });

  it('acknowledges a handshake signed in the header query parameter (older clients, AWS’s docs)', async () => {
    const client = await connect('query');
    expect((await client.next('connection_ack', 'connection_error')).type).toBe('connection_ack');
    client.socket.close();
  });

  it('refuses a handshake signed with the wrong secret with AppSync’s connection_error', async () => {
    const client = await connect('subprotocol', { ...IAM_USER, secretAccessKey: 'wrong' });
    expect(await client.next('connection_ack', 'connection_error')).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'com.amazonaws.deepdish.graphql.auth#UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 400 }] },
    });
    client.socket.close();
  });

  it('refuses a start whose signature covers another payload, naming the signature error', async () => {
    const client = await connect('subprotocol');
    await client.next('connection_ack');
    await client.start('s2', 'subscription { onPublishForIam { text } }', JSON.stringify({ query: 'subscription { onPublish { text } }', variables: {} }));
    const error = await client.next('error', 'start_ack');
    expect(error).toMatchObject({ type: 'error', id: 's2', payload: { errors: [{ errorType: 'InvalidSignatureException' }] } });
    expect(error.payload.errors[0].message).toMatch(/^The request signature we calculated does not match/);
    client.socket.close();
  });
});
