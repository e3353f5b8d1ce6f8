// Every operation the web app sends, typed with the generated types. The texts
// come from web/src/graphql/operations.graphql itself (the file codegen reads),
// branded the way Amplify Gen 2's generated client code does, so that
// `client.graphql({ query, variables })` checks the variables and types the result.
import source from '../graphql/operations.graphql?raw';
import type * as G from '../graphql/generated.ts';
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

export const query = <V, R>(name: string) => pickOperation(source, name) as GeneratedQuery<V, R>;
export const mutation = <V, R>(name: string) => pickOperation(source, name) as GeneratedMutation<V, R>;
export const subscription = <V, R>(name: string) => pickOperation(source, name) as GeneratedSubscription<V, R>;

// Anyone with the API key (voters, the big screen).
export const poll = query<G.PollQueryVariables, G.PollQuery>('Poll');
export const pollByCode = query<G.PollByCodeQueryVariables, G.PollByCodeQuery>('PollByCode');
export const pollResults = query<G.PollResultsQueryVariables, G.PollResultsQuery>('PollResults');
export const participant = query<G.ParticipantQueryVariables, G.ParticipantQuery>('Participant');
export const joinPoll = mutation<G.JoinPollMutationVariables, G.JoinPollMutation>('JoinPoll');
export const castVote = mutation<G.CastVoteMutationVariables, G.CastVoteMutation>('CastVote');
export const onVote = subscription<G.OnVoteSubscriptionVariables, G.OnVoteSubscription>('OnVote');
export const onPollChanged = subscription<G.OnPollChangedSubscriptionVariables, G.OnPollChangedSubscription>('OnPollChanged');

// Organizers only (authMode 'userPool').
export const polls = query<G.PollsQueryVariables, G.PollsQuery>('Polls');
export const exportResults = query<G.ExportResultsQueryVariables, G.ExportResultsQuery>('ExportResults');
export const createPoll = mutation<G.CreatePollMutationVariables, G.CreatePollMutation>('CreatePoll');
export const openPoll = mutation<G.OpenPollMutationVariables, G.OpenPollMutation>('OpenPoll');
export const closePoll = mutation<G.ClosePollMutationVariables, G.ClosePollMutation>('ClosePoll');
export const resetPoll = mutation<G.ResetPollMutationVariables, G.ResetPollMutation>('ResetPoll');
export const deletePoll = mutation<G.DeletePollMutationVariables, G.DeletePollMutation>('DeletePoll');

/** A poll as every page reads it (the `PollFields` fragment). */
export type Poll = G.PollFieldsFragment;
/** The tally the results bars show (the `Results` fragment). */
export type Results = G.ResultsFragment;
export type PollState = G.PollState;
export type ResultsVisibility = G.ResultsVisibility;
