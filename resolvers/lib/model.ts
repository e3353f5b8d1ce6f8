// The items as stored, beside the API's types.
import type { Event, Question } from '../generated/schema.ts';

export type EventItem = Omit<Event, 'questions'> & { pk: string; sk: string; type: 'EVENT' };

export type QuestionItem = Question & { pk: string; sk: string };

export type ParticipantItem = { participantId: string; eventId: string; joinedAt: string };

/** A participant's answer to one question, as the exactly-once steps leave it. */
export type AnswerItem = {
  eventId: string;
  questionId: string;
  participantId: string;
  round: number;
  /** 1 for the first answer of the round, +1 per change. */
  seq: number;
  optionIds: string[];
  /** The choices this answer replaced (empty for seq 1): they go down as optionIds go up. */
  prev: string[];
  words?: string[];
  /** False from the answer's write until its tally shard has counted it. */
  counted: boolean;
};

/** A tally shard, as read: only the counters. */
export type TallyItem = Record<string, number | undefined>;
