import { useEffect } from 'react';
import { Notice } from '../components/Notice.tsx';
import { ConsoleHeader } from '../organizer/ConsoleHeader.tsx';
import { organizerEventPath } from '../organizer/paths.ts';
import { StateTag } from '../organizer/StateTag.tsx';
import { StatsLine } from '../organizer/StatsLine.tsx';
import { typeLabel } from '../organizer/questionDraft.ts';
import { useEventStats } from '../organizer/useEventStats.ts';
import { useLiveEvent } from '../organizer/useLiveEvent.ts';
import { Moderation } from './Moderation.tsx';
import { PrivateResults } from './PrivateResults.tsx';
import { QuestionControls } from './QuestionControls.tsx';
import { QuestionNav } from './QuestionNav.tsx';
import { ScreenStatement } from './ScreenStatement.tsx';
import { useQuestionResults } from './useQuestionResults.ts';
import { EventGone } from '../organizer/EventGone.tsx';

/**
 * `/organizer/events/<id>/present`: the presenter's own view, on the laptop, not
 * the projector. Private live results of the current question, the controls,
 * what the big screen shows now, the counts, and Q&A moderation.
 */
export function PresenterPage({ eventId }: { eventId: string }) {
  const live = useLiveEvent(eventId);
  const { load } = live;
  const event = load.state === 'ready' ? load.event : null;
  const question = event?.questions.find((q) => q.id === event.currentQuestionId) ?? null;
  const isQa = question?.type === 'QA';
  const results = useQuestionResults(eventId, question?.id ?? null, !!question && !isQa, question ? `${question.round}-${question.state}-${live.changes}` : null);
  const stats = useEventStats(eventId, `${live.changes}-${results.answers}`);

  useEffect(() => {
    if (event) document.title = `Presenting: ${event.title} · HandsUp`;
  }, [event]);

  if (load.state === 'loading') return <Notice kind="loading" title="Opening the presenter view…" />;
  if (load.state === 'missing' || load.state === 'deleted') return <EventGone deleted={load.state === 'deleted'} />;
  if (load.state === 'failed' || !event) {
    return (
      <Notice kind="error" title="The event could not be opened" detail={load.state === 'failed' ? load.message : undefined}>
        <button type="button" className="button-link" onClick={live.refresh}>
          Try again
        </button>
      </Notice>
    );
  }

  return (
    <main className="console presenter" data-testid="presenter">
      <ConsoleHeader where={{ href: organizerEventPath(event.id), label: 'edit this event' }} />
      <div className="presenter__head">
        <h1 className="console__title">{event.title}</h1>
        <p className="event-card__facts">
          Code <strong className="code-inline" data-testid="event-code">{event.code}</strong> · <StatsLine stats={stats} />
        </p>
      </div>
      {live.problem ? (
        <p className="form-message form-message--error" role="status">
          {live.problem}
        </p>
      ) : null}

      <QuestionNav event={event} onEvent={live.put} />

      <div className="presenter__grid">
        <section className="panel presenter__current" aria-labelledby="current-title">
          {question ? (
            <>
              <p className="eyebrow">
                Now · {typeLabel(question.type)}
                {question.round > 1 ? ` · round ${question.round}` : ''}
              </p>
              <div className="question-item__head">
                <h2 id="current-title" className="presenter__question" data-testid="current-question">
                  {question.title}
                </h2>
                <StateTag state={question.state} />
              </div>
              <QuestionControls question={question} onQuestion={live.putQuestion} />
              {isQa ? null : <PrivateResults question={question} live={results} />}
            </>
          ) : (
            <>
              <h2 id="current-title" className="section-title">
                No question on yet
              </h2>
              <p className="muted">{event.questions.length > 0 ? 'Press Next to put the first question on the phones and the big screen.' : 'This event has no questions yet: add some in the editor.'}</p>
            </>
          )}
        </section>
        <ScreenStatement code={event.code} question={question} />
      </div>

      {question && isQa ? <Moderation question={question} /> : null}
    </main>
  );
}
