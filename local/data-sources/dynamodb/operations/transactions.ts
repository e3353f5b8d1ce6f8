// What TransactGetItems and TransactWriteItems share: at most 100 items, tables by declared name,
// an engine that has transactions, and cancellation reasons as AppSync hands them over:
// [{type, message, item?}], one per request item, in request order ("None" for items that were fine).
import { DynamoDbEngineError } from '../../../store/engine.ts';
import { AnswerWithError } from '../condition.ts';
import { missingField, validationError } from '../errors.ts';
import { arrayAt, objectAt, required, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem } from '../values.ts';

const MAX_ITEMS = 100;

export function transactItemsOf(request: Request) {
  const items = arrayAt(required(request, 'transactItems'), 'transactItems');
  if (items.length === 0) throw missingField('transactItems');
  if (items.length > MAX_ITEMS) {
    throw validationError(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ITEMS}`,
    );
  }
  return items.map((item, i) => objectAt(item, `transactItems][${i}`));
}

/** Engines without transactions (dynalite) say so, naming the setting that switches to one that has them. */
export class EngineLimitation extends Error {
  override name = 'EngineLimitation';
}

export function requireAction(target: Target, action: string) {
  const why = target.engine.unsupported?.[action];
  if (why) throw new EngineLimitation(why);
}

type Reason = { Code?: string; Message?: string; Item?: Record<string, never> };

/** A cancelled transaction: ctx.error, and ctx.result with the reasons (and null for the other key). */
export function cancelled(error: unknown, empty: 'items' | 'keys', returnItem: (index: number) => boolean): never {
  if (!(error instanceof DynamoDbEngineError) || error.type !== 'TransactionCanceledException') throw error;
  const reasons = ((error.cancellationReasons ?? []) as Reason[]).map((reason, index) => {
    const out: Record<string, unknown> = { type: reason.Code ?? 'None', message: reason.Message ?? null };
    if (reason.Item && returnItem(index)) out.item = fromWireItem(reason.Item);
    return out;
  });
  throw new AnswerWithError(error, { [empty]: null, cancellationReasons: reasons });
}
