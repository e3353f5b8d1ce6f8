import type { ResultsProps } from '../types.ts';

// A cloud laid out by the browser: words in a wrapping flex row, most frequent
// in the middle, each sized by its count (square root, so one very common word
// does not crowd out the rest). A spiral-packing library (d3-cloud) measures
// text on a canvas and places words off-line; flex wrapping needs no measuring,
// never overlaps, and re-flows smoothly on each push.
const SIZES = { phone: { min: 1, max: 2.6 }, screen: { min: 1.6, max: 7 } } as const;

/** Most frequent in the middle: alternate sides as the counts go down. */
function centred<T>(items: readonly T[]): T[] {
  const left: T[] = [];
  const right: T[] = [];
  items.forEach((item, index) => (index % 2 === 0 ? right : left).push(item));
  return [...left.reverse(), ...right];
}

export function WordCloud({ results, answer, size }: ResultsProps & { size: 'phone' | 'screen' }) {
  const words = results.words;
  if (words.length === 0) {
    return (
      <p className="word-cloud__empty" data-testid="word-cloud-empty">
        No words yet.
      </p>
    );
  }
  const max = Math.max(...words.map((w) => w.count));
  const { min, max: top } = SIZES[size];
  const mine = new Set((answer?.words ?? []).map((word) => word.toLowerCase()));
  return (
    <ul className={`word-cloud word-cloud--${size}`} aria-label="Word cloud" data-testid="word-cloud">
      {centred(words).map((word) => {
        const weight = Math.sqrt(word.count / max);
        return (
          <li
            key={word.word}
            className={`word-cloud__word${mine.has(word.word) ? ' word-cloud__word--mine' : ''}`}
            style={{ fontSize: `${(min + (top - min) * weight).toFixed(2)}rem`, opacity: 0.55 + 0.45 * weight }}
            data-testid={`word-${word.word}`}
            data-count={word.count}
            aria-label={`${word.word}: ${word.count}`}
          >
            {word.word}
          </li>
        );
      })}
    </ul>
  );
}
