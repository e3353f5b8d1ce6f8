// The VTL templates Amplify Gen 2's `defineData` generates (fixtures/gen2/, rebuilt by
// its regenerate.mjs), each rendered with evaluateMappingTemplate on the context AppSync
// gives it in its pipeline: the exact request or result it renders.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluateMappingTemplate, evaluateMappingTemplateEffects } from '../../local/vtl/evaluate.ts';

const USER_POOL = 'User Pool Authorization';
const IAM = 'IAM Authorization';
const templateOf = (name: string) => readFileSync(new URL(`./fixtures/gen2/templates/${name}`, import.meta.url), 'utf8');

/** Alice, signed in through the user pool: the identity AppSync gives a Cognito caller. */
const alice = {
  sub: 'a1b2',
  username: 'alice',
  issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_local',
  sourceIp: ['127.0.0.1'],
  defaultAuthStrategy: 'ALLOW',
  groups: null,
  claims: { sub: 'a1b2', 'cognito:username': 'alice', token_use: 'id', email: 'alice@example.com' },
};
const ALICE = 'a1b2::alice';
/** An IAM caller that is not a Cognito identity (an admin's or a Lambda's role). */
const iamRole = { accountId: '123456789012', userArn: 'arn:aws:sts::123456789012:assumed-role/admin/x', cognitoIdentityPoolId: null, cognitoIdentityId: null };

function evaluate(name: string, context: Record<string, unknown>, authType = USER_POOL) {
  const output = evaluateMappingTemplate({ template: templateOf(name), context, authType });
  return { ...output, stash: JSON.parse(output.stash) as Record<string, any> };
}

/** The rendered JSON, or the template's error. */
function render(name: string, context: Record<string, unknown>, authType = USER_POOL): any {
  const output = evaluate(name, context, authType);
  if (output.error) throw new Error(output.error.message);
  return JSON.parse(output.evaluationResult!);
}

const CREATE = { parentTypeName: 'Mutation', fieldName: 'createPost' };
const UPDATE = { parentTypeName: 'Mutation', fieldName: 'updatePost' };
const DELETE = { parentTypeName: 'Mutation', fieldName: 'deletePost' };

const errorOf = (name: string, context: Record<string, unknown>, authType = USER_POOL) => evaluate(name, context, authType).error?.message;

describe('the before template of a model pipeline', () => {
  test('stashes the field, the table name and the metadata the functions read', () => {
    const { stash, evaluationResult } = evaluate('Mutation.createPost.before.vtl', { arguments: { input: { title: 'T' } } });
    expect(evaluationResult?.trim()).toBe('{}');
    expect(stash).toEqual({
      typeName: 'Mutation',
      fieldName: 'createPost',
      conditions: [],
      metadata: { dataSourceType: 'AMAZON_DYNAMODB', apiId: 'gen2fixture' },
      connectionAttributes: {},
      tableName: 'Post-gen2fixture-NONE',
      authRole: 'arn:aws:sts::123456789012:assumed-role/amplify-authenticated-role/CognitoIdentityCredentials',
      unauthRole: 'arn:aws:sts::123456789012:assumed-role/amplify-unauthenticated-role/CognitoIdentityCredentials',
      identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
      adminRoles: [],
    });
  });
});

describe('create', () => {
  test('init stashes an autoId and one ISO 8601 time for createdAt and updatedAt', () => {
    const { stash, evaluationResult } = evaluate('Mutation.createPost.init.1.req.vtl', { arguments: { input: { title: 'T' } }, stash: {} });
    expect(JSON.parse(evaluationResult!)).toEqual({ version: '2018-05-29', payload: {} });
    expect(stash.defaultValues).toEqual({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(stash.defaultValues.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stash.defaultValues.updatedAt).toBe(stash.defaultValues.createdAt);
  });

  test('a field default is put into the input when the caller gave none (the request is `{}`, without a version)', () => {
    const { evaluationResult } = evaluate('Mutation.createPost.init.2.req.vtl', { arguments: { input: { title: 'T' } } });
    expect(JSON.parse(evaluationResult!)).toEqual({});
  });

  test('the owner becomes "sub::username" when a user pool caller gives none', () => {
    const context = { arguments: { input: { boardId: 'b1', title: 'T' } }, identity: alice, stash: {} };
    const output = evaluateMappingTemplateEffects({ template: templateOf('Mutation.createPost.auth.1.req.vtl'), context, authType: USER_POOL });
    expect(JSON.parse(output.evaluationResult!)).toEqual({ version: '2018-05-29', payload: {} });
    expect(output.arguments).toEqual({ input: { boardId: 'b1', title: 'T', owner: ALICE } });
  });

  test('a caller who names another owner is refused', () => {
    const context = { arguments: { input: { boardId: 'b1', title: 'T', owner: 'zz99::mallory' } }, identity: alice, stash: {}, info: CREATE };
    expect(errorOf('Mutation.createPost.auth.1.req.vtl', context)).toBe('Not Authorized to access createPost on type Mutation');
  });

  test('a caller naming themselves by username alone is allowed (the claims list)', () => {
    const context = { arguments: { input: { boardId: 'b1', title: 'T', owner: 'alice' } }, identity: alice, stash: {} };
    expect(errorOf('Mutation.createPost.auth.1.req.vtl', context)).toBeUndefined();
  });

  test('an IAM role that is not a Cognito identity is authorized', () => {
    const output = evaluate('Mutation.createPost.auth.1.req.vtl', { arguments: { input: { boardId: 'b1', title: 'T' } }, identity: iamRole, stash: {} }, IAM);
    expect(output.error).toBeUndefined();
    expect(output.stash.hasAuth).toBe(true);
  });

  test('postAuth passes once an auth step ran', () => {
    expect(render('Mutation.createPost.postAuth.1.req.vtl', { stash: { hasAuth: true } })).toEqual({});
  });

  test('postAuth returns `{}` itself for an IAM role when no auth step ran (#return of $util.toJson)', () => {
    const output = evaluate('Mutation.createPost.postAuth.1.req.vtl', { identity: iamRole, stash: {} }, IAM);
    expect(output.evaluationResult).toBe('{}');
  });

  test('postAuth refuses a caller no auth step looked at', () => {
    expect(errorOf('Mutation.createPost.postAuth.1.req.vtl', { identity: alice, stash: {}, info: CREATE })).toBe('Not Authorized to access createPost on type Mutation');
  });

  test('the data step puts the merged item with the key condition, the typename and no null index field', () => {
    const context = {
      arguments: { input: { boardId: 'b1', title: 'T', likes: 0, owner: ALICE } },
      stash: { conditions: [], metadata: {}, defaultValues: { id: 'p1', createdAt: '2026-01-02T03:04:05.006Z', updatedAt: '2026-01-02T03:04:05.006Z' } },
    };
    expect(render('Mutation.createPost.req.vtl', context)).toEqual({
      version: '2018-05-29',
      operation: 'PutItem',
      key: { id: { S: 'p1' } },
      attributeValues: {
        id: { S: 'p1' },
        createdAt: { S: '2026-01-02T03:04:05.006Z' },
        updatedAt: { S: '2026-01-02T03:04:05.006Z' },
        boardId: { S: 'b1' },
        title: { S: 'T' },
        likes: { N: 0 },
        owner: { S: ALICE },
        __typename: { S: 'Post' },
      },
      condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' } },
    });
  });

  test('a null index field is left out of the item (copyAndRetainAllKeys, copyAndRemoveAllKeys)', () => {
    const context = { arguments: { input: { boardId: null, title: 'T' } }, stash: { conditions: [], metadata: {}, defaultValues: { id: 'p1' } } };
    const request = render('Mutation.createPost.req.vtl', context);
    expect(Object.keys(request.attributeValues).sort()).toEqual(['__typename', 'id', 'title']);
  });

  test('the condition the caller gave is ANDed with the key condition', () => {
    const context = { arguments: { input: { title: 'T' }, condition: { title: { beginsWith: 'T' } } }, stash: { conditions: [], metadata: {}, defaultValues: { id: 'p1' } } };
    expect(render('Mutation.createPost.req.vtl', context).condition).toEqual({
      expression: '((begins_with(#title,:and_0_title_beginsWith)) AND (attribute_not_exists(#id)))',
      expressionNames: { '#title': 'title', '#id': 'id' },
      expressionValues: { ':and_0_title_beginsWith': { S: 'T' } },
    });
  });

  test('the response adds __operation to the item', () => {
    const item = { id: 'p1', title: 'T', __typename: 'Post' };
    expect(render('Mutation.createPost.res.vtl', { result: item })).toEqual({ ...item, __operation: 'Mutation' });
  });

  test('the response raises a DynamoDB error as it came', () => {
    const context = { result: null, error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' } };
    expect(errorOf('Mutation.createPost.res.vtl', context)).toBe('The conditional request failed');
  });
});

describe('get', () => {
  test('reads by id with a Query on the key', () => {
    expect(render('Query.getPost.req.vtl', { arguments: { id: 'p1' }, stash: { metadata: {} } })).toEqual({
      version: '2018-05-29',
      operation: 'Query',
      query: { expression: 'id = :id', expressionValues: { ':id': { S: 'p1' } } },
    });
  });

  test('an owner filter in the stash becomes the Query filter', () => {
    const context = { arguments: { id: 'p1' }, stash: { metadata: {}, authFilter: { or: [{ owner: { eq: ALICE } }, { owner: { eq: 'alice' } }] } } };
    expect(render('Query.getPost.req.vtl', context).filter).toEqual({
      expression: '((#owner = :or_0_owner_eq) OR (#owner = :or_1_owner_eq))',
      expressionNames: { '#owner': 'owner' },
      expressionValues: { ':or_0_owner_eq': { S: ALICE }, ':or_1_owner_eq': { S: 'alice' } },
    });
  });

  test('the response is the one item found', () => {
    const item = { id: 'p1', title: 'T' };
    expect(render('Query.getPost.res.vtl', { result: { items: [item], scannedCount: 1 } })).toEqual(item);
  });

  test('an item the filter hid is refused', () => {
    expect(errorOf('Query.getPost.res.vtl', { result: { items: [], scannedCount: 1 } })).toMatch(/^Not Authorized to access/);
  });

  test('no item is null', () => {
    expect(render('Query.getPost.res.vtl', { result: { items: [], scannedCount: 0 } })).toBeNull();
  });
});

describe('list', () => {
  test('without a filter: a Scan with the default limit', () => {
    expect(render('Query.listPosts.req.vtl', { arguments: {}, stash: { metadata: {} } })).toEqual({ version: '2018-05-29', limit: 100, operation: 'Scan' });
  });

  test('a filter becomes the Scan filter expression', () => {
    const context = { arguments: { filter: { title: { eq: 'T' }, likes: { gt: 2 } }, limit: 10, nextToken: 'tok' }, stash: { metadata: {} } };
    expect(render('Query.listPosts.req.vtl', context)).toEqual({
      version: '2018-05-29',
      limit: 10,
      nextToken: 'tok',
      operation: 'Scan',
      filter: {
        expression: '(#title = :title_eq) AND (#likes > :likes_gt)',
        expressionNames: { '#title': 'title', '#likes': 'likes' },
        expressionValues: { ':title_eq': { S: 'T' }, ':likes_gt': { N: 2 } },
      },
    });
  });

  test('an or/not filter nests as the transform helper writes it', () => {
    const context = { arguments: { filter: { or: [{ status: { eq: 'DRAFT' } }, { not: { title: { contains: 'x' } } }] } }, stash: { metadata: {} } };
    expect(render('Query.listPosts.req.vtl', context).filter).toEqual({
      expression: '((#status = :or_0_status_eq) OR (NOT (contains(#title,:or_1_not_0_title_contains))))',
      expressionNames: { '#status': 'status', '#title': 'title' },
      expressionValues: { ':or_0_status_eq': { S: 'DRAFT' }, ':or_1_not_0_title_contains': { S: 'x' } },
    });
  });

  test('the secondary index query uses the key expression, index and direction', () => {
    const context = {
      arguments: { boardId: 'b1', sortDirection: 'DESC' },
      stash: { metadata: { index: 'postsByBoardIdAndTitle' }, modelQueryExpression: { expression: '#boardId = :boardId', expressionNames: { '#boardId': 'boardId' }, expressionValues: { ':boardId': { S: 'b1' } } } },
    };
    expect(render('Query.listPosts.req.vtl', context)).toEqual({
      version: '2018-05-29',
      limit: 100,
      operation: 'Query',
      query: { expression: '#boardId = :boardId', expressionNames: { '#boardId': 'boardId' }, expressionValues: { ':boardId': { S: 'b1' } } },
      scanIndexForward: false,
      index: 'postsByBoardIdAndTitle',
    });
  });

  test('the user pool caller reads every post (authenticated read rule)', () => {
    const output = evaluate('Query.listPosts.auth.1.req.vtl', { arguments: {}, identity: alice, stash: {} });
    expect(output.error).toBeUndefined();
    expect(output.stash.authFilter).toBeUndefined();
  });

  test("for a model only its owner reads, the caller's owner filter is stashed: sub::username, sub, username", () => {
    const output = evaluate('Query.listNotes.auth.1.req.vtl', { arguments: {}, identity: alice, stash: {} });
    expect(output.error).toBeUndefined();
    expect(output.stash.authFilter).toEqual({ or: [{ owner: { eq: ALICE } }, { owner: { eq: 'a1b2' } }, { owner: { eq: 'alice' } }] });
  });

  test('the response passes items and nextToken through', () => {
    const result = { items: [{ id: 'p1' }], nextToken: null, scannedCount: 1 };
    expect(render('Query.listPosts.res.vtl', { result })).toEqual(result);
  });
});

describe('update and delete: owner auth on the stored item', () => {
  test('the owner updates', () => {
    const context = { arguments: { input: { id: 'p1', title: 'New' } }, identity: alice, result: { id: 'p1', owner: ALICE }, stash: {} };
    expect(render('Mutation.updatePost.auth.1.res.vtl', context)).toEqual({});
  });

  test('another user is refused', () => {
    const context = { arguments: { input: { id: 'p1', title: 'New' } }, identity: alice, result: { id: 'p1', owner: 'zz99::mallory' }, stash: {}, info: UPDATE };
    expect(errorOf('Mutation.updatePost.auth.1.res.vtl', context)).toBe('Not Authorized to access updatePost on type Mutation');
  });

  test('the owner deletes', () => {
    const context = { arguments: { input: { id: 'p1' } }, identity: alice, result: { id: 'p1', owner: ALICE }, stash: {} };
    expect(render('Mutation.deletePost.auth.1.res.vtl', context)).toEqual({ version: '2018-05-29', payload: {} });
  });

  test('another user cannot delete', () => {
    const context = { arguments: { input: { id: 'p1' } }, identity: alice, result: { id: 'p1', owner: 'zz99::mallory' }, stash: {}, info: DELETE };
    expect(errorOf('Mutation.deletePost.auth.1.res.vtl', context)).toBe('Not Authorized to access deletePost on type Mutation');
  });
});

describe('subscriptions', () => {
  test("an authenticated reader's filter argument is left as given (no owner filter added)", () => {
    const output = evaluateMappingTemplateEffects({ template: templateOf('Subscription.onCreatePost.auth.1.req.vtl'), context: { arguments: { filter: { title: { eq: 'T' } } }, identity: alice, stash: {} }, authType: USER_POOL });
    expect(output.error).toBeUndefined();
    expect(output.arguments).toEqual({ filter: { title: { eq: 'T' } } });
  });

  test("for a model only its owner reads, the auth step makes the filter argument the caller's username", () => {
    const context = { arguments: {}, identity: alice, stash: {} };
    const output = evaluateMappingTemplateEffects({ template: templateOf('Subscription.onCreateNote.auth.1.req.vtl'), context, authType: USER_POOL });
    expect(output.error).toBeUndefined();
    expect(output.arguments).toEqual({ filter: { or: [{ owner: { eq: 'alice' } }] } });
  });

  test('the response sets the subscription filter made of the filter argument, and renders null', () => {
    const context = { arguments: { filter: { title: { eq: 'T' }, likes: { gt: 2 } } }, result: null };
    const output = evaluateMappingTemplateEffects({ template: templateOf('Subscription.onCreatePost.res.vtl'), context });
    expect(output.evaluationResult?.trim()).toBe('null');
    expect(output.extensions.subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'title', operator: 'eq', value: 'T' }, { fieldName: 'likes', operator: 'gt', value: 2 }] }],
    });
  });

  test('an or filter becomes one filter group per alternative', () => {
    const context = { arguments: { filter: { or: [{ status: { eq: 'DRAFT' } }, { likes: { ge: 10 } }] } }, result: null };
    const output = evaluateMappingTemplateEffects({ template: templateOf('Subscription.onCreatePost.res.vtl'), context });
    expect(output.extensions.subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'status', operator: 'eq', value: 'DRAFT' }] }, { filters: [{ fieldName: 'likes', operator: 'ge', value: 10 }] }],
    });
  });

  test('without a filter argument no subscription filter is set', () => {
    const output = evaluateMappingTemplateEffects({ template: templateOf('Subscription.onCreatePost.res.vtl'), context: { arguments: {}, result: null } });
    expect(output.extensions.subscriptionFilter).toBeUndefined();
  });
});
