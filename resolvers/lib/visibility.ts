import type { Identity } from '@aws-appsync/utils';
import type { ParticipantItem, PollItem } from './model.ts';

export const ORGANIZERS = 'organizers';

export function isOrganizer(identity: Identity | null | undefined): boolean {
  const groups = (identity as { groups?: string[] | null } | null | undefined)?.groups;
  return !!groups && groups.indexOf(ORGANIZERS) >= 0;
}

/** Whether the tally is shown: to organizers always; to others as the poll's resultsVisibility says. */
export function canSeeResults(poll: PollItem, participant: ParticipantItem | null, identity: Identity | null | undefined): boolean {
  if (isOrganizer(identity) || poll.state === 'CLOSED') return true;
  if (poll.resultsVisibility === 'ALWAYS') return true;
  if (poll.resultsVisibility === 'AFTER_VOTE') return !!participant && participant.round === poll.round;
  return false;
}

export const RESULTS_HIDDEN = {
  AFTER_VOTE: 'The results of this poll are shown once you have voted',
  AFTER_CLOSE: 'The results of this poll are shown when it closes',
} as const;
