// Parsed and validated documents, kept by query text: clients send the same few
// operations again and again, and validation costs more than the resolvers of a
// small query. Parsing and validation are kept apart because the real-time
// endpoint tells the operation's type between the two.
//
// Bounded by bytes, not by count: a parsed document keeps its token chain (for
// error locations), about 110 bytes of heap per character of query text, so a
// thousand distinct 370 KB queries — anyone holding the public API key can send
// them — would hold 40 GB. Documents above MAX_CACHED_QUERY_CHARS are parsed
// each time and forgotten; the rest share a budget of CACHE_BUDGET_BYTES,
// oldest out first.
//
// Parsing stops at MAX_QUERY_TOKENS, and documents above VALIDATE_APART_CHARS are
// validated on a worker thread (query-limits.ts).
import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { ByteBoundedCache } from '../cache/byte-bounded.ts';
import { MAX_QUERY_TOKENS, VALIDATE_APART_CHARS } from './query-limits.ts';
import { validateApart } from './validate-apart.ts';

export type CheckedDocument = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

/** Heap held per character of query text by its parsed document (measured on graphql-js 16: ~110). */
export const HEAP_BYTES_PER_QUERY_CHAR = 128;
/** Larger documents are not kept: an operation a client sends again and again is small. */
export const MAX_CACHED_QUERY_CHARS = 16 * 1024;
/** What all kept documents may hold together, estimated from their text. */
export const CACHE_BUDGET_BYTES = 32 * 1024 * 1024;

const costOf = (query: string) => query.length * HEAP_BYTES_PER_QUERY_CHAR;
const newCache = <T>() => new ByteBoundedCache<T>(CACHE_BUDGET_BYTES, MAX_CACHED_QUERY_CHARS * HEAP_BYTES_PER_QUERY_CHAR);

const parsedByQuery = newCache<CheckedDocument>();
const validationsBySchema = new WeakMap<GraphQLSchema, ByteBoundedCache<readonly GraphQLError[]>>();

/** The query parsed, or its syntax error. */
export function parsedDocument(query: string): CheckedDocument {
  // Looked up before any closure is made: a kept document, the common case, costs one map read.
  const kept = parsedByQuery.get(query);
  if (kept) return kept;
  let checked: CheckedDocument;
  try {
    checked = { document: parse(query, { maxTokens: MAX_QUERY_TOKENS }) };
  } catch (error) {
    checked = { errors: [error as GraphQLError] };
  }
  parsedByQuery.set(query, checked, costOf(query));
  return checked;
}

/**
 * The validation errors of a parsed query against the schema (none: valid): at
 * once for a short document, a promise for a long one (validated on a worker thread).
 */
export function validationErrors(schema: GraphQLSchema, query: string, document: DocumentNode): readonly GraphQLError[] | Promise<readonly GraphQLError[]> {
  let cache = validationsBySchema.get(schema);
  if (!cache) validationsBySchema.set(schema, (cache = newCache()));
  const kept = cache.get(query);
  if (kept) return kept;
  if (query.length <= VALIDATE_APART_CHARS) return keptValidation(cache, query, validate(schema, document));
  return validateApart(schema, query).then((errors) => keptValidation(cache, query, errors));
}

function keptValidation(cache: ByteBoundedCache<readonly GraphQLError[]>, query: string, errors: readonly GraphQLError[]) {
  // Errors point into the document and keep it alive, even once the parse cache has let it go.
  cache.set(query, errors, errors.length ? costOf(query) : query.length * 2);
  return errors;
}
