import { useEffect, useRef, useState } from 'react';
import type { AudienceEvent, Question } from '../api/audience.ts';
import { ConnectionBadge, ConnectionBanner, connectionInTrouble, useConnectionState } from '../components/ConnectionBadge.tsx';
import { Logo } from '../components/Logo.tsx';
import { EventLoadFailed, Notice } from '../components/Notice.tsx';
import { PollStateTag } from '../components/PollStateTag.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { useEventStats, type EventStats } from '../live/useEventStats.ts';
import { currentQuestion, useLiveEvent } from '../live/useLiveEvent.ts';
import { useLiveResults } from '../live/useLiveResults.ts';
import { QaScreen } from '../questions/qa/Screen.tsx';
import { viewsOf } from '../questions/views.tsx';
import { audienceSeesResults, hiddenResultsReason } from '../questions/visibility.ts';
import { votePath, voteUrl } from '../routes.ts';
import { FullscreenButton } from './FullscreenButton.tsx';
import { useWakeLock } from './useWakeLock.ts';
import './audience.css';

/**
 * `/p/<code>/screen`: the big screen, the audience's view of the event. Every
 * request goes with the API key, whoever is signed in in this browser, so the
 * projector shows exactly what the audience may see; the presenter's reveal and
 * each question's visibility decide, live.
 */
export function ScreenPage({ code }: { code: string }) {
  // Counts are re-read at each push of the event (the presenter moved on, opened, closed…).
  const pokeCounts = useRef<() => void>(() => undefined);
  const { load, problem, reload } = useLiveEvent(code, () => pokeCounts.current());
  const eventId = load.state === 'ready' ? load.event.id : null;
  const { stats, poke } = useEventStats(eventId);
  pokeCounts.current = poke;

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.event.title} · Screen · HandsUp`;
  }, [load]);

  if (load.state === 'loading') return <Notice kind="loading" title="Opening the big screen…" />;
  if (load.state === 'missing') {
    return (
      <Notice kind="error" title={`Nothing has the code ${code}`} detail="Check the address of the big screen: the code may be mistyped, or the event has been removed.">
        <a className="button-link" href="/organizer">
          Organizer console
        </a>
      </Notice>
    );
  }
  if (load.state === 'failed') return <EventLoadFailed message={load.message} retrying={load.retrying} onRetry={reload} />;
  if (load.state === 'deleted') return <Notice kind="error" title="This event was removed" detail={`The organizer deleted “${load.event.title}”.`} />;
  return <Screen event={load.event} stats={stats} onPush={poke} liveProblem={problem} />;
}

function Screen({ event, stats, onPush, liveProblem }: { event: AudienceEvent; stats: EventStats | null; onPush: () => void; liveProblem: string | null }) {
  const connection = useConnectionState();
  const question = currentQuestion(event);
  // When what the screen shows was last known current: said while the connection is down.
  const [freshAt, setFreshAt] = useState<Date | null>(null);
  const updated = connectionInTrouble(connection) && freshAt ? clockTime(freshAt) : null;
  const url = voteUrl(event.code);
  const shownUrl = `${window.location.host}${votePath(event.code)}`;
  // A projector that dims or locks mid-talk loses the room.
  useWakeLock();

  return (
    <main className={`screen-page screen-page--${(question?.state ?? 'draft').toLowerCase()}`} data-question-id={question?.id ?? ''}>
      <header className="screen-page__header">
        <p className="eyebrow">
          <Logo /> HandsUp · {event.title}
        </p>
        <div className="screen-page__status">
          {question ? <PollStateTag state={question.state} /> : null}
          <ConnectionBadge state={connection} problem={liveProblem} />
          <FullscreenButton />
        </div>
      </header>

      <ConnectionBanner state={connection} detail={`What is shown may be behind${updated ? ` (updated ${updated})` : ''}; it catches up when the connection is back.`} />

      <h1 className="screen-page__title" data-testid="question-title">
        {question?.title ?? event.title}
      </h1>

      <div className="screen-page__body">
        <section className="screen-page__results" aria-label="Results" data-testid="screen-view">
          {question ? <QuestionOnScreen key={question.id} question={question} onPush={onPush} onFresh={setFreshAt} /> : <p className="screen-page__waiting">Join now: the first question is coming up.</p>}
        </section>

        <aside className="join-panel" aria-label="How to join">
          <QrCode url={url} className="join-panel__qr" />
          <p className="join-panel__how">Scan, or go to</p>
          <p className="join-panel__url">{shownUrl}</p>
          <p className="join-panel__how">or enter the code at {window.location.host}/join</p>
          <p className="join-panel__code" data-testid="join-code" aria-label={`Code ${event.code.split('').join(' ')}`}>
            {event.code}
          </p>
        </aside>
      </div>

      <footer className="screen-page__footer">
        <p className="total" data-testid="event-counts">
          <span className="total__number" data-testid="joined">
            {stats?.joined ?? 0}
          </span>{' '}
          joined
          {question && question.type !== 'QA' ? (
            <>
              {' · '}
              <span className="total__number" data-testid="voted">
                {stats && stats.currentQuestionId === question.id ? stats.voters : 0}
              </span>{' '}
              {question.type === 'WORD_CLOUD' ? 'answered' : 'voted'}
            </>
          ) : null}
          {question?.state === 'CLOSED' ? ' · final result' : ''}
          {updated ? (
            <span className="total__updated" data-testid="updated-at">
              {' '}
              · updated {updated}
            </span>
          ) : null}
        </p>
        {onlyThisMachine(window.location.hostname) ? (
          <p className="join-panel__warning" role="note">
            Phones cannot open {window.location.hostname}: open this screen at this machine’s network address.
          </p>
        ) : null}
      </footer>
    </main>
  );
}

type Fresh = (at: Date) => void;

function QuestionOnScreen({ question, onPush, onFresh }: { question: Question; onPush: () => void; onFresh: Fresh }) {
  if (question.type === 'QA') return <QaScreen question={question} />;
  return <AnswersOnScreen question={question} onPush={onPush} onFresh={onFresh} />;
}

function AnswersOnScreen({ question, onPush, onFresh }: { question: Question; onPush: () => void; onFresh: Fresh }) {
  const visible = audienceSeesResults(question, { answered: false });
  const live = useLiveResults({ question, enabled: visible, onPush });
  useEffect(() => {
    if (live.freshAt) onFresh(live.freshAt);
  }, [live.freshAt, onFresh]);
  const views = viewsOf(question.type);
  if (!views) throw new Error(`No answer views for ${question.type}`);
  if (!visible) {
    return (
      <div className="hidden-results" data-testid="results-hidden">
        <p className="hidden-results__lead">{question.reveal === 'HIDDEN' ? 'Results hidden' : 'Results at close'}</p>
        <p className="hidden-results__detail">{hiddenResultsReason(question, 'screen')}</p>
        {question.type === 'MULTIPLE_CHOICE' ? (
          <ul className="hidden-results__options">
            {question.options.map((option) => (
              <li key={option.id}>{option.label}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <div data-testid="results" data-live={live.live}>
      {live.results ? <views.Screen question={question} results={live.results} /> : <p className="screen-page__waiting">{live.problem ?? 'Loading the results…'}</p>}
    </div>
  );
}

/** hh:mm:ss on this device's clock. */
const clockTime = (at: Date) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** An address only this machine answers: a QR code for it is no use to a phone. */
function onlyThisMachine(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.startsWith('127.') || hostname === '[::1]';
}
