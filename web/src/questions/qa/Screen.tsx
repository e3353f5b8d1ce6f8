import type { Question } from '../../api/audience.ts';
import { useLiveEntries } from '../../live/useLiveEntries.ts';
import { EntryList } from './EntryList.tsx';

/** The big screen's Q&A: the pinned question highlighted on top, the rest by votes, live. */
export function QaScreen({ question }: { question: Question }) {
  const live = useLiveEntries({ eventId: question.eventId, questionId: question.id, participantId: null, enabled: true });
  return (
    <div className="qa-screen" data-testid="qa-screen" data-live={live.live}>
      <EntryList entries={live.entries.slice(0, 12)} size="screen" />
    </div>
  );
}
