// Builds the executable schema from an API's AppSync SDL: AppSync's own scalars
// and directives are added here, as the service does, never in the API's file.
import { readFileSync } from 'node:fs';
import {
  assertValidSchema,
  buildASTSchema,
  concatAST,
  GraphQLObjectType,
  parse,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { withAppSyncScalars } from './scalars.ts';

const PRELUDE = readFileSync(new URL('./appsync.graphql', import.meta.url), 'utf8');

export function buildAppSyncSchema(sdl: string): GraphQLSchema {
  const document = concatAST([parse(PRELUDE, { noLocation: true }), parse(sdl, { noLocation: false })]);
  const schema = buildASTSchema(document);
  assertValidSchema(schema);
  return withAppSyncScalars(schema);
}


/** The field a `Type.field` name points at, or undefined. */
export function findField(schema: GraphQLSchema, typeAndField: string): GraphQLField<unknown, unknown> | undefined {
  const [typeName, fieldName] = typeAndField.split('.');
  const type = schema.getType(typeName!);
  return type instanceof GraphQLObjectType ? type.getFields()[fieldName!] : undefined;
}

/** The mutations each subscription field listens to, from `@aws_subscribe(mutations: [...])`. */
export function subscriptionTriggers(schema: GraphQLSchema): Map<string, string[]> {
  const triggers = new Map<string, string[]>();
  const subscription = schema.getSubscriptionType();
  if (!subscription) return triggers;
  for (const field of Object.values(subscription.getFields())) {
    const directive = field.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
    const mutations = directive?.arguments?.find((a) => a.name.value === 'mutations')?.value;
    if (mutations?.kind === 'ListValue') {
      triggers.set(
        field.name,
        mutations.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : [])),
      );
    }
  }
  return triggers;
}
