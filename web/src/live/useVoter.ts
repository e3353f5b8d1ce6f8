// One device's part in one poll: its participant id (joined once, kept in
// localStorage), what it voted this round, and the sending of its vote.
//
// A vote is never dropped silently. It is written down on the device before it
// is sent; an answer that does not come (network, overload, server restart) is
// asked for again, with growing pauses, until one comes — safe, because the
// server answers a repeat of the same vote as it answered the first; a reload in
// the middle picks the vote up again. A refusal (closed poll, second vote…) ends
// it, and the person is told why.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { castVote, joinPoll, participant as participantQuery, type Poll, type Results } from '../api/operations.ts';
import { storedParticipant, storedPendingVote, storeParticipant, storePendingVote } from './device.ts';

const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];
const retryDelay = (attempt: number) => RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// One join per poll per page, however often effects run (React's StrictMode runs them twice).
const joins = new Map<string, Promise<string>>();

function join(poll: Poll): Promise<string> {
  let pending = joins.get(poll.id);
  if (!pending) {
    pending = api()
      .graphql({ query: joinPoll, variables: { code: poll.code } })
      .then((result) => {
        const id = result.data.joinPoll?.participantId;
        if (!id) throw new Error('The server did not register this device.');
        storeParticipant(poll.id, id);
        return id;
      })
      .finally(() => joins.delete(poll.id));
    joins.set(poll.id, pending);
  }
  return pending;
}

export interface Participation {
  participantId: string | null;
  /** The option voted for this round; undefined until known. */
  choice: string | null | undefined;
  /** Why this device is not (yet) registered, when it is not. */
  problem: string | null;
  /** Records what this device voted in `round` (the current one unless said). */
  setChoice(choice: string | null, round?: number): void;
  /** Forgets the id (the server does not know it) and joins again; resolves with the new id. */
  rejoin(): Promise<string>;
}

export function useParticipation(poll: Poll): Participation {
  const [participantId, setParticipantId] = useState<string | null>(() => storedParticipant(poll.id));
  // What this device voted, with the round it was learned in: after a reset it is unknown at once, not after a read.
  const [known, setKnown] = useState<{ round: number; choice: string | null } | undefined>(undefined);
  const roundNow = useRef(poll.round);
  roundNow.current = poll.round;
  const setChoice = useCallback((choice: string | null, round = roundNow.current) => setKnown({ round, choice }), []);
  const choice = known && known.round === poll.round ? known.choice : undefined;
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const closed = poll.state === 'CLOSED';

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => {
      if (cancelled) return;
      const failure = apiFailure(error);
      if (failure.type === 'NotParticipant') {
        // The server does not know this id (its data was reset): join afresh.
        storeParticipant(poll.id, null);
        setParticipantId(null);
        setAttempt((n) => n + 1);
        return;
      }
      setProblem(`This device could not join the poll. ${describeApiError(error)}${failure.transient ? ' Trying again…' : ''}`);
      if (failure.transient) timer = setTimeout(() => setAttempt((n) => n + 1), retryDelay(attempt));
    };
    const known = storedParticipant(poll.id);
    if (known) {
      setParticipantId(known);
      api()
        .graphql({ query: participantQuery, variables: { pollId: poll.id, participantId: known } })
        .then((result) => {
          if (cancelled) return;
          setProblem(null);
          setChoice(result.data.participant?.choice ?? null);
        }, fail);
    } else if (closed) {
      // Nothing to vote in: look, without registering.
      setChoice(null);
    } else {
      join(poll).then((id) => {
        if (cancelled) return;
        setProblem(null);
        setParticipantId(id);
        setChoice(null);
      }, fail);
    }
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // The round is a dependency on purpose: after a reset the choice is read again (none yet).
  }, [poll.id, poll.round, closed, attempt]);

  const rejoin = useCallback(() => {
    storeParticipant(poll.id, null);
    return join(poll).then((id) => {
      setParticipantId(id);
      return id;
    });
  }, [poll]);

  return { participantId, choice, problem, setChoice, rejoin };
}

export type Sending =
  | { state: 'idle' }
  | { state: 'sending'; optionId: string; attempt: number; trouble: string | null }
  | { state: 'refused'; optionId: string; message: string; seq: number };

interface BallotOptions {
  poll: Poll;
  me: Participation;
  /** The tally that came with the answer, if the poll shows it. */
  onResults(results: Results | null | undefined): void;
  /** A refusal that says the poll moved on (closed, deleted): read it again. */
  onPollMoved(): void;
}

export function useBallot({ poll, me, onResults, onPollMoved }: BallotOptions) {
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const alive = useRef(true);
  const busy = useRef(false);
  const latest = useRef({ poll, me, onResults, onPollMoved });
  latest.current = { poll, me, onResults, onPollMoved };

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const send = useCallback(async (optionId: string) => {
    if (busy.current) return;
    busy.current = true;
    const { poll: votedPoll } = latest.current;
    storePendingVote(votedPoll.id, { optionId, round: votedPoll.round });
    let rejoined = false;
    try {
      for (let attempt = 0; alive.current; attempt += 1) {
        setSending((current) => ({ state: 'sending', optionId, attempt, trouble: current.state === 'sending' ? current.trouble : null }));
        const { me: now } = latest.current;
        const participantId = now.participantId ?? (await now.rejoin().catch(() => null));
        try {
          if (!participantId) throw { errors: [{ errorType: 'NetworkError', message: 'This device has not joined yet' }] };
          const result = await api().graphql({ query: castVote, variables: { pollId: votedPoll.id, participantId, optionId } });
          storePendingVote(votedPoll.id, null);
          if (!alive.current) return;
          const ballot = result.data.castVote;
          latest.current.me.setChoice(ballot?.optionId ?? optionId, ballot?.round ?? votedPoll.round);
          latest.current.onResults(ballot?.results);
          setSending({ state: 'idle' });
          return;
        } catch (error) {
          const failure = apiFailure(error);
          if (failure.transient) {
            if (!alive.current) return;
            setSending({ state: 'sending', optionId, attempt, trouble: describeApiError(error, 'vote') });
            await pause(retryDelay(attempt));
            continue;
          }
          if (failure.type === 'NotParticipant' && !rejoined) {
            // The server does not know this device (its data was reset): join again and send the same vote.
            rejoined = true;
            await latest.current.me.rejoin().catch(() => undefined);
            continue;
          }
          storePendingVote(votedPoll.id, null);
          if (!alive.current) return;
          if (failure.type === 'AlreadyVoted') {
            // Show what this device did vote for.
            const id = latest.current.me.participantId;
            if (id) {
              api()
                .graphql({ query: participantQuery, variables: { pollId: votedPoll.id, participantId: id } })
                .then((result) => latest.current.me.setChoice(result.data.participant?.choice ?? null), () => undefined);
            }
          }
          if (failure.type === 'PollNotOpen' || failure.type === 'NotFound') latest.current.onPollMoved();
          setSending({ state: 'refused', optionId, message: describeApiError(error, 'vote'), seq: Date.now() });
          return;
        }
      }
    } finally {
      busy.current = false;
    }
  }, []);

  // A vote sent before a reload (or a crash) whose answer never came: send it again.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || me.choice === undefined || !me.participantId) return;
    resumed.current = true;
    const pending = storedPendingVote(poll.id);
    if (!pending) return;
    if (me.choice !== null || pending.round !== poll.round) storePendingVote(poll.id, null);
    else void send(pending.optionId);
  }, [me.choice, me.participantId, poll.id, poll.round, send]);

  // A reset clears a refusal of the last round.
  useEffect(() => setSending((current) => (current.state === 'refused' ? { state: 'idle' } : current)), [poll.round]);

  return { sending, send };
}
