// Rows for Q&A: participants ask (askQuestion), upvote and withdraw upvotes (upvote) on one question,
// each row building on the one before: the entries asked are the ones upvoted, the upvotes the ones withdrawn.
import type { QuestionInput } from '../../resolvers/generated/schema.ts';
import type { Answering, Row } from './row.ts';
import { askQuestion, markAnswered, upvote } from './store.ts';

const ENTRY = 'id eventId questionId text author status pinned upvotes createdAt updatedAt';
const QA_LIST = { who: 'Q&A list', subscription: `subscription ($e: ID!, $q: ID!) { onEntryChanged(eventId: $e, questionId: $q) { ${ENTRY} } }` };
const ASK = `mutation ($e: ID!, $q: ID!, $p: ID!, $t: String!) { askQuestion(eventId: $e, questionId: $q, participantId: $p, text: $t) { ${ENTRY} } }`;
const UPVOTE = `mutation ($e: ID!, $q: ID!, $p: ID!, $id: ID!, $on: Boolean!) { upvote(eventId: $e, questionId: $q, participantId: $p, entryId: $id, on: $on) { ${ENTRY} } }`;
/** Upvotes go to the first few entries, as a room's do: these entries are hot items. */
const POPULAR = 20;

const question: QuestionInput = { type: 'QA', title: 'Questions for the speaker' };
// The entries asked, in order, on each side (ids differ: each side mints its own).
const asked = { endToEnd: [] as string[], store: [] as string[] };

const asking: Answering = {
  async endToEnd(server, questionId, i) {
    const ack = await server.answer(ASK, { e: server.eventId, q: questionId, p: server.participants[i], t: `Question ${i} for the speaker?` });
    asked.endToEnd.push(ack.data.id);
    return ack;
  },
  async store(store, q, i) {
    asked.store.push(await askQuestion(store, q, store.participants[i]!, `Question ${i} for the speaker?`));
    // askQuestion marks the question answered after its entry; the first ones only (once here).
    if (i === 0) await markAnswered(store, q);
  },
};

/** Participant i upvotes (on) or withdraws their upvote of a popular entry: seq 1 on, seq 2 withdrawn. */
const upvoting = (on: boolean): Answering => ({
  endToEnd: (server, questionId, i) =>
    server.answer(UPVOTE, { e: server.eventId, q: questionId, p: server.participants[i], id: asked.endToEnd[i % POPULAR], on }),
  store: (store, q, i) => upvote(store, q, store.participants[i]!, asked.store[i % POPULAR]!, on, on ? 1 : 2),
});

const UPVOTE_OPS = `BatchGetItem context, GetItem entry, GetItem upvote, PutItem upvote, UpdateItem entry, UpdateItem counted, UpdateItem inflight (${POPULAR} entries)`;

export const qaRows: Row[] = [
  { label: 'Q&A, submit', operations: 'BatchGetItem context, PutItem entry', question, measure: asking, push: QA_LIST },
  { label: 'Q&A, upvote', operations: UPVOTE_OPS, question, measure: upvoting(true), push: QA_LIST },
  { label: 'Q&A, withdraw an upvote', operations: UPVOTE_OPS, question, measure: upvoting(false), push: QA_LIST },
];
