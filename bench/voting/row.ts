// A row of the voting bench: one answer type, measured end to end and on the store alone.
import type { QuestionInput } from '../../resolvers/generated/schema.ts';
import type { Sighting } from './pace.ts';
import type { Server } from './server.ts';
import type { Question, Store } from './store.ts';

/** One answer (by participant i) as a phone sends it, and the same on the store alone. */
export type Answering = {
  endToEnd(server: Server, questionId: string, i: number): Promise<Sighting>;
  store(store: Store, question: Question, i: number): Promise<void>;
};

export type Row = {
  /** The answer type, as the table names it. */
  label: string;
  /** What the store alone does for one answer, as the table says it. */
  operations: string;
  /** The question answered; rows naming the same object answer the same question. */
  question: QuestionInput;
  /** Done first and not measured: what the measured answers build on (the vote a change replaces). */
  prepare?: Answering;
  measure: Answering;
  /** Who sees each answer pushed (`$e`, `$q`: the event and question), selecting what the answer selects. */
  push: { who: string; subscription: string };
};
