// What the audience — the big screen and the phones that have not answered —
// is shown of a question's results right now. It mirrors the server's rule
// (EVENTS-CONTRACT: reveal SHOWN/HIDDEN overrides; AUTO follows resultsVisibility),
// so the presenter can read, before looking up, what the room sees.
import type { OrganizerQuestion } from '../organizer/operations.ts';

export interface AudienceView {
  /** True when the big screen shows the results now. */
  screenShowsResults: boolean;
  /** The same in a sentence for the presenter. */
  words: string;
}

export function audienceView(question: Pick<OrganizerQuestion, 'type' | 'state' | 'resultsVisibility' | 'reveal'>): AudienceView {
  if (question.type === 'QA') {
    return { screenShowsResults: true, words: 'The big screen shows the approved questions, most upvoted first.' };
  }
  if (question.reveal === 'SHOWN') return { screenShowsResults: true, words: 'Results shown: you revealed them to everyone.' };
  if (question.reveal === 'HIDDEN') return { screenShowsResults: false, words: 'Results hidden: you hid them from the big screen and the phones.' };
  if (question.state === 'CLOSED') return { screenShowsResults: true, words: 'Results shown: the question is closed.' };
  if (question.resultsVisibility === 'ALWAYS') return { screenShowsResults: true, words: 'Results shown live, as set for this question.' };
  if (question.resultsVisibility === 'AFTER_VOTE') {
    return { screenShowsResults: false, words: 'Results hidden on the big screen until the question closes; each phone sees them after answering.' };
  }
  return { screenShowsResults: false, words: 'Results hidden until the question closes.' };
}
