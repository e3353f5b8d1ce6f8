// A question's results in its current round, kept live while the caller may see
// them: a read at each acknowledgement of onAnswer (first subscribe, every
// reconnect), then each answer's results as they are pushed. A push without
// results (the answerer could not see them, or selected none) makes the page read
// them, one read at a time. Generalises the poll's useLiveTally to every question type.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { AUDIENCE, onAnswer, questionResults, type Question, type QuestionResults } from '../api/audience.ts';
import { emptyResults, newerResults } from '../questions/results.ts';
import { oneAtATime } from './oneAtATime.ts';
import { watch } from './subscribe.ts';

export interface LiveResultsOptions {
  question: Question | null;
  /** False while the server would refuse the results: nothing is asked for then (a refused subscription would disrupt the shared socket). */
  enabled: boolean;
  /** A participant who answered (needed under AFTER_VOTE). */
  participantId?: string | null;
  /** Runs at each push (the big screen re-reads its counts). */
  onPush?: () => void;
}

export interface LiveResults {
  /** The current round's results, or null until the first reading. */
  results: QuestionResults | null;
  /** Why the results are not live, if they are not. */
  problem: string | null;
  /** True while onAnswer is acknowledged: every answer from now on is pushed. */
  live: boolean;
  /** Takes results learned elsewhere (the answer's reply). */
  offer(results: QuestionResults | null | undefined): void;
  /** When the results were last known current (a read answered, or a push arrived), by this device's clock. */
  freshAt: Date | null;
}

export function useLiveResults({ question, enabled, participantId = null, onPush }: LiveResultsOptions): LiveResults {
  const [results, setResults] = useState<QuestionResults | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState(false);
  const [freshAt, setFreshAt] = useState<Date | null>(null);
  const eventId = question?.eventId ?? null;
  const questionId = question?.id ?? null;
  const round = question?.round ?? 0;
  const state = question?.state ?? null;
  const reveal = question?.reveal ?? null;
  const pushed = useRef(onPush);
  pushed.current = onPush;

  const offer = useCallback((next: QuestionResults | null | undefined) => setResults((current) => newerResults(current, next)), []);

  // Reads one at a time; a request for another while one is out is folded into one more read.
  const read = useMemo(
    () =>
      oneAtATime(async () => {
        if (!eventId || !questionId) return;
        const variables = participantId ? { eventId, questionId, participantId } : { eventId, questionId };
        try {
          const result = await api().graphql({ query: questionResults, variables, authMode: AUDIENCE });
          setProblem(null);
          setFreshAt(new Date());
          offer(result.data.results);
        } catch (error) {
          setProblem(describeApiError(error, 'results'));
        }
      }),
    [eventId, questionId, participantId, offer],
  );

  // A new round starts at zero.
  useEffect(() => {
    setResults((current) => (current && question && current.questionId === question.id && current.round < question.round ? emptyResults(question) : current));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);

  useEffect(() => {
    if (!eventId || !questionId || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const variables = participantId ? { eventId, questionId, participantId } : { eventId, questionId };
    const stop = watch(() => api().graphql({ query: onAnswer, variables, authMode: AUDIENCE }), {
      field: 'onAnswer',
      variables,
      next: ({ data }) => {
        pushed.current?.();
        const answer = data?.onAnswer;
        if (!answer || answer.questionId !== questionId) return;
        setProblem(null);
        setFreshAt(new Date());
        if (answer.results) offer(answer.results);
        else read();
      },
      error: (error) => {
        setLive(false);
        setProblem(`Live results stopped: ${describeApiError(error, 'results')}`);
        // A refusal stays a refusal until the question changes (which re-runs this effect); anything else is retried.
        if (apiFailure(error).transient) timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
      },
      ready: () => {
        setLive(true);
        read();
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      setLive(false);
      stop();
    };
  }, [eventId, questionId, round, state, reveal, enabled, participantId, attempt, read, offer]);

  const shown = enabled && results && question && results.questionId === question.id && results.round === question.round ? results : null;
  return { results: shown, problem: enabled ? problem : null, live: enabled && live, freshAt: shown ? freshAt : null, offer };
}
