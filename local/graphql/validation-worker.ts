// The worker thread's side of validate-apart.ts: parses and validates one large
// document at a time against the API's schema, rebuilt here from its printed SDL,
// and answers each error's message and positions (plain data).
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { parentPort } from 'node:worker_threads';
import { MAX_QUERY_TOKENS } from './query-limits.ts';
import { withAppSyncScalars } from './scalars.ts';

export type ValidationJob = { id: number; sdl: string; query: string };
export type ValidationAnswer = { id: number; errors: { message: string; positions: readonly number[] | undefined }[] };

/** The schemas of the last few SDL texts seen (an API reloaded with a new schema sends a new one). */
const schemas = new Map<string, GraphQLSchema>();

function schemaOf(sdl: string): GraphQLSchema {
  let schema = schemas.get(sdl);
  if (!schema) {
    if (schemas.size >= 4) schemas.delete(schemas.keys().next().value!);
    schemas.set(sdl, (schema = withAppSyncScalars(buildSchema(sdl))));
  }
  return schema;
}

parentPort!.on('message', ({ id, sdl, query }: ValidationJob) => {
  let answer: ValidationAnswer;
  try {
    const errors = validate(schemaOf(sdl), parse(query, { maxTokens: MAX_QUERY_TOKENS }));
    answer = { id, errors: errors.map((error) => ({ message: error.message, positions: error.positions })) };
  } catch (error) {
    answer = { id, errors: [{ message: (error as Error).message, positions: (error as { positions?: number[] }).positions }] };
  }
  parentPort!.postMessage(answer);
});
