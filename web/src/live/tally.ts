// Tallies arrive from several places — the results query, castVote's answer,
// every onVote push — and not necessarily in order. Within a round counts only
// grow, so the tally with more votes is the newer one; a later round replaces
// an earlier one whatever its counts (a reset starts again from zero).
import type { Results } from '../api/operations.ts';

export function newerTally(current: Results | null, next: Results | null | undefined): Results | null {
  if (!next) return current;
  if (!current || current.pollId !== next.pollId) return next;
  if (next.round !== current.round) return next.round > current.round ? next : current;
  if (next.totalVotes !== current.totalVotes) return next.totalVotes > current.totalVotes ? next : current;
  // Same counts: the later reading may carry a newer poll state (closed).
  return next.updatedAt >= current.updatedAt ? next : current;
}

/** The share of each option, rounded so that the shown percentages add up to 100 (largest remainders). */
export function percentages(votes: readonly number[]): number[] {
  const total = votes.reduce((sum, n) => sum + n, 0);
  if (total === 0) return votes.map(() => 0);
  const exact = votes.map((n) => (n * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, n) => sum + n, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}
