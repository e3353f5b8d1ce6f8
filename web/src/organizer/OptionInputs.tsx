import { optionColour } from '../palette.ts';
import { duplicateOptions, LIMITS } from './questionDraft.ts';

/** Where a person starts to be told how much room is left in an option. */
const COUNT_FROM = LIMITS.option - 20;

/**
 * A multiple-choice question's options: 2 to 10 inputs, each saying when it
 * nears and reaches its length limit (the browser stops typing there silently
 * otherwise), and the pair that differs only in case named as it is typed.
 */
export function OptionInputs({ options, onChange, disabled }: { options: string[]; onChange: (options: string[]) => void; disabled: boolean }) {
  const twins = duplicateOptions(options);
  const isTwin = (label: string) => twins !== null && label.trim().length > 0 && twins.some((twin) => twin.toLowerCase() === label.trim().toLowerCase());
  return (
    <fieldset className="options-field">
      <legend>
        Options ({LIMITS.minOptions} to {LIMITS.maxOptions})
      </legend>
      {options.map((label, index) => {
        const length = label.length;
        const full = length >= LIMITS.option;
        const twin = isTwin(label);
        return (
          <div className="option-input" key={index}>
            <span className="option-input__swatch" style={{ background: optionColour(index).background }} aria-hidden="true" />
            <span className="option-input__box">
              <input
                aria-label={`Option ${index + 1}`}
                value={label}
                onChange={(e) => onChange(options.map((old, i) => (i === index ? e.target.value : old)))}
                maxLength={LIMITS.option}
                placeholder={`Option ${index + 1}`}
                aria-invalid={twin || undefined}
                disabled={disabled}
              />
              {length >= COUNT_FROM ? (
                <span className={`option-input__count${full ? ' option-input__count--full' : ''}`} aria-live="polite" data-testid="option-limit">
                  {full ? `Limit reached: ${LIMITS.option} characters` : `${length} of ${LIMITS.option} characters`}
                </span>
              ) : null}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove option ${index + 1}`}
              disabled={options.length <= LIMITS.minOptions || disabled}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      {twins ? (
        <p className="form-message form-message--error" role="alert" data-testid="option-twins">
          “{twins[0]}” and “{twins[1]}” are the same option: options must differ by more than case.
        </p>
      ) : null}
      <button
        type="button"
        className="button-link button-link--secondary button-link--small"
        disabled={options.length >= LIMITS.maxOptions || disabled}
        onClick={() => onChange([...options, ''])}
      >
        Add option
      </button>
    </fieldset>
  );
}
