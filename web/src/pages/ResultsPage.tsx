import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { describeApiError } from '../api/errors.ts';
import { onResults, pollResults, type Results } from '../api/operations.ts';
import { ConnectionBadge, useConnectionState } from '../components/ConnectionBadge.tsx';
import { Logo } from '../components/Logo.tsx';
import { Notice } from '../components/Notice.tsx';
import { optionColour } from '../palette.ts';
import { votePath } from '../routes.ts';

type Load = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ready'; results: Results };

const RESUBSCRIBE_AFTER_MS = 5_000;

/**
 * Keeps the newer of two tallies. Counts only grow, so the larger total is the
 * newer one: a push and a re-read that arrive out of order cannot step back.
 */
function newer(current: Load, next: Results): Load {
  if (current.state === 'ready' && current.results.totalVotes > next.totalVotes) return current;
  return { state: 'ready', results: next };
}

/**
 * `/poll/<id>/results`: the big screen. Starts from `PollResults`, then follows
 * every vote through the `OnResults` subscription; re-reads the tally whenever
 * the real-time connection (re)connects, so nothing is missed during an outage.
 */
export function ResultsPage({ pollId }: { pollId: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);

  const reread = useCallback(() => {
    api()
      .graphql({ query: pollResults, variables: { pollId } })
      .then(
        (result) => {
          if (!mounted.current) return;
          const results = result.data.results;
          setLoad((current) => (results ? newer(current, results) : current.state === 'ready' ? current : { state: 'missing' }));
        },
        (error: unknown) => {
          if (!mounted.current) return;
          const message = describeApiError(error);
          setLoad((current) => (current.state === 'ready' ? current : { state: 'failed', message }));
        },
      );
  }, [pollId]);

  const connection = useConnectionState(reread);

  useEffect(() => {
    mounted.current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Subscribe first, then read: a vote between the two is in the read or in a push.
    const subscription = api()
      .graphql({ query: onResults, variables: { pollId } })
      .subscribe({
        next: ({ data }) => {
          const results = data?.onResults;
          if (!results || results.pollId !== pollId) return;
          setProblem(null);
          setLoad((current) => newer(current, results));
        },
        error: (error: unknown) => {
          setProblem(describeApiError(error));
          retry = setTimeout(() => setAttempt((n) => n + 1), RESUBSCRIBE_AFTER_MS);
        },
      });
    reread();
    return () => {
      mounted.current = false;
      if (retry) clearTimeout(retry);
      subscription.unsubscribe();
    };
  }, [pollId, attempt, reread]);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.results.title} · Results · HandsUp`;
  }, [load]);

  if (load.state === 'loading') return <Notice kind="loading" title="Loading the results…" />;
  if (load.state === 'missing') {
    return (
      <Notice kind="error" title="This poll does not exist" detail="Check the address of the results screen.">
        <a className="button-link" href="/">
          See all polls
        </a>
      </Notice>
    );
  }
  if (load.state === 'failed') {
    return (
      <Notice kind="error" title="The results could not be loaded" detail={load.message}>
        <button type="button" className="button-link" onClick={reread}>
          Try again
        </button>
      </Notice>
    );
  }

  const { results } = load;
  const total = results.totalVotes;
  const leader = Math.max(0, ...results.options.map((option) => option.votes));
  const voteUrl = `${window.location.host}${votePath(results.pollId)}`;

  return (
    <main className="results-page">
      <header className="results-page__header">
        <p className="eyebrow">
          <Logo /> HandsUp · live results
        </p>
        <ConnectionBadge state={connection} problem={problem} />
      </header>
      <h1 className="results-page__title">{results.title}</h1>

      <ol className="result-rows" aria-label="Results">
        {results.options.map((option, index) => {
          const colour = optionColour(index);
          const share = total > 0 ? option.votes / total : 0;
          const percent = Math.round(share * 100);
          const leading = total > 0 && option.votes === leader;
          return (
            <li
              key={option.optionId}
              className={`result-row${leading ? ' result-row--leading' : ''}`}
              data-testid={`result-${option.optionId}`}
              aria-label={`${option.label}: ${option.votes} ${option.votes === 1 ? 'vote' : 'votes'}, ${percent}%`}
            >
              <span className="result-row__label">{option.label}</span>
              <span className="result-row__track">
                <span
                  className="result-row__bar"
                  style={{ width: `${Math.max(share * 100, 0.6)}%`, background: colour.background }}
                />
              </span>
              <span className="result-row__numbers">
                <span key={option.votes} className="result-row__votes" data-testid={`votes-${option.optionId}`}>
                  {option.votes}
                </span>
                <span className="result-row__share">{percent}%</span>
              </span>
            </li>
          );
        })}
      </ol>

      <footer className="results-page__footer">
        <p className="total">
          <span className="total__number" data-testid="total-votes">
            {total}
          </span>{' '}
          {total === 1 ? 'vote' : 'votes'}
        </p>
        <p className="join">
          Vote at <strong>{voteUrl}</strong>
        </p>
      </footer>
    </main>
  );
}
