/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreateEventInput = {
  questions?: Array<QuestionInput> | null | undefined;
  title: string;
};

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

export type QuestionFieldsFragment = { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> };

export type EventFieldsFragment = { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> };

export type ResultsFragment = { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> };

export type AnswerFieldsFragment = { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null };

export type EventsQueryVariables = Exact<{ [key: string]: never; }>;


export type EventsQuery = { events: Array<{ id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> }> };

export type EventQueryVariables = Exact<{
  id: string | number;
}>;


export type EventQuery = { event: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type EventByCodeQueryVariables = Exact<{
  code: string;
}>;


export type EventByCodeQuery = { eventByCode: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type QuestionResultsQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type QuestionResultsQuery = { results: { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null };

export type EventStatsQueryVariables = Exact<{
  eventId: string | number;
}>;


export type EventStatsQuery = { eventStats: { eventId: string, joined: number, currentQuestionId: string | null, voters: number } | null };

export type MyAnswerQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
}>;


export type MyAnswerQuery = { answer: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };

export type ExportQuestionQueryVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type ExportQuestionQuery = { exportQuestion: string | null };

export type ExportEventQueryVariables = Exact<{
  eventId: string | number;
}>;


export type ExportEventQuery = { exportEvent: string | null };

export type CreateEventMutationVariables = Exact<{
  input: CreateEventInput;
}>;


export type CreateEventMutation = { createEvent: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type DeleteEventMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteEventMutation = { deleteEvent: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type GoToQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type GoToQuestionMutation = { goToQuestion: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OpenQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type OpenQuestionMutation = { openQuestion: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type CloseQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type CloseQuestionMutation = { closeQuestion: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type ResetQuestionMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
}>;


export type ResetQuestionMutation = { resetQuestion: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type SetRevealMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  reveal: Reveal;
}>;


export type SetRevealMutation = { setReveal: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type JoinEventMutationVariables = Exact<{
  code: string;
}>;


export type JoinEventMutation = { joinEvent: { participantId: string, eventId: string } | null };

export type CastVoteMutationVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId: string | number;
  optionIds: Array<string | number> | string | number;
}>;


export type CastVoteMutation = { castVote: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };

export type OnEventChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type OnEventChangedSubscription = { onEventChanged: { id: string, code: string, title: string, questionIds: Array<string>, currentQuestionId: string | null, createdAt: string, updatedAt: string, questions: Array<{ id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> } | null };

export type OnQuestionChangedSubscriptionVariables = Exact<{
  eventId: string | number;
}>;


export type OnQuestionChangedSubscription = { onQuestionChanged: { id: string, eventId: string, type: QuestionType, title: string, maxChoices: number, scale: number | null, profanityFilter: boolean, moderated: boolean, allowChange: boolean, state: QuestionState, resultsVisibility: ResultsVisibility, reveal: Reveal, round: number, answered: boolean, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type OnAnswerSubscriptionVariables = Exact<{
  eventId: string | number;
  questionId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type OnAnswerSubscription = { onAnswer: { eventId: string, questionId: string, round: number, optionIds: Array<string>, words: Array<string>, seq: number, results: { eventId: string, questionId: string, type: QuestionType, title: string, state: QuestionState, round: number, average: number | null, totalVotes: number, voters: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }>, words: Array<{ word: string, count: number }> } | null } | null };
