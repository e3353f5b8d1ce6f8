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

/** A vote as recorded, with the tally when the poll lets the voter see it. */
export type Ballot = {
  optionId: Scalars['ID']['output'];
  pollId: Scalars['ID']['output'];
  results: Maybe<PollResults>;
  round: Scalars['Int']['output'];
};

export type CreatePollInput = {
  /** Option labels, in the order they are shown: 2 to 10 of them. */
  options: Array<Scalars['String']['input']>;
  resultsVisibility?: InputMaybe<ResultsVisibility>;
  title: Scalars['String']['input'];
};

export type Mutation = {
  /** One vote, once per participant per round. */
  castVote: Maybe<Ballot>;
  closePoll: Maybe<Poll>;
  createPoll: Maybe<Poll>;
  deletePoll: Maybe<Poll>;
  /** Makes a participant of the poll a code opens. */
  joinPoll: Maybe<Participant>;
  openPoll: Maybe<Poll>;
  /** Starts a new round: every tally back to zero, everyone may vote again. */
  resetPoll: Maybe<Poll>;
};


export type MutationCastVoteArgs = {
  optionId: Scalars['ID']['input'];
  participantId: Scalars['ID']['input'];
  pollId: Scalars['ID']['input'];
};


export type MutationClosePollArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreatePollArgs = {
  input: CreatePollInput;
};


export type MutationDeletePollArgs = {
  id: Scalars['ID']['input'];
};


export type MutationJoinPollArgs = {
  code: Scalars['String']['input'];
};


export type MutationOpenPollArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResetPollArgs = {
  id: Scalars['ID']['input'];
};

export type OptionResult = {
  label: Scalars['String']['output'];
  optionId: Scalars['ID']['output'];
  votes: Scalars['Int']['output'];
};

/** One person's place in one poll. The browser keeps the id: it is their right to one vote. */
export type Participant = {
  /** The option voted for in the current round, or null. */
  choice: Maybe<Scalars['ID']['output']>;
  participantId: Scalars['ID']['output'];
  pollId: Scalars['ID']['output'];
};

/** A poll: one question, 2–10 options, one button per option. */
export type Poll = {
  /** The short code participants type to join. */
  code: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  options: Array<PollOption>;
  resultsVisibility: ResultsVisibility;
  /** Starts at 1; a reset starts a new round with no votes. */
  round: Scalars['Int']['output'];
  state: PollState;
  title: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type PollOption = {
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

/** The tally of a poll's current round: what the big screen shows. */
export type PollResults = {
  options: Array<OptionResult>;
  pollId: Scalars['ID']['output'];
  round: Scalars['Int']['output'];
  state: PollState;
  title: Scalars['String']['output'];
  totalVotes: Scalars['Int']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type PollState =
  /** Voting is over; the result stands. */
  | 'CLOSED'
  /** Being prepared: participants can join and look, not vote. */
  | 'DRAFT'
  | 'OPEN';

export type Query = {
  /** The tally as CSV: option,label,votes. */
  exportResults: Maybe<Scalars['String']['output']>;
  participant: Maybe<Participant>;
  poll: Maybe<Poll>;
  /** The poll a short code opens, or null. */
  pollByCode: Maybe<Poll>;
  /** Every poll, newest first. */
  polls: Array<Poll>;
  /** The tally, when the poll shows it to this caller (a participant who voted, for AFTER_VOTE). */
  results: Maybe<PollResults>;
};


export type QueryExportResultsArgs = {
  pollId: Scalars['ID']['input'];
};


export type QueryParticipantArgs = {
  participantId: Scalars['ID']['input'];
  pollId: Scalars['ID']['input'];
};


export type QueryPollArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPollByCodeArgs = {
  code: Scalars['String']['input'];
};


export type QueryResultsArgs = {
  participantId?: InputMaybe<Scalars['ID']['input']>;
  pollId: Scalars['ID']['input'];
};

export type ResultsVisibility =
  /** Nobody but the organizers sees the tally before the poll closes. */
  | 'AFTER_CLOSE'
  /** A participant sees the tally once they have voted. */
  | 'AFTER_VOTE'
  /** Everyone sees the tally live. */
  | 'ALWAYS';

export type Subscription = {
  /** A poll's state, after each change an organizer makes. */
  onPollChanged: Maybe<Poll>;
  /** Every vote's ballot, with the tally when the poll shows it to the subscriber. */
  onVote: Maybe<Ballot>;
};


export type SubscriptionOnPollChangedArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionOnVoteArgs = {
  participantId?: InputMaybe<Scalars['ID']['input']>;
  pollId: Scalars['ID']['input'];
};
