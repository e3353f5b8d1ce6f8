import type { QuestionState } from './operations.ts';

const WORDS: Record<QuestionState, string> = {
  DRAFT: 'Not open yet',
  OPEN: 'Open',
  CLOSED: 'Closed',
};

/** A question's state as a tag; solid colours with dark text keep 4.5:1 contrast (organizer.css). */
export function StateTag({ state }: { state: QuestionState }) {
  return (
    <span className={`console-tag console-tag--${state.toLowerCase()}`} data-testid="question-state" data-state={state}>
      {WORDS[state]}
    </span>
  );
}
