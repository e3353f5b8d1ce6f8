/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreatePollInput = {
  /** Option labels, in the order they are shown: 2 to 10 of them. */
  options: Array<string>;
  title: string;
};

export type ResultsFragment = { pollId: string, title: string, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> };

export type PollsQueryVariables = Exact<{ [key: string]: never; }>;


export type PollsQuery = { polls: Array<{ id: string, title: string, createdAt: string, options: Array<{ id: string, label: string }> }> };

export type PollQueryVariables = Exact<{
  id: string | number;
}>;


export type PollQuery = { poll: { id: string, title: string, createdAt: string, options: Array<{ id: string, label: string }> } | null };

export type PollResultsQueryVariables = Exact<{
  pollId: string | number;
}>;


export type PollResultsQuery = { results: { pollId: string, title: string, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> } | null };

export type CreatePollMutationVariables = Exact<{
  input: CreatePollInput;
}>;


export type CreatePollMutation = { createPoll: { id: string, title: string, createdAt: string, options: Array<{ id: string, label: string }> } | null };

export type CastVoteMutationVariables = Exact<{
  pollId: string | number;
  optionId: string | number;
}>;


export type CastVoteMutation = { castVote: { pollId: string, title: string, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> } | null };

export type OnResultsSubscriptionVariables = Exact<{
  pollId: string | number;
}>;


export type OnResultsSubscription = { onResults: { pollId: string, title: string, totalVotes: number, updatedAt: string, options: Array<{ optionId: string, label: string, votes: number }> } | null };
