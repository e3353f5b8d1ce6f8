// A question's results as the presenter sees them (organizers see them always,
// whatever the audience is shown): read, then read again on every onAnswer push
// (one read at a time: a burst of answers costs two reads), at each
// acknowledgement of the subscription, and whenever the question changes
// (`version`: a reset starts a new round at zero).
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useWatchedRead } from '../live/useWatchedRead.ts';
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
  const variables = { eventId, questionId: questionId ?? '' };
  const { reread, problem } = useWatchedRead(
    questionId && enabled ? `${eventId}/${questionId}` : null,
    async () => setResults((await api().graphql({ query: questionResults, variables, ...AS_ORGANIZER })).data.results ?? null),
    [{ start: () => api().graphql({ query: onAnswer, variables, ...AS_ORGANIZER }), field: 'onAnswer', variables }],
    { describe: failed, what: 'Live results', onPush: () => setAnswers((n) => n + 1) },
  );

  useEffect(() => setResults(null), [questionId]);
  useEffect(reread, [reread, version]);

  const shown = results && results.questionId === questionId ? results : null;
  return { results: shown, answers, problem };
}
