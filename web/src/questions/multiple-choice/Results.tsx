import { ResultBars } from '../../components/ResultBars.tsx';
import type { ResultsProps } from '../types.ts';

/** Bars, one per option, on the phone and on the big screen. */
export function MultipleChoiceResults({ question, results, answer, size }: ResultsProps & { size: 'phone' | 'screen' }) {
  return <ResultBars poll={question} results={results} size={size} mine={answer?.optionIds ?? null} />;
}
