import type { QuestionResults } from '../generated/schema.ts';
import { votesAttribute } from './keys.ts';
import type { QuestionItem, TallyItem } from './model.ts';
import { toWordCounts } from './words.ts';

/** Sums the tally shards of the question's current round. A shard never written counts as zero. */
export function toResults(question: QuestionItem, shards: (TallyItem | null)[], now: string): QuestionResults {
  const sum = (attribute: string) => shards.reduce((total, shard) => total + ((shard && shard[attribute]) || 0), 0);
  const options = question.options.map((option) => ({ optionId: option.id, label: option.label, votes: sum(votesAttribute(option.id)) }));
  const cloud = question.type === 'WORD_CLOUD' ? toWordCounts(shards, question.profanityFilter) : null;
  const totalVotes = cloud ? cloud.total : options.reduce((total, option) => total + option.votes, 0);
  // Rating options are r1..rN in order: the value of the option at index i is i + 1.
  const points = options.reduce((total, option, index) => total + option.votes * (index + 1), 0);
  return {
    eventId: question.eventId,
    questionId: question.id,
    type: question.type,
    title: question.title,
    state: question.state,
    round: question.round,
    options,
    average: question.type === 'RATING' && totalVotes > 0 ? Math.round((points / totalVotes) * 100) / 100 : null,
    words: cloud ? cloud.words : [],
    totalVotes,
    voters: sum('voters'),
    updatedAt: now,
  };
}
