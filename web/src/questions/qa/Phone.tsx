import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { apiFailure, describeApiError } from '../../api/errors.ts';
import { askQuestion, AUDIENCE, upvote, type Entry, type Question } from '../../api/audience.ts';
import type { Member } from '../../live/useEventMember.ts';
import { useLiveEntries } from '../../live/useLiveEntries.ts';
import { EntryList } from './EntryList.tsx';

const MAX_TEXT = 280;
const MAX_NAME = 40;

/**
 * Q&A on a phone: ask (with a name, or anonymously), and upvote others'
 * questions — one upvote per entry, withdrawn with a second tap. Asking is not
 * retried on its own: the server cannot tell a repeat from a second question, so
 * a failed ask keeps the text in the box and says so.
 */
export function QaPhone({ question, member }: { question: Question; member: Member }) {
  const live = useLiveEntries({ eventId: question.eventId, questionId: question.id, participantId: member.participantId, enabled: true });
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [asking, setAsking] = useState(false);
  const [told, setTold] = useState<{ kind: 'sent' | 'waiting' | 'refused'; message: string } | null>(null);
  const [voting, setVoting] = useState<string | null>(null);
  const open = question.state === 'OPEN';
  const joined = member.participantId !== null;

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const clean = text.trim();
    if (clean.length === 0) return setTold({ kind: 'refused', message: 'Type your question first.' });
    if (!member.participantId) return;
    setAsking(true);
    setTold(null);
    try {
      const result = await api().graphql({
        query: askQuestion,
        variables: { eventId: question.eventId, questionId: question.id, participantId: member.participantId, text: clean, anonymous, name: anonymous ? null : name.trim() || null },
        authMode: AUDIENCE,
      });
      const entry = result.data.askQuestion;
      setText('');
      if (entry) live.offer(entry, true);
      setTold(
        entry?.status === 'PENDING'
          ? { kind: 'waiting', message: 'Your question was sent. It appears in the list once the moderator approves it.' }
          : { kind: 'sent', message: 'Your question is in the list.' },
      );
    } catch (error) {
      if (apiFailure(error).type === 'NotParticipant') void member.rejoin().catch(() => undefined);
      setTold({ kind: 'refused', message: `Your question was not sent. ${describeApiError(error)}` });
    } finally {
      setAsking(false);
    }
  };

  const toggle = async (entry: Entry) => {
    if (!member.participantId) return;
    setVoting(entry.id);
    try {
      const result = await api().graphql({
        query: upvote,
        variables: { eventId: question.eventId, questionId: question.id, participantId: member.participantId, entryId: entry.id, on: !entry.upvotedByMe },
        authMode: AUDIENCE,
      });
      const updated = result.data.upvote;
      if (updated) live.offer({ ...updated, upvotedByMe: updated.upvotedByMe ?? !entry.upvotedByMe }, true);
    } catch (error) {
      setTold({ kind: 'refused', message: `Your upvote was not counted. ${describeApiError(error)}` });
    } finally {
      setVoting(null);
    }
  };

  return (
    <div className="qa-phone">
      {open ? (
        <form className="qa-form" onSubmit={(event) => void ask(event)} noValidate aria-label="Ask a question">
          <label className="field">
            <span>Your question</span>
            <textarea value={text} maxLength={MAX_TEXT} rows={3} disabled={asking || !joined} aria-describedby="qa-count" onChange={(event) => setText(event.target.value)} />
          </label>
          <span className="field__count" id="qa-count">
            {text.length}/{MAX_TEXT}
          </span>
          <label className="qa-form__anonymous">
            <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} /> Ask anonymously
          </label>
          {anonymous ? null : (
            <label className="field">
              <span>Your name</span>
              <input value={name} maxLength={MAX_NAME} autoComplete="name" onChange={(event) => setName(event.target.value)} />
            </label>
          )}
          <button type="submit" className="button-link button-link--big" disabled={asking || !joined}>
            {asking ? 'Sending…' : 'Ask'}
          </button>
        </form>
      ) : null}
      {told ? (
        <p className={`feedback ${told.kind === 'refused' ? 'feedback--refused' : 'feedback--counted'}`} role={told.kind === 'refused' ? 'alert' : 'status'} data-testid="qa-told">
          {told.message}
        </p>
      ) : null}
      <section aria-label="Questions" data-testid="results" data-live={live.live}>
        <h2 className="section-title">Questions · {live.entries.length}</h2>
        <EntryList entries={live.entries} size="phone" onUpvote={open ? (entry) => void toggle(entry) : undefined} busy={voting} />
      </section>
    </div>
  );
}
