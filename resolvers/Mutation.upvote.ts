import { util, type Context } from '@aws-appsync/utils';
import type { MutationUpvoteArgs } from './generated/schema.ts';
import { toEntry } from './lib/entries.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: loadAnswerContext → getEntry → getUpvote → recordUpvote →
// countUpvote → markUpvoteCounted → clearUpvoteInflight: one upvote per
// participant per entry, withdrawn with on: false, counted exactly once (the
// seq/inflight pattern of votes, on the entry item). A repeat answers as the first.
export function request(ctx: Context<MutationUpvoteArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('participant id', ctx.args.participantId);
  checkId('entry id', ctx.args.entryId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<MutationUpvoteArgs>) {
  // An earlier upvote was finished instead of this one (see recordUpvote).
  const { refusal } = ctx.stash;
  if (refusal) util.error(refusal.message, refusal.type);
  // upvotedByMe is the upvoter's: subscribers to onEntryChanged should read upvotes only.
  return toEntry(ctx.stash.entry, ctx.args.on);
}
