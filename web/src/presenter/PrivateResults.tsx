import type { OrganizerQuestion } from '../organizer/operations.ts';
import { viewsOf } from '../questions/views.tsx';
import type { LiveResults } from './useQuestionResults.ts';

/**
 * The presenter's private results of the current question: organizers see them
 * whatever the audience is shown. Drawn with each type's own results view (the
 * phone-sized one: a laptop beside the talk), so they read as the room will see them.
 */
export function PrivateResults({ question, live }: { question: OrganizerQuestion; live: LiveResults }) {
  const { results, problem } = live;
  const views = viewsOf(question.type);
  if (!views) return null;
  if (!results) return <p className="muted">{problem ?? 'Loading the results…'}</p>;
  return (
    <section className="private-results" aria-label="Results (only you see these)" data-testid="private-results" data-round={results.round}>
      <p className="private-results__note">
        Only you see these live ·{' '}
        <strong data-testid="private-voters">{results.voters}</strong> {results.voters === 1 ? 'person' : 'people'} answered
        {results.round !== question.round ? ' · updating…' : ''}
      </p>
      <views.PhoneResults question={question} results={results} size="phone" />
      {problem ? (
        <p className="form-message form-message--error" role="status">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
