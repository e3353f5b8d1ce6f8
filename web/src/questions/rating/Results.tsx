import { ResultBars } from '../../components/ResultBars.tsx';
import type { ResultsProps } from '../types.ts';

/** The average ("—" before the first answer), one decimal. */
export const averageText = (average: number | null | undefined) => (average == null ? '—' : average.toFixed(1));

/** The average over the distribution, one bar per scale value. */
export function RatingResults({ question, results, answer, size }: ResultsProps & { size: 'phone' | 'screen' }) {
  const scale = question.options.length;
  return (
    <div className={`rating-results rating-results--${size}`}>
      <p className="rating-results__average" aria-label={`Average ${averageText(results.average)} out of ${scale}`}>
        <span className="rating-results__number" data-testid="rating-average">
          {averageText(results.average)}
        </span>
        <span className="rating-results__scale"> / {scale}</span>
      </p>
      <ResultBars poll={question} results={results} size={size} mine={answer?.optionIds ?? null} />
    </div>
  );
}
