// Size and shape checks for every argument, in the request handler, before
// anything reaches the table (issue 9 item 7): a 500 KB id must be a BadRequest
// with a sentence, not a DynamoDB exception. Lengths are checked before any
// pattern so a huge value costs nothing.
import { util } from '@aws-appsync/utils';
import { badRequest } from './errors.ts';

export const MAX_ID = 64;
export const MAX_CODE = 16;
export const MAX_TITLE = 200;
export const MAX_LABEL = 80;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_QUESTIONS = 25;

/** Ids (events, questions, participants, options, entries): 1–64 of A–Z, a–z, 0–9 and '-'. */
export function checkId(name: string, value: string | null | undefined) {
  if (value === null || value === undefined) return;
  if (value.length === 0 || value.length > MAX_ID || !util.matches('[A-Za-z0-9-]+', value)) {
    badRequest(`The ${name} is not valid: at most ${MAX_ID} letters, digits and dashes`);
  }
}

/** A short code as people type it: at most 16 characters, spaces and dashes included. */
export function checkCode(code: string) {
  if (code.trim().length === 0) badRequest('Type the event code shown on the screen');
  if (code.length > MAX_CODE || !util.matches('[A-Za-z0-9 -]+', code)) {
    badRequest(`An event code has at most ${MAX_CODE} letters and digits`);
  }
}

/** A title, trimmed: 1–200 characters. */
export function checkTitle(what: string, title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0) badRequest(`${what} needs a title`);
  if (trimmed.length > MAX_TITLE) badRequest(`${what} title has at most ${MAX_TITLE} characters`);
  return trimmed;
}

/** A position in the event's list of questions. */
export function checkPosition(position: number, count: number) {
  if (position < 0 || position >= count) badRequest(`The position must be between 0 and ${count - 1}`);
}
