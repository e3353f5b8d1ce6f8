// Parsed and validated documents, kept by query text: clients send the same few
// operations again and again, and validation costs more than the resolvers of a
// small query. Parsing and validation are kept apart because the real-time
// endpoint tells the operation's type between the two. Bounded, oldest out first.
import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

export type CheckedDocument = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

const MAX_DOCUMENTS = 1000;
const parsedByQuery = new Map<string, CheckedDocument>();
const validationsBySchema = new WeakMap<GraphQLSchema, Map<string, readonly GraphQLError[]>>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_DOCUMENTS) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

/** The query parsed, or its syntax error. */
export function parsedDocument(query: string): CheckedDocument {
  return remember(parsedByQuery, query, () => {
    try {
      return { document: parse(query) };
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
  });
}

/** The validation errors of a parsed query against the schema (none: valid). */
export function validationErrors(schema: GraphQLSchema, query: string, document: DocumentNode): readonly GraphQLError[] {
  let cache = validationsBySchema.get(schema);
  if (!cache) validationsBySchema.set(schema, (cache = new Map()));
  return remember(cache, query, () => validate(schema, document));
}

/** Parsed and valid, or why not. */
export function checkedDocument(schema: GraphQLSchema, query: string): CheckedDocument {
  const parsed = parsedDocument(query);
  if (parsed.errors) return parsed;
  const errors = validationErrors(schema, query, parsed.document);
  return errors.length ? { errors } : parsed;
}
