// The shares the results bars show.

/**
 * The share of each option in whole percent: largest remainders first, so that the shares add up to 100,
 * except that equal counts always show equal shares — a tie that cannot all take the last point gets none
 * (1, 1, 1 shows 33 % each, not 34/33/33: the room would read the first as winning).
 */
export function percentages(votes: readonly number[]): number[] {
  const total = votes.reduce((sum, n) => sum + n, 0);
  if (total === 0) return votes.map(() => 0);
  const shares = votes.map((n) => Math.floor((n * 100) / total));
  let left = 100 - shares.reduce((sum, n) => sum + n, 0);
  // Counts with a fractional part, largest remainder first; equal counts form one group.
  const groups = [...new Set(votes)]
    .map((count) => ({ count, rest: (count * 100) / total - Math.floor((count * 100) / total), members: votes.filter((n) => n === count).length }))
    .filter((group) => group.rest > 0)
    .sort((a, b) => b.rest - a.rest);
  for (const group of groups) {
    if (group.members > left) break;
    left -= group.members;
    votes.forEach((n, index) => {
      if (n === group.count) shares[index] = (shares[index] ?? 0) + 1;
    });
  }
  return shares;
}
