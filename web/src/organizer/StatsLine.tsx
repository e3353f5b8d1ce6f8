import type { EventStats } from '../live/useEventStats.ts';

/** "12 joined · 9 voted", or nothing until the first reading. */
export function StatsLine({ stats }: { stats: EventStats | null }) {
  if (!stats) return <span className="stats-line" data-testid="event-stats">… joined · … voted</span>;
  return (
    <span className="stats-line" data-testid="event-stats" data-joined={stats.joined} data-voted={stats.voters}>
      {stats.joined} joined · {stats.voters} voted
    </span>
  );
}
