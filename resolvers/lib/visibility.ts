import type { Identity } from '@aws-appsync/utils';
import type { AnswerItem, QuestionItem } from './model.ts';

export const ORGANIZERS = 'organizers';

export function isOrganizer(identity: Identity | null | undefined): boolean {
  const groups = (identity as { groups?: string[] | null } | null | undefined)?.groups;
  return !!groups && groups.indexOf(ORGANIZERS) >= 0;
}

/**
 * Whether the results are shown: to organizers always; to the audience as the
 * presenter's reveal says (SHOWN, HIDDEN), or with AUTO as resultsVisibility
 * says. `answer` is the caller's answer, if any (AFTER_VOTE: of this round).
 */
export function canSeeResults(question: QuestionItem, answer: AnswerItem | null, identity: Identity | null | undefined): boolean {
  if (isOrganizer(identity)) return true;
  if (question.reveal === 'SHOWN') return true;
  if (question.reveal === 'HIDDEN') return false;
  if (question.state === 'CLOSED' || question.resultsVisibility === 'ALWAYS') return true;
  if (question.resultsVisibility === 'AFTER_VOTE') return !!answer && answer.round === question.round;
  return false;
}

/** Why the results are hidden, in words for the audience. */
export function resultsHiddenMessage(question: QuestionItem): string {
  if (question.reveal === 'HIDDEN') return 'The presenter has hidden the results for now';
  if (question.resultsVisibility === 'AFTER_VOTE') return 'The results of this question are shown once you have answered';
  return 'The results of this question are shown when it closes';
}
