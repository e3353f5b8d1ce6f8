// The items as stored, beside the API's types.
import type { Poll } from '../generated/schema.ts';

export type PollItem = Poll & { pk: string; sk: string; type: 'POLL' };

export type ParticipantItem = {
  participantId: string;
  pollId: string;
  joinedAt: string;
  /** The round of the last vote, and the option voted for in it. */
  round?: number;
  choice?: string;
  /** False from the ballot's write until its tally shard has counted it. */
  counted?: boolean;
};

/** A tally shard, as read: only the votes_<optionId> counters. */
export type TallyItem = Record<string, number | undefined>;
