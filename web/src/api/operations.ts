// How the web app's operations are typed: each text comes from
// web/src/graphql/operations.graphql itself (the file codegen reads), branded
// the way Amplify Gen 2's generated client code does, so that
// `client.graphql({ query, variables })` checks the variables and types the
// result. The audience's operations are in audience.ts.
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
