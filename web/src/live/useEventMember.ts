// One device's part in one event: its participant id (joined once per event,
// kept in localStorage), its answer to the question on now, and the sending of
// an answer.
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
import { AUDIENCE, answerChoices, answerWords, joinEvent, myAnswer, type Answer, type AudienceEvent, type Question, type QuestionResults } from '../api/audience.ts';
import { storedParticipant, storedPendingAnswer, storeParticipant, storePendingAnswer, type PendingAnswer } from './device.ts';

const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];
const retryDelay = (attempt: number) => RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// One join per event per page, however often effects run (React's StrictMode runs them twice).
const joins = new Map<string, Promise<string>>();

function join(event: Pick<AudienceEvent, 'id' | 'code'>): Promise<string> {
  let pending = joins.get(event.id);
  if (!pending) {
    pending = api()
      .graphql({ query: joinEvent, variables: { code: event.code }, authMode: AUDIENCE })
      .then((result) => {
        const id = result.data.joinEvent?.participantId;
        if (!id) throw new Error('The server did not register this device.');
        storeParticipant(event.id, id);
        return id;
      })
      .finally(() => joins.delete(event.id));
    joins.set(event.id, pending);
  }
  return pending;
}

export interface Member {
  participantId: string | null;
  /** Why this device is not (yet) registered, when it is not. */
  problem: string | null;
  /** Forgets the id (the server does not know it) and joins again; resolves with the new id. */
  rejoin(): Promise<string>;
}

/** Joins the event once per device: a stored id is used as it is; a refused one (NotParticipant) is replaced. */
export function useEventMember(event: Pick<AudienceEvent, 'id' | 'code'>): Member {
  const [participantId, setParticipantId] = useState<string | null>(() => storedParticipant(event.id));
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (participantId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    join(event).then(
      (id) => {
        if (cancelled) return;
        setProblem(null);
        setParticipantId(id);
      },
      (error: unknown) => {
        if (cancelled) return;
        const failure = apiFailure(error);
        setProblem(`This device could not join the event. ${describeApiError(error)}${failure.transient ? ' Trying again…' : ''}`);
        if (failure.transient) timer = setTimeout(() => setAttempt((n) => n + 1), retryDelay(attempt));
      },
    );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event.id, participantId, attempt]);

  const { id, code } = event;
  const rejoin = useCallback(() => {
    storeParticipant(id, null);
    return join({ id, code }).then((fresh) => {
      setParticipantId(fresh);
      return fresh;
    });
  }, [id, code]);

  return { participantId, problem, rejoin };
}

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
