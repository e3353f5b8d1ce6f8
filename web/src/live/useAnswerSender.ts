// The sending of a device's answer.
//
// An answer is never dropped silently. It is written down on the device before
// it is sent; an answer that does not come back (network, overload, server
// restart) is asked for again, with growing pauses, until one comes — safe,
// because the server counts a participant's answer once per change (seq); a
// reload in the middle picks it up again. A refusal (closed question, change not
// allowed…) ends it, and the person is told why.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { AUDIENCE, answerChoices, answerWords, type Question, type QuestionResults } from '../api/audience.ts';
import { storedPendingAnswer, storePendingAnswer, type PendingAnswer } from './device.ts';
import type { Member } from './useEventMember.ts';
import type { MyAnswer } from './useMyAnswer.ts';
import { pause, retryDelay } from './retry.ts';

export type Sending =
  | { state: 'idle' }
  | { state: 'sending'; attempt: number; trouble: string | null; optionIds?: string[]; words?: string[] }
  | { state: 'refused'; message: string; seq: number };

interface SenderOptions {
  question: Question;
  member: Member;
  mine: MyAnswer;
  /** The results that came with the answer, if the question shows them. */
  onResults(results: QuestionResults | null | undefined): void;
  /** A refusal that says the question moved on (closed, removed): read the event again. */
  onMoved(): void;
}

/** Sends this device's answer (choices or words) to the question, retried until the server answers. */
export function useAnswerSender({ question, member, mine, onResults, onMoved }: SenderOptions) {
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const alive = useRef(true);
  const busy = useRef(false);
  const latest = useRef({ question, member, mine, onResults, onMoved });
  latest.current = { question, member, mine, onResults, onMoved };

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const send = useCallback(async (payload: { optionIds: string[] } | { words: string[] }) => {
    if (busy.current) return;
    busy.current = true;
    const { question: asked } = latest.current;
    const pending: PendingAnswer = { questionId: asked.id, round: asked.round, ...payload };
    storePendingAnswer(asked.eventId, asked.id, pending);
    let rejoined = false;
    try {
      for (let attempt = 0; alive.current; attempt += 1) {
        setSending((current) => ({ state: 'sending', attempt, trouble: current.state === 'sending' ? current.trouble : null, ...payload }));
        const { member: now } = latest.current;
        const participantId = now.participantId ?? (await now.rejoin().catch(() => null));
        try {
          if (!participantId) throw { errors: [{ errorType: 'NetworkError', message: 'This device has not joined yet' }] };
          const base = { eventId: asked.eventId, questionId: asked.id, participantId };
          const answer =
            'words' in payload
              ? (await api().graphql({ query: answerWords, variables: { ...base, words: payload.words }, authMode: AUDIENCE })).data.submitWords
              : (await api().graphql({ query: answerChoices, variables: { ...base, optionIds: payload.optionIds }, authMode: AUDIENCE })).data.castVote;
          storePendingAnswer(asked.eventId, asked.id, null);
          if (!alive.current) return;
          if (answer) latest.current.mine.set(answer);
          latest.current.onResults(answer?.results);
          setSending({ state: 'idle' });
          return;
        } catch (error) {
          const failure = apiFailure(error);
          if (failure.transient) {
            if (!alive.current) return;
            setSending({ state: 'sending', attempt, trouble: describeApiError(error, 'vote'), ...payload });
            await pause(retryDelay(attempt));
            continue;
          }
          if (failure.type === 'NotParticipant' && !rejoined) {
            // The server does not know this device (its data was reset): join again and send the same answer.
            rejoined = true;
            await latest.current.member.rejoin().catch(() => undefined);
            continue;
          }
          storePendingAnswer(asked.eventId, asked.id, null);
          if (!alive.current) return;
          if (failure.type === 'QuestionNotOpen' || failure.type === 'NotFound') latest.current.onMoved();
          // Answered already, from another tab or before a reload: show what the server counted.
          if (failure.type === 'AlreadyVoted') latest.current.mine.reread();
          setSending({ state: 'refused', message: describeAnswerError(error), seq: Date.now() });
          return;
        }
      }
    } finally {
      busy.current = false;
    }
  }, []);

  // An answer sent before a reload (or a crash) whose reply never came: send it again, unless this round has one.
  const resumed = useRef<string | null>(null);
  useEffect(() => {
    if (mine.answer === undefined || !member.participantId || resumed.current === question.id) return;
    resumed.current = question.id;
    const pending = storedPendingAnswer(question.eventId, question.id);
    if (!pending) return;
    if (pending.round !== question.round || question.state !== 'OPEN') storePendingAnswer(question.eventId, question.id, null);
    else if (pending.words) void send({ words: pending.words });
    else if (pending.optionIds) void send({ optionIds: pending.optionIds });
  }, [mine.answer, member.participantId, question.id, question.eventId, question.round, question.state, send]);

  // Another question, or a reset, clears a refusal of the last one.
  useEffect(() => setSending((current) => (current.state === 'refused' ? { state: 'idle' } : current)), [question.id, question.round]);

  return { sending, send };
}

/** A refused answer in words: the question's words, not the poll's. */
export function describeAnswerError(error: unknown): string {
  const { type, message } = apiFailure(error);
  switch (type) {
    case 'QuestionNotOpen':
      return /closed/i.test(message) ? 'This question is closed: answers are no longer taken.' : 'This question is not open for answers yet.';
    case 'AlreadyVoted':
      return 'You have already answered this question, and answers cannot be changed.';
    case 'BadRequest':
      return message ? (/[.!?]$/.test(message) ? message : `${message}.`) : 'That answer is not valid for this question.';
    case 'NotFound':
      return 'This question is no longer part of the event.';
    default:
      return describeApiError(error, 'vote');
  }
}
