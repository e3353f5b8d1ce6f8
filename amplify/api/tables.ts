// One DynamoDB table per declared table: its keys, its secondary indexes and
// its TTL attribute, billed per request. The physical name is left to
// CloudFormation, so two sandboxes in one account never collide.
import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { TableDeclaration } from '../../local/declaration/declaration.ts';

type KeyAttribute = TableDeclaration['partitionKey'];

const attributeTypes = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;

const attribute = (key: KeyAttribute): Attribute => ({ name: key.name, type: attributeTypes[key.type] });

export function defineTable(scope: Construct, id: string, table: TableDeclaration, removalPolicy: RemovalPolicy): Table {
  const construct = new Table(scope, id, {
    partitionKey: attribute(table.partitionKey),
    sortKey: table.sortKey && attribute(table.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: table.timeToLiveAttribute,
    removalPolicy,
  });
  for (const index of table.globalSecondaryIndexes) {
    construct.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: attribute(index.partitionKey),
      sortKey: index.sortKey && attribute(index.sortKey),
    });
  }
  for (const index of table.localSecondaryIndexes) {
    construct.addLocalSecondaryIndex({ indexName: index.name, sortKey: attribute(index.sortKey) });
  }
  return construct;
}
