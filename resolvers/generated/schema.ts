export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

/** A participant's answer to one question, with the results when the question shows them to them. */
export type Answer = {
  eventId: Scalars['ID']['output'];
  optionIds: Array<Scalars['ID']['output']>;
  questionId: Scalars['ID']['output'];
  results: Maybe<QuestionResults>;
  round: Scalars['Int']['output'];
  /** 1 for the first answer of the round, +1 per change. */
  seq: Scalars['Int']['output'];
  words: Array<Scalars['String']['output']>;
};

export type CreateEventInput = {
  questions?: InputMaybe<Array<QuestionInput>>;
  title: Scalars['String']['input'];
};

export type EntryStatus =
  | 'ANSWERED'
  | 'APPROVED'
  | 'HIDDEN'
  | 'PENDING';

/** A talk: one short code for the room, an ordered list of questions, the one on now. */
export type Event = {
  /** The short code participants type to join. */
  code: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  /** The question the presenter has on; phones and the big screen show it. */
  currentQuestionId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  questionIds: Array<Scalars['ID']['output']>;
  /** Every question, in questionIds order. */
  questions: Array<Question>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type EventStats = {
  currentQuestionId: Maybe<Scalars['ID']['output']>;
  eventId: Scalars['ID']['output'];
  joined: Scalars['Int']['output'];
  /** Participants who answered the current question this round. */
  voters: Scalars['Int']['output'];
};

export type Mutation = {
  addQuestion: Maybe<Event>;
  askQuestion: Maybe<QaEntry>;
  /** MULTIPLE_CHOICE and RATING: one answer per participant per round; with allowChange a new one replaces it. */
  castVote: Maybe<Answer>;
  closeQuestion: Maybe<Question>;
  createEvent: Maybe<Event>;
  deleteEvent: Maybe<Event>;
  /** A copy for the same talk tomorrow: a new code, every question a draft with no answers. */
  duplicateEvent: Maybe<Event>;
  duplicateQuestion: Maybe<Event>;
  /** The presenter's next, previous or jump: the phones and the big screen follow. */
  goToQuestion: Maybe<Event>;
  /** Makes a participant of the event a code opens. */
  joinEvent: Maybe<Participant>;
  moderateEntry: Maybe<QaEntry>;
  /** Moves a question to a 0-based position. */
  moveQuestion: Maybe<Event>;
  openQuestion: Maybe<Question>;
  removeQuestion: Maybe<Event>;
  /** Starts a new round: every count back to zero, back to draft, everyone may answer again. */
  resetQuestion: Maybe<Question>;
  setReveal: Maybe<Question>;
  /** WORD_CLOUD: 1 to 3 words or short phrases. */
  submitWords: Maybe<Answer>;
  updateEvent: Maybe<Event>;
  /** Refused (InvalidState) once the question has answers this round. */
  updateQuestion: Maybe<Event>;
  upvote: Maybe<QaEntry>;
};


export type MutationAddQuestionArgs = {
  eventId: Scalars['ID']['input'];
  input: QuestionInput;
};


export type MutationAskQuestionArgs = {
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  eventId: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  participantId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationCastVoteArgs = {
  eventId: Scalars['ID']['input'];
  optionIds: Array<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationCloseQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationCreateEventArgs = {
  input: CreateEventInput;
};


export type MutationDeleteEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDuplicateEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDuplicateQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationGoToQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationJoinEventArgs = {
  code: Scalars['String']['input'];
};


export type MutationModerateEntryArgs = {
  entryId: Scalars['ID']['input'];
  eventId: Scalars['ID']['input'];
  pinned?: InputMaybe<Scalars['Boolean']['input']>;
  questionId: Scalars['ID']['input'];
  status?: InputMaybe<EntryStatus>;
};


export type MutationMoveQuestionArgs = {
  eventId: Scalars['ID']['input'];
  position: Scalars['Int']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationOpenQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationRemoveQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationResetQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationSetRevealArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
  reveal: Reveal;
};


export type MutationSubmitWordsArgs = {
  eventId: Scalars['ID']['input'];
  participantId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
  words: Array<Scalars['String']['input']>;
};


export type MutationUpdateEventArgs = {
  id: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


export type MutationUpdateQuestionArgs = {
  eventId: Scalars['ID']['input'];
  input: QuestionInput;
  questionId: Scalars['ID']['input'];
};


export type MutationUpvoteArgs = {
  entryId: Scalars['ID']['input'];
  eventId: Scalars['ID']['input'];
  on: Scalars['Boolean']['input'];
  participantId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};

export type OptionResult = {
  label: Scalars['String']['output'];
  optionId: Scalars['ID']['output'];
  votes: Scalars['Int']['output'];
};

/** One person's place in one event. The browser keeps the id: it is their right to one answer per question. */
export type Participant = {
  eventId: Scalars['ID']['output'];
  participantId: Scalars['ID']['output'];
};

export type QaEntry = {
  /** Null when anonymous. */
  author: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['AWSDateTime']['output'];
  eventId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  pinned: Scalars['Boolean']['output'];
  questionId: Scalars['ID']['output'];
  status: EntryStatus;
  text: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  /** When read with a participantId. */
  upvotedByMe: Maybe<Scalars['Boolean']['output']>;
  upvotes: Scalars['Int']['output'];
};

export type Query = {
  /** My answer this round, or null. */
  answer: Maybe<Answer>;
  /** The audience sees APPROVED and ANSWERED entries; organizers see all. */
  entries: Array<QaEntry>;
  event: Maybe<Event>;
  /** The event a short code opens (NotFound for a code no event has). */
  eventByCode: Maybe<Event>;
  eventStats: Maybe<EventStats>;
  /** Every event, newest first. */
  events: Array<Event>;
  /** Every question's results as CSV, one after another. */
  exportEvent: Maybe<Scalars['String']['output']>;
  /** One question's results as CSV. */
  exportQuestion: Maybe<Scalars['String']['output']>;
  /** A question's results; ResultsHidden when they are not shown to the caller. */
  results: Maybe<QuestionResults>;
};


export type QueryAnswerArgs = {
  eventId: Scalars['ID']['input'];
  participantId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type QueryEntriesArgs = {
  eventId: Scalars['ID']['input'];
  participantId?: InputMaybe<Scalars['ID']['input']>;
  questionId: Scalars['ID']['input'];
};


export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventByCodeArgs = {
  code: Scalars['String']['input'];
};


export type QueryEventStatsArgs = {
  eventId: Scalars['ID']['input'];
};


export type QueryExportEventArgs = {
  eventId: Scalars['ID']['input'];
};


export type QueryExportQuestionArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type QueryResultsArgs = {
  eventId: Scalars['ID']['input'];
  participantId?: InputMaybe<Scalars['ID']['input']>;
  questionId: Scalars['ID']['input'];
};

export type Question = {
  /** MULTIPLE_CHOICE, RATING, WORD_CLOUD: a participant may change their answer until the question closes. */
  allowChange: Scalars['Boolean']['output'];
  /** Has answers this round: editing is refused then. */
  answered: Scalars['Boolean']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  eventId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** MULTIPLE_CHOICE: 1 = single choice; other types 1. */
  maxChoices: Scalars['Int']['output'];
  /** QA: entries wait for approval before the audience sees them. */
  moderated: Scalars['Boolean']['output'];
  options: Array<QuestionOption>;
  /** WORD_CLOUD: words on the built-in list are left out of the results. */
  profanityFilter: Scalars['Boolean']['output'];
  resultsVisibility: ResultsVisibility;
  reveal: Reveal;
  /** Starts at 1; a reset starts a new round with no answers. */
  round: Scalars['Int']['output'];
  /** RATING: 5 or 10. */
  scale: Maybe<Scalars['Int']['output']>;
  state: QuestionState;
  title: Scalars['String']['output'];
  type: QuestionType;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type QuestionInput = {
  allowChange?: InputMaybe<Scalars['Boolean']['input']>;
  maxChoices?: InputMaybe<Scalars['Int']['input']>;
  moderated?: InputMaybe<Scalars['Boolean']['input']>;
  /** MULTIPLE_CHOICE: 2 to 10 labels, in the order shown. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  profanityFilter?: InputMaybe<Scalars['Boolean']['input']>;
  resultsVisibility?: InputMaybe<ResultsVisibility>;
  scale?: InputMaybe<Scalars['Int']['input']>;
  title: Scalars['String']['input'];
  type: QuestionType;
};

export type QuestionOption = {
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

/** A question's results: what the big screen shows. */
export type QuestionResults = {
  /** RATING. */
  average: Maybe<Scalars['Float']['output']>;
  eventId: Scalars['ID']['output'];
  /** MULTIPLE_CHOICE, RATING. */
  options: Array<OptionResult>;
  questionId: Scalars['ID']['output'];
  round: Scalars['Int']['output'];
  state: QuestionState;
  title: Scalars['String']['output'];
  /** Choices counted (more than voters when several choices are allowed). */
  totalVotes: Scalars['Int']['output'];
  type: QuestionType;
  updatedAt: Scalars['AWSDateTime']['output'];
  /** Participants who answered this round. */
  voters: Scalars['Int']['output'];
  /** WORD_CLOUD: most first, at most 100. */
  words: Array<WordCount>;
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

export type Subscription = {
  /** Every answer, with the results when they are shown; refused when the results are hidden from the subscriber. */
  onAnswer: Maybe<Answer>;
  /** Q&A entries as they are asked, upvoted and moderated; the audience gets APPROVED and ANSWERED ones. */
  onEntryChanged: Maybe<QaEntry>;
  /** The event after each change an organizer makes, the presenter's moves included. */
  onEventChanged: Maybe<Event>;
  /** The organizers' event list, live. */
  onEventsChanged: Maybe<Event>;
  /** A question's state and reveal, after each change. */
  onQuestionChanged: Maybe<Question>;
};


export type SubscriptionOnAnswerArgs = {
  eventId: Scalars['ID']['input'];
  participantId?: InputMaybe<Scalars['ID']['input']>;
  questionId: Scalars['ID']['input'];
};


export type SubscriptionOnEntryChangedArgs = {
  eventId: Scalars['ID']['input'];
  questionId: Scalars['ID']['input'];
};


export type SubscriptionOnEventChangedArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionOnQuestionChangedArgs = {
  eventId: Scalars['ID']['input'];
};

export type WordCount = {
  count: Scalars['Int']['output'];
  word: Scalars['String']['output'];
};
