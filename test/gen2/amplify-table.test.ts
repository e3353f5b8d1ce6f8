// Custom::AmplifyDynamoDBTable, the table of a Gen 2 model, read from a template the
// way defineData writes it: camelCase CreateTable properties, and a data source whose
// table name is cut out of the table's TableArn with Fn::Split/Fn::Select.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApiSource } from '../../local/declaration/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'amplify-table-'));
const template = join(dir, 'model.yaml');
writeFileSync(
  template,
  `
Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties: { Name: notes, AuthenticationType: API_KEY }
  Schema:
    Type: AWS::AppSync::GraphQLSchema
    Properties:
      ApiId: !GetAtt Api.ApiId
      Definition: "type Query { streamOf: String } type Note { id: ID! }"
  NoteTable:
    Type: Custom::AmplifyDynamoDBTable
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:table-manager
      tableName: !Join ['', ['Note-', !GetAtt Api.ApiId, '-NONE']]
      attributeDefinitions:
        - { attributeName: id, attributeType: S }
        - { attributeName: author, attributeType: S }
        - { attributeName: written, attributeType: N }
      keySchema: [{ attributeName: id, keyType: HASH }]
      globalSecondaryIndexes:
        - indexName: byAuthor
          keySchema: [{ attributeName: author, keyType: HASH }, { attributeName: written, keyType: RANGE }]
          projection: { projectionType: ALL }
      timeToLiveSpecification: { attributeName: expiresAt, enabled: true }
      billingMode: PAY_PER_REQUEST
      streamSpecification: { streamViewType: NEW_AND_OLD_IMAGES }
  NoteDataSource:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: !GetAtt Api.ApiId
      Name: NoteTable
      Type: AMAZON_DYNAMODB
      DynamoDBConfig:
        AwsRegion: !Ref AWS::Region
        TableName: !Select [1, !Split ['/', !Select [5, !Split [':', !GetAtt NoteTable.TableArn]]]]
  StreamResolver:
    Type: AWS::AppSync::Resolver
    Properties:
      ApiId: !GetAtt Api.ApiId
      TypeName: Query
      FieldName: streamOf
      DataSourceName: !GetAtt NoteDataSource.Name
      Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }
      Code: !Sub |
        export const request = () => ({ operation: 'GetItem', key: { id: { S: '\${NoteTable.TableStreamArn}|\${NoteTable}|\${NoteTable.TableName}' } } });
        export const response = (ctx) => ctx.result;
`,
);

describe('Custom::AmplifyDynamoDBTable', () => {
  const declaration = loadApiSource(template);
  const [name, table] = Object.entries(declaration.tables)[0]!;

  it('is a local table named by its tableName property', () => {
    expect(name).toMatch(/^Note-[a-z0-9]{26}-NONE$/);
  });

  it('has the keys, indexes and time to live of its camelCase properties', () => {
    expect(table).toEqual({
      partitionKey: { name: 'id', type: 'S' },
      globalSecondaryIndexes: [{ name: 'byAuthor', partitionKey: { name: 'author', type: 'S' }, sortKey: { name: 'written', type: 'N' } }],
      localSecondaryIndexes: [],
      timeToLiveAttribute: 'expiresAt',
    });
  });

  it('is the data source’s table, its name cut out of TableArn as in the cloud', () => {
    expect(declaration.dataSources.NoteTable).toEqual({ type: 'AMAZON_DYNAMODB', table: name });
  });

  it('resolves Ref to its name and TableStreamArn to a stream of the table’s ARN', () => {
    const code = declaration.resolvers['Query.streamOf']!.ready!;
    expect(code).toContain(`arn:aws:dynamodb:us-east-1:123456789012:table/${name}/stream/`);
    expect(code).toContain(`|${name}|${name}'`);
  });
});
