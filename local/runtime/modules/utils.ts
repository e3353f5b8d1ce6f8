// @aws-appsync/utils as resolver code sees it: util, extensions and runtime.
import { EarlyReturn, type SkipTo } from '../signals.ts';
import { extensions } from '../extensions.ts';
import { util } from '../util/index.ts';

export const runtime = {
  /** runtime-utils-js.html: leaves the handler; what is skipped depends on where it is called and on skipTo. */
  earlyReturn(value?: unknown, options?: { skipTo?: SkipTo }): never {
    const skipTo = options?.skipTo;
    if (skipTo !== undefined && skipTo !== 'END' && skipTo !== 'NEXT') {
      throw new TypeError(`skipTo must be 'END' or 'NEXT', not ${JSON.stringify(skipTo)}`);
    }
    throw new EarlyReturn(value ?? null, skipTo);
  },
};

export { extensions, util };
