import type { PhoneProps } from '../types.ts';

/** A 1–5 or 1–10 scale on a phone: one tap sends it (and, when changes are allowed, another tap changes it). */
export function RatingPhone({ question, answer, sending, canAnswer, send }: PhoneProps) {
  const sent = answer?.optionIds[0] ?? null;
  const inFlight = sending.state === 'sending' ? sending.optionIds?.[0] : undefined;
  const scale = question.options.length;
  return (
    <div className={`rating-scale rating-scale--${scale > 5 ? 'ten' : 'five'}`} role="group" aria-label={`Rate from 1 to ${scale}`}>
      {question.options.map((option) => {
        const mine = sent === option.id;
        return (
          <button
            key={option.id}
            type="button"
            className={`rating-scale__value${mine ? ' rating-scale__value--chosen' : ''}${inFlight === option.id ? ' rating-scale__value--busy' : ''}`}
            disabled={!canAnswer}
            aria-pressed={mine}
            aria-label={`${option.label} of ${scale}`}
            data-option-id={option.id}
            onClick={() => {
              if (!mine) send({ optionIds: [option.id] });
            }}
          >
            {option.label}
          </button>
        );
      })}
      <span className="rating-scale__ends" aria-hidden="true">
        <span>Low</span>
        <span>High</span>
      </span>
    </div>
  );
}
