import { util, type Context } from '@aws-appsync/utils';
import type { QueryExportEventArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { eventCsv } from './lib/csv.ts';

// Pipeline: getEvent → listQuestions → getTallies (× 5: 6 questions each) → queryEventEntries
// (× 3: the entries of the first 3 Q&A questions; 10 functions is AppSync's limit). Organizers only (see the schema).
export function request(ctx: Context<QueryExportEventArgs>) {
  checkId('event id', ctx.args.eventId);
  ctx.stash.eventId = ctx.args.eventId;
  return {};
}

export function response(ctx: Context<QueryExportEventArgs>) {
  const { questions, sections, entriesOf } = ctx.stash;
  return eventCsv(questions ?? [], sections ?? [], entriesOf ?? {}, util.time.nowISO8601());
}
