// Where the HandsUp specifications take the API from: api.json (the default), or,
// with HANDSUP_API_SOURCE=amplify, the cloud assembly synthesised offline from
// amplify/ — what deploys — so the same specifications prove both run alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let assembly: Promise<string> | undefined;

/** The `declaration` to start HandsUp's API from: api.json, or the folder of the synthesised cloud assembly. */
export function handsUpSource(): Promise<string> {
  if (process.env.HANDSUP_API_SOURCE !== 'amplify') return Promise.resolve('api.json');
  // Synthesised once for the whole run by the global setup (handsup-amplify-setup.ts), when there is one.
  if (process.env.HANDSUP_API_ASSEMBLY) return Promise.resolve(process.env.HANDSUP_API_ASSEMBLY);
  return (assembly ??= synthesiseAmplify());
}

/** Synthesises amplify/backend.ts offline (platform-notes: the three Amplify context keys) into a temporary cdk.out. */
export async function synthesiseAmplify(): Promise<string> {
  const saved = { CDK_CONTEXT_JSON: process.env.CDK_CONTEXT_JSON, CDK_VALIDATION: process.env.CDK_VALIDATION, CDK_OUTDIR: process.env.CDK_OUTDIR };
  process.env.CDK_CONTEXT_JSON = JSON.stringify({ 'amplify-backend-namespace': 'app', 'amplify-backend-name': 'main', 'amplify-backend-type': 'sandbox' });
  // CDK's template validation (a WebAssembly engine) is test/amplify's job; it is slow and checks nothing served.
  process.env.CDK_VALIDATION = 'false';
  process.env.CDK_OUTDIR = mkdtempSync(join(tmpdir(), 'handsup-cdk-out-'));
  try {
    const { Stage } = await import('aws-cdk-lib');
    const { backend } = await import('../../amplify/backend.ts');
    return Stage.of(backend.stack)!.synth().directory;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
