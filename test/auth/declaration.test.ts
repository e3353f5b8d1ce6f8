// The declaration's authorization block: user pools as a mode, with the groups to create.
import { describe, expect, it } from 'vitest';
import { loadDeclaration, parseDeclaration } from '../../local/declaration/declaration.ts';

const declaration = (authorization: unknown) => ({
  name: 'spec',
  schema: 'schema.graphql',
  authorization,
  dataSources: { None: { type: 'NONE' } },
  resolvers: {},
});

describe('authorization in the declaration', () => {
  it('declares user pools as an additional mode with the groups to create', () => {
    const api = parseDeclaration(declaration({ default: 'API_KEY', additional: ['AMAZON_COGNITO_USER_POOLS'], userPool: { groups: ['organizers'] } }), '/tmp/api.json');
    expect(api.authorization).toEqual({ default: 'API_KEY', additional: ['AMAZON_COGNITO_USER_POOLS'], userPool: { groups: ['organizers'] } });
  });

  it('declares user pools as the default mode, with no groups', () => {
    const api = parseDeclaration(declaration({ default: 'AMAZON_COGNITO_USER_POOLS', userPool: {} }), '/tmp/api.json');
    expect(api.authorization).toEqual({ default: 'AMAZON_COGNITO_USER_POOLS', additional: [], userPool: { groups: [] } });
  });

  it('refuses a userPool block on an API without the user pools mode', () => {
    expect(() => parseDeclaration(declaration({ default: 'API_KEY', userPool: { groups: ['organizers'] } }), '/tmp/api.json')).toThrow(
      /authorization\.userPool: userPool is only used with the AMAZON_COGNITO_USER_POOLS mode/,
    );
  });

  it('still reads HandsUp’s api.json, which declares no user pool', () => {
    expect(loadDeclaration('api.json').authorization.default).toBeDefined();
  });
});
