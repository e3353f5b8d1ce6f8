import { util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Resets ctx.stash.question: a new round with no answers, back to draft, the reveal
 * back to AUTO; answers of old rounds no longer count (their shards are not read).
 */
export function request(ctx: Context) {
  const question = ctx.stash.question as QuestionItem;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(questionKey(question.eventId, question.id)),
    update: {
      expression: 'SET #round = :next, #state = :draft, #reveal = :auto, #answered = :false, #updatedAt = :now',
      expressionNames: { '#round': 'round', '#state': 'state', '#reveal': 'reveal', '#answered': 'answered', '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':next': question.round + 1, ':draft': 'DRAFT', ':auto': 'AUTO', ':false': false, ':now': util.time.nowISO8601() }),
    },
    condition: {
      expression: '#round = :round',
      expressionNames: { '#round': 'round' },
      expressionValues: util.dynamodb.toMapValues({ ':round': question.round }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) util.error(`Question ${ctx.stash.question.id} was reset meanwhile`, 'ConcurrentChange');
  raiseDataSourceError(ctx.error);
  ctx.stash.question = ctx.result;
  return ctx.result;
}
