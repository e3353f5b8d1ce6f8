// EvaluateMappingTemplate, offline: renders one VTL template against a context and
// answers in the shape of `aws appsync evaluate-mapping-template`
// (API_EvaluateMappingTemplate.html):
//   { evaluationResult: "<the rendered text>", error?: { message }, logs: [...], stash: "<JSON>", outErrors: "<JSON>" }
// Callable from Vitest: `evaluateMappingTemplate({ template, context })`.
import { readFileSync } from 'node:fs';
import { newInvocation, type ExtensionCalls, type Invocation } from '../runtime/invocation.ts';
import { contextOfJson, type VtlContext } from './context.ts';
import { MappingTemplate, TemplateParseError } from './engine.ts';
import { renderTemplate } from './handler.ts';

export type EvaluateMappingTemplateInput = {
  /** The template's text. */
  template: string;
  /** The context ($context), as an object or as the JSON text `--context` takes. */
  context: string | Record<string, unknown>;
  /** util.authType()'s answer (default: API key). */
  authType?: string;
  /** For util.unauthorized()'s message. */
  typeName?: string;
  fieldName?: string;
};

export type EvaluateMappingTemplateOutput = {
  evaluationResult?: string;
  error?: { message: string };
  logs: string[];
  stash: string;
  outErrors?: string;
};

/** Refused before anything runs, as the API refuses a request (BadRequestException). */
export class EvaluateMappingTemplateRequestError extends Error {
  override name = 'BadRequestException';
}

export function evaluateMappingTemplate(input: EvaluateMappingTemplateInput): EvaluateMappingTemplateOutput {
  return evaluate(input).output;
}

/** What a template did beyond its output, for tests: the arguments after it ran (`#set($ctx.args.x = …)`) and its `$extensions` calls. */
export type MappingTemplateEffects = EvaluateMappingTemplateOutput & { arguments: Record<string, unknown>; extensions: ExtensionCalls };

/** evaluateMappingTemplate, with the template's effects AppSync's API does not show. */
export function evaluateMappingTemplateEffects(input: EvaluateMappingTemplateInput): MappingTemplateEffects {
  const { output, ctx, invocation } = evaluate(input);
  return { ...output, arguments: ctx?.arguments ?? {}, extensions: invocation?.extensions ?? { invalidations: [], cacheEvictions: [] } };
}

function evaluate(input: EvaluateMappingTemplateInput): { output: EvaluateMappingTemplateOutput; ctx?: VtlContext; invocation?: Invocation } {
  let json: Record<string, unknown>;
  try {
    json = typeof input.context === 'string' ? JSON.parse(input.context) : input.context;
  } catch (error) {
    throw new EvaluateMappingTemplateRequestError(`The context is not valid JSON: ${(error as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new EvaluateMappingTemplateRequestError('The context must be a JSON object.');
  const ctx = contextOfJson(json);
  const info = ctx.info as { parentTypeName?: string; fieldName?: string };
  const invocation = newInvocation({
    typeName: input.typeName ?? info.parentTypeName ?? 'Query',
    fieldName: input.fieldName ?? info.fieldName ?? 'field',
    ...(input.authType ? { authType: input.authType } : {}),
  });
  const done = (fields: { evaluationResult?: string; error?: { message: string } }): EvaluateMappingTemplateOutput => ({
    ...fields,
    logs: invocation.logs,
    stash: JSON.stringify(ctx.stash),
    // As evaluate-code: outErrors only when $util.appendError was called.
    ...(invocation.errors.length ? { outErrors: JSON.stringify(invocation.errors) } : {}),
  });
  let template: MappingTemplate;
  try {
    template = new MappingTemplate(input.template);
  } catch (error) {
    if (error instanceof TemplateParseError) return { output: done({ error: { message: error.message } }) };
    throw error;
  }
  const rendering = renderTemplate(template, ctx, invocation);
  const effects = { ctx, invocation };
  if (rendering.kind === 'error') return { output: done({ error: { message: rendering.error.message } }), ...effects };
  if (rendering.kind === 'return') return { output: done({ evaluationResult: JSON.stringify(rendering.value) }), ...effects };
  return { output: done({ evaluationResult: rendering.text }), ...effects };
}

/** A template file evaluated, for tests: `evaluateTemplateFile('templates/getNote.req.vtl', { arguments: { id: '1' } })`. */
export function evaluateTemplateFile(file: string, context: Record<string, unknown>): EvaluateMappingTemplateOutput {
  return evaluateMappingTemplate({ template: readFileSync(file, 'utf8'), context });
}
