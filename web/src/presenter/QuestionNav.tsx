import { useState } from 'react';
import { api } from '../api/client.ts';
import { goToQuestion, type OrganizerEvent } from '../organizer/operations.ts';
import { typeLabel } from '../organizer/questionDraft.ts';
import { AS_ORGANIZER, useOrganizer } from '../organizer/session.tsx';
import { StateTag } from '../organizer/StateTag.tsx';

/** Previous / next, and every question of the event to jump to: the phones and the big screen follow (onEventChanged). */
export function QuestionNav({ event, onEvent }: { event: OrganizerEvent; onEvent: (event: OrganizerEvent | null | undefined) => void }) {
  const { failed } = useOrganizer();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const index = event.questions.findIndex((question) => question.id === event.currentQuestionId);
  const previous = index > 0 ? event.questions[index - 1] : undefined;
  const next = index >= 0 ? event.questions[index + 1] : event.questions[0];

  const go = async (questionId: string) => {
    setBusy(questionId);
    setProblem(null);
    try {
      const result = await api().graphql({ query: goToQuestion, variables: { eventId: event.id, questionId }, ...AS_ORGANIZER });
      onEvent(result.data.goToQuestion);
    } catch (error) {
      setProblem(failed(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <nav className="presenter-nav" aria-label="Questions">
      <div className="presenter-nav__step">
        <button type="button" className="button-link button-link--secondary" disabled={!previous || busy !== null} onClick={() => previous && void go(previous.id)}>
          ← Previous
        </button>
        <span className="presenter-nav__where" data-testid="question-position">
          {index >= 0 ? `Question ${index + 1} of ${event.questions.length}` : 'No question on yet'}
        </span>
        <button type="button" className="button-link" disabled={!next || busy !== null} onClick={() => next && void go(next.id)}>
          Next →
        </button>
      </div>
      <ol className="presenter-nav__list">
        {event.questions.map((question, position) => {
          const current = question.id === event.currentQuestionId;
          return (
            <li key={question.id} className={current ? 'presenter-nav__item presenter-nav__item--current' : 'presenter-nav__item'}>
              <button
                type="button"
                className="presenter-nav__jump"
                aria-current={current ? 'step' : undefined}
                disabled={busy !== null || current}
                onClick={() => void go(question.id)}
              >
                <span className="presenter-nav__number">{position + 1}</span>
                <span className="presenter-nav__title">{question.title}</span>
                <span className="presenter-nav__type">{typeLabel(question.type)}</span>
              </button>
              <StateTag state={question.state} />
            </li>
          );
        })}
      </ol>
      {problem ? (
        <p className="form-message form-message--error" role="alert">
          {problem}
        </p>
      ) : null}
    </nav>
  );
}
