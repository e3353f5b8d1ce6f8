/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type EntryStatus =
  | 'ANSWERED'
  | 'APPROVED'
  | 'HIDDEN'
  | 'PENDING';

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
