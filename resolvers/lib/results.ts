import type { PollResults } from '../generated/schema.ts';
import { votesAttribute } from './keys.ts';
import type { PollItem, TallyItem } from './model.ts';

/** Sums the tally shards of the poll's current round. A shard never written counts as zero. */
export function toResults(poll: PollItem, shards: (TallyItem | null)[], now: string): PollResults {
  const options = poll.options.map((option) => {
    const attribute = votesAttribute(option.id);
    const votes = shards.reduce((sum, shard) => sum + ((shard && shard[attribute]) || 0), 0);
    return { optionId: option.id, label: option.label, votes };
  });
  const totalVotes = options.reduce((sum, option) => sum + option.votes, 0);
  return { pollId: poll.id, title: poll.title, state: poll.state, round: poll.round, options, totalVotes, updatedAt: now };
}

/** The tally as CSV, quoted where a label needs it (RFC 4180). */
export function toCsv(results: PollResults): string {
  // No regex literals in APPSYNC_JS.
  const needsQuotes = (text: string) => ['"', ',', '\n', '\r'].some((c) => text.indexOf(c) >= 0);
  const quote = (text: string) => (needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const rows = results.options.map((option) => `${option.optionId},${quote(option.label)},${option.votes}`);
  return ['option,label,votes', ...rows, `total,,${results.totalVotes}`].join('\n') + '\n';
}
