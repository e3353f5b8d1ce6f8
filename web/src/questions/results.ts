// Results arrive from several places — the results query, the answer's own
// results, every onAnswer push — and not necessarily in order. A later round
// replaces an earlier one whatever its counts (a reset starts from zero); within
// a round the later reading wins. Counts alone cannot order them any more: a
// changed answer moves a vote without adding one, a multiple-choice change can
// lower the total.
import type { Question, QuestionResults } from '../api/audience.ts';

export function newerResults(current: QuestionResults | null, next: QuestionResults | null | undefined): QuestionResults | null {
  if (!next) return current;
  if (!current || current.questionId !== next.questionId) return next;
  if (next.round !== current.round) return next.round > current.round ? next : current;
  if (next.updatedAt !== current.updatedAt) return next.updatedAt > current.updatedAt ? next : current;
  if (next.voters !== current.voters) return next.voters > current.voters ? next : current;
  // Same moment: the later reading may carry a newer question state (closed).
  return next;
}

/** A round with no answers yet: what a reset shows until the first read. */
export function emptyResults(question: Question): QuestionResults {
  return {
    eventId: question.eventId,
    questionId: question.id,
    type: question.type,
    state: question.state,
    round: question.round,
    average: null,
    totalVotes: 0,
    voters: 0,
    updatedAt: question.updatedAt,
    options: question.options.map((option) => ({ optionId: option.id, label: option.label, votes: 0 })),
    words: [],
  };
}
