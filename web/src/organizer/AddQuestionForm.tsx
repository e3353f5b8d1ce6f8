import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { addQuestion, type OrganizerEvent } from './operations.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { draftProblem, emptyDraft, questionInput, type QuestionDraft } from './questionDraft.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';

/** Adds a question at the end of an event. */
export function AddQuestionForm({ eventId, onAdded }: { eventId: string; onAdded: (event: OrganizerEvent | null | undefined) => void }) {
  const { failed } = useOrganizer();
  const [draft, setDraft] = useState<QuestionDraft>(emptyDraft());
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = draftProblem(draft);
    if (invalid) return setProblem(invalid);
    setSending(true);
    setProblem(null);
    try {
      const result = await api().graphql({ query: addQuestion, variables: { eventId, input: questionInput(draft) }, ...AS_ORGANIZER });
      onAdded(result.data.addQuestion);
      setDraft(emptyDraft(draft.type));
    } catch (error) {
      setProblem(`The question was not added. ${failed(error)}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="panel new-event" onSubmit={submit} aria-labelledby="add-question-title" noValidate>
      <h2 id="add-question-title" className="section-title">
        Add a question
      </h2>
      <QuestionEditor draft={draft} onChange={setDraft} disabled={sending} />
      <p className="new-event__actions">
        <button type="submit" className="button-link" disabled={sending}>
          {sending ? 'Adding…' : 'Add question'}
        </button>
      </p>
      {problem ? (
        <p className="form-message form-message--error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
