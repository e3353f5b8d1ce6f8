// A cloud assembly of two stacks, one importing the other's export (how CDK wires a
// reference across stacks): Fn::ImportValue resolves within the assembly, and an
// export no stack of it has is refused, naming the resource and property.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApiSource } from '../../local/declaration/source.ts';

function assembly(importName: string) {
  const folder = mkdtempSync(join(tmpdir(), 'cross-stack-'));
  const write = (name: string, json: unknown) => writeFileSync(join(folder, name), JSON.stringify(json));
  write('manifest.json', {
    version: '36.0.0',
    artifacts: {
      Shared: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/eu-west-1', properties: { templateFile: 'Shared.template.json' } },
      Api: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/eu-west-1', properties: { templateFile: 'Api.template.json' } },
    },
  });
  write('Shared.template.json', {
    Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] } } },
    Outputs: { TableName: { Value: { Ref: 'Table' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}:TableName' } } } },
  });
  write('Api.template.json', {
    Resources: {
      Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'api', AuthenticationType: 'API_KEY', EnvironmentVariables: { TABLE: { 'Fn::ImportValue': importName } } } },
      Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: 'type Query { a: String }' } },
    },
  });
  return folder;
}

describe('exports between the stacks of one assembly', () => {
  it('Fn::ImportValue finds the export of another stack, in that stack\'s account and region', () => {
    const api = loadApiSource(assembly('Shared:TableName'), { stack: 'Api' });
    expect(api.environment.TABLE).toMatch(/^Shared-Table-[A-Z0-9]{12}$/);
  });

  it('an export no stack has is refused, naming the resource and property', () => {
    const folder = assembly('Elsewhere:TableName');
    expect(() => loadApiSource(folder, { stack: 'Api' })).toThrow(
      `${folder}/Api.template.json: Resources.Api.Properties.EnvironmentVariables.TABLE.Fn::ImportValue: Fn::ImportValue "Elsewhere:TableName": no stack of this cloud assembly exports it`,
    );
  });
});
