import type { OptionResult, Poll, PollResults } from '../generated/schema.ts';

export type CountItem = { optionId: string; votes: number };

/** Sums the counter shards of a poll into the tally every client shows. */
export function toResults(poll: Poll, counts: CountItem[], now: string): PollResults {
  const options: OptionResult[] = poll.options.map((option) => {
    const votes = counts
      .filter((count) => count.optionId === option.id)
      .reduce((sum, count) => sum + count.votes, 0);
    return { optionId: option.id, label: option.label, votes };
  });
  const totalVotes = options.reduce((sum, option) => sum + option.votes, 0);
  return { pollId: poll.id, title: poll.title, options, totalVotes, updatedAt: now };
}
