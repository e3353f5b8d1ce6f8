// An Amplify Gen 2 project's amplify/ folder, synthesised offline into a cloud
// assembly the way `ampx sandbox` would before deploying: its backend.ts run with
// the three context keys Amplify needs and CDK_OUTDIR set, as `cdk synth` runs an app
// (with one graphql for the whole process: local/gen2/synthesis.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { synthesisProcess } from '../gen2/synthesis.ts';
import { TemplateError } from './errors.ts';

export function isAmplifyProject(folder: string): boolean {
  return existsSync(join(folder, 'backend.ts')) && !existsSync(join(folder, 'manifest.json'));
}

/** Where the client configuration goes by default: beside amplify/, as `ampx sandbox` writes it. */
export const amplifyOutputsFile = (folder: string) => join(dirname(resolve(folder)), 'amplify_outputs.json');

/**
 * Runs amplify/backend.ts (through tsx) and answers the folder of the cloud assembly it synthesised.
 * Each run synthesises into a folder of its own, removed when the process exits (the assembly's
 * assets, such as Lambda bundles, are read from it while serving): two servers of one project
 * never read each other's half-written assembly, and no file of an earlier synthesis lingers.
 */
export function synthesiseAmplifyProject(folder: string): string {
  const project = dirname(resolve(folder));
  const outdir = mkdtempSync(join(tmpdir(), 'appsync-local-amplify-'));
  removedAtExit(outdir);
  let namespace = 'app';
  try {
    namespace = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name?: string }).name?.replace(/[^A-Za-z0-9-]/g, '') || namespace;
  } catch {
    // No package.json: the default namespace.
  }
  const context = { 'amplify-backend-namespace': namespace, 'amplify-backend-name': 'local', 'amplify-backend-type': 'sandbox', ...JSON.parse(process.env.CDK_CONTEXT_JSON ?? '{}') };
  const gen2 = synthesisProcess(project);
  try {
    execFileSync(process.execPath, ['--import', 'tsx', ...gen2.execArgv, join(resolve(folder), 'backend.ts')], {
      cwd: project,
      env: { ...process.env, ...gen2.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_VALIDATION: 'false', AMPLIFY_DISABLE_TELEMETRY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: Buffer; stdout?: Buffer };
    throw new TemplateError(`${resolve(folder)}/backend.ts did not synthesise:\n${String(stderr ?? '') || String(stdout ?? '') || (error as Error).message}`);
  }
  if (!existsSync(join(outdir, 'manifest.json'))) throw new TemplateError(`${resolve(folder)}/backend.ts ran but wrote no cloud assembly (does it call defineBackend?)`);
  return outdir;
}

const synthesised: string[] = [];
function removedAtExit(outdir: string): void {
  if (synthesised.length === 0) process.once('exit', () => synthesised.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  synthesised.push(outdir);
}
