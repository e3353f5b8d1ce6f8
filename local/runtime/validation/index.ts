// Validation at load time, as AppSync validates code when it is saved
// (CreateResolver/CreateFunction answer BadRequestException "The code contains
// one or more errors"): the size limit, then parsing and the lint rules. Each
// problem is a CodeError as EvaluateCode reports it (API_CodeError.html:
// errorType LINT_ERROR or PARSER_ERROR, value, location {line, column, span}),
// plus where it is in the TypeScript source when the bundle has a source map.
import { SourcePositions, type Position } from '../positions.ts';
import { cachedLint, cacheLint } from './cache.ts';
import { lint, type LintMessage } from './lint.ts';
import { createProgram, virtualPaths } from './program.ts';

/** API_Resolver/API_FunctionConfiguration: `code` is at most 32,768 characters. */
export const MAX_CODE_LENGTH = 32_768;

export type CodeError = {
  errorType: 'LINT_ERROR' | 'PARSER_ERROR' | 'VALIDATION_ERROR';
  value: string;
  /** In the bundled code, as AppSync would report it. */
  location: { line: number; column: number; span: number };
  /** In the source the user wrote (the bundle's own position without a source map). */
  source: Position;
  ruleId?: string;
};

export type CodeToValidate = {
  code: string;
  /** How the code is named in errors: the source path, or `code.js` for evaluate-code. */
  name: string;
  /** The bundle's source map, to place errors in the TypeScript source. */
  map?: string;
};

/** Validates modules together (one TypeScript program for all); errors per module, in order. */
export function validateModules(modules: CodeToValidate[]): CodeError[][] {
  const results: CodeError[][] = modules.map(() => []);
  const lintable: number[] = [];
  modules.forEach((module, i) => {
    if (module.code.length > MAX_CODE_LENGTH) {
      results[i]!.push({
        errorType: 'VALIDATION_ERROR',
        // The API's own words for a too-long `code` member (its length constraint, API_EvaluateCode.html).
        value: `1 validation error detected: Value at 'code' failed to satisfy constraint: Member must have length less than or equal to ${MAX_CODE_LENGTH}`,
        location: { line: 0, column: 0, span: -1 },
        source: { file: module.name, line: 0, column: 0 },
      });
    } else lintable.push(i);
  });
  const messages = new Map<number, LintMessage[]>();
  const uncached = lintable.filter((i) => {
    const cached = cachedLint(modules[i]!.code);
    if (cached) messages.set(i, cached);
    return !cached;
  });
  if (uncached.length) {
    // One TypeScript program for every module still to lint (the type-aware rules need it).
    const paths = virtualPaths(modules.length);
    const program = createProgram(uncached.map((i) => ({ path: paths[i]!, code: modules[i]!.code })));
    for (const i of uncached) {
      messages.set(i, lint(modules[i]!.code, paths[i]!, program));
      cacheLint(modules[i]!.code, messages.get(i)!);
    }
  }
  for (const i of lintable) {
    const module = modules[i]!;
    const positions = module.map ? new SourcePositions(module.name, emptyMap(), module.map) : undefined;
    for (const message of messages.get(i)!) {
      const span = message.endLine === message.line && message.endColumn ? message.endColumn - message.column : -1;
      results[i]!.push({
        errorType: message.fatal ? 'PARSER_ERROR' : 'LINT_ERROR',
        value: message.message,
        location: { line: message.line, column: message.column, span },
        source: positions ? positions.fromBundle(message.line, message.column) : { file: module.name, line: message.line, column: message.column },
        ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      });
    }
  }
  return results;
}

export function validateCode(module: CodeToValidate): CodeError[] {
  return validateModules([module])[0]!;
}

/** A code error as one line: `file:line:column: message (rule)`. */
export function describeCodeError(error: CodeError): string {
  const { file, line, column } = error.source;
  return `${file}:${line}:${column}: ${error.value}${error.ruleId ? ` (${error.ruleId})` : ''}`;
}

/** Code that AppSync would refuse to save; the API does not start with it. */
export class CodeValidationError extends Error {
  override name = 'CodeValidationError';
  constructor(readonly errors: CodeError[]) {
    super(`The code contains one or more errors:\n${errors.map((e) => `  ${describeCodeError(e)}`).join('\n')}`);
  }
}

const emptyMap = () => JSON.stringify({ version: 3, sources: [], names: [], mappings: '' });
