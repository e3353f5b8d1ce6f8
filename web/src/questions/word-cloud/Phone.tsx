import { useEffect, useState, type FormEvent } from 'react';
import type { PhoneProps } from '../types.ts';

const MAX_WORDS = 3;
const MAX_LENGTH = 40;

/** Up to three short words or phrases; sent together, changed together when changes are allowed. */
export function WordCloudPhone({ question, answer, canAnswer, send }: PhoneProps) {
  const sent = answer?.words ?? [];
  const sentKey = sent.join('\n');
  const [words, setWords] = useState<string[]>(() => fill(sent));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setWords(fill(sentKey ? sentKey.split('\n') : [])), [sentKey, question.round]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = words.map((word) => word.trim().replace(/\s+/g, ' ')).filter((word) => word.length > 0);
    if (clean.length === 0) return setProblem('Type at least one word.');
    setProblem(null);
    send({ words: clean });
  };

  if (answer && !canAnswer && question.state === 'OPEN' && !question.allowChange) {
    return null; // Sent, and it cannot change: the page says what was sent.
  }
  return (
    <form className="word-form" onSubmit={submit} noValidate aria-label="Your words">
      {words.map((word, index) => (
        <label key={index} className="field">
          <span>{index === 0 ? 'A word or short phrase' : `Another one (optional)`}</span>
          <input
            value={word}
            maxLength={MAX_LENGTH}
            disabled={!canAnswer}
            aria-label={`Word ${index + 1}`}
            autoComplete="off"
            onChange={(event) => {
              const next = [...words];
              next[index] = event.target.value;
              setWords(next);
            }}
          />
        </label>
      ))}
      {problem ? (
        <p className="feedback feedback--refused" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button-link button-link--big answer-send" disabled={!canAnswer}>
        {sent.length > 0 ? 'Change my words' : 'Send'}
      </button>
    </form>
  );
}

function fill(words: readonly string[]): string[] {
  return Array.from({ length: MAX_WORDS }, (_, index) => words[index] ?? '');
}
