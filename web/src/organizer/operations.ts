// The organizer console's and presenter view's operations (their own block of
// operations.graphql), typed with the generated types. All go with the user pool's token.
import { mutation, query, subscription } from '../api/operations.ts';
import type * as G from '../graphql/generated.ts';

export const events = query<G.OrganizerEventsQueryVariables, G.OrganizerEventsQuery>('OrganizerEvents');
export const event = query<G.OrganizerEventQueryVariables, G.OrganizerEventQuery>('OrganizerEvent');
export const eventStats = query<G.OrganizerEventStatsQueryVariables, G.OrganizerEventStatsQuery>('OrganizerEventStats');
export const questionResults = query<G.OrganizerQuestionResultsQueryVariables, G.OrganizerQuestionResultsQuery>('OrganizerQuestionResults');
export const entries = query<G.OrganizerEntriesQueryVariables, G.OrganizerEntriesQuery>('OrganizerEntries');
export const exportQuestion = query<G.OrganizerExportQuestionQueryVariables, G.OrganizerExportQuestionQuery>('OrganizerExportQuestion');
export const exportEvent = query<G.OrganizerExportEventQueryVariables, G.OrganizerExportEventQuery>('OrganizerExportEvent');

export const createEvent = mutation<G.OrganizerCreateEventMutationVariables, G.OrganizerCreateEventMutation>('OrganizerCreateEvent');
export const updateEvent = mutation<G.OrganizerUpdateEventMutationVariables, G.OrganizerUpdateEventMutation>('OrganizerUpdateEvent');
export const duplicateEvent = mutation<G.OrganizerDuplicateEventMutationVariables, G.OrganizerDuplicateEventMutation>('OrganizerDuplicateEvent');
export const deleteEvent = mutation<G.OrganizerDeleteEventMutationVariables, G.OrganizerDeleteEventMutation>('OrganizerDeleteEvent');
export const addQuestion = mutation<G.OrganizerAddQuestionMutationVariables, G.OrganizerAddQuestionMutation>('OrganizerAddQuestion');
export const updateQuestion = mutation<G.OrganizerUpdateQuestionMutationVariables, G.OrganizerUpdateQuestionMutation>('OrganizerUpdateQuestion');
export const duplicateQuestion = mutation<G.OrganizerDuplicateQuestionMutationVariables, G.OrganizerDuplicateQuestionMutation>('OrganizerDuplicateQuestion');
export const moveQuestion = mutation<G.OrganizerMoveQuestionMutationVariables, G.OrganizerMoveQuestionMutation>('OrganizerMoveQuestion');
export const removeQuestion = mutation<G.OrganizerRemoveQuestionMutationVariables, G.OrganizerRemoveQuestionMutation>('OrganizerRemoveQuestion');

export const goToQuestion = mutation<G.PresenterGoToQuestionMutationVariables, G.PresenterGoToQuestionMutation>('PresenterGoToQuestion');
export const openQuestion = mutation<G.PresenterOpenQuestionMutationVariables, G.PresenterOpenQuestionMutation>('PresenterOpenQuestion');
export const closeQuestion = mutation<G.PresenterCloseQuestionMutationVariables, G.PresenterCloseQuestionMutation>('PresenterCloseQuestion');
export const resetQuestion = mutation<G.PresenterResetQuestionMutationVariables, G.PresenterResetQuestionMutation>('PresenterResetQuestion');
export const setReveal = mutation<G.PresenterSetRevealMutationVariables, G.PresenterSetRevealMutation>('PresenterSetReveal');
export const moderateEntry = mutation<G.PresenterModerateEntryMutationVariables, G.PresenterModerateEntryMutation>('PresenterModerateEntry');

export const onEventsChanged = subscription<G.OrganizerOnEventsChangedSubscriptionVariables, G.OrganizerOnEventsChangedSubscription>('OrganizerOnEventsChanged');
export const onEventChanged = subscription<G.OrganizerOnEventChangedSubscriptionVariables, G.OrganizerOnEventChangedSubscription>('OrganizerOnEventChanged');
export const onQuestionChanged = subscription<G.PresenterOnQuestionChangedSubscriptionVariables, G.PresenterOnQuestionChangedSubscription>('PresenterOnQuestionChanged');
export const onAnswer = subscription<G.PresenterOnAnswerSubscriptionVariables, G.PresenterOnAnswerSubscription>('PresenterOnAnswer');
export const onEntryChanged = subscription<G.PresenterOnEntryChangedSubscriptionVariables, G.PresenterOnEntryChangedSubscription>('PresenterOnEntryChanged');

export type OrganizerEvent = G.OrganizerEventFragment;
export type OrganizerQuestion = G.OrganizerQuestionFragment;
export type OrganizerResults = G.OrganizerResultsFragment;
export type OrganizerEntry = G.OrganizerEntryFragment;
export type EventStats = NonNullable<G.OrganizerEventStatsQuery['eventStats']>;
export type QuestionInput = G.QuestionInput;
export type QuestionType = G.QuestionType;
export type QuestionState = G.QuestionState;
export type ResultsVisibility = G.ResultsVisibility;
export type Reveal = G.Reveal;
export type EntryStatus = G.EntryStatus;
