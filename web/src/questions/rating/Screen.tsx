import type { ResultsProps } from '../types.ts';
import { RatingResults } from './Results.tsx';

/** The big screen's view of a rating: the average, large, over the distribution. */
export function RatingScreen({ question, results }: ResultsProps) {
  return <RatingResults question={question} results={results} size="screen" />;
}
