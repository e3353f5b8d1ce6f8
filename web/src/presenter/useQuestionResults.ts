// A question's results as the presenter sees them (organizers see them always,
// whatever the audience is shown): read, then read again on every onAnswer push
// (one read at a time: a burst of answers costs two reads), at each
// acknowledgement of the subscription, and whenever the question changes
// (`version`: a reset starts a new round at zero).
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { watch } from '../live/subscribe.ts';
import { oneAtATime } from '../organizer/oneAtATime.ts';
import { onAnswer, questionResults, type OrganizerResults } from '../organizer/operations.ts';
import { AS_ORGANIZER, useOrganizer } from '../organizer/session.tsx';

export interface LiveResults {
  results: OrganizerResults | null;
  /** Counts answers pushed: the page re-reads its counts on each. */
  answers: number;
  problem: string | null;
}

export function useQuestionResults(eventId: string, questionId: string | null, enabled: boolean, version: unknown): LiveResults {
  const { failed } = useOrganizer();
  const [results, setResults] = useState<OrganizerResults | null>(null);
  const [answers, setAnswers] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failedRef = useRef(failed);
  failedRef.current = failed;

  const read = useMemo(
    () =>
      oneAtATime(async () => {
        if (!questionId || !enabled) return;
        try {
          const result = await api().graphql({ query: questionResults, variables: { eventId, questionId }, ...AS_ORGANIZER });
          setResults(result.data.results ?? null);
          setProblem(null);
        } catch (error) {
          setProblem(failedRef.current(error));
        }
      }),
    [eventId, questionId, enabled],
  );

  useEffect(() => setResults(null), [questionId]);
  useEffect(read, [read, version]);

  useEffect(() => {
    if (!questionId || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const variables = { eventId, questionId };
    const stop = watch(() => api().graphql({ query: onAnswer, variables, ...AS_ORGANIZER }), {
      field: 'onAnswer',
      variables,
      next: () => {
        setAnswers((n) => n + 1);
        read();
      },
      error: (error) => {
        setProblem(`Live results stopped: ${failedRef.current(error)} Trying again…`);
        timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
      },
      ready: read,
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [eventId, questionId, enabled, read, attempt]);

  const shown = results && results.questionId === questionId ? results : null;
  return { results: shown, answers, problem };
}
