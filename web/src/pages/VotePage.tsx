import { useEffect } from 'react';
import { ConnectionBadge, ConnectionBanner, useConnectionState } from '../components/ConnectionBadge.tsx';
import { Logo } from '../components/Logo.tsx';
import { Notice, PollLoadFailed } from '../components/Notice.tsx';
import { PollStateTag } from '../components/PollStateTag.tsx';
import { ResultBars } from '../components/ResultBars.tsx';
import type { Poll } from '../api/operations.ts';
import { canSeeTally, useLiveTally } from '../live/useLiveTally.ts';
import { useLivePoll } from '../live/useLivePoll.ts';
import { useBallot, useParticipation } from '../live/useVoter.ts';
import { optionColour } from '../palette.ts';

/** `/p/<code>`: the voter's page on a phone. */
export function VotePage({ code }: { code: string }) {
  const { load, problem, reload } = useLivePoll(code);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.poll.title} · HandsUp`;
  }, [load]);

  switch (load.state) {
    case 'loading':
      return <Notice kind="loading" title="Opening the poll…" />;
    case 'missing':
      return (
        <Notice kind="error" title={`No poll has the code ${code}`} detail="Check the code on the screen: it may be mistyped, or the poll has been removed.">
          <a className="button-link" href="/join">
            Enter another code
          </a>
        </Notice>
      );
    case 'failed':
      return <PollLoadFailed message={load.message} retrying={load.retrying} onRetry={reload} />;
    case 'deleted':
      return (
        <Notice kind="error" title="This poll has ended" detail={`The organizer removed “${load.poll.title}”. Thank you for taking part.`}>
          <a className="button-link" href="/join">
            Join another poll
          </a>
        </Notice>
      );
    case 'ready':
      return <Voting poll={load.poll} liveProblem={problem} reload={reload} />;
  }
}

function Voting({ poll, liveProblem, reload }: { poll: Poll; liveProblem: string | null; reload: () => void }) {
  const connection = useConnectionState();
  const me = useParticipation(poll);
  const voted = typeof me.choice === 'string';
  const afterVote = poll.resultsVisibility === 'AFTER_VOTE';
  const tally = useLiveTally({
    poll,
    enabled: canSeeTally(poll, { organizer: false, voted }),
    participantId: afterVote && voted ? me.participantId : null,
  });
  const { sending, send } = useBallot({ poll, me, onResults: tally.offer, onPollMoved: reload });

  const open = poll.state === 'OPEN';
  const inFlight = sending.state === 'sending' ? sending : null;
  const chosen = poll.options.find((option) => option.id === me.choice);
  const canVote = open && me.choice === null && !inFlight && me.participantId !== null;

  const closed = poll.state === 'CLOSED';
  const results = (
    <section className="vote-results" aria-label="Results" data-testid="results" data-live={tally.live}>
      {tally.results ? (
        <>
          <h2 className="section-title">
            {poll.state === 'CLOSED' ? 'Final results' : 'Live results'} · <span data-testid="total-votes">{tally.results.totalVotes}</span>{' '}
            {tally.results.totalVotes === 1 ? 'vote' : 'votes'}
          </h2>
          <ResultBars poll={poll} results={tally.results} size="phone" mine={me.choice ?? null} />
        </>
      ) : (
        <p className="results-hint" data-testid="results-hint">
          {tally.problem ?? resultsHint(poll, voted)}
        </p>
      )}
    </section>
  );

  return (
    <main className="vote-page" aria-busy={inFlight !== null} data-joined={me.choice !== undefined && (me.participantId !== null || closed)}>
      <header className="vote-page__header">
        <div className="topline">
          <p className="eyebrow">
            <Logo /> HandsUp · <span className="code-inline">{poll.code}</span>
          </p>
          <ConnectionBadge state={connection} problem={liveProblem} />
        </div>
        <h1 className="vote-page__title">{poll.title}</h1>
        <div className="vote-page__state">
          <PollStateTag state={poll.state} />
          {poll.round > 1 ? <span className="round">Round {poll.round}</span> : null}
        </div>
      </header>

      <ConnectionBanner state={connection} detail="Your vote is kept on this phone; the page catches up when the connection is back." />

      <StateMessage poll={poll} voted={voted} />

      {/* Once the poll is closed, the result is what people look for: it comes first. */}
      {closed ? results : null}

      <div className="vote-buttons" role="group" aria-label="Options">
        {poll.options.map((option, index) => {
          const colour = optionColour(index);
          const busy = inFlight?.optionId === option.id;
          const mine = me.choice === option.id;
          return (
            <button
              key={option.id}
              type="button"
              className={`vote-button${busy ? ' vote-button--busy' : ''}${mine ? ' vote-button--chosen' : ''}${voted && !mine ? ' vote-button--other' : ''}`}
              style={{ background: colour.background, color: colour.text }}
              disabled={!canVote}
              aria-pressed={mine}
              data-option-id={option.id}
              onClick={() => void send(option.id)}
            >
              {mine ? (
                <span className="vote-button__check" aria-hidden="true">
                  ✓
                </span>
              ) : null}
              {option.label}
            </button>
          );
        })}
      </div>

      <div className="vote-feedback" aria-live="polite">
        {me.problem ? (
          <p className="feedback feedback--refused" role="alert" data-testid="join-problem">
            <span className="feedback__icon" aria-hidden="true">!</span>
            <span>{me.problem}</span>
          </p>
        ) : null}
        {inFlight ? (
          <p className={`feedback ${inFlight.trouble ? 'feedback--retrying' : 'feedback--sending'}`} role="status" data-testid="vote-sending">
            <span className="feedback__spinner" aria-hidden="true" />
            <span>
              {inFlight.trouble ? (
                <>
                  <strong>Retrying your vote…</strong> {inFlight.trouble} Keep this page open: it is sent as soon as the service answers.
                </>
              ) : (
                'Sending your vote…'
              )}
            </span>
          </p>
        ) : null}
        {!inFlight && chosen ? (
          <p className="feedback feedback--counted" role="status">
            <span className="feedback__icon" aria-hidden="true">✓</span>
            <span data-testid="vote-counted">
              Your vote for <strong>{chosen.label}</strong> was counted.
            </span>
          </p>
        ) : null}
        {sending.state === 'refused' ? (
          <p key={sending.seq} className="feedback feedback--refused" role="alert">
            <span className="feedback__icon" aria-hidden="true">!</span>
            <span data-testid="vote-refused">Your vote was not counted. {sending.message}</span>
          </p>
        ) : null}
      </div>

      {closed ? null : results}

      <footer className="vote-page__footer">
        <a href="/join">Join another poll</a>
      </footer>
    </main>
  );
}

function resultsHint(poll: Poll, voted: boolean): string {
  if (poll.resultsVisibility === 'AFTER_CLOSE' && poll.state !== 'CLOSED') return 'The results are shown when the poll closes.';
  if (poll.resultsVisibility === 'AFTER_VOTE' && !voted) return 'The results are shown here once you have voted.';
  return 'Loading the results…';
}

function StateMessage({ poll, voted }: { poll: Poll; voted: boolean }) {
  if (poll.state === 'DRAFT') {
    return (
      <p className="state-message state-message--draft" role="status" data-testid="state-message">
        <strong>Voting has not started yet.</strong> Keep this page open: the buttons light up when the organizer opens the poll.
      </p>
    );
  }
  if (poll.state === 'CLOSED') {
    return (
      <p className="state-message state-message--closed" role="status" data-testid="state-message">
        <strong>This poll is closed.</strong> Votes are no longer taken.
      </p>
    );
  }
  return (
    <p className="vote-page__hint" data-testid="state-message">
      {voted ? 'One vote per person: yours is in.' : 'Tap your choice. One vote per person.'}
    </p>
  );
}
