// The tally of a poll's current round, kept live while the caller may see it:
// a read at each acknowledgement of onVote (first subscribe, every reconnect),
// then each ballot's tally as it is pushed. A ballot without a tally (under
// AFTER_CLOSE the voter's own answer carries none, and pushes are that answer)
// makes an organizer's screen read the tally again, one read at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { onVote, pollResults, type Poll, type Results } from '../api/operations.ts';
import { watch } from './subscribe.ts';
import { newerTally } from './tally.ts';

/** Who may see the tally, as the server decides it (resolvers/lib/visibility.ts). */
export function canSeeTally(poll: Pick<Poll, 'state' | 'resultsVisibility'>, who: { organizer: boolean; voted: boolean }): boolean {
  if (who.organizer || poll.state === 'CLOSED' || poll.resultsVisibility === 'ALWAYS') return true;
  if (poll.resultsVisibility === 'AFTER_VOTE') return who.voted;
  return false;
}

/** A round with no votes yet: what a reset shows until the first read. */
export function emptyTally(poll: Poll): Results {
  return {
    pollId: poll.id,
    title: poll.title,
    state: poll.state,
    round: poll.round,
    totalVotes: 0,
    updatedAt: poll.updatedAt,
    options: poll.options.map((option) => ({ optionId: option.id, label: option.label, votes: 0 })),
  };
}

export interface LiveTallyOptions {
  poll: Poll | null;
  /** False while the server would refuse the tally: nothing is asked for then (a refused subscription would disrupt the shared socket). */
  enabled: boolean;
  /** A participant who voted (needed under AFTER_VOTE). */
  participantId?: string | null;
  /** 'userPool' for a signed-in organizer. */
  authMode?: 'apiKey' | 'userPool';
}

export interface LiveTally {
  /** The current round's tally, or null until the first reading. */
  results: Results | null;
  /** Why the tally is not live, if it is not. */
  problem: string | null;
  /** True while onVote is acknowledged: every ballot from now on is pushed. */
  live: boolean;
  /** When the tally was last known current (a read answered, or a push arrived), by this device's clock. */
  freshAt: Date | null;
  /** Takes a tally learned elsewhere (castVote's answer). */
  offer(results: Results | null | undefined): void;
}

export function useLiveTally({ poll, enabled, participantId = null, authMode = 'apiKey' }: LiveTallyOptions): LiveTally {
  const [results, setResults] = useState<Results | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState(false);
  const [freshAt, setFreshAt] = useState<Date | null>(null);
  const pollId = poll?.id ?? null;
  const round = poll?.round ?? 0;
  const state = poll?.state ?? null;

  const offer = useCallback((next: Results | null | undefined) => setResults((current) => newerTally(current, next)), []);

  // Reads one at a time; a request for another while one is out is folded into one more read.
  const reading = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });
  const read = useCallback(() => {
    if (!pollId) return;
    if (reading.current.busy) {
      reading.current.again = true;
      return;
    }
    reading.current = { busy: true, again: false };
    const variables = participantId ? { pollId, participantId } : { pollId };
    api()
      .graphql({ query: pollResults, variables, authMode })
      .then(
        (result) => {
          setProblem(null);
          setFreshAt(new Date());
          offer(result.data.results);
        },
        (error: unknown) => setProblem(describeApiError(error, 'results')),
      )
      .finally(() => {
        const again = reading.current.again;
        reading.current = { busy: false, again: false };
        if (again) read();
      });
  }, [pollId, participantId, authMode, offer]);

  // A new round starts at zero.
  useEffect(() => {
    setResults((current) => (current && poll && current.round < poll.round ? emptyTally(poll) : current));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);

  useEffect(() => {
    if (!pollId || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const variables = participantId ? { pollId, participantId } : { pollId };
    const stop = watch(() => api().graphql({ query: onVote, variables, authMode }), {
      field: 'onVote',
      variables,
      next: ({ data }) => {
        const ballot = data?.onVote;
        if (!ballot || ballot.pollId !== pollId) return;
        setProblem(null);
        setFreshAt(new Date());
        if (ballot.results) offer(ballot.results);
        else read();
      },
      error: (error) => {
        setLive(false);
        setProblem(`Live results stopped: ${describeApiError(error, 'results')}`);
        // A refusal stays a refusal until the poll changes (which re-runs this effect); anything else is retried.
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
  }, [pollId, round, state, enabled, participantId, authMode, attempt, read, offer]);

  const shown = enabled && results && poll && results.pollId === poll.id && results.round === poll.round ? results : null;
  return { results: shown, problem: enabled ? problem : null, live: enabled && live, freshAt: shown ? freshAt : null, offer };
}
