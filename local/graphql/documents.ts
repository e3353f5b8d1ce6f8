// Parsed and validated documents, kept per schema by query text: clients send
// the same few operations again and again, and validation costs more than the
// resolvers of a small query. Bounded, oldest out first.
import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

export type CheckedDocument = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

const MAX_DOCUMENTS = 1000;
const caches = new WeakMap<GraphQLSchema, Map<string, CheckedDocument>>();

export function checkedDocument(schema: GraphQLSchema, query: string): CheckedDocument {
  let cache = caches.get(schema);
  if (!cache) caches.set(schema, (cache = new Map()));
  let checked = cache.get(query);
  if (!checked) {
    checked = check(schema, query);
    if (cache.size >= MAX_DOCUMENTS) cache.delete(cache.keys().next().value!);
    cache.set(query, checked);
  }
  return checked;
}

function check(schema: GraphQLSchema, query: string): CheckedDocument {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [error as GraphQLError] };
  }
  const errors = validate(schema, document);
  return errors.length ? { errors } : { document };
}
