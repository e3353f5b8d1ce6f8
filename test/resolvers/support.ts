// HandsUp's resolvers, run one handler at a time through evaluateFile: bundled as
// the deployment bundles them, validated, and run in the APPSYNC_JS runtime.
import { evaluateFile, type EvaluationContext } from '../../local/evaluate.ts';

export function run(file: string, fn: 'request' | 'response', context: EvaluationContext = {}) {
  const output = evaluateFile({ file: `resolvers/${file}`, function: fn, context });
  return {
    ...output,
    result: output.evaluationResult === undefined ? undefined : JSON.parse(output.evaluationResult),
    stashed: output.stash === undefined ? undefined : JSON.parse(output.stash),
  };
}

/** A poll item as stored: open, round 1, results shown after one has voted. */
export const poll = {
  pk: 'POLL#p1',
  sk: 'POLL',
  type: 'POLL',
  id: 'p1',
  code: 'ABC123',
  title: 'Best talk',
  state: 'OPEN',
  round: 1,
  resultsVisibility: 'AFTER_VOTE',
  options: [
    { id: 'o1', label: 'Alpha' },
    { id: 'o2', label: 'Beta' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** A participant who has joined and not voted yet. Their id ends in `a`: tally shard 10. */
export const participant = { participantId: 'part-a', pollId: 'p1', joinedAt: '2026-01-01T00:00:01.000Z' };

export const env = { HANDSUP_TABLE: 'HandsUp' };
