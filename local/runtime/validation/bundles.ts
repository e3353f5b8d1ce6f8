// Validation of an API's bundled resolvers and functions, all in one program.
import { relative } from 'node:path';
import type { CodeBundles } from '../../declaration/bundle.ts';
import { CodeValidationError, validateModules } from './index.ts';

/** Throws a CodeValidationError listing every problem of every bundle, if there is any. */
export function assertValidCode(bundles: Pick<CodeBundles, 'byFile' | 'maps'>): void {
  const files = [...bundles.byFile.keys()];
  const results = validateModules(
    files.map((file) => ({ code: bundles.byFile.get(file)!, name: relative(process.cwd(), file), map: bundles.maps.get(file) })),
  );
  const errors = results.flat();
  if (errors.length) throw new CodeValidationError(errors);
}
