// One device's part in one event: its participant id, joined once per event
// and kept in localStorage; an id the server no longer knows is replaced.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { AUDIENCE, joinEvent, type AudienceEvent } from '../api/audience.ts';
import { storedParticipant, storeParticipant } from './device.ts';
import { retryDelay } from './retry.ts';

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
