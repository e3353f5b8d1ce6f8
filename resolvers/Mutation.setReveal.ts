import { util, type Context } from '@aws-appsync/utils';
import type { MutationSetRevealArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { isConditionFailure, raiseDataSourceError } from './lib/errors.ts';
import { questionKey } from './lib/keys.ts';

/** The presenter's Reveal / Hide: onQuestionChanged carries it to the screen and the phones at once. */
export function request(ctx: Context<MutationSetRevealArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(questionKey(ctx.args.eventId, ctx.args.questionId)),
    update: {
      expression: 'SET #reveal = :reveal, #updatedAt = :now',
      expressionNames: { '#reveal': 'reveal', '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':reveal': ctx.args.reveal, ':now': util.time.nowISO8601() }),
    },
    condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  };
}

export function response(ctx: Context<MutationSetRevealArgs>) {
  if (isConditionFailure(ctx.error)) util.error(`Event ${ctx.args.eventId} has no question ${ctx.args.questionId}`, 'NotFound');
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
