// A declared resolver's or function's mapping templates, read and parsed at start: as
// AppSync refuses to save a template that does not parse, a bad one stops the API
// from starting, naming the file, line and column.
import { readFileSync } from 'node:fs';
import { DeclarationError } from '../declaration/declaration.ts';
import { MappingTemplate, TemplateParseError } from './engine.ts';

export type TemplateSources = { requestTemplate?: string; responseTemplate?: string; readyTemplates?: { request?: string; response?: string } };

export type LoadedTemplates = { request?: MappingTemplate; response?: MappingTemplate };

/** Undefined when the step has no template (it is APPSYNC_JS, or a direct Lambda resolver). */
export function loadTemplates(step: TemplateSources): LoadedTemplates | undefined {
  if (!step.requestTemplate && !step.responseTemplate) return undefined;
  const load = (file: string | undefined, ready: string | undefined) => {
    if (!file) return undefined;
    let text = ready;
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new DeclarationError(`${file}: ${(error as Error).message}`);
      }
    }
    try {
      return new MappingTemplate(text);
    } catch (error) {
      if (error instanceof TemplateParseError) throw new DeclarationError(`${file}:${error.line}:${error.column}: ${error.message}`);
      throw error;
    }
  };
  return { request: load(step.requestTemplate, step.readyTemplates?.request), response: load(step.responseTemplate, step.readyTemplates?.response) };
}
