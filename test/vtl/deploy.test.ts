// A VTL declaration deployed by amplify/ (synthesised offline) and the template it
// makes served back by the local AppSync: the mapping templates go to the cloud as they
// are, and read back from CloudFormation they answer as from api.json.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineApi } from '../../amplify/api/define-api.ts';
import { loadDeclaration } from '../../local/declaration/declaration.ts';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';

const file = fileURLToPath(new URL('./fixtures/notes/notes.api.json', import.meta.url));
const declaration = loadDeclaration(file);
let template: Template;
let server: LocalAppSync;

beforeAll(async () => {
  const stack = new Stack(new App(), 'Notes');
  defineApi(stack, declaration);
  template = Template.fromStack(stack);
  const dir = mkdtempSync(join(tmpdir(), 'vtl-deploy-'));
  writeFileSync(join(dir, 'template.json'), JSON.stringify(template.toJSON()));
  server = await startLocalAppSync({ declaration: join(dir, 'template.json'), port: 0, host: '127.0.0.1', dataDir: null });
}, 180_000);
afterAll(() => server?.close());

describe('VTL resolvers deployed from api.json', () => {
  test('a unit resolver carries its template files as RequestMappingTemplate and ResponseMappingTemplate, with no runtime', () => {
    const [resolver] = Object.values(template.findResources('AWS::AppSync::Resolver', { Properties: { FieldName: 'getNote' } }));
    expect(resolver!.Properties.RequestMappingTemplate).toBe(readFileSync(declaration.resolvers['Query.getNote']!.requestTemplate!, 'utf8'));
    expect(resolver!.Properties.ResponseMappingTemplate).toBe(readFileSync(declaration.resolvers['Query.getNote']!.responseTemplate!, 'utf8'));
    expect(resolver!.Properties.Runtime).toBeUndefined();
  });

  test('the synthesised template, served, runs the VTL pipeline with its JS function', async () => {
    const created = await graphql(server, `mutation { createNote(input: { owner: "ivy", title: "Deployed" }) { id owner title version checkedBy } }`);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createNote).toMatchObject({ owner: 'ivy', title: 'Deployed', version: 1, checkedBy: 'js:ivy' });
    const read = await graphql(server, `query ($id: ID!) { getNote(id: $id) { title } }`, { id: created.body.data.createNote.id });
    expect(read.body.data).toEqual({ getNote: { title: 'Deployed' } });
  });
});
