import { percentages } from '../live/tally.ts';
import type { OrganizerQuestion } from '../organizer/operations.ts';
import { optionColour } from '../palette.ts';
import type { LiveResults } from './useQuestionResults.ts';

/**
 * The presenter's private results of the current question: organizers see them
 * whatever the audience is shown. Compact on purpose (a laptop beside the talk);
 * the big screen's own views are the audience's.
 */
export function PrivateResults({ question, live }: { question: OrganizerQuestion; live: LiveResults }) {
  const { results, problem } = live;
  if (!results) return <p className="muted">{problem ?? 'Loading the results…'}</p>;
  const stale = results.round !== question.round;
  return (
    <section className="private-results" aria-label="Results (only you see these)" data-testid="private-results" data-round={results.round}>
      <p className="private-results__note">
        Only you see these · <span data-testid="private-voters">{results.voters}</span> {results.voters === 1 ? 'person' : 'people'} answered
        {question.type === 'RATING' && results.average != null ? (
          <>
            {' '}
            · average <strong data-testid="private-average">{results.average.toFixed(1)}</strong>
          </>
        ) : null}
        {stale ? ' · updating…' : ''}
      </p>
      {question.type === 'WORD_CLOUD' ? <Words words={results.words} /> : <Bars options={results.options} />}
      {problem ? (
        <p className="form-message form-message--error" role="status">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function Bars({ options }: { options: { optionId: string; label: string; votes: number }[] }) {
  const shares = percentages(options.map((option) => option.votes));
  const most = Math.max(1, ...options.map((option) => option.votes));
  return (
    <ol className="private-bars">
      {options.map((option, index) => (
        <li key={option.optionId} className="private-bars__row" data-testid={`private-${option.optionId}`} aria-label={`${option.label}: ${option.votes}, ${shares[index]}%`}>
          <span className="private-bars__label">{option.label}</span>
          <span className="private-bars__track" aria-hidden="true">
            <span className="private-bars__bar" style={{ width: `${(option.votes / most) * 100}%`, background: optionColour(index).background }} />
          </span>
          <span className="private-bars__votes" data-testid={`private-votes-${option.optionId}`}>
            {option.votes}
          </span>
          <span className="private-bars__share">{shares[index]}%</span>
        </li>
      ))}
    </ol>
  );
}

function Words({ words }: { words: { word: string; count: number }[] }) {
  if (words.length === 0) return <p className="muted">No words yet.</p>;
  return (
    <ol className="private-words">
      {words.map((entry) => (
        <li key={entry.word} data-testid="private-word">
          <span className="private-words__word">{entry.word}</span> <span className="private-words__count">{entry.count}</span>
        </li>
      ))}
    </ol>
  );
}
