// Renders one mapping template for a resolver or function and tells what came of it,
// in the JS runtime's terms (local/runtime/handler.ts): a value, an early return
// (`#return`), or a field error ($util.error, $util.unauthorized, a template fault).
import type { Outcome } from '../runtime/handler.ts';
import { withInvocation, type Invocation } from '../runtime/invocation.ts';
import { ResolverError } from '../runtime/signals.ts';
import { templateVariables, type VtlContext } from './context.ts';
import type { MappingTemplate } from './engine.ts';

/** The errorType AppSync gives faults of a mapping template itself (unparsable output, a bad reference). */
export const MAPPING_TEMPLATE_ERROR = 'MappingTemplate';

/** The text a template rendered, or a `#return`, before its text is read as JSON. */
export type Rendering = { kind: 'text'; text: string } | { kind: 'return'; value: unknown } | { kind: 'error'; error: ResolverError };

export function renderTemplate(template: MappingTemplate, ctx: VtlContext, invocation: Invocation): Rendering {
  try {
    const rendered = withInvocation(invocation, () => template.render(templateVariables(ctx)));
    if (rendered.kind === 'return') return { kind: 'return', value: rendered.hasValue ? rendered.value : null };
    return rendered;
  } catch (thrown) {
    if (thrown instanceof ResolverError) return { kind: 'error', error: thrown };
    return { kind: 'error', error: new ResolverError((thrown as Error)?.message ?? String(thrown), MAPPING_TEMPLATE_ERROR) };
  }
}

/** A template's text is JSON (blank: null); anything else is the template's fault. */
export function readOutput(text: string): { ok: true; value: unknown } | { ok: false; error: ResolverError } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    return { ok: false, error: new ResolverError(`Unable to parse the JSON document: ${(error as Error).message}`, MAPPING_TEMPLATE_ERROR) };
  }
}

/** Renders and reads the output: `#return` is an early return, as runtime.earlyReturn is in JS. */
export function runTemplate(template: MappingTemplate, ctx: VtlContext, invocation: Invocation): Outcome {
  const rendering = renderTemplate(template, ctx, invocation);
  if (rendering.kind === 'error') return rendering;
  if (rendering.kind === 'return') return { kind: 'early', value: rendering.value, skipTo: undefined };
  const output = readOutput(rendering.text);
  return output.ok ? { kind: 'value', value: output.value } : { kind: 'error', error: output.error };
}

