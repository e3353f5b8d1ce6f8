// What the audience may see of a question's results, as the server decides it:
// the presenter's reveal first (SHOWN/HIDDEN override everything), else the
// question's resultsVisibility (a closed question shows them). The pages ask for
// results only when this says yes: a refused subscription would disturb the
// socket every other subscription of the page shares.
import type { Question } from '../api/audience.ts';

export function audienceSeesResults(question: Pick<Question, 'state' | 'resultsVisibility' | 'reveal'>, who: { answered: boolean }): boolean {
  if (question.reveal === 'SHOWN') return true;
  if (question.reveal === 'HIDDEN') return false;
  if (question.state === 'CLOSED' || question.resultsVisibility === 'ALWAYS') return true;
  if (question.resultsVisibility === 'AFTER_VOTE') return who.answered;
  return false;
}

/** Why the results are not shown yet, in the audience's words. */
export function hiddenResultsReason(question: Pick<Question, 'state' | 'resultsVisibility' | 'reveal'>, where: 'phone' | 'screen'): string {
  if (question.reveal === 'HIDDEN') return 'The presenter is keeping the results hidden for now.';
  if (question.resultsVisibility === 'AFTER_VOTE') {
    return where === 'phone' ? 'The results are shown here once you have answered.' : 'Everyone sees the results on their phone once they have answered; this screen shows them when the question closes.';
  }
  return 'The results are shown when the question closes.';
}
