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

export const poll = {
  id: 'p1',
  title: 'Best talk',
  options: [
    { id: 'o1', label: 'Alpha' },
    { id: 'o2', label: 'Beta' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
};
