// This device's answer to the question on now, shared by its tabs.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure } from '../api/errors.ts';
import { AUDIENCE, myAnswer, type Answer, type Question } from '../api/audience.ts';
import type { Member } from './useEventMember.ts';
import { retryDelay } from './retry.ts';

export interface MyAnswer {
  /** This device's answer to the question this round: null for none, undefined until known. */
  answer: Answer | null | undefined;
  /** Records an answer learned elsewhere (the mutation's reply), and tells this device's other tabs. */
  set(answer: Answer | null): void;
  /** Asks the server again (a refusal said this device has an answer this tab does not know). */
  reread(): void;
}

/**
 * The tabs of one device share a participant id (localStorage), so an answer
 * sent from one is this device's answer in all: it is passed to the others at
 * once, so no tab still offers a choice the server would refuse.
 */
function answerChannel(eventId: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(`handsup-answers:${eventId}`) : null;
}

/** This device's answer to `question` in its current round, read when the question, its round or the participant changes. */
export function useMyAnswer(question: Question | null, member: Member): MyAnswer {
  const [known, setKnown] = useState<{ key: string; answer: Answer | null } | undefined>(undefined);
  const [reads, setReads] = useState(0);
  const key = question ? `${question.id}#${question.round}` : '';
  const keyNow = useRef(key);
  keyNow.current = key;
  const learn = useCallback((answer: Answer | null) => {
    const answerKey = answer ? `${answer.questionId}#${answer.round}` : keyNow.current;
    if (answerKey === keyNow.current) setKnown({ key: answerKey, answer });
  }, []);
  const { participantId, rejoin } = member;
  const eventId = question?.eventId ?? null;
  const questionId = question?.id ?? null;
  const answerable = question ? question.type !== 'QA' : false;

  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    if (!eventId || !participantId) return;
    const opened = answerChannel(eventId);
    if (!opened) return;
    channel.current = opened;
    opened.onmessage = ({ data }: MessageEvent<{ participantId: string; answer: Answer }>) => {
      if (data?.participantId === participantId && data.answer) learn(data.answer);
    };
    return () => {
      channel.current = null;
      opened.close();
    };
  }, [eventId, participantId, learn]);

  const set = useCallback(
    (answer: Answer | null) => {
      learn(answer);
      if (answer && participantId) channel.current?.postMessage({ participantId, answer });
    },
    [learn, participantId],
  );
  const reread = useCallback(() => setReads((n) => n + 1), []);

  useEffect(() => {
    if (!eventId || !questionId || !answerable || !participantId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const read = () =>
      api()
        .graphql({ query: myAnswer, variables: { eventId, questionId, participantId }, authMode: AUDIENCE })
        .then(
          (result) => {
            if (!cancelled) learn(result.data.answer ?? null);
          },
          (error: unknown) => {
            if (cancelled) return;
            const failure = apiFailure(error);
            // The server does not know this id (its data was reset): join afresh, which reads again.
            if (failure.type === 'NotParticipant') return void rejoin().catch(() => undefined);
            if (failure.transient) timer = setTimeout(read, retryDelay(attempt++));
          },
        );
    void read();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [eventId, questionId, key, answerable, participantId, rejoin, learn, reads]);

  return { answer: known && known.key === key ? known.answer : answerable ? undefined : null, set, reread };
}
