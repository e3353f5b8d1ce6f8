// What every question type's phone and screen views are given. The pages own
// the live data (the event, this device's answer, the results); a type's views
// only draw it and say what the person chose.
import type { Answer, Question, QuestionResults } from '../api/audience.ts';
import type { Sending } from '../live/useAnswerSender.ts';

export type AnswerPayload = { optionIds: string[] } | { words: string[] };

export interface PhoneProps {
  question: Question;
  /** This device's answer this round: null for none, undefined until known. */
  answer: Answer | null | undefined;
  sending: Sending;
  /** True when an answer may be sent now (open, joined, nothing in flight, none yet or changes allowed). */
  canAnswer: boolean;
  send(payload: AnswerPayload): void;
}

export interface ResultsProps {
  question: Question;
  results: QuestionResults;
  /** This device's answer, marked in the results (phones only). */
  answer?: Answer | null;
}

/** True when this device may send (another) answer to the question now. */
export function mayAnswer(question: Question, answer: Answer | null | undefined, joined: boolean, busy: boolean): boolean {
  if (question.state !== 'OPEN' || !joined || busy || answer === undefined) return false;
  return answer === null || question.allowChange;
}
