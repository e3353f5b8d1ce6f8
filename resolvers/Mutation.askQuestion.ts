import { util, type Context } from '@aws-appsync/utils';
import type { MutationAskQuestionArgs } from './generated/schema.ts';
import { checkText, MAX_AUTHOR_NAME, MAX_ENTRY_TEXT, toEntry } from './lib/entries.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: loadAnswerContext → putEntry → markAnswered (after the entry, unlike an
// answer's: putEntry refuses what the question cannot take, and a mark missed by a
// crash only lets the organizer edit the question). What it answers is what
// onEntryChanged pushes (to organizers only while the entry waits for approval).
export function request(ctx: Context<MutationAskQuestionArgs>) {
  const { args } = ctx;
  checkId('event id', args.eventId);
  checkId('question id', args.questionId);
  checkId('participant id', args.participantId);
  ctx.stash.eventId = args.eventId;
  ctx.stash.questionId = args.questionId;
  ctx.stash.participantId = args.participantId;
  ctx.stash.text = checkText(args.text, 'Your question', 1, MAX_ENTRY_TEXT);
  const name = args.name === undefined || args.name === null ? '' : checkText(args.name, 'Your name', 0, MAX_AUTHOR_NAME);
  ctx.stash.author = args.anonymous || name === '' ? null : name;
  return {};
}

export function response(ctx: Context<MutationAskQuestionArgs>) {
  return toEntry(ctx.stash.entry, null);
}
