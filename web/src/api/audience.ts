// The operations of the audience's pages (the phone and the big screen), all
// with the API key: the texts are the "Audience" block of operations.graphql.
import type * as G from '../graphql/generated.ts';
import { mutation, query, subscription } from './operations.ts';

export const eventById = query<G.AudienceEventQueryVariables, G.AudienceEventQuery>('AudienceEvent');
export const eventByCode = query<G.AudienceEventByCodeQueryVariables, G.AudienceEventByCodeQuery>('AudienceEventByCode');
export const questionResults = query<G.AudienceResultsQueryVariables, G.AudienceResultsQuery>('AudienceResults');
export const eventStats = query<G.AudienceEventStatsQueryVariables, G.AudienceEventStatsQuery>('AudienceEventStats');
export const myAnswer = query<G.MyAnswerQueryVariables, G.MyAnswerQuery>('MyAnswer');
export const entries = query<G.AudienceEntriesQueryVariables, G.AudienceEntriesQuery>('AudienceEntries');
export const joinEvent = mutation<G.JoinEventMutationVariables, G.JoinEventMutation>('JoinEvent');
export const answerChoices = mutation<G.AnswerChoicesMutationVariables, G.AnswerChoicesMutation>('AnswerChoices');
export const answerWords = mutation<G.AnswerWordsMutationVariables, G.AnswerWordsMutation>('AnswerWords');
export const askQuestion = mutation<G.AskQuestionMutationVariables, G.AskQuestionMutation>('AskQuestion');
export const upvote = mutation<G.UpvoteMutationVariables, G.UpvoteMutation>('Upvote');
export const onEventChanged = subscription<G.AudienceOnEventChangedSubscriptionVariables, G.AudienceOnEventChangedSubscription>('AudienceOnEventChanged');
export const onQuestionChanged = subscription<G.AudienceOnQuestionChangedSubscriptionVariables, G.AudienceOnQuestionChangedSubscription>('AudienceOnQuestionChanged');
export const onAnswer = subscription<G.AudienceOnAnswerSubscriptionVariables, G.AudienceOnAnswerSubscription>('AudienceOnAnswer');
export const onEntryChanged = subscription<G.AudienceOnEntryChangedSubscriptionVariables, G.AudienceOnEntryChangedSubscription>('AudienceOnEntryChanged');

export type AudienceEvent = G.AudienceEventFieldsFragment;
export type Question = G.AudienceQuestionFieldsFragment;
export type QuestionResults = G.AudienceResultsFieldsFragment;
export type Answer = G.AudienceAnswerFieldsFragment;
export type Entry = G.AudienceEntryFieldsFragment;
export type QuestionType = G.QuestionType;

/**
 * Every audience request goes with the API key, whoever is signed in in this
 * browser: the big screen shows exactly what the audience may see, also on the
 * organizer's laptop (Amplify would otherwise pick the signed-in session).
 */
export const AUDIENCE = 'apiKey' as const;
