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

export type CreatePollInput = {
  /** Option labels, in the order they are shown: 2 to 10 of them. */
  options: Array<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type Mutation = {
  /** One vote for one option; answers with the tally that includes it. */
  castVote: Maybe<PollResults>;
  createPoll: Maybe<Poll>;
};


export type MutationCastVoteArgs = {
  optionId: Scalars['ID']['input'];
  pollId: Scalars['ID']['input'];
};


export type MutationCreatePollArgs = {
  input: CreatePollInput;
};

export type OptionResult = {
  label: Scalars['String']['output'];
  optionId: Scalars['ID']['output'];
  votes: Scalars['Int']['output'];
};

/** A poll: one question, 2–10 options, one button per option. */
export type Poll = {
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  options: Array<PollOption>;
  title: Scalars['String']['output'];
};

export type PollOption = {
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

/** The live tally of a poll: what the big screen shows. */
export type PollResults = {
  options: Array<OptionResult>;
  pollId: Scalars['ID']['output'];
  title: Scalars['String']['output'];
  totalVotes: Scalars['Int']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type Query = {
  /** A poll by id, or null when there is none. */
  poll: Maybe<Poll>;
  /** Every poll, newest first. */
  polls: Array<Poll>;
  /** The current tally of a poll. */
  results: Maybe<PollResults>;
};


export type QueryPollArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResultsArgs = {
  pollId: Scalars['ID']['input'];
};

export type Subscription = {
  /** The tally of a poll, pushed after every vote. */
  onResults: Maybe<PollResults>;
};


export type SubscriptionOnResultsArgs = {
  pollId: Scalars['ID']['input'];
};
