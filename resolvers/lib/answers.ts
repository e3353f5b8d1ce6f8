import type { Identity } from '@aws-appsync/utils';
import type { Answer, QuestionResults } from '../generated/schema.ts';
import type { AnswerItem, QuestionItem } from './model.ts';
import { canSeeResults } from './visibility.ts';

/** An answer as the API gives it: with the results when the question shows them to whoever answered. */
export function toAnswer(question: QuestionItem, answer: AnswerItem, results: QuestionResults | null, identity: Identity | null | undefined): Answer {
  return {
    eventId: question.eventId,
    questionId: question.id,
    round: answer.round,
    optionIds: answer.optionIds ?? [],
    words: answer.words ?? [],
    seq: answer.seq,
    results: results && canSeeResults(question, answer, identity) ? results : null,
  };
}
