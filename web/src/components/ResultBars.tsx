import type { CSSProperties } from 'react';
import { percentages } from '../live/tally.ts';
import { optionColour } from '../palette.ts';

/**
 * One bar per option, in the poll's order and the buttons' colours. Widths move
 * with a CSS transition, so each vote slides the bars along on the big screen.
 */
// Structural props: a poll's or a question's options and results alike.
interface BarsQuestion {
  options: readonly { id: string; label: string }[];
}
interface BarsResults {
  options: readonly { optionId: string; votes: number }[];
}

export function ResultBars({ poll, results, size, mine }: { poll: BarsQuestion; results: BarsResults; size: 'screen' | 'phone'; mine?: string | null | readonly string[] }) {
  const votesOf = new Map(results.options.map((option) => [option.optionId, option.votes]));
  const votes = poll.options.map((option) => votesOf.get(option.id) ?? 0);
  const shares = percentages(votes);
  const total = votes.reduce((sum, n) => sum + n, 0);
  const leader = Math.max(0, ...votes);
  return (
    <ol
      className={`result-rows result-rows--${size}${poll.options.length > 6 ? ' result-rows--many' : ''}`}
      aria-label="Results"
      style={{ '--rows': poll.options.length } as CSSProperties}
    >
      {poll.options.map((option, index) => {
        const count = votes[index] ?? 0;
        const percent = shares[index] ?? 0;
        const colour = optionColour(index);
        const leading = total > 0 && count === leader;
        const isMine = typeof mine === 'string' ? mine === option.id : !!mine?.includes(option.id);
        return (
          <li
            key={option.id}
            className={`result-row${leading ? ' result-row--leading' : ''}${isMine ? ' result-row--mine' : ''}`}
            data-testid={`result-${option.id}`}
            aria-label={`${option.label}: ${count} ${count === 1 ? 'vote' : 'votes'}, ${percent}%`}
          >
            <span className="result-row__label" title={option.label}>
              {option.label}
              {isMine ? <span className="result-row__mine"> · your vote</span> : null}
            </span>
            <span className="result-row__track">
              <span className="result-row__bar" style={{ width: `${total > 0 ? (count / total) * 100 : 0}%`, background: colour.background }} />
            </span>
            <span className="result-row__numbers">
              <span key={count} className="result-row__votes" data-testid={`votes-${option.id}`}>
                {count}
              </span>
              <span className="result-row__share">{percent}%</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
