import { screenPath } from '../routes.ts';
import { EventActions } from './EventActions.tsx';
import { organizerEventPath, presenterPath } from './paths.ts';
import type { OrganizerEvent } from './operations.ts';
import { ShareLink } from './ShareLink.tsx';
import { StateTag } from './StateTag.tsx';
import { StatsLine } from './StatsLine.tsx';
import { useEventStats } from './useEventStats.ts';

/** One event in the console's list: its code, counts, what is on now, and the ways in. */
export function EventCard(props: { event: OrganizerEvent; onDuplicated: (event: OrganizerEvent) => void; onDeleted: (id: string) => void }) {
  const { event } = props;
  const stats = useEventStats(event.id, event.updatedAt);
  const current = event.questions.find((question) => question.id === event.currentQuestionId) ?? null;
  const count = event.questions.length;
  return (
    <li className="event-card" data-testid={`event-${event.code}`} aria-label={event.title}>
      <div className="event-card__head">
        <h3 className="event-card__title">{event.title}</h3>
        {current ? <StateTag state={current.state} /> : null}
      </div>
      <p className="event-card__facts">
        Code <strong className="code-inline" data-testid="event-code">{event.code}</strong> · <span data-testid="question-count">{count === 1 ? '1 question' : `${count} questions`}</span> ·{' '}
        <StatsLine stats={stats} />
      </p>
      {current ? (
        <p className="event-card__now">
          On now: <strong>{current.title}</strong>
        </p>
      ) : null}
      <ol className="event-card__questions" aria-label="Questions">
        {event.questions.map((question) => (
          <li key={question.id}>{question.title}</li>
        ))}
      </ol>
      <div className="event-card__actions">
        <a className="button-link button-link--small" href={presenterPath(event.id)}>
          Present
        </a>
        <a className="button-link button-link--secondary button-link--small" href={organizerEventPath(event.id)}>
          Edit questions
        </a>
        <a className="button-link button-link--secondary button-link--small" href={screenPath(event.code)} target="_blank" rel="noopener">
          Big screen
        </a>
      </div>
      <EventActions event={event} onDuplicated={props.onDuplicated} onDeleted={props.onDeleted} />
      <ShareLink code={event.code} />
    </li>
  );
}
