// The declaration's Lambda functions, deployed with the very bundle the local
// AppSync runs (local/functions/bundle.ts: esbuild, CommonJS) as the
// asset's index.js, and Lambda's settings from the declaration.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ApiDeclaration } from '../../local/declaration/declaration.ts';
import { bundleHandlerCode } from '../../local/functions/bundle.ts';

export function defineLambdaFunctions(scope: Construct, declaration: ApiDeclaration): Record<string, LambdaFunction> {
  const functionScope = new Construct(scope, 'LambdaFunctions');
  const functions: Record<string, LambdaFunction> = {};
  for (const [name, fn] of Object.entries(declaration.lambdaFunctions)) {
    const { code, exportName } = bundleHandlerCode(name, fn.handler);
    const folder = mkdtempSync(join(tmpdir(), `lambda-${name}-`));
    writeFileSync(join(folder, 'index.js'), code);
    functions[name] = new LambdaFunction(functionScope, name, {
      // Node.js 24: 20 is deprecated in Lambda; the bundle targets Node 20, the local runtime, and runs on both.
      runtime: Runtime.NODEJS_24_X,
      handler: `index.${exportName}`,
      code: Code.fromAsset(folder),
      timeout: Duration.seconds(fn.timeout),
      memorySize: fn.memorySize,
      environment: fn.environment,
    });
  }
  return functions;
}
