/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreatePollInput = {
  /** Option labels, in the order they are shown: 2 to 10 of them. */
  options: Array<string>;
  resultsVisibility?: ResultsVisibility | null | undefined;
  title: string;
};

export type PollState =
  /** Voting is over; the result stands. */
  | 'CLOSED'
  /** Being prepared: participants can join and look, not vote. */
  | 'DRAFT'
  | 'OPEN';

export type ResultsVisibility =
  /** Nobody but the organizers sees the tally before the poll closes. */
  | 'AFTER_CLOSE'
  /** A participant sees the tally once they have voted. */
  | 'AFTER_VOTE'
  /** Everyone sees the tally live. */
  | 'ALWAYS';

export type PollFieldsFragment = { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> };

export type ResultsFragment = { pollId: string, title: string, state: PollState, round: number, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> };

export type PollsQueryVariables = Exact<{ [key: string]: never; }>;


export type PollsQuery = { polls: Array<{ id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> };

export type PollQueryVariables = Exact<{
  id: string | number;
}>;


export type PollQuery = { poll: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type PollByCodeQueryVariables = Exact<{
  code: string;
}>;


export type PollByCodeQuery = { pollByCode: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type PollResultsQueryVariables = Exact<{
  pollId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type PollResultsQuery = { results: { pollId: string, title: string, state: PollState, round: number, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> } | null };

export type ParticipantQueryVariables = Exact<{
  pollId: string | number;
  participantId: string | number;
}>;


export type ParticipantQuery = { participant: { participantId: string, pollId: string, choice: string | null } | null };

export type ExportResultsQueryVariables = Exact<{
  pollId: string | number;
}>;


export type ExportResultsQuery = { exportResults: string | null };

export type CreatePollMutationVariables = Exact<{
  input: CreatePollInput;
}>;


export type CreatePollMutation = { createPoll: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type OpenPollMutationVariables = Exact<{
  id: string | number;
}>;


export type OpenPollMutation = { openPoll: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type ClosePollMutationVariables = Exact<{
  id: string | number;
}>;


export type ClosePollMutation = { closePoll: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type ResetPollMutationVariables = Exact<{
  id: string | number;
}>;


export type ResetPollMutation = { resetPoll: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type DeletePollMutationVariables = Exact<{
  id: string | number;
}>;


export type DeletePollMutation = { deletePoll: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };

export type JoinPollMutationVariables = Exact<{
  code: string;
}>;


export type JoinPollMutation = { joinPoll: { participantId: string, pollId: string, choice: string | null } | null };

export type CastVoteMutationVariables = Exact<{
  pollId: string | number;
  participantId: string | number;
  optionId: string | number;
}>;


export type CastVoteMutation = { castVote: { pollId: string, optionId: string, round: number, results: { pollId: string, title: string, state: PollState, round: number, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> } | null } | null };

export type OnVoteSubscriptionVariables = Exact<{
  pollId: string | number;
  participantId?: string | number | null | undefined;
}>;


export type OnVoteSubscription = { onVote: { pollId: string, optionId: string, round: number, results: { pollId: string, title: string, state: PollState, round: number, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> } | null } | null };

export type OnPollChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type OnPollChangedSubscription = { onPollChanged: { id: string, code: string, title: string, state: PollState, resultsVisibility: ResultsVisibility, round: number, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } | null };
