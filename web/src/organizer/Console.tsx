import { useEffect } from 'react';
import { ConsoleHeader } from './ConsoleHeader.tsx';
import { EventCard } from './EventCard.tsx';
import { NewEventForm } from './NewEventForm.tsx';
import { useEvents } from './useEvents.ts';

/** `/organizer`: the organizer's events, live, and a form for a new one. */
export function Console() {
  const { load, live, problem, refresh, put, drop } = useEvents();

  useEffect(() => {
    document.title = 'Organizer · HandsUp';
  }, []);

  return (
    <main className="console">
      <ConsoleHeader />
      <h1 className="console__title">Your events</h1>

      <NewEventForm onCreated={put} />

      <section aria-labelledby="events-title" data-testid="events" data-live={live}>
        <div className="section-head">
          <h2 id="events-title" className="section-title">
            Events
          </h2>
          <button type="button" className="button-link button-link--secondary button-link--small" onClick={refresh}>
            Refresh
          </button>
        </div>
        {problem && load.state === 'ready' ? (
          <p className="form-message form-message--error" role="status">
            {problem}
          </p>
        ) : null}
        {load.state === 'loading' ? <p className="muted">Loading events…</p> : null}
        {load.state === 'failed' ? (
          <p className="form-message form-message--error" role="alert">
            The events could not be loaded. {load.message}
          </p>
        ) : null}
        {load.state === 'ready' && load.events.length === 0 ? <p className="muted">No events yet. Create the first one above.</p> : null}
        {load.state === 'ready' && load.events.length > 0 ? (
          <ul className="event-list" aria-label="Events">
            {load.events.map((event) => (
              <EventCard key={event.id} event={event} onDuplicated={put} onDeleted={drop} />
            ))}
          </ul>
        ) : null}
      </section>
    </main>
  );
}
