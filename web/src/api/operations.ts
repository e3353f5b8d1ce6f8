// Every operation the web app sends, typed with the generated types. The texts
// come from web/src/graphql/operations.graphql itself (the file codegen reads),
// branded the way Amplify Gen 2's generated client code does, so that
// `client.graphql({ query, variables })` checks the variables and types the result.
import source from '../graphql/operations.graphql?raw';
import type {
  CastVoteMutation,
  CastVoteMutationVariables,
  CreatePollMutation,
  CreatePollMutationVariables,
  OnResultsSubscription,
  OnResultsSubscriptionVariables,
  PollQuery,
  PollQueryVariables,
  PollResultsQuery,
  PollResultsQueryVariables,
  PollsQuery,
  PollsQueryVariables,
} from '../graphql/generated.ts';
import { pickOperation } from './documents.ts';

// The same nominal brands as @aws-amplify/api-graphql's (structural types, so
// Amplify's `graphql()` infers variables and result from them).
type GeneratedQuery<InputType, OutputType> = string & {
  __generatedQueryInput: InputType;
  __generatedQueryOutput: OutputType;
};
type GeneratedMutation<InputType, OutputType> = string & {
  __generatedMutationInput: InputType;
  __generatedMutationOutput: OutputType;
};
type GeneratedSubscription<InputType, OutputType> = string & {
  __generatedSubscriptionInput: InputType;
  __generatedSubscriptionOutput: OutputType;
};

export const polls = pickOperation(source, 'Polls') as GeneratedQuery<PollsQueryVariables, PollsQuery>;

export const poll = pickOperation(source, 'Poll') as GeneratedQuery<PollQueryVariables, PollQuery>;

export const pollResults = pickOperation(source, 'PollResults') as GeneratedQuery<
  PollResultsQueryVariables,
  PollResultsQuery
>;

export const createPoll = pickOperation(source, 'CreatePoll') as GeneratedMutation<
  CreatePollMutationVariables,
  CreatePollMutation
>;

export const castVote = pickOperation(source, 'CastVote') as GeneratedMutation<
  CastVoteMutationVariables,
  CastVoteMutation
>;

export const onResults = pickOperation(source, 'OnResults') as GeneratedSubscription<
  OnResultsSubscriptionVariables,
  OnResultsSubscription
>;

/** The tally the results screen shows (the `Results` fragment). */
export type Results = NonNullable<PollResultsQuery['results']>;
