import type { ResultsProps } from '../types.ts';
import { MultipleChoiceResults } from './Results.tsx';

/** The big screen's view of a multiple-choice question: live bars. */
export function MultipleChoiceScreen({ question, results }: ResultsProps) {
  return <MultipleChoiceResults question={question} results={results} size="screen" />;
}
