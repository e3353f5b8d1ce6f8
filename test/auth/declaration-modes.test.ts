// The declaration's AWS_IAM and OPENID_CONNECT settings: the IAM account and
// users, and the OpenID provider as AppSync's OpenIDConnectConfig names it.
import { describe, expect, it } from 'vitest';
import { parseDeclaration } from '../../local/declaration/declaration.ts';

const declaration = (authorization: unknown) => ({
  name: 'spec',
  schema: 'schema.graphql',
  authorization,
  dataSources: { None: { type: 'NONE' } },
  resolvers: {},
});
const parse = (authorization: unknown) => parseDeclaration(declaration(authorization), '/tmp/api.json').authorization;

describe('AWS_IAM and OPENID_CONNECT in the declaration', () => {
  it('declares OPENID_CONNECT with its issuer, client id and TTLs in milliseconds', () => {
    const openIdConnect = { issuer: 'https://login.example.com', clientId: 'web', iatTTL: 3_600_000, authTTL: 86_400_000 };
    expect(parse({ default: 'API_KEY', additional: ['OPENID_CONNECT'], openIdConnect }).openIdConnect).toEqual(openIdConnect);
  });

  it('refuses OPENID_CONNECT without its provider', () => {
    expect(() => parse({ default: 'OPENID_CONNECT' })).toThrow(/authorization\.openIdConnect: the OPENID_CONNECT mode needs openIdConnect/);
  });

  it('refuses an openIdConnect block without the mode, and an issuer that is not a URL', () => {
    expect(() => parse({ default: 'API_KEY', openIdConnect: { issuer: 'https://login.example.com' } })).toThrow(/openIdConnect needs the mode/);
    expect(() => parse({ default: 'OPENID_CONNECT', openIdConnect: { issuer: 'login' } })).toThrow(/authorization\.openIdConnect\.issuer/);
  });

  it('declares AWS_IAM with no users (they can come from --iam), in account 000000000000', () => {
    expect(parse({ default: 'AWS_IAM', iam: {} }).iam).toEqual({ accountId: '000000000000', users: [] });
  });

  it('refuses an IAM user whose access key id is not one', () => {
    expect(() => parse({ default: 'AWS_IAM', iam: { users: [{ name: 'ci', accessKeyId: 'lower-case', secretAccessKey: 's' }] } })).toThrow(/accessKeyId: is not an access key id/);
  });

  it('refuses an iam block on an API without AWS_IAM', () => {
    expect(() => parse({ default: 'API_KEY', iam: {} })).toThrow(/authorization\.iam: iam is only used with the AWS_IAM mode/);
  });
});
