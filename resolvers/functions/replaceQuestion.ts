import { util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Replaces ctx.stash.question's settings with ctx.stash.settings while it has no
 * answers this round: the answers given so far must mean what they meant.
 */
export function request(ctx: Context) {
  const question = ctx.stash.question as QuestionItem;
  if (question.answered) util.error('This question has answers: reset it or duplicate it to change it', 'InvalidState');
  const settings = ctx.stash.settings as Record<string, unknown>;
  const names: Record<string, string> = { '#updatedAt': 'updatedAt', '#answered': 'answered', '#round': 'round' };
  const values: Record<string, unknown> = { ':now': util.time.nowISO8601(), ':false': false, ':round': question.round };
  const sets = Object.keys(settings).map((name) => {
    names[`#${name}`] = name;
    values[`:${name}`] = settings[name];
    return `#${name} = :${name}`;
  });
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(questionKey(question.eventId, question.id)),
    update: { expression: `SET ${sets.join(', ')}, #updatedAt = :now`, expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) },
    condition: { expression: '#answered = :false AND #round = :round', expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) util.error('This question has answers: reset it or duplicate it to change it', 'InvalidState');
  raiseDataSourceError(ctx.error);
  ctx.stash.question = ctx.result;
  return ctx.result;
}
