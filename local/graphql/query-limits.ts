// How much of a query the server's thread takes on. AppSync documents a request
// size limit (1 MB, http/server.ts) and no token, alias or field count limit, nor
// how it refuses one. Chosen, the safe way: graphql-java's default parser limit,
// 15,000 tokens (graphql-java is AppSync's GraphQL engine by the wording of its
// errors), so a 25,000-alias query of 990 KB is refused after 15,000 tokens
// (~50 ms of parsing, measured) instead of parsed in full (1.4 s, 140 MB) and
// validated (20 s more); the refusal is graphql-js's syntax error. Validation,
// which graphql-js itself stops at a budget (about a second of CPU on the
// fields-can-merge rule), runs on a worker thread for documents above
// VALIDATE_APART_CHARS (validate-apart.ts), so it costs only their own request.

/** Tokens a query may have (graphql-java's default `maxTokens`). */
export const MAX_QUERY_TOKENS = 15_000;

/**
 * Documents longer than this are validated on a worker thread (a hop of a
 * millisecond or two, paid once per text: validations are kept, documents.ts).
 * Validating anything this short stays within tens of milliseconds whatever its
 * shape (the fields-can-merge rule grows with the square of same-named fields).
 */
export const VALIDATE_APART_CHARS = 1024;
