import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { describeApiError } from '../api/errors.ts';
import { castVote, poll as pollQuery } from '../api/operations.ts';
import { Logo } from '../components/Logo.tsx';
import { Notice } from '../components/Notice.tsx';
import type { PollQuery } from '../graphql/generated.ts';
import { optionColour } from '../palette.ts';
import { resultsPath } from '../routes.ts';

type Poll = NonNullable<PollQuery['poll']>;
type Load = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ready'; poll: Poll };
type Vote =
  | { state: 'idle' }
  | { state: 'sending'; optionId: string }
  | { state: 'counted'; optionId: string; label: string; seq: number }
  | { state: 'refused'; message: string; seq: number };

/** `/poll/<id>`: one big button per option; each press is one `CastVote`. */
export function VotePage({ pollId }: { pollId: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [vote, setVote] = useState<Vote>({ state: 'idle' });

  const fetchPoll = useCallback(() => {
    setLoad({ state: 'loading' });
    api()
      .graphql({ query: pollQuery, variables: { id: pollId } })
      .then(
        (result) => setLoad(result.data.poll ? { state: 'ready', poll: result.data.poll } : { state: 'missing' }),
        (error: unknown) => setLoad({ state: 'failed', message: describeApiError(error) }),
      );
  }, [pollId]);

  useEffect(fetchPoll, [fetchPoll]);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.poll.title} · HandsUp`;
  }, [load]);

  if (load.state === 'loading') return <Notice kind="loading" title="Loading the poll…" />;
  if (load.state === 'missing') {
    return (
      <Notice kind="error" title="This poll does not exist" detail="The link may be mistyped, or the poll has been removed. Check the address you were given.">
        <a className="button-link" href="/">
          See all polls
        </a>
      </Notice>
    );
  }
  if (load.state === 'failed') {
    return (
      <Notice kind="error" title="The poll could not be loaded" detail={load.message}>
        <button type="button" className="button-link" onClick={fetchPoll}>
          Try again
        </button>
      </Notice>
    );
  }

  const { poll } = load;
  const sending = vote.state === 'sending';

  const send = async (optionId: string, label: string) => {
    if (sending) return;
    setVote({ state: 'sending', optionId });
    try {
      await api().graphql({ query: castVote, variables: { pollId: poll.id, optionId } });
      setVote({ state: 'counted', optionId, label, seq: Date.now() });
    } catch (error) {
      setVote({ state: 'refused', message: describeApiError(error), seq: Date.now() });
    }
  };

  return (
    <main className="vote-page" aria-busy={sending}>
      <header className="vote-page__header">
        <p className="eyebrow">
          <Logo /> HandsUp
        </p>
        <h1 className="vote-page__title">{poll.title}</h1>
        <p className="vote-page__hint">Tap your choice.</p>
      </header>

      <div className="vote-buttons" role="group" aria-label="Options">
        {poll.options.map((option, index) => {
          const colour = optionColour(index);
          const busy = vote.state === 'sending' && vote.optionId === option.id;
          const chosen = vote.state === 'counted' && vote.optionId === option.id;
          return (
            <button
              key={option.id}
              type="button"
              className={`vote-button${busy ? ' vote-button--busy' : ''}${chosen ? ' vote-button--chosen' : ''}`}
              style={{ background: colour.background, color: colour.text }}
              disabled={sending}
              data-option-id={option.id}
              onClick={() => void send(option.id, option.label)}
            >
              {option.label}
            </button>
          );
        })}
      </div>

      <div className="vote-feedback" aria-live="polite">
        {vote.state === 'sending' ? <p className="feedback feedback--sending" role="status">Sending your vote…</p> : null}
        {vote.state === 'counted' ? (
          <p key={vote.seq} className="feedback feedback--counted" role="status" data-testid="vote-counted">
            <span className="feedback__icon" aria-hidden="true">✓</span>
            <span>
              Your vote for <strong>{vote.label}</strong> was counted.
            </span>
          </p>
        ) : null}
        {vote.state === 'refused' ? (
          <p key={vote.seq} className="feedback feedback--refused" role="alert" data-testid="vote-refused">
            <span className="feedback__icon" aria-hidden="true">!</span>
            <span>Your vote was not counted. {vote.message}</span>
          </p>
        ) : null}
      </div>

      <footer className="vote-page__footer">
        <a href={resultsPath(poll.id)}>See the live results</a>
      </footer>
    </main>
  );
}
