// @aws-appsync/utils as resolver code sees it: util, extensions and runtime.
import { EarlyReturn, type SkipTo } from '../signals.ts';
import { util } from '../util/index.ts';

export const runtime = {
  earlyReturn(value?: unknown, options?: { skipTo?: SkipTo }): never {
    throw new EarlyReturn(value ?? null, options?.skipTo);
  },
};

export const extensions = {};

export { util };
