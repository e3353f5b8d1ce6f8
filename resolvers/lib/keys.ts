// Where HandsUp's items live in its one table. A poll and its counters share a
// partition, so one Query reads a poll's whole tally.

/** Counters per option. Votes spread over the shards, so no single item takes every vote of a hot poll. */
export const COUNT_SHARDS = 4;

export function pollKey(pollId: string) {
  return { pk: `POLL#${pollId}`, sk: 'POLL' };
}

export function countKey(pollId: string, optionId: string, shard: number) {
  return { pk: `POLL#${pollId}`, sk: `COUNT#${optionId}#${shard}` };
}

export const COUNT_PREFIX = 'COUNT#';
