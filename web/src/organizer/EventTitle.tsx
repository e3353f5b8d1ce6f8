import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { LIMITS } from './questionDraft.ts';
import { updateEvent, type OrganizerEvent } from './operations.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';

/** The event's title as the page's heading, with a way to rename it. */
export function EventTitle({ event, onEvent }: { event: OrganizerEvent; onEvent: (event: OrganizerEvent | null | undefined) => void }) {
  const { failed } = useOrganizer();
  const [title, setTitle] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (title === null) return;
    if (!title.trim()) return setProblem('Give the event a title.');
    setSending(true);
    setProblem(null);
    try {
      const result = await api().graphql({ query: updateEvent, variables: { id: event.id, title: title.trim() }, ...AS_ORGANIZER });
      onEvent(result.data.updateEvent);
      setTitle(null);
    } catch (error) {
      setProblem(failed(error));
    } finally {
      setSending(false);
    }
  };

  if (title === null) {
    return (
      <div className="event-title">
        <h1 className="console__title">{event.title}</h1>
        <button type="button" className="button-link button-link--secondary button-link--small" onClick={() => setTitle(event.title)}>
          Rename
        </button>
      </div>
    );
  }
  return (
    <form className="event-title" onSubmit={submit} noValidate>
      <h1 className="console__title">
        <label>
          <span className="visually-hidden">Event title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.title} disabled={sending} autoFocus />
        </label>
      </h1>
      <button type="submit" className="button-link button-link--small" disabled={sending}>
        {sending ? 'Saving…' : 'Save title'}
      </button>
      <button type="button" className="button-link button-link--secondary button-link--small" onClick={() => setTitle(null)}>
        Cancel
      </button>
      {problem ? (
        <p className="form-message form-message--error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
