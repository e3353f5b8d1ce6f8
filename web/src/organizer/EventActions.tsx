import { useState } from 'react';
import { api } from '../api/client.ts';
import { downloadCsv } from './download.ts';
import { deleteEvent, duplicateEvent, exportEvent, type OrganizerEvent } from './operations.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';
import { Confirm } from '../components/Confirm.tsx';

type Action = 'duplicate' | 'export' | 'delete';

/** What an organizer does to a whole event: duplicate it (for the same talk tomorrow), export every question as CSV, delete it. */
export function EventActions(props: { event: OrganizerEvent; onDuplicated: (event: OrganizerEvent) => void; onDeleted: (id: string) => void }) {
  const { event, onDuplicated, onDeleted } = props;
  const { failed } = useOrganizer();
  const [busy, setBusy] = useState<Action | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const run = async (action: Action) => {
    setBusy(action);
    setMessage(null);
    setConfirming(false);
    try {
      if (action === 'export') {
        const result = await api().graphql({ query: exportEvent, variables: { eventId: event.id }, ...AS_ORGANIZER });
        downloadCsv(`handsup-${event.code}.csv`, result.data.exportEvent ?? '');
      } else if (action === 'duplicate') {
        const result = await api().graphql({ query: duplicateEvent, variables: { id: event.id }, ...AS_ORGANIZER });
        const copy = result.data.duplicateEvent;
        if (copy) {
          onDuplicated(copy);
          setMessage({ kind: 'done', text: `Duplicated as “${copy.title}” with the code ${copy.code}.` });
        }
      } else {
        await api().graphql({ query: deleteEvent, variables: { id: event.id }, ...AS_ORGANIZER });
        onDeleted(event.id);
      }
    } catch (error) {
      setMessage({ kind: 'error', text: failed(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div className="event-card__actions">
        <button type="button" className="button-link button-link--secondary button-link--small" disabled={busy !== null} onClick={() => void run('duplicate')}>
          {busy === 'duplicate' ? 'Duplicating…' : 'Duplicate event'}
        </button>
        <button type="button" className="button-link button-link--secondary button-link--small" disabled={busy !== null} onClick={() => void run('export')}>
          {busy === 'export' ? 'Exporting…' : 'Export event CSV'}
        </button>
        <button type="button" className="button-link button-link--secondary button-link--small button-link--danger-text" disabled={busy !== null} onClick={() => setConfirming(true)}>
          Delete event
        </button>
      </div>
      {confirming ? (
        <Confirm verb="delete" onConfirm={() => void run('delete')} onCancel={() => setConfirming(false)}>
          Delete “{event.title}” for good? Its questions and every answer go; phones and the big screen are told it has ended.
        </Confirm>
      ) : null}
      {message ? (
        <p className={`form-message form-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
