// `appsync-local evaluate-mapping-template`: `aws appsync evaluate-mapping-template`,
// offline. Same flags (--template file://… --context file://…), same JSON on stdout,
// same exit codes as the AWS CLI (252 for a bad command line, 254 for a refused request).
import { parseArgs } from 'node:util';
import { evaluateMappingTemplate, EvaluateMappingTemplateRequestError } from '../vtl/evaluate.ts';
import { readParameter } from './evaluate-code.ts';

export const EVALUATE_MAPPING_TEMPLATE_USAGE = `Usage: appsync-local evaluate-mapping-template --template file://request.vtl --context file://context.json

Renders one VTL mapping template against a context, as \`aws appsync
evaluate-mapping-template\` does, and prints the same JSON: evaluationResult,
error {message}, logs, stash, outErrors. --template and --context take file://path
or the text itself.
`;

const PARAMETER_ERROR = 252;
const SERVICE_ERROR = 254;

export async function evaluateMappingTemplateCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { template: { type: 'string' }, context: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(EVALUATE_MAPPING_TEMPLATE_USAGE);
    return 0;
  }
  const missing = (['template', 'context'] as const).filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length) return usageError(`the following arguments are required: ${missing.join(', ')}`);
  let template, context;
  try {
    template = readParameter(values.template!);
    context = readParameter(values.context!);
  } catch (error) {
    return usageError((error as Error).message);
  }
  try {
    process.stdout.write(JSON.stringify(evaluateMappingTemplate({ template, context }), null, 4) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof EvaluateMappingTemplateRequestError) {
      process.stderr.write(`\nAn error occurred (BadRequestException) when calling the EvaluateMappingTemplate operation: ${error.message}\n`);
      return SERVICE_ERROR;
    }
    throw error;
  }
}

function usageError(message: string): number {
  process.stderr.write(`${EVALUATE_MAPPING_TEMPLATE_USAGE}\nappsync-local evaluate-mapping-template: error: ${message}\n`);
  return PARAMETER_ERROR;
}
