// The organizer's edits of an event's list of questions and of what is on, as
// one pure function: saveEvent writes what it answers, conditional on the event
// being as it was read.
import { util } from '@aws-appsync/utils';
import { checkPosition, MAX_QUESTIONS } from './bounds.ts';
import { badRequest } from './errors.ts';
import type { EventItem } from './model.ts';

export type EventEdit =
  | { kind: 'title'; title: string }
  | { kind: 'append'; questionId: string }
  | { kind: 'insertAfter'; questionId: string; afterId: string }
  | { kind: 'move'; questionId: string; position: number }
  | { kind: 'remove'; questionId: string }
  | { kind: 'current'; questionId: string };

function requireQuestion(event: EventItem, questionId: string) {
  if (event.questionIds.indexOf(questionId) < 0) util.error(`Event ${event.id} has no question ${questionId}`, 'NotFound');
}

/** Refuses a question beyond the event's limit, before anything is written. */
export function checkRoomForQuestion(event: EventItem) {
  if (event.questionIds.length >= MAX_QUESTIONS) badRequest(`An event has at most ${MAX_QUESTIONS} questions`);
}

export function applyEdit(event: EventItem, edit: EventEdit) {
  const ids = event.questionIds;
  const changed = { title: event.title, questionIds: ids, currentQuestionId: event.currentQuestionId ?? null };
  if (edit.kind === 'title') return { ...changed, title: edit.title };
  if (edit.kind === 'append') {
    checkRoomForQuestion(event);
    return { ...changed, questionIds: [...ids, edit.questionId] };
  }
  if (edit.kind === 'insertAfter') {
    checkRoomForQuestion(event);
    requireQuestion(event, edit.afterId);
    const at = ids.indexOf(edit.afterId) + 1;
    return { ...changed, questionIds: [...ids.slice(0, at), edit.questionId, ...ids.slice(at)] };
  }
  requireQuestion(event, edit.questionId);
  if (edit.kind === 'current') return { ...changed, currentQuestionId: edit.questionId };
  const others = ids.filter((id) => id !== edit.questionId);
  if (edit.kind === 'remove') {
    return { ...changed, questionIds: others, currentQuestionId: changed.currentQuestionId === edit.questionId ? null : changed.currentQuestionId };
  }
  checkPosition(edit.position, ids.length);
  return { ...changed, questionIds: [...others.slice(0, edit.position), edit.questionId, ...others.slice(edit.position)] };
}
