// A question as the organizer writes it, before it is sent: what each type asks
// for, the checks a person should hear about before the server refuses (the
// server checks them all again), and the QuestionInput it becomes.
import type { OrganizerQuestion, QuestionInput, QuestionType, ResultsVisibility } from './operations.ts';

/** The API's bounds (EVENTS-CONTRACT: titles ≤ 200, option labels 1–80, 2–10 options). */
export const LIMITS = { title: 200, option: 80, minOptions: 2, maxOptions: 10 } as const;

export interface QuestionDraft {
  type: QuestionType;
  title: string;
  /** MULTIPLE_CHOICE only. */
  options: string[];
  /** MULTIPLE_CHOICE: 1 = single choice, else "up to N". */
  maxChoices: number;
  /** RATING: 5 or 10. */
  scale: 5 | 10;
  profanityFilter: boolean;
  moderated: boolean;
  allowChange: boolean;
  resultsVisibility: ResultsVisibility;
}

export const TYPES: { value: QuestionType; label: string }[] = [
  { value: 'MULTIPLE_CHOICE', label: 'Multiple choice' },
  { value: 'RATING', label: 'Rating' },
  { value: 'WORD_CLOUD', label: 'Word cloud' },
  { value: 'QA', label: 'Q&A' },
];

export const typeLabel = (type: QuestionType) => TYPES.find((t) => t.value === type)?.label ?? type;

export const VISIBILITY: { value: ResultsVisibility; label: string }[] = [
  { value: 'ALWAYS', label: 'Always, live' },
  { value: 'AFTER_VOTE', label: 'To each person after they answer; on the big screen at close' },
  { value: 'AFTER_CLOSE', label: 'When the question closes' },
];

/** Which settings a type has. */
export const hasOptions = (type: QuestionType) => type === 'MULTIPLE_CHOICE';
export const hasAllowChange = (type: QuestionType) => type !== 'QA';
export const hasVisibility = (type: QuestionType) => type !== 'QA';

export function emptyDraft(type: QuestionType = 'MULTIPLE_CHOICE'): QuestionDraft {
  return {
    type,
    title: '',
    options: ['', ''],
    maxChoices: 1,
    scale: 5,
    profanityFilter: true,
    moderated: false,
    allowChange: false,
    resultsVisibility: 'ALWAYS',
  };
}

/** A saved question back as a draft, for editing. */
export function draftOf(question: OrganizerQuestion): QuestionDraft {
  const multiple = question.type === 'MULTIPLE_CHOICE';
  return {
    type: question.type,
    title: question.title,
    options: multiple ? question.options.map((option) => option.label) : ['', ''],
    maxChoices: multiple ? question.maxChoices : 1,
    scale: question.scale === 10 ? 10 : 5,
    profanityFilter: question.profanityFilter,
    moderated: question.moderated,
    allowChange: question.allowChange,
    resultsVisibility: question.resultsVisibility,
  };
}

const filled = (options: string[]) => options.map((label) => label.trim()).filter((label) => label.length > 0);

/** Two labels a person would read as the same option. */
const sameLabel = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** The first pair of options that differ only in case (or not at all), if any. */
export function duplicateOptions(options: string[]): [string, string] | null {
  const labels = filled(options);
  for (let i = 0; i < labels.length; i += 1) {
    for (let j = i + 1; j < labels.length; j += 1) {
      if (sameLabel(labels[i] as string, labels[j] as string)) return [labels[i] as string, labels[j] as string];
    }
  }
  return null;
}

/** What keeps this draft from being saved, in words; null when it may be sent. */
export function draftProblem(draft: QuestionDraft): string | null {
  const title = draft.title.trim();
  if (title.length === 0) return 'Write the question first.';
  if (title.length > LIMITS.title) return `The question is longer than ${LIMITS.title} characters.`;
  if (!hasOptions(draft.type)) return null;
  const options = filled(draft.options);
  if (options.length < LIMITS.minOptions) return 'A multiple-choice question needs at least two options.';
  if (options.length > LIMITS.maxOptions) return `A question has at most ${LIMITS.maxOptions} options.`;
  const twins = duplicateOptions(options);
  if (twins) {
    return twins[0] === twins[1]
      ? `Two options read “${twins[0]}”: make each one different.`
      : `“${twins[0]}” and “${twins[1]}” differ only in case: make each option different.`;
  }
  if (draft.maxChoices < 1 || draft.maxChoices > options.length) return `Each person may pick between 1 and ${options.length} options.`;
  return null;
}

/** The QuestionInput for a draft that has no problem: only the settings its type has. */
export function questionInput(draft: QuestionDraft): QuestionInput {
  const input: QuestionInput = { type: draft.type, title: draft.title.trim() };
  if (hasOptions(draft.type)) {
    input.options = filled(draft.options);
    input.maxChoices = draft.maxChoices;
  }
  if (draft.type === 'RATING') input.scale = draft.scale;
  if (draft.type === 'WORD_CLOUD') input.profanityFilter = draft.profanityFilter;
  if (draft.type === 'QA') input.moderated = draft.moderated;
  if (hasAllowChange(draft.type)) input.allowChange = draft.allowChange;
  if (hasVisibility(draft.type)) input.resultsVisibility = draft.resultsVisibility;
  return input;
}

/** A line that says how the question is set up, for the lists. */
export function settingsSummary(question: Pick<OrganizerQuestion, 'type' | 'maxChoices' | 'scale' | 'profanityFilter' | 'moderated' | 'allowChange' | 'resultsVisibility'>): string {
  const parts: string[] = [typeLabel(question.type)];
  if (question.type === 'MULTIPLE_CHOICE') parts.push(question.maxChoices > 1 ? `up to ${question.maxChoices} choices` : 'one choice');
  if (question.type === 'RATING') parts.push(`1–${question.scale ?? 5}`);
  if (question.type === 'WORD_CLOUD') parts.push(question.profanityFilter ? 'profanity filter on' : 'profanity filter off');
  if (question.type === 'QA') parts.push(question.moderated ? 'moderated' : 'not moderated');
  if (hasAllowChange(question.type) && question.allowChange) parts.push('answers may change');
  if (hasVisibility(question.type)) {
    parts.push(
      question.resultsVisibility === 'ALWAYS' ? 'results live' : question.resultsVisibility === 'AFTER_VOTE' ? 'results after answering' : 'results at close',
    );
  }
  return parts.join(' · ');
}
