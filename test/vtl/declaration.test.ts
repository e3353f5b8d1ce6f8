// A VTL resolver in api.json: templates instead of code, checked at start as AppSync
// checks them on save.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApi } from '../../local/api.ts';
import { DeclarationError, parseDeclaration } from '../../local/declaration/declaration.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'vtl-declaration-'));
writeFileSync(join(dir, 'schema.graphql'), 'type Query { hello: String }');
writeFileSync(join(dir, 'good.vtl'), '{ "version": "2018-05-29", "payload": "hi" }');
writeFileSync(join(dir, 'broken.vtl'), '{\n  "version": "2018-05-29",\n  #if($ctx.args.x\n}');
writeFileSync(join(dir, 'code.js'), 'export function request() { return {}; }\nexport function response(ctx) { return ctx.result; }\n');

const declare = (resolver: Record<string, unknown>) =>
  parseDeclaration(
    { name: 'vtl', schema: 'schema.graphql', authorization: { default: 'API_KEY' }, dataSources: { none: { type: 'NONE' } }, resolvers: { 'Query.hello': resolver } },
    join(dir, 'api.json'),
  );

describe('declaring a VTL resolver', () => {
  test('code and a template on one resolver are refused', () => {
    expect(() => declare({ dataSource: 'none', code: 'code.js', requestTemplate: 'good.vtl' })).toThrow(/code \(APPSYNC_JS\) or requestTemplate\/responseTemplate \(VTL\), not both/);
  });

  test('a pipeline with neither code nor templates is refused', () => {
    expect(() => declare({ pipeline: ['f'] })).toThrow(/a pipeline needs code \(APPSYNC_JS\) or requestTemplate\/responseTemplate \(VTL\)/);
  });

  test('a template that does not parse stops the API from starting, naming file, line and column', () => {
    const declaration = declare({ dataSource: 'none', requestTemplate: 'broken.vtl' });
    expect(() => createApi(declaration, {} as DynamoDbEngine)).toThrow(DeclarationError);
    expect(() => createApi(declaration, {} as DynamoDbEngine)).toThrow(/broken\.vtl:\d+:\d+: Parse error at line \d+, column \d+/);
  });

  test('a template file that is missing stops the API from starting, naming it', () => {
    const declaration = declare({ dataSource: 'none', requestTemplate: 'missing.vtl' });
    expect(() => createApi(declaration, {} as DynamoDbEngine)).toThrow(/missing\.vtl: ENOENT/);
  });
});
