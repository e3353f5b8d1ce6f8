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

/** A question item as stored: multiple choice, open, round 1, results shown after one has answered, changes allowed. */
export const question = {
  pk: 'EVENT#e1',
  sk: 'QUESTION#q1',
  id: 'q1',
  eventId: 'e1',
  type: 'MULTIPLE_CHOICE',
  title: 'Best talk',
  options: [
    { id: 'o1', label: 'Alpha' },
    { id: 'o2', label: 'Beta' },
    { id: 'o3', label: 'Gamma' },
  ],
  maxChoices: 1,
  scale: null,
  profanityFilter: false,
  moderated: false,
  allowChange: true,
  state: 'OPEN',
  resultsVisibility: 'AFTER_VOTE',
  reveal: 'AUTO',
  round: 1,
  answered: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** An answer counted: seq 1, option o1. The participant's id ends in `a`: tally shard 10. */
export const answer = { eventId: 'e1', questionId: 'q1', participantId: 'part-a', round: 1, seq: 1, optionIds: ['o1'], prev: [], counted: true };

export const env = { HANDSUP_TABLE: 'HandsUp' };
