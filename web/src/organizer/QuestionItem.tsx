import { useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure } from '../api/errors.ts';
import { optionColour } from '../palette.ts';
import { downloadCsv } from './download.ts';
import { duplicateQuestion, exportQuestion, moveQuestion, removeQuestion, updateQuestion, type OrganizerEvent, type OrganizerQuestion } from './operations.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { draftOf, draftProblem, questionInput, settingsSummary, type QuestionDraft } from './questionDraft.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';
import { StateTag } from './StateTag.tsx';
import { Confirm } from '../components/Confirm.tsx';

type Action = 'up' | 'down' | 'duplicate' | 'export' | 'remove' | 'save';

/** Words for a refused edit: the server refuses once a question has answers. */
const LOCKED = 'This question already has answers, so it can no longer be edited. Reset it (which clears its answers) or duplicate it and edit the copy.';

/** One question of an event in the editor: what it is, and moving, duplicating, editing, exporting, removing it. */
export function QuestionItem(props: {
  event: OrganizerEvent;
  question: OrganizerQuestion;
  position: number;
  onEvent: (event: OrganizerEvent | null | undefined) => void;
  onStale: () => void;
}) {
  const { event, question, position, onEvent, onStale } = props;
  const { failed } = useOrganizer();
  const [busy, setBusy] = useState<Action | null>(null);
  const [editing, setEditing] = useState<QuestionDraft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const last = event.questions.length - 1;
  const ids = { eventId: event.id, questionId: question.id };

  const run = async (action: Action) => {
    if (action === 'save' && editing) {
      const invalid = draftProblem(editing);
      if (invalid) return setProblem(invalid);
    }
    setBusy(action);
    setProblem(null);
    setConfirming(false);
    try {
      if (action === 'export') {
        const result = await api().graphql({ query: exportQuestion, variables: ids, ...AS_ORGANIZER });
        downloadCsv(`handsup-${event.code}-question-${position + 1}-round-${question.round}.csv`, result.data.exportQuestion ?? '');
      } else if (action === 'up' || action === 'down') {
        const result = await api().graphql({ query: moveQuestion, variables: { ...ids, position: action === 'up' ? position - 1 : position + 1 }, ...AS_ORGANIZER });
        onEvent(result.data.moveQuestion);
      } else if (action === 'duplicate') {
        const result = await api().graphql({ query: duplicateQuestion, variables: ids, ...AS_ORGANIZER });
        onEvent(result.data.duplicateQuestion);
      } else if (action === 'remove') {
        const result = await api().graphql({ query: removeQuestion, variables: ids, ...AS_ORGANIZER });
        onEvent(result.data.removeQuestion);
      } else if (action === 'save' && editing) {
        const result = await api().graphql({ query: updateQuestion, variables: { ...ids, input: questionInput(editing) }, ...AS_ORGANIZER });
        onEvent(result.data.updateQuestion);
        setEditing(null);
      }
    } catch (error) {
      const type = apiFailure(error).type;
      const locked = action === 'save' && type === 'InvalidState';
      setProblem(locked ? LOCKED : failed(error));
      // Nothing typed can be saved any more: the form goes, the reason stays.
      if (locked) setEditing(null);
      // Someone else changed the event meanwhile (or answers arrived): show it as it is now.
      if (['InvalidState', 'ConcurrentChange', 'NotFound'].includes(type)) onStale();
    } finally {
      setBusy(null);
    }
  };

  const small = 'button-link button-link--secondary button-link--small';
  return (
    <li className="question-item" data-testid={`question-${position + 1}`} aria-label={`${position + 1}. ${question.title}`}>
      <div className="question-item__head">
        <span className="question-item__number">{position + 1}</span>
        <h3 className="question-item__title">{question.title}</h3>
        <StateTag state={question.state} />
      </div>
      <p className="question-item__facts" data-testid="question-settings">
        {settingsSummary(question)}
        {question.round > 1 ? ` · round ${question.round}` : ''}
        {question.answered ? ' · has answers' : ''}
      </p>
      {question.type === 'MULTIPLE_CHOICE' ? (
        <p className="question-item__options">
          {question.options.map((option, index) => (
            <span key={option.id} className="console-chip">
              <span className="console-chip__swatch" style={{ background: optionColour(index).background }} aria-hidden="true" />
              {option.label}
            </span>
          ))}
        </p>
      ) : null}

      {editing ? (
        <form
          className="question-item__edit"
          aria-label={`Edit question ${position + 1}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run('save');
          }}
          noValidate
        >
          <QuestionEditor draft={editing} onChange={setEditing} disabled={busy === 'save'} />
          <p className="new-event__actions">
            <button type="submit" className="button-link button-link--small" disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save question'}
            </button>
            <button type="button" className={small} onClick={() => (setEditing(null), setProblem(null))}>
              Cancel
            </button>
          </p>
        </form>
      ) : (
        <div className="question-item__actions">
          <button type="button" className={small} disabled={busy !== null || position === 0} onClick={() => void run('up')}>
            Move up
          </button>
          <button type="button" className={small} disabled={busy !== null || position === last} onClick={() => void run('down')}>
            Move down
          </button>
          <button
            type="button"
            className={small}
            disabled={busy !== null || question.answered}
            title={question.answered ? LOCKED : undefined}
            onClick={() => (setEditing(draftOf(question)), setProblem(null))}
          >
            Edit
          </button>
          <button type="button" className={small} disabled={busy !== null} onClick={() => void run('duplicate')}>
            {busy === 'duplicate' ? 'Duplicating…' : 'Duplicate'}
          </button>
          <button type="button" className={small} disabled={busy !== null} onClick={() => void run('export')}>
            {busy === 'export' ? 'Exporting…' : 'Export CSV'}
          </button>
          <button type="button" className={`${small} button-link--danger-text`} disabled={busy !== null} onClick={() => setConfirming(true)}>
            Remove
          </button>
        </div>
      )}
      {question.answered && !editing ? <p className="question-item__locked muted">Has answers: editing is locked until it is reset.</p> : null}

      {confirming ? (
        <Confirm verb="remove" onConfirm={() => void run('remove')} onCancel={() => setConfirming(false)}>
          Remove “{question.title}” and its answers from the event?
        </Confirm>
      ) : null}
      {problem ? (
        <p className="form-message form-message--error" role="alert" data-testid="question-problem">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
