import { Notice } from '../components/Notice.tsx';

/** An organizer's page for an event that is not there: deleted while open, or never was. */
export function EventGone({ deleted }: { deleted: boolean }) {
  return (
    <Notice kind="error" title={deleted ? 'This event was deleted' : 'There is no such event'} detail="It may have been deleted by another organizer.">
      <a className="button-link" href="/organizer">
        All events
      </a>
    </Notice>
  );
}
