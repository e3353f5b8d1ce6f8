// Rows for the answers counted on tally shards: castVote (multiple choice, rating) and submitWords.
import type { QuestionInput } from '../../resolvers/generated/schema.ts';
import type { Answering, Row } from './row.ts';
import { countAnswer, markAnswered, type Counting } from './store.ts';

// What a phone selects from its answer, and what the big screen receives of it.
const ANSWER = 'eventId questionId round optionIds words seq results { totalVotes voters updatedAt average options { optionId votes } words { word count } }';
const BIG_SCREEN = { who: 'big screen', subscription: `subscription ($e: ID!, $q: ID!) { onAnswer(eventId: $e, questionId: $q) { ${ANSWER} } }` };
const CAST_VOTE = `mutation ($e: ID!, $q: ID!, $p: ID!, $o: [ID!]!) { castVote(eventId: $e, questionId: $q, participantId: $p, optionIds: $o) { ${ANSWER} } }`;
const SUBMIT_WORDS = `mutation ($e: ID!, $q: ID!, $p: ID!, $w: [String!]!) { submitWords(eventId: $e, questionId: $q, participantId: $p, words: $w) { ${ANSWER} } }`;
const OPS = 'BatchGetItem context, UpdateItem answer, UpdateItem shard, UpdateItem counted, UpdateItem inflight, BatchGetItem 16 shards';

/** Participant i's answer of seq `seq` (replacing `prev`, the same participant's answer before). */
type Choose = (i: number) => { seq: number; chosen: string[]; prev: string[] };

/** The measured side of an answer row: castVote or submitWords, and the same operations on the store alone. */
function counting(words: boolean, choose: Choose): Answering {
  return {
    async endToEnd(server, questionId, i) {
      const { chosen } = choose(i);
      const variables = { e: server.eventId, q: questionId, p: server.participants[i], ...(words ? { w: chosen } : { o: chosen }) };
      return server.answer(words ? SUBMIT_WORDS : CAST_VOTE, variables);
    },
    async store(store, question, i) {
      const { seq, chosen, prev } = choose(i);
      const answer: Counting = words ? { seq, optionIds: [], words: chosen, prev } : { seq, optionIds: chosen, prev };
      // The first answers of a question mark it answered (it is read unmarked until then): once here.
      if (i === 0 && seq === 1) await markAnswered(store, question);
      await countAnswer(store, question, store.participants[i]!, answer);
    },
  };
}

const options = (n: number) => Array.from({ length: n }, (_, k) => `Option ${k + 1}`);
const pick = (ids: string[], i: number, count: number) => Array.from({ length: count }, (_, k) => ids[(i + k) % ids.length]!);
const OPTION_IDS = options(6).map((_, k) => `o${k + 1}`);
const RATINGS = ['r1', 'r2', 'r3', 'r4', 'r5'];
// Words from a small vocabulary, so the cloud's counters repeat as a room's do.
const VOCABULARY = ['fast', 'clear', 'fun', 'long', 'deep', 'loud', 'calm', 'bold', 'new', 'late', 'kind', 'sharp', 'warm', 'dry', 'rich', 'odd', 'wise'];
const changing: QuestionInput = { type: 'MULTIPLE_CHOICE', title: 'Change of vote', options: options(4), allowChange: true };

export const answerRows: Row[] = [
  {
    label: 'multiple choice, single choice',
    operations: OPS,
    question: { type: 'MULTIPLE_CHOICE', title: 'Single choice', options: options(4) },
    measure: counting(false, (i) => ({ seq: 1, chosen: pick(OPTION_IDS.slice(0, 4), i, 1), prev: [] })),
    push: BIG_SCREEN,
  },
  {
    label: 'multiple choice, 3 of 6 choices',
    operations: `${OPS} (3 counters up)`,
    question: { type: 'MULTIPLE_CHOICE', title: 'Up to 3', options: options(6), maxChoices: 3 },
    measure: counting(false, (i) => ({ seq: 1, chosen: pick(OPTION_IDS, i, 3), prev: [] })),
    push: BIG_SCREEN,
  },
  {
    label: 'change of vote (allowed)',
    operations: `${OPS} (one counter up, one down; after a first vote not measured)`,
    question: changing,
    prepare: counting(false, (i) => ({ seq: 1, chosen: pick(OPTION_IDS.slice(0, 4), i, 1), prev: [] })),
    measure: counting(false, (i) => ({ seq: 2, chosen: pick(OPTION_IDS.slice(0, 4), i + 1, 1), prev: pick(OPTION_IDS.slice(0, 4), i, 1) })),
    push: BIG_SCREEN,
  },
  {
    label: 'rating, 1–5',
    operations: OPS,
    question: { type: 'RATING', title: 'Rating', scale: 5 },
    measure: counting(false, (i) => ({ seq: 1, chosen: pick(RATINGS, i, 1), prev: [] })),
    push: BIG_SCREEN,
  },
  {
    label: 'word cloud, 3 words',
    operations: `${OPS} (3 word counters up; shards read whole)`,
    question: { type: 'WORD_CLOUD', title: 'Word cloud' },
    measure: counting(true, (i) => ({ seq: 1, chosen: [VOCABULARY[i % 17]!, VOCABULARY[(i + 5) % 17]!, VOCABULARY[(i + 11) % 17]!], prev: [] })),
    push: BIG_SCREEN,
  },
];
