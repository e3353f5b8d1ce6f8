import { useEffect, useState } from 'react';
import { currentSession, type Session } from '../api/auth.ts';
import type { Poll } from '../api/operations.ts';
import { ConnectionBadge, ConnectionBanner, connectionInTrouble, useConnectionState } from '../components/ConnectionBadge.tsx';
import { Logo } from '../components/Logo.tsx';
import { Notice, PollLoadFailed } from '../components/Notice.tsx';
import { PollStateTag } from '../components/PollStateTag.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { ResultBars } from '../components/ResultBars.tsx';
import { canSeeTally, useLiveTally } from '../live/useLiveTally.ts';
import { useLivePoll } from '../live/useLivePoll.ts';
import { votePath, voteUrl } from '../routes.ts';

/**
 * `/p/<code>/screen`: the big screen. The tally follows every ballot through
 * onVote; when the poll hides it from the public (after close, after voting), the
 * screen says when it comes — unless an organizer is signed in in this browser,
 * who sees it live.
 */
export function ScreenPage({ code }: { code: string }) {
  const { load, problem, reload } = useLivePoll(code);
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void currentSession().then((found) => !cancelled && setSession(found));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.poll.title} · Results · HandsUp`;
  }, [load]);

  if (load.state === 'loading' || session === undefined) return <Notice kind="loading" title="Opening the big screen…" />;
  if (load.state === 'missing') {
    return (
      <Notice kind="error" title={`No poll has the code ${code}`} detail="Check the address of the big screen: the code may be mistyped, or the poll has been removed.">
        <a className="button-link" href="/organizer">
          Organizer console
        </a>
      </Notice>
    );
  }
  if (load.state === 'failed') {
    return <PollLoadFailed message={load.message} retrying={load.retrying} onRetry={reload} />;
  }
  if (load.state === 'deleted') {
    return <Notice kind="error" title="This poll was removed" detail={`The organizer deleted “${load.poll.title}”.`} />;
  }
  return <Screen poll={load.poll} organizer={session?.organizer ?? false} liveProblem={problem} />;
}

function Screen({ poll, organizer, liveProblem }: { poll: Poll; organizer: boolean; liveProblem: string | null }) {
  const connection = useConnectionState();
  const visible = canSeeTally(poll, { organizer, voted: false });
  const tally = useLiveTally({ poll, enabled: visible, authMode: organizer ? 'userPool' : 'apiKey' });
  const url = voteUrl(poll.code);
  const shownUrl = `${window.location.host}${votePath(poll.code)}`;
  const hiddenFromPublic = !canSeeTally(poll, { organizer: false, voted: false });

  return (
    <main className={`screen-page screen-page--${poll.state.toLowerCase()}`}>
      <header className="screen-page__header">
        <p className="eyebrow">
          <Logo /> HandsUp
        </p>
        <div className="screen-page__status">
          <PollStateTag state={poll.state} />
          {organizer && hiddenFromPublic ? (
            <span className="state-tag state-tag--private" title="Only organizers see these results until the poll closes">
              Organizer view
            </span>
          ) : null}
          <ConnectionBadge state={connection} problem={liveProblem ?? tally.problem} />
        </div>
      </header>

      <ConnectionBanner state={connection} detail={`The results shown may be behind${tally.freshAt ? ` (updated ${clockTime(tally.freshAt)})` : ''}; they catch up when the connection is back.`} />

      <h1 className="screen-page__title">{poll.title}</h1>

      <div className="screen-page__body">
        <section className="screen-page__results" aria-label="Results" data-testid="results" data-live={tally.live}>
          {visible ? (
            tally.results ? (
              <ResultBars poll={poll} results={tally.results} size="screen" />
            ) : (
              <p className="screen-page__waiting">{tally.problem ?? 'Loading the results…'}</p>
            )
          ) : (
            <HiddenResults poll={poll} />
          )}
        </section>

        <aside className="join-panel" aria-label="How to join">
          <QrCode url={url} className="join-panel__qr" />
          <p className="join-panel__how">Scan, or go to</p>
          <p className="join-panel__url">{shownUrl}</p>
          <p className="join-panel__how">or enter the code at {window.location.host}/join</p>
          <p className="join-panel__code" data-testid="join-code" aria-label={`Code ${poll.code.split('').join(' ')}`}>
            {poll.code}
          </p>
        </aside>
      </div>

      <footer className="screen-page__footer">
        {visible && tally.results ? (
          <p className="total">
            <span className="total__number" data-testid="total-votes">
              {tally.results.totalVotes}
            </span>{' '}
            {tally.results.totalVotes === 1 ? 'vote' : 'votes'}
            {poll.state === 'CLOSED' ? ' · final result' : ''}
            {(!tally.live || connectionInTrouble(connection)) && tally.freshAt ? (
              <span className="total__updated" data-testid="updated-at">
                {' '}
                · updated {clockTime(tally.freshAt)}
              </span>
            ) : null}
          </p>
        ) : (
          <p className="total">{footerWords(poll)}</p>
        )}
        {onlyThisMachine(window.location.hostname) ? (
          <p className="join-panel__warning" role="note">
            Phones cannot open {window.location.hostname}: open this screen at this machine’s network address.
          </p>
        ) : null}
      </footer>
    </main>
  );
}

/** hh:mm:ss on this device's clock: when what the screen shows was last known current. */
const clockTime = (at: Date) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** An address only this machine answers: a QR code for it is no use to a phone. */
function onlyThisMachine(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.startsWith('127.') || hostname === '[::1]';
}

function footerWords(poll: Poll): string {
  if (poll.state === 'DRAFT') return 'Join now: voting opens in a moment.';
  if (poll.state === 'OPEN') return 'Voting is open: take out your phone.';
  return 'Voting is closed.';
}

/** What the screen shows instead of the tally when the poll hides it from the public. */
function HiddenResults({ poll }: { poll: Poll }) {
  const when = poll.resultsVisibility === 'AFTER_VOTE' ? 'Voters see the results on their phones once they have voted; this screen shows them when the poll closes.' : 'The results are shown here when the poll closes.';
  return (
    <div className="hidden-results" data-testid="results-hidden">
      <p className="hidden-results__lead">Results at close</p>
      <p className="hidden-results__detail">{when}</p>
      <ul className="hidden-results__options">
        {poll.options.map((option) => (
          <li key={option.id}>{option.label}</li>
        ))}
      </ul>
    </div>
  );
}
