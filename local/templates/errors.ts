// A template the local AppSync cannot serve, with where and why: the file, the
// resource and the property. A kind of DeclarationError: callers treat both alike.
import { DeclarationError } from '../declaration/declaration.ts';

export class TemplateError extends DeclarationError {
  override name = 'TemplateError';
}
