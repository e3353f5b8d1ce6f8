import type { Context } from '@aws-appsync/utils';
import type { QueryExportResultsArgs } from './generated/schema.ts';
import { toCsv } from './lib/results.ts';

// Pipeline: getPoll → getTally. Organizers only (see the schema).
export function request(ctx: Context<QueryExportResultsArgs>) {
  ctx.stash.pollId = ctx.args.pollId;
  return {};
}

export function response(ctx: Context<QueryExportResultsArgs>) {
  return toCsv(ctx.stash.results);
}
