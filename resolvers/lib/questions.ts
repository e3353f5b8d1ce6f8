// A question's settings from QuestionInput, checked and completed with defaults:
// the same rules for createEvent, addQuestion and updateQuestion.
import type { QuestionInput } from '../generated/schema.ts';
import { checkTitle, MAX_LABEL, MAX_OPTIONS, MIN_OPTIONS } from './bounds.ts';
import { badRequest } from './errors.ts';
import type { QuestionItem } from './model.ts';

const SCALE_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The stored settings of a question (everything but its identity, state and round). */
export function questionSettings(input: QuestionInput) {
  const title = checkTitle('A question', input.title);
  const allowChange = input.allowChange === true;
  const resultsVisibility = input.resultsVisibility ?? 'ALWAYS';
  const base = { type: input.type, title, resultsVisibility, allowChange, maxChoices: 1, scale: null as number | null, profanityFilter: false, moderated: false };
  if (input.type === 'MULTIPLE_CHOICE') {
    const labels = (input.options ?? []).map((label) => label.trim());
    if (labels.length < MIN_OPTIONS || labels.length > MAX_OPTIONS) badRequest(`A question has ${MIN_OPTIONS} to ${MAX_OPTIONS} options`);
    if (labels.some((label) => label.length === 0)) badRequest('Every option needs a label');
    if (labels.some((label) => label.length > MAX_LABEL)) badRequest(`An option label has at most ${MAX_LABEL} characters`);
    const lower = labels.map((label) => label.toLowerCase());
    if (lower.some((label, index) => lower.indexOf(label) !== index)) badRequest('Two options have the same label');
    const maxChoices = input.maxChoices ?? 1;
    if (maxChoices < 1 || maxChoices > labels.length) badRequest(`maxChoices must be between 1 and the number of options (${labels.length})`);
    return { ...base, maxChoices, options: labels.map((label, index) => ({ id: `o${index + 1}`, label })) };
  }
  if (input.type === 'RATING') {
    const scale = input.scale ?? 5;
    if (scale !== 5 && scale !== 10) badRequest('A rating scale is 5 or 10');
    // Stored as a multiple choice whose options are the scale's values.
    const options = SCALE_VALUES.slice(0, scale).map((value) => ({ id: `r${value}`, label: `${value}` }));
    return { ...base, scale, options };
  }
  if (input.type === 'WORD_CLOUD') return { ...base, options: [], profanityFilter: input.profanityFilter === true };
  return { ...base, options: [], allowChange: false, moderated: input.moderated === true };
}

/** A new question item's state: a draft in round 1 with no answers. */
export function newQuestionState(now: string) {
  return { state: 'DRAFT', reveal: 'AUTO', round: 1, answered: false, createdAt: now, updatedAt: now };
}

/** A new question of an event, from its checked settings. */
export function newQuestion(settings: ReturnType<typeof questionSettings>, eventId: string, id: string, now: string) {
  return { ...settings, id, eventId, ...newQuestionState(now) };
}

/** The copy of a question under a new id (and event): same settings, a draft in round 1 with no answers. */
export function copyQuestion(question: QuestionItem, eventId: string, id: string, now: string) {
  return {
    id,
    eventId,
    type: question.type,
    title: question.title,
    options: question.options,
    maxChoices: question.maxChoices,
    scale: question.scale ?? null,
    profanityFilter: question.profanityFilter,
    moderated: question.moderated,
    allowChange: question.allowChange,
    resultsVisibility: question.resultsVisibility,
    ...newQuestionState(now),
  };
}
