import type { Entry } from '../../api/audience.ts';

/** The Q&A list: pinned first, then by votes; the phone adds an upvote button to each. */
export function EntryList({ entries, size, onUpvote, busy }: { entries: Entry[]; size: 'phone' | 'screen'; onUpvote?: (entry: Entry) => void; busy?: string | null }) {
  if (entries.length === 0) {
    return (
      <p className="qa-list__empty" data-testid="qa-empty">
        No questions yet{size === 'screen' ? ': ask yours from your phone.' : '. Be the first to ask.'}
      </p>
    );
  }
  return (
    <ol className={`qa-list qa-list--${size}`} aria-label="Questions from the audience" data-testid="qa-list">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={`qa-entry${entry.pinned ? ' qa-entry--pinned' : ''}${entry.status === 'ANSWERED' ? ' qa-entry--answered' : ''}`}
          data-testid="qa-entry"
          data-entry-id={entry.id}
          data-pinned={entry.pinned}
        >
          <div className="qa-entry__votes">
            {onUpvote ? (
              <button
                type="button"
                className={`qa-entry__upvote${entry.upvotedByMe ? ' qa-entry__upvote--on' : ''}`}
                aria-pressed={!!entry.upvotedByMe}
                aria-label={entry.upvotedByMe ? `Withdraw your upvote, ${entry.upvotes} so far` : `Upvote, ${entry.upvotes} so far`}
                disabled={busy === entry.id}
                onClick={() => onUpvote(entry)}
              >
                {/* The spoken name holds the visible count as a word of its own, and the arrow is drawn by CSS, so what is seen is part of what is said (WCAG 2.5.3). */}
                <span className="qa-entry__arrow" aria-hidden="true" />
                <span data-testid="qa-upvotes">{entry.upvotes}</span>
              </button>
            ) : (
              <span className="qa-entry__count" aria-label={`${entry.upvotes} ${entry.upvotes === 1 ? 'upvote' : 'upvotes'}`}>
                <span aria-hidden="true">▲</span>
                <span data-testid="qa-upvotes">{entry.upvotes}</span>
              </span>
            )}
          </div>
          <div className="qa-entry__body">
            {entry.pinned ? <span className="qa-entry__tag qa-entry__tag--pinned">On screen</span> : null}
            {entry.status === 'ANSWERED' ? <span className="qa-entry__tag">Answered</span> : null}
            <p className="qa-entry__text" data-testid="qa-text">
              {entry.text}
            </p>
            <p className="qa-entry__author">{entry.author ?? 'Anonymous'}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
