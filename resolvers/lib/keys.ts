// Where HandsUp's items live in its one table.
//
//   EVENT#<eid>                      EVENT               the event (type=EVENT for the byType index)
//   EVENT#<eid>                      QUESTION#<qid>      a question (all of them: Query pk, begins_with sk)
//   EVENT#<eid>                      STATS               counters: joined
//   EVENT#<eid>                      PARTICIPANT#<pid>   a participant of the event
//   EVENT#<eid>#Q#<qid>              ANSWER#<pid>        a participant's answer (round, choices, seq, counted)
//   EVENT#<eid>#Q#<qid>#R<r>#T<k>    TALLY               one of TALLY_SHARDS counters of a round
//   EVENT#<eid>#Q#<qid>              ENTRY#<entryId>     a Q&A entry (text, author, status, upvotes, inflight map)
//   EVENT#<eid>#Q#<qid>#E#<entryId>  UPVOTE#<pid>        a participant's upvote of an entry (on, seq, counted)
//   CODE#<code>                      CODE                the short code → the event
//
// Tally shards differ in their partition key, so a hot question's answers spread
// over TALLY_SHARDS partitions instead of one item taking them all. Question items
// carry their `type` too (MULTIPLE_CHOICE…), so they also land in byType: harmless,
// the events list asks for type=EVENT only.

export const TALLY_SHARDS = 16;
const HEX = '0123456789abcdef';

export const eventKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' });
export const questionKey = (eventId: string, questionId: string) => ({ pk: `EVENT#${eventId}`, sk: `QUESTION#${questionId}` });
export const statsKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'STATS' });
export const participantKey = (eventId: string, participantId: string) => ({ pk: `EVENT#${eventId}`, sk: `PARTICIPANT#${participantId}` });
export const answerKey = (eventId: string, questionId: string, participantId: string) => ({
  pk: `EVENT#${eventId}#Q#${questionId}`,
  sk: `ANSWER#${participantId}`,
});
export const codeKey = (code: string) => ({ pk: `CODE#${code}`, sk: 'CODE' });
export const tallyKey = (eventId: string, questionId: string, round: number, shard: number) => ({
  pk: `EVENT#${eventId}#Q#${questionId}#R${round}#T${shard}`,
  sk: 'TALLY',
});

/** A participant always counts on the same shard: the last hex digit of their id picks it. */
export function shardOf(participantId: string): number {
  const digit = HEX.indexOf(participantId.slice(-1).toLowerCase());
  return digit < 0 ? 0 : digit % TALLY_SHARDS;
}

const SHARDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

export function tallyKeys(eventId: string, questionId: string, round: number) {
  return SHARDS.map((shard) => tallyKey(eventId, questionId, round, shard));
}

/** The attribute of a tally shard that counts an option's votes. */
export const votesAttribute = (optionId: string) => `votes_${optionId}`;

/** The attribute of a word cloud's tally shard that counts a (normalised) word or phrase. */
export const WORD_PREFIX = 'w_';
export const wordAttribute = (word: string) => `${WORD_PREFIX}${word}`;

// Q&A: a question's entries share its answers' partition (one Query lists them);
// each entry's upvotes are items of their own, one partition per entry.
export const entriesPartition = (eventId: string, questionId: string) => `EVENT#${eventId}#Q#${questionId}`;
export const entryKey = (eventId: string, questionId: string, entryId: string) => ({
  pk: entriesPartition(eventId, questionId),
  sk: `ENTRY#${entryId}`,
});
export const upvoteKey = (eventId: string, questionId: string, entryId: string, participantId: string) => ({
  pk: `EVENT#${eventId}#Q#${questionId}#E#${entryId}`,
  sk: `UPVOTE#${participantId}`,
});

/** The table's deployed name, for batch operations, which name their tables (ctx.env, from api.json). */
export const handsUpTable = (ctx: { env: Record<string, string | undefined> }): string => ctx.env.HANDSUP_TABLE as string;
