import { useId } from 'react';
import type { QuestionType, ResultsVisibility } from './operations.ts';
import { OptionInputs } from './OptionInputs.tsx';
import { emptyDraft, hasAllowChange, hasOptions, hasVisibility, LIMITS, TYPES, VISIBILITY, type QuestionDraft } from './questionDraft.ts';

/** The settings of one question, for any type; the form around it sends it. */
export function QuestionEditor({ draft, onChange, disabled = false }: { draft: QuestionDraft; onChange: (draft: QuestionDraft) => void; disabled?: boolean }) {
  const id = useId();
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => onChange({ ...draft, [key]: value });
  const optionCount = Math.max(LIMITS.minOptions, draft.options.filter((label) => label.trim()).length);

  const changeType = (type: QuestionType) => {
    // Options typed so far stay; the type's own defaults otherwise.
    const fresh = emptyDraft(type);
    onChange({ ...fresh, title: draft.title, options: draft.options, resultsVisibility: draft.resultsVisibility, allowChange: draft.allowChange });
  };

  return (
    <div className="question-editor">
      <div className="question-editor__row">
        <label className="field" htmlFor={`${id}-type`}>
          <span>Type</span>
          <select id={`${id}-type`} value={draft.type} onChange={(e) => changeType(e.target.value as QuestionType)} disabled={disabled}>
            {TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field question-editor__title" htmlFor={`${id}-title`}>
          <span>Question</span>
          <input
            id={`${id}-title`}
            value={draft.title}
            onChange={(e) => set('title', e.target.value)}
            maxLength={LIMITS.title}
            placeholder={draft.type === 'QA' ? 'Ask the speaker' : 'What would you like to ask the room?'}
            disabled={disabled}
          />
        </label>
      </div>

      {hasOptions(draft.type) ? (
        <>
          <OptionInputs options={draft.options} onChange={(options) => set('options', options)} disabled={disabled} />
          <label className="field field--inline" htmlFor={`${id}-max`}>
            <span>Choices per person</span>
            <select id={`${id}-max`} value={Math.min(draft.maxChoices, optionCount)} onChange={(e) => set('maxChoices', Number(e.target.value))} disabled={disabled}>
              {Array.from({ length: optionCount }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? 'One' : `Up to ${n}`}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}

      {draft.type === 'RATING' ? (
        <label className="field field--inline" htmlFor={`${id}-scale`}>
          <span>Scale</span>
          <select id={`${id}-scale`} value={draft.scale} onChange={(e) => set('scale', Number(e.target.value) === 10 ? 10 : 5)} disabled={disabled}>
            <option value={5}>1 to 5</option>
            <option value={10}>1 to 10</option>
          </select>
        </label>
      ) : null}

      {draft.type === 'WORD_CLOUD' ? (
        <label className="check">
          <input type="checkbox" checked={draft.profanityFilter} onChange={(e) => set('profanityFilter', e.target.checked)} disabled={disabled} />
          <span>Profanity filter: hide rude words from the results</span>
        </label>
      ) : null}

      {draft.type === 'QA' ? (
        <label className="check">
          <input type="checkbox" checked={draft.moderated} onChange={(e) => set('moderated', e.target.checked)} disabled={disabled} />
          <span>Moderate: approve each question before the audience sees it</span>
        </label>
      ) : null}

      {hasAllowChange(draft.type) ? (
        <label className="check">
          <input type="checkbox" checked={draft.allowChange} onChange={(e) => set('allowChange', e.target.checked)} disabled={disabled} />
          <span>People may change their answer until the question closes</span>
        </label>
      ) : null}

      {hasVisibility(draft.type) ? (
        <label className="field field--inline" htmlFor={`${id}-visibility`}>
          <span>Results shown</span>
          <select id={`${id}-visibility`} value={draft.resultsVisibility} onChange={(e) => set('resultsVisibility', e.target.value as ResultsVisibility)} disabled={disabled}>
            {VISIBILITY.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
