import type { Context } from '@aws-appsync/utils';
import type { QueryParticipantArgs } from './generated/schema.ts';
import type { ParticipantItem, PollItem } from './lib/model.ts';

// Pipeline: getPoll → getParticipant. What a returning device needs: whether it voted this round, and for what.
export function request(ctx: Context<QueryParticipantArgs>) {
  ctx.stash.pollId = ctx.args.pollId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<QueryParticipantArgs>) {
  const poll = ctx.stash.poll as PollItem;
  const participant = ctx.stash.participant as ParticipantItem;
  return {
    participantId: participant.participantId,
    pollId: poll.id,
    choice: participant.round === poll.round ? participant.choice : null,
  };
}
