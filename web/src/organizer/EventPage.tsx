import { useEffect } from 'react';
import { Notice } from '../components/Notice.tsx';
import { screenPath } from '../routes.ts';
import { AddQuestionForm } from './AddQuestionForm.tsx';
import { ConsoleHeader } from './ConsoleHeader.tsx';
import { EventActions } from './EventActions.tsx';
import { EventTitle } from './EventTitle.tsx';
import { organizerEventPath, presenterPath } from './paths.ts';
import { QuestionItem } from './QuestionItem.tsx';
import { ShareLink } from './ShareLink.tsx';
import { StatsLine } from './StatsLine.tsx';
import { useEventStats } from './useEventStats.ts';
import { useLiveEvent } from './useLiveEvent.ts';
import { EventGone } from './EventGone.tsx';

const BACK = { href: '/organizer', label: 'all events' };

/** `/organizer/events/<id>`: one event's questions, in order, to edit; live, so a second organizer's changes show. */
export function EventPage({ eventId }: { eventId: string }) {
  const live = useLiveEvent(eventId);
  const { load } = live;
  const stats = useEventStats(eventId, live.changes);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.event.title} · Organizer · HandsUp`;
  }, [load]);

  if (load.state === 'loading') return <Notice kind="loading" title="Opening the event…" />;
  if (load.state === 'missing' || load.state === 'deleted') return <EventGone deleted={load.state === 'deleted'} />;
  if (load.state === 'failed') {
    return (
      <Notice kind="error" title="The event could not be opened" detail={load.message}>
        <button type="button" className="button-link" onClick={live.refresh}>
          Try again
        </button>
      </Notice>
    );
  }
  const { event } = load;
  return (
    <main className="console" data-testid="event-editor">
      <ConsoleHeader where={BACK} />
      <EventTitle event={event} onEvent={live.put} />
      <p className="event-card__facts">
        Code <strong className="code-inline" data-testid="event-code">{event.code}</strong> · <StatsLine stats={stats} />
      </p>
      {live.problem ? (
        <p className="form-message form-message--error" role="status">
          {live.problem}
        </p>
      ) : null}
      <div className="event-card__actions">
        <a className="button-link button-link--small" href={presenterPath(event.id)}>
          Present
        </a>
        <a className="button-link button-link--secondary button-link--small" href={screenPath(event.code)} target="_blank" rel="noopener">
          Big screen
        </a>
      </div>
      <EventActions event={event} onDuplicated={(copy) => window.location.assign(organizerEventPath(copy.id))} onDeleted={() => window.location.assign('/organizer')} />
      <ShareLink code={event.code} />

      <section aria-labelledby="questions-title">
        <h2 id="questions-title" className="section-title section-head">
          Questions
        </h2>
        {event.questions.length === 0 ? <p className="muted">No questions yet. Add the first one below.</p> : null}
        <ol className="question-list" aria-label="Questions">
          {event.questions.map((question, index) => (
            <QuestionItem key={question.id} event={event} question={question} position={index} onEvent={live.put} onStale={live.refresh} />
          ))}
        </ol>
      </section>
      <AddQuestionForm eventId={event.id} onAdded={live.put} />
    </main>
  );
}
