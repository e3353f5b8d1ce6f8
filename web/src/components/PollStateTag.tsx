import type { QuestionState as PollState } from '../graphql/generated.ts';

const WORDS: Record<PollState, string> = {
  DRAFT: 'Not open yet',
  OPEN: 'Voting open',
  CLOSED: 'Closed',
};

/** The poll's state as a coloured tag. */
export function PollStateTag({ state }: { state: PollState }) {
  return (
    <span className={`state-tag state-tag--${state.toLowerCase()}`} data-testid="poll-state" data-state={state}>
      {WORDS[state]}
    </span>
  );
}
