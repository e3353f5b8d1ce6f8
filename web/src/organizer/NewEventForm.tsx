import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { createEvent, type OrganizerEvent } from './operations.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { draftProblem, emptyDraft, LIMITS, questionInput, type QuestionDraft } from './questionDraft.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';

/** A new event: its title and its questions in order (more can be added later); the server checks every rule again. */
export function NewEventForm({ onCreated }: { onCreated: (event: OrganizerEvent) => void }) {
  const { failed } = useOrganizer();
  const [title, setTitle] = useState('');
  const [drafts, setDrafts] = useState<QuestionDraft[]>([emptyDraft()]);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim().length === 0) return setMessage({ kind: 'error', text: 'Give the event a title first.' });
    for (const [index, draft] of drafts.entries()) {
      const problem = draftProblem(draft);
      if (problem) return setMessage({ kind: 'error', text: `Question ${index + 1}: ${problem}` });
    }
    setSending(true);
    setMessage(null);
    try {
      const result = await api().graphql({ query: createEvent, variables: { input: { title: title.trim(), questions: drafts.map(questionInput) } }, ...AS_ORGANIZER });
      const created = result.data.createEvent;
      if (!created) throw new Error('The server did not answer with the new event.');
      setTitle('');
      setDrafts([emptyDraft()]);
      setMessage({ kind: 'done', text: `Created “${created.title}” with the code ${created.code}.` });
      onCreated(created);
    } catch (error) {
      setMessage({ kind: 'error', text: `The event was not created. ${failed(error)}` });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="panel new-event" onSubmit={submit} aria-labelledby="new-event-title" noValidate>
      <h2 id="new-event-title" className="section-title">
        New event
      </h2>
      <label className="field">
        <span>Event title</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Keynote: the year in serverless" maxLength={LIMITS.title} disabled={sending} />
      </label>
      {/* Each draft is a labelled group ("Question 2"), which a list item cannot also be: plain blocks, numbered by their labels. */}
      <div className="draft-list">
        {drafts.map((draft, index) => (
          <div key={index} className="draft" role="group" aria-label={`Question ${index + 1}`}>
            <div className="draft__head">
              <span className="draft__number">Question {index + 1}</span>
              <button
                type="button"
                className="button-link button-link--secondary button-link--small"
                disabled={drafts.length <= 1 || sending}
                onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}
              >
                Remove question {index + 1}
              </button>
            </div>
            <QuestionEditor draft={draft} onChange={(next) => setDrafts(drafts.map((old, i) => (i === index ? next : old)))} disabled={sending} />
          </div>
        ))}
      </div>
      <p className="new-event__actions">
        <button type="button" className="button-link button-link--secondary" disabled={sending} onClick={() => setDrafts([...drafts, emptyDraft()])}>
          Add a question
        </button>
        <button type="submit" className="button-link" disabled={sending}>
          {sending ? 'Creating…' : 'Create event'}
        </button>
      </p>
      {message ? (
        <p className={`form-message form-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="new-event-message">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
