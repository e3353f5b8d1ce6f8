// Where HandsUp's items live in its one table.
//
//   POLL#<id>                 POLL                    the poll
//   POLL#<id>                 PARTICIPANT#<pid>       a participant and their ballot
//   CODE#<code>               CODE                    the short code → the poll
//   POLL#<id>#R<round>#T<k>   TALLY                   one of TALLY_SHARDS counters of a round
//
// Tally shards differ in their partition key, so a hot poll's votes spread over
// TALLY_SHARDS partitions instead of one item taking them all.

export const TALLY_SHARDS = 16;
const HEX = '0123456789abcdef';

export const pollKey = (pollId: string) => ({ pk: `POLL#${pollId}`, sk: 'POLL' });
export const participantKey = (pollId: string, participantId: string) => ({ pk: `POLL#${pollId}`, sk: `PARTICIPANT#${participantId}` });
export const codeKey = (code: string) => ({ pk: `CODE#${code}`, sk: 'CODE' });
export const tallyKey = (pollId: string, round: number, shard: number) => ({ pk: `POLL#${pollId}#R${round}#T${shard}`, sk: 'TALLY' });

/** A participant always counts on the same shard: the last hex digit of their id picks it. */
export function shardOf(participantId: string): number {
  const digit = HEX.indexOf(participantId.slice(-1).toLowerCase());
  return digit < 0 ? 0 : digit % TALLY_SHARDS;
}

const SHARDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

export function tallyKeys(pollId: string, round: number) {
  return SHARDS.map((shard) => tallyKey(pollId, round, shard));
}

/** The attribute of a tally shard that counts an option's votes. */
export const votesAttribute = (optionId: string) => `votes_${optionId}`;

/** The table's deployed name, for batch operations, which name their tables (ctx.env, from api.json). */
export const handsUpTable = (ctx: { env: Record<string, string | undefined> }): string => ctx.env.HANDSUP_TABLE as string;
