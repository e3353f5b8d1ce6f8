// "N joined · M voted" for one event, as an organizer reads it: live/useEventStats
// with the organizer's read, and a read at once whenever the page learns something
// happened (`nudge` changes: an answer, a question moved on).
import { useEffect } from 'react';
import { api } from '../api/client.ts';
import { useEventStats as useLiveEventStats, type EventStats } from '../live/useEventStats.ts';
import { eventStats } from './operations.ts';
import { AS_ORGANIZER } from './session.tsx';

const readAsOrganizer = async (eventId: string) => (await api().graphql({ query: eventStats, variables: { eventId }, ...AS_ORGANIZER })).data.eventStats;

export function useEventStats(eventId: string, nudge: unknown = null): EventStats | null {
  const { stats, poke } = useLiveEventStats(eventId, readAsOrganizer);
  useEffect(poke, [poke, nudge]);
  return stats;
}
