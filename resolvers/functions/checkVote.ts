import { util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import type { ParticipantItem, PollItem } from '../lib/model.ts';

/**
 * Decides what castVote does, before anything is written (NONE data source):
 * refuses a vote the poll cannot take; a repeat of a ballot already cast this
 * round either finishes counting it (ctx.stash.resume) or is answered as it was
 * (ctx.stash.done) — so a client may retry a vote whose answer it never got.
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  const poll = ctx.stash.poll as PollItem;
  const participant = ctx.stash.participant as ParticipantItem;
  const { optionId } = ctx.args;
  if (!poll.options.some((option) => option.id === optionId)) {
    util.error(`Poll ${poll.id} has no option ${optionId}`, 'BadRequest');
  }
  if (participant.round === poll.round) {
    if (participant.choice !== optionId) util.error('You have already voted in this poll', 'AlreadyVoted');
    ctx.stash.resume = !participant.counted;
    ctx.stash.done = !!participant.counted;
  } else if (poll.state !== 'OPEN') {
    util.error(poll.state === 'CLOSED' ? 'This poll is closed' : 'This poll is not open for voting yet', 'PollNotOpen');
  }
  return { payload: null };
}

export function response() {
  return null;
}
