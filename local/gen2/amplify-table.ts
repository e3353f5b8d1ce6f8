// Custom::AmplifyDynamoDBTable: the table of an Amplify Gen 2 model. In the cloud a
// custom resource (the table manager's Lambda and state machine) creates it from
// CreateTable's properties written camelCase (tableName, attributeDefinitions,
// keySchema, globalSecondaryIndexes, timeToLiveSpecification …); its physical id is
// the table name, and its attributes the table's TableArn, TableName and
// TableStreamArn, which templates read back (the data source's table name is cut out
// of TableArn with Fn::Split/Fn::Select). Locally it is a plain local table under the
// same name, whose Ref and attributes resolve as they do once deployed.
import type { ResourceView } from '../templates/attributes.ts';

export const AMPLIFY_TABLE = 'Custom::AmplifyDynamoDBTable';

const tableName = (r: ResourceView) => (r.property('tableName') as string | undefined) ?? r.physicalName(255);
const tableArn = (r: ResourceView) => `arn:${r.partition}:dynamodb:${r.region}:${r.account}:table/${tableName(r)}`;

/** Its Ref (the physical id the table manager answers: the table's name) and its attributes. */
export const amplifyTable = {
  ref: tableName,
  attributes: {
    TableName: tableName,
    TableArn: tableArn,
    TableStreamArn: (r: ResourceView) => `${tableArn(r)}/stream/1970-01-01T00:00:00.000`,
  } as Record<string, (r: ResourceView) => unknown>,
};

/**
 * A property of the table under AWS::DynamoDB::Table's name (`KeySchema`), read from
 * its camelCase twin (`keySchema`) with every key of the value capitalised as
 * CloudFormation's table spells it (`attributeName` → `AttributeName`).
 */
export function amplifyTableProperty(property: (path: string) => unknown, path: string): unknown {
  return pascalCase(property(path.split('.').map(camel).join('.')));
}

const camel = (key: string) => key[0]!.toLowerCase() + key.slice(1);

function pascalCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalCase);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key[0]!.toUpperCase() + key.slice(1), pascalCase(item)]));
}
