import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { describeApiError } from '../api/errors.ts';
import { createPoll, polls as pollsQuery } from '../api/operations.ts';
import { Logo } from '../components/Logo.tsx';
import { Notice } from '../components/Notice.tsx';
import type { PollsQuery } from '../graphql/generated.ts';
import { optionColour } from '../palette.ts';
import { resultsPath, votePath } from '../routes.ts';

type PollSummary = PollsQuery['polls'][number];
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; polls: PollSummary[] };

/** `/`: every poll, newest first, with its voting and results links. */
export function PollListPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(() => {
    api()
      .graphql({ query: pollsQuery })
      .then(
        (result) => setLoad({ state: 'ready', polls: result.data.polls }),
        (error: unknown) => setLoad({ state: 'failed', message: describeApiError(error) }),
      );
  }, []);

  useEffect(refresh, [refresh]);

  if (load.state === 'loading') return <Notice kind="loading" title="Loading polls…" />;
  if (load.state === 'failed') {
    return (
      <Notice kind="error" title="The polls could not be loaded" detail={load.message}>
        <button type="button" className="button-link" onClick={refresh}>
          Try again
        </button>
      </Notice>
    );
  }

  return (
    <main className="list-page">
      <header className="list-page__header">
        <h1 className="brand">
          <Logo /> HandsUp
        </h1>
        <p className="list-page__tagline">Live audience voting. Pick a poll, or start a new one.</p>
      </header>

      {load.polls.length === 0 ? (
        <p className="empty">No polls yet. Create the first one below.</p>
      ) : (
        <ul className="poll-list" aria-label="Polls">
          {load.polls.map((poll) => (
            <li key={poll.id} className="poll-card">
              <h2 className="poll-card__title">{poll.title}</h2>
              <p className="poll-card__options">
                {poll.options.map((option, index) => (
                  <span key={option.id} className="chip" style={{ background: optionColour(index).background, color: optionColour(index).text }}>
                    {option.label}
                  </span>
                ))}
              </p>
              <p className="poll-card__actions">
                <a className="button-link" href={votePath(poll.id)} aria-label={`Vote: ${poll.title}`}>
                  Vote
                </a>
                <a className="button-link button-link--secondary" href={resultsPath(poll.id)} aria-label={`Results: ${poll.title}`}>
                  Results screen
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}

      <NewPollForm onCreated={refresh} />
    </main>
  );
}

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 10;

/** Creates a poll with `CreatePoll`; the server checks the rules again. */
function NewPollForm({ onCreated }: { onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [labels, setLabels] = useState<string[]>(['', '']);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const options = labels.map((label) => label.trim()).filter((label) => label.length > 0);
    if (title.trim().length === 0) return setMessage({ kind: 'error', text: 'Give the poll a question.' });
    if (options.length < MIN_OPTIONS) return setMessage({ kind: 'error', text: 'A poll needs at least two options.' });
    setSending(true);
    setMessage(null);
    try {
      const result = await api().graphql({ query: createPoll, variables: { input: { title: title.trim(), options } } });
      const created = result.data.createPoll;
      setTitle('');
      setLabels(['', '']);
      setMessage({ kind: 'done', text: created ? `Created “${created.title}”.` : 'Created.' });
      onCreated();
    } catch (error) {
      setMessage({ kind: 'error', text: describeApiError(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="new-poll" onSubmit={submit} aria-labelledby="new-poll-title">
      <h2 id="new-poll-title">New poll</h2>
      <label className="field">
        <span>Question</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Startup Architecture of the Year?" maxLength={200} />
      </label>
      {labels.map((label, index) => (
        <label className="field" key={index}>
          <span>Option {index + 1}</span>
          <input
            value={label}
            onChange={(e) => setLabels(labels.map((old, i) => (i === index ? e.target.value : old)))}
            maxLength={80}
          />
        </label>
      ))}
      <p className="new-poll__actions">
        <button
          type="button"
          className="button-link button-link--secondary"
          disabled={labels.length >= MAX_OPTIONS || sending}
          onClick={() => setLabels([...labels, ''])}
        >
          Add option
        </button>
        <button type="submit" className="button-link" disabled={sending}>
          {sending ? 'Creating…' : 'Create poll'}
        </button>
      </p>
      {message ? (
        <p className={`form-message form-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
