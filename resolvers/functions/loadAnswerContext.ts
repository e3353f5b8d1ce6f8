import { util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { answerKey, eventKey, handsUpTable, participantKey, questionKey } from '../lib/keys.ts';

/**
 * Reads what an answer's rules need in one consistent BatchGetItem: the event, the
 * question and, when ctx.stash.participantId is given, the participant and their
 * answer. Stashes event, question, participant, answer (null when none); an unknown
 * event or question, or a participant id the event never minted, ends the request.
 */
export function request(ctx: Context) {
  const { eventId, questionId, participantId } = ctx.stash;
  const keys = [eventKey(eventId), questionKey(eventId, questionId)];
  if (participantId) keys.push(participantKey(eventId, participantId), answerKey(eventId, questionId, participantId));
  return {
    operation: 'BatchGetItem',
    tables: { [handsUpTable(ctx)]: { keys: keys.map((key) => util.dynamodb.toMapValues(key)), consistentRead: true } },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const table = handsUpTable(ctx);
  if ((ctx.result.unprocessedKeys?.[table] ?? []).length) util.error('The question could not be read: please try again', 'Throttled');
  const [event, question, participant, answer] = ctx.result.data[table];
  const { eventId, questionId, participantId } = ctx.stash;
  if (!event) util.error(`Event ${eventId} does not exist`, 'NotFound');
  if (!question) util.error(`Event ${eventId} has no question ${questionId}`, 'NotFound');
  if (participantId && !participant) util.error('This device has not joined the event: open it again from its code or link', 'NotParticipant');
  ctx.stash.event = event;
  ctx.stash.question = question;
  ctx.stash.participant = participant ?? null;
  ctx.stash.answer = answer ?? null;
  return question;
}
