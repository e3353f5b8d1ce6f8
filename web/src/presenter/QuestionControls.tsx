import { useState } from 'react';
import { api } from '../api/client.ts';
import { closeQuestion, openQuestion, resetQuestion, setReveal, type OrganizerQuestion, type Reveal } from '../organizer/operations.ts';
import { AS_ORGANIZER, useOrganizer } from '../organizer/session.tsx';
import { Confirm } from '../components/Confirm.tsx';

type Action = 'open' | 'close' | 'reset' | Reveal;

/** The current question's controls: open, close, reset (a new round), and Reveal / Hide results for the big screen and phones. */
export function QuestionControls({ question, onQuestion }: { question: OrganizerQuestion; onQuestion: (question: OrganizerQuestion | null | undefined) => void }) {
  const { failed } = useOrganizer();
  const [busy, setBusy] = useState<Action | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { eventId: question.eventId, questionId: question.id };

  const run = async (action: Action) => {
    setBusy(action);
    setProblem(null);
    setConfirmReset(false);
    try {
      if (action === 'open') onQuestion((await api().graphql({ query: openQuestion, variables: ids, ...AS_ORGANIZER })).data.openQuestion);
      else if (action === 'close') onQuestion((await api().graphql({ query: closeQuestion, variables: ids, ...AS_ORGANIZER })).data.closeQuestion);
      else if (action === 'reset') onQuestion((await api().graphql({ query: resetQuestion, variables: ids, ...AS_ORGANIZER })).data.resetQuestion);
      else onQuestion((await api().graphql({ query: setReveal, variables: { ...ids, reveal: action }, ...AS_ORGANIZER })).data.setReveal);
    } catch (error) {
      setProblem(failed(error));
    } finally {
      setBusy(null);
    }
  };

  const canReveal = question.type !== 'QA';
  return (
    <div className="presenter-controls" role="group" aria-label="Controls">
      <div className="presenter-controls__row">
        {question.state === 'DRAFT' ? (
          <button type="button" className="button-link" disabled={busy !== null} onClick={() => void run('open')}>
            {busy === 'open' ? 'Opening…' : question.type === 'QA' ? 'Open for questions' : 'Open voting'}
          </button>
        ) : null}
        {question.state === 'OPEN' ? (
          <button type="button" className="button-link button-link--danger" disabled={busy !== null} onClick={() => void run('close')}>
            {busy === 'close' ? 'Closing…' : question.type === 'QA' ? 'Close questions' : 'Close voting'}
          </button>
        ) : null}
        <button type="button" className="button-link button-link--secondary" disabled={busy !== null} onClick={() => setConfirmReset(true)}>
          Reset
        </button>
      </div>
      {canReveal ? (
        <div className="presenter-controls__row" role="group" aria-label="Results on the big screen and phones">
          <button type="button" className="button-link button-link--secondary" aria-pressed={question.reveal === 'SHOWN'} disabled={busy !== null || question.reveal === 'SHOWN'} onClick={() => void run('SHOWN')}>
            Reveal results
          </button>
          <button type="button" className="button-link button-link--secondary" aria-pressed={question.reveal === 'HIDDEN'} disabled={busy !== null || question.reveal === 'HIDDEN'} onClick={() => void run('HIDDEN')}>
            Hide results
          </button>
          <button type="button" className="button-link button-link--secondary button-link--small" aria-pressed={question.reveal === 'AUTO'} disabled={busy !== null || question.reveal === 'AUTO'} onClick={() => void run('AUTO')}>
            As set for the question
          </button>
        </div>
      ) : null}
      {confirmReset ? (
        <Confirm verb="reset" onConfirm={() => void run('reset')} onCancel={() => setConfirmReset(false)}>
          Start round {question.round + 1}? Every answer of round {question.round} stops counting, the results start from zero and the question goes back to not open.
        </Confirm>
      ) : null}
      {problem ? (
        <p className="form-message form-message--error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
