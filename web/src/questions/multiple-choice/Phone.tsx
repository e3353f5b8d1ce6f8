import { useEffect, useState } from 'react';
import { optionColour } from '../../palette.ts';
import type { PhoneProps } from '../types.ts';

/**
 * Multiple choice on a phone. Single choice (maxChoices 1): a tap sends it, as
 * a poll always did. Up to N: taps pick and unpick (at most N), then one send;
 * when changes are allowed, the same buttons edit the answer until it closes.
 */
export function MultipleChoicePhone({ question, answer, sending, canAnswer, send }: PhoneProps) {
  const single = question.maxChoices <= 1;
  const sent = answer?.optionIds ?? [];
  const [picked, setPicked] = useState<string[]>(sent);
  const sentKey = sent.join(',');
  // What was sent is where editing starts (and where it returns after a reset or a read).
  useEffect(() => setPicked(sentKey ? sentKey.split(',') : []), [sentKey, question.round]);
  const inFlight = sending.state === 'sending' ? (sending.optionIds ?? []) : [];

  const tap = (id: string) => {
    if (!canAnswer) return;
    if (single) {
      if (sent[0] !== id) send({ optionIds: [id] });
      return;
    }
    setPicked((now) => (now.includes(id) ? now.filter((x) => x !== id) : now.length < question.maxChoices ? [...now, id] : now));
  };

  const changed = picked.length !== sent.length || picked.some((id) => !sent.includes(id));
  return (
    <div className="answer-choices">
      {single ? null : (
        <p className="answer-choices__hint" data-testid="choices-hint">
          Choose up to {question.maxChoices} · {picked.length} chosen
        </p>
      )}
      <div className="vote-buttons" role="group" aria-label="Options">
        {question.options.map((option, index) => {
          const colour = optionColour(index);
          const mine = single ? sent.includes(option.id) : picked.includes(option.id);
          const busy = inFlight.includes(option.id);
          const full = !single && !mine && picked.length >= question.maxChoices;
          return (
            <button
              key={option.id}
              type="button"
              className={`vote-button${busy ? ' vote-button--busy' : ''}${mine ? ' vote-button--chosen' : ''}${sent.length > 0 && !mine ? ' vote-button--other' : ''}`}
              style={{ background: colour.background, color: colour.text }}
              disabled={!canAnswer || full}
              aria-pressed={mine}
              data-option-id={option.id}
              onClick={() => tap(option.id)}
            >
              {mine ? (
                <span className="vote-button__check" aria-hidden="true">
                  ✓
                </span>
              ) : null}
              {option.label}
            </button>
          );
        })}
      </div>
      {single ? null : (
        <button type="button" className="button-link button-link--big answer-send" disabled={!canAnswer || picked.length === 0 || !changed} onClick={() => send({ optionIds: picked })}>
          {sent.length > 0 ? 'Change my answer' : picked.length === 1 ? 'Send my choice' : `Send my ${picked.length} choices`}
        </button>
      )}
    </div>
  );
}
