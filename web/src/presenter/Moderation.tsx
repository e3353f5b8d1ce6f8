import { useState } from 'react';
import { api } from '../api/client.ts';
import { moderateEntry, type EntryStatus, type OrganizerEntry, type OrganizerQuestion } from '../organizer/operations.ts';
import { AS_ORGANIZER, useOrganizer } from '../organizer/session.tsx';
import { useEntries } from './useEntries.ts';

const STATUS_WORDS: Record<EntryStatus, string> = {
  PENDING: 'Waiting for approval',
  APPROVED: 'Shown',
  HIDDEN: 'Hidden',
  ANSWERED: 'Answered',
};

/** A Q&A question's entries, most upvoted first, each with the presenter's moderation: approve, hide, mark answered, pin to the screen. */
export function Moderation({ question }: { question: OrganizerQuestion }) {
  const { entries, problem, put } = useEntries(question.eventId, question.id, true);
  const pending = entries?.filter((entry) => entry.status === 'PENDING').length ?? 0;
  return (
    <section className="panel moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title" className="section-title">
        Questions from the audience{entries ? ` (${entries.length})` : ''}
      </h2>
      <p className="muted">
        {question.moderated ? `Moderated: a question shows to the audience once you approve it.${pending ? ` ${pending} waiting.` : ''}` : 'Not moderated: every question shows at once; hide the ones that should not.'}
      </p>
      {problem ? (
        <p className="form-message form-message--error" role="status">
          {problem}
        </p>
      ) : null}
      {entries === null ? <p className="muted">Loading questions…</p> : null}
      {entries?.length === 0 ? <p className="muted">No questions yet.</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="entry-list" aria-label="Audience questions">
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} onChanged={put} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function EntryRow({ entry, onChanged }: { entry: OrganizerEntry; onChanged: (entry: OrganizerEntry | null | undefined) => void }) {
  const { failed } = useOrganizer();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const moderate = async (change: { status?: EntryStatus; pinned?: boolean }) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api().graphql({
        query: moderateEntry,
        variables: { eventId: entry.eventId, questionId: entry.questionId, entryId: entry.id, ...change },
        ...AS_ORGANIZER,
      });
      onChanged(result.data.moderateEntry);
    } catch (error) {
      setProblem(failed(error));
    } finally {
      setBusy(false);
    }
  };

  const small = 'button-link button-link--secondary button-link--small';
  return (
    <li className={`entry entry--${entry.status.toLowerCase()}${entry.pinned ? ' entry--pinned' : ''}`} data-testid="entry" data-status={entry.status} aria-label={entry.text}>
      <p className="entry__text">{entry.text}</p>
      <p className="entry__facts">
        <span className="entry__votes" data-testid="entry-upvotes">
          {entry.upvotes} {entry.upvotes === 1 ? 'upvote' : 'upvotes'}
        </span>{' '}
        · {entry.author ?? 'Anonymous'} · <span className={`console-tag console-tag--entry-${entry.status.toLowerCase()}`}>{STATUS_WORDS[entry.status]}</span>
        {entry.pinned ? <span className="console-tag console-tag--pinned">Pinned to the screen</span> : null}
      </p>
      <div className="entry__actions">
        {entry.status === 'PENDING' || entry.status === 'HIDDEN' ? (
          <button type="button" className="button-link button-link--small" disabled={busy} onClick={() => void moderate({ status: 'APPROVED' })}>
            Approve
          </button>
        ) : null}
        {entry.status !== 'HIDDEN' ? (
          <button type="button" className={small} disabled={busy} onClick={() => void moderate({ status: 'HIDDEN' })}>
            Hide
          </button>
        ) : null}
        {entry.status !== 'ANSWERED' ? (
          <button type="button" className={small} disabled={busy} onClick={() => void moderate({ status: 'ANSWERED' })}>
            Mark answered
          </button>
        ) : null}
        <button type="button" className={small} disabled={busy} aria-pressed={entry.pinned} onClick={() => void moderate({ pinned: !entry.pinned })}>
          {entry.pinned ? 'Unpin' : 'Pin to screen'}
        </button>
      </div>
      {problem ? (
        <p className="form-message form-message--error" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
