// `appsync-local evaluate-code`: `aws appsync evaluate-code`, offline. Same flags
// (--runtime name=APPSYNC_JS,runtimeVersion=1.0.0 --code file://… --function
// request|response --context file://…), same JSON on stdout, same exit codes
// as the AWS CLI (252 for a bad command line, 254 for a refused request).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateCode, EvaluateCodeRequestError } from '../evaluate.ts';

export const EVALUATE_CODE_USAGE = `Usage: appsync-local evaluate-code --runtime name=APPSYNC_JS,runtimeVersion=1.0.0 \\
         --code file://code.js --context file://context.json [--function request|response]

Runs one handler of APPSYNC_JS code against a context, as \`aws appsync evaluate-code\`
does, and prints the same JSON: evaluationResult, error {message, codeErrors}, logs,
stash, outErrors. --code and --context take file://path or the text itself.
`;

const PARAMETER_ERROR = 252;
const SERVICE_ERROR = 254;

export async function evaluateCodeCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        runtime: { type: 'string' },
        code: { type: 'string' },
        context: { type: 'string' },
        function: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(EVALUATE_CODE_USAGE);
    return 0;
  }
  const missing = (['runtime', 'code', 'context'] as const).filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length) return usageError(`the following arguments are required: ${missing.join(', ')}`);
  const fn = values.function ?? 'request';
  if (fn !== 'request' && fn !== 'response') return usageError(`--function must be request or response`);

  let runtime, code, context;
  try {
    runtime = parseRuntime(values.runtime!);
    code = readParameter(values.code!);
    context = readParameter(values.context!);
  } catch (error) {
    return usageError((error as Error).message);
  }
  try {
    const output = evaluateCode({ runtime, code, context, function: fn });
    process.stdout.write(JSON.stringify(output, null, 4) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof EvaluateCodeRequestError) {
      process.stderr.write(`\nAn error occurred (BadRequestException) when calling the EvaluateCode operation: ${error.message}\n`);
      return SERVICE_ERROR;
    }
    throw error;
  }
}

function usageError(message: string): number {
  process.stderr.write(`${EVALUATE_CODE_USAGE}\nappsync-local evaluate-code: error: ${message}\n`);
  return PARAMETER_ERROR;
}

/** The AWS CLI's shorthand (`name=APPSYNC_JS,runtimeVersion=1.0.0`) or JSON. */
export function parseRuntime(text: string): { name: string; runtimeVersion: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed);
  const fields = Object.fromEntries(
    trimmed.split(',').map((pair) => {
      const at = pair.indexOf('=');
      if (at < 0) throw new Error(`Error parsing parameter '--runtime': Expected: '=', received: EOF for input: ${text}`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
  return { name: fields.name ?? '', runtimeVersion: fields.runtimeVersion ?? '' };
}

/** `file://path` reads the file, as the AWS CLI does; anything else is the value itself. */
export function readParameter(value: string): string {
  if (value.startsWith('file://')) return readFileSync(value.slice('file://'.length), 'utf8');
  if (value.startsWith('fileb://')) return readFileSync(value.slice('fileb://'.length), 'utf8');
  return value;
}
