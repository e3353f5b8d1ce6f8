/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreateEventInput = {
  questions?: Array<QuestionInput> | null | undefined;
  title: string;
};

export type EntryStatus =
  | 'ANSWERED'
  | 'APPROVED'
  | 'HIDDEN'
  | 'PENDING';

export type QuestionInput = {
  allowChange?: boolean | null | undefined;
  maxChoices?: number | null | undefined;
  moderated?: boolean | null | undefined;
  /** MULTIPLE_CHOICE: 2 to 10 labels, in the order shown. */
  options?: Array<string> | null | undefined;
  profanityFilter?: boolean | null | undefined;
  resultsVisibility?: ResultsVisibility | null | undefined;
  scale?: number | null | undefined;
  title: string;
  type: QuestionType;
};

export type QuestionState =
  /** Answering is over; the result stands. */
  | 'CLOSED'
  /** Being prepared: participants can see it, not answer. */
  | 'DRAFT'
  | 'OPEN';

export type QuestionType =
  /** One choice, or up to maxChoices. */
  | 'MULTIPLE_CHOICE'
  /** Participants ask, upvote; the presenter moderates. */
  | 'QA'
  /** A 1–5 or 1–10 scale: a multiple choice whose options are the scale's values, with an average. */
  | 'RATING'
  /** Up to 3 short words or phrases each; the screen sizes them by count. */
  | 'WORD_CLOUD';

export type ResultsVisibility =
  /** Nobody but the organizers sees the results before the question closes. */
  | 'AFTER_CLOSE'
  /** A participant sees the results once they have answered. */
  | 'AFTER_VOTE'
  /** Everyone sees the results live. */
  | 'ALWAYS';

/** The presenter's override of resultsVisibility. */
export type Reveal =
  /** Follow resultsVisibility. */
  | 'AUTO'
  /** Hide the results from the audience now, even when closed. */
  | 'HIDDEN'
  /** Show the results to everyone now. */
  | 'SHOWN';

export type AudienceQuestionFieldsFragment = { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, updatedAt: string, options: Array<{ id: string, label: string }> };

export type AudienceEventFieldsFragment = { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, updatedAt: string, options: Array<{ id: string, label: string }> }> };

export type AudienceResultsFieldsFragment = { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> };

export type AudienceAnswerFieldsFragment = { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null };

export type AudienceEntryFieldsFragment = { id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, upvotedByMe: boolean | null, createdAt: string, updatedAt: string };

export type AudienceEventQueryVariables = Exact<{
  id: string | number;
}>;


export type AudienceEventQuery = { event: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type AudienceEventByCodeQueryVariables = Exact<{
  code: string;
}>;


export type AudienceEventByCodeQuery = { eventByCode: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type AudienceResultsQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type AudienceResultsQuery = { results: { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null };

export type AudienceEventStatsQueryVariables = Exact<{
  eventId: string | number;
}>;


export type AudienceEventStatsQuery = { eventStats: { eventId: string, joined: number, currentQuestionId: string | null, voters: number } | null };

export type MyAnswerQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
}>;


export type MyAnswerQuery = { answer: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };

export type AudienceEntriesQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type AudienceEntriesQuery = { entries: Array<{ id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, upvotedByMe: boolean | null, createdAt: string, updatedAt: string }> };

export type JoinEventMutationVariables = Exact<{
  code: string;
}>;


export type JoinEventMutation = { joinEvent: { participantId: string, eventId: string } | null };

export type AnswerChoicesMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
  optionIds: Array<string | number> | string | number;
}>;


export type AnswerChoicesMutation = { castVote: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };

export type AnswerWordsMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
  words: Array<string> | string;
}>;


export type AnswerWordsMutation = { submitWords: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };

export type AskQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
  text: string;
  anonymous?: boolean | null | undefined;
  name?: string | null | undefined;
}>;


export type AskQuestionMutation = { askQuestion: { id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, upvotedByMe: boolean | null, createdAt: string, updatedAt: string } | null };

export type UpvoteMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
  entryId: string | number;
  on: boolean;
}>;


export type UpvoteMutation = { upvote: { id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, upvotedByMe: boolean | null, createdAt: string, updatedAt: string } | null };

export type AudienceOnEventChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type AudienceOnEventChangedSubscription = { onEventChanged: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type AudienceOnQuestionChangedSubscriptionVariables = Exact<{
  eventId: string | number;
}>;


export type AudienceOnQuestionChangedSubscription = { onQuestionChanged: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type AudienceOnAnswerSubscriptionVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type AudienceOnAnswerSubscription = { onAnswer: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };

export type AudienceOnEntryChangedSubscriptionVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type AudienceOnEntryChangedSubscription = { onEntryChanged: { id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, upvotedByMe: boolean | null, createdAt: string, updatedAt: string } | null };

export type OrganizerQuestionFragment = { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> };

export type OrganizerEventFragment = { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> };

export type OrganizerResultsFragment = { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> };

export type OrganizerEntryFragment = { id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, createdAt: string, updatedAt: string };

export type OrganizerEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizerEventsQuery = { events: Array<{ id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> }> };

export type OrganizerEventQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizerEventQuery = { event: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerEventStatsQueryVariables = Exact<{
  eventId: string | number;
}>;


export type OrganizerEventStatsQuery = { eventStats: { eventId: string, joined: number, currentQuestionId: string | null, voters: number } | null };

export type OrganizerQuestionResultsQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type OrganizerQuestionResultsQuery = { results: { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null };

export type OrganizerEntriesQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type OrganizerEntriesQuery = { entries: Array<{ id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, createdAt: string, updatedAt: string }> };

export type OrganizerExportQuestionQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type OrganizerExportQuestionQuery = { exportQuestion: string | null };

export type OrganizerExportEventQueryVariables = Exact<{
  eventId: string | number;
}>;


export type OrganizerExportEventQuery = { exportEvent: string | null };

export type OrganizerCreateEventMutationVariables = Exact<{
  input: CreateEventInput;
}>;


export type OrganizerCreateEventMutation = { createEvent: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerUpdateEventMutationVariables = Exact<{
  id: string | number;
  title: string;
}>;


export type OrganizerUpdateEventMutation = { updateEvent: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerDuplicateEventMutationVariables = Exact<{
  id: string | number;
}>;


export type OrganizerDuplicateEventMutation = { duplicateEvent: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerDeleteEventMutationVariables = Exact<{
  id: string | number;
}>;


export type OrganizerDeleteEventMutation = { deleteEvent: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerAddQuestionMutationVariables = Exact<{
  eventId: string | number;
  input: QuestionInput;
}>;


export type OrganizerAddQuestionMutation = { addQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerUpdateQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  input: QuestionInput;
}>;


export type OrganizerUpdateQuestionMutation = { updateQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerDuplicateQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type OrganizerDuplicateQuestionMutation = { duplicateQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerMoveQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  position: number;
}>;


export type OrganizerMoveQuestionMutation = { moveQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OrganizerRemoveQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type OrganizerRemoveQuestionMutation = { removeQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type PresenterGoToQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type PresenterGoToQuestionMutation = { goToQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type PresenterOpenQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type PresenterOpenQuestionMutation = { openQuestion: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type PresenterCloseQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type PresenterCloseQuestionMutation = { closeQuestion: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type PresenterResetQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type PresenterResetQuestionMutation = { resetQuestion: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type PresenterSetRevealMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  reveal: Reveal;
}>;


export type PresenterSetRevealMutation = { setReveal: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type PresenterModerateEntryMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  entryId: string | number;
  status?: EntryStatus | null | undefined;
  pinned?: boolean | null | undefined;
}>;


export type PresenterModerateEntryMutation = { moderateEntry: { id: string, eventId: string, questionId: string, text: string, author: string | null, status: EntryStatus, pinned: boolean, upvotes: number, createdAt: string, updatedAt: string } | null };

export type OrganizerOnEventsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OrganizerOnEventsChangedSubscription = { onEventsChanged: { id: string } | null };

export type OrganizerOnEventChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type OrganizerOnEventChangedSubscription = { onEventChanged: { id: string } | null };

export type PresenterOnQuestionChangedSubscriptionVariables = Exact<{
  eventId: string | number;
}>;


export type PresenterOnQuestionChangedSubscription = { onQuestionChanged: { id: string } | null };

export type PresenterOnAnswerSubscriptionVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type PresenterOnAnswerSubscription = { onAnswer: { eventId: string, questionId: string, round: number } | null };

export type PresenterOnEntryChangedSubscriptionVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type PresenterOnEntryChangedSubscription = { onEntryChanged: { id: string } | null };
