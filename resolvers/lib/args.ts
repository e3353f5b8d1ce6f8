import { checkId } from './bounds.ts';

/**
 * The arguments of a resolver about one question, checked and stashed for its
 * pipeline's functions: the event and question ids, and the participant's when
 * one asks (null otherwise).
 */
export function stashQuestionArgs(stash: Record<string, unknown>, args: { eventId: string; questionId: string; participantId?: string | null }) {
  checkId('event id', args.eventId);
  checkId('question id', args.questionId);
  checkId('participant id', args.participantId);
  stash.eventId = args.eventId;
  stash.questionId = args.questionId;
  stash.participantId = args.participantId ?? null;
}
