// A template's AWS::Lambda::Function, read into the local function the declaration
// runs (local/functions/): its code (a cloud assembly's asset folder, a local folder
// as `aws cloudformation package` takes it, or inline `Code.ZipFile`), `Handler`,
// `Runtime` (Node.js only), `Environment.Variables` with their intrinsics resolved,
// `Timeout` and `MemorySize`. The code runs as deployed, not bundled again: Lambda
// runs the asset as uploaded. A function is found from the ARN a data source or
// authorizer gives (`Fn::GetAtt Fn.Arn`, an alias or version ARN of it, or its name).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { LambdaFunctionDeclaration } from '../declaration/declaration.ts';
import { TemplateError } from './errors.ts';
import type { Stack } from './stack.ts';

type FunctionResource = { stack: Stack; id: string };

/** The local function, or why the local AppSync cannot run it (said where it is used). */
export type TemplateFunction = { name: string; declaration: LambdaFunctionDeclaration } | { reason: string };

/** Where inline ZipFile code is written, as Lambda writes it, to be loaded as a file. */
export const INLINE_FOLDER = join(tmpdir(), 'appsync-local-inline');

/** Lambda's Node.js runtime looks for the handler's module under these extensions, in this order. */
const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];

export class TemplateFunctions {
  private readonly byName = new Map<string, FunctionResource>();
  private readonly read = new Map<string, TemplateFunction>();

  constructor(stacks: Stack[]) {
    for (const stack of stacks) {
      for (const id of stack.resources('AWS::Lambda::Function')) {
        try {
          this.byName.set(String(stack.scope.ref(id, stack.where(id))), { stack, id });
        } catch {
          // A function whose name cannot be resolved locally cannot be called by one either.
        }
      }
    }
  }

  /** The function an ARN (or a name) names; a reason when it is not in the template or cannot run locally. */
  find(arn: string): TemplateFunction {
    // arn:aws:lambda:region:account:function:name[:alias-or-version], or the bare name.
    const name = /:function:([^:]+)/.exec(arn)?.[1] ?? arn;
    const found = this.byName.get(name);
    if (!found) return { reason: `calls the Lambda function ${arn}, which is not in the template: the local AppSync runs only the functions it deploys` };
    let fn = this.read.get(name);
    if (!fn) {
      try {
        fn = { name, declaration: declarationOf(found, name) };
      } catch (error) {
        fn = { reason: `calls the Lambda function ${name}, which cannot run locally: ${(error as Error).message}` };
      }
      this.read.set(name, fn);
    }
    return fn;
  }
}

function declarationOf({ stack, id }: FunctionResource, name: string): LambdaFunctionDeclaration {
  const runtime = stack.property(id, 'Runtime');
  if (stack.property(id, 'PackageType') === 'Image') throw new TemplateError(`${stack.where(id, 'PackageType')}: a container image; only Node.js code (zip or inline) runs locally`);
  if (typeof runtime !== 'string' || !runtime.startsWith('nodejs')) {
    throw new TemplateError(`${stack.where(id, 'Runtime')}: its runtime ${String(runtime)} is not run locally: only Node.js (nodejs*)`);
  }
  const handler = stack.property(id, 'Handler');
  const dot = typeof handler === 'string' ? handler.lastIndexOf('.') : -1;
  if (typeof handler !== 'string' || dot < 1) throw new TemplateError(`${stack.where(id, 'Handler')}: ${JSON.stringify(handler)} is not module.export`);
  const folder = codeFolder(stack, id, name);
  const base = join(folder, handler.slice(0, dot));
  const file = MODULE_EXTENSIONS.map((extension) => base + extension).find((path) => existsSync(path));
  if (!file) throw new TemplateError(`${stack.where(id, 'Handler')}: no ${handler.slice(0, dot)}.js, .mjs or .cjs in its code (${folder})`);
  const variables = (stack.property(id, 'Environment.Variables') ?? {}) as Record<string, unknown>;
  return {
    handler: `${file}#${handler.slice(dot + 1)}`,
    asDeployed: true,
    timeout: Number(stack.property(id, 'Timeout') ?? 3),
    memorySize: Number(stack.property(id, 'MemorySize') ?? 128),
    environment: Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, String(value)])),
  };
}

/** The folder holding the function's code as Lambda unpacks it. */
function codeFolder(stack: Stack, id: string, name: string): string {
  const code = stack.property(id, 'Code');
  // `aws cloudformation package` (and SAM) take a local folder in place of the S3 location.
  if (typeof code === 'string') return folderOf(resolve(dirname(stack.file), code), stack.where(id, 'Code'));
  const { ZipFile: inline, S3Bucket: bucket, S3Key: key } = (code ?? {}) as { ZipFile?: unknown; S3Bucket?: unknown; S3Key?: unknown };
  if (typeof inline === 'string') {
    // Lambda writes inline code to index.js; a folder per content, so a restart finds the same file.
    const folder = join(INLINE_FOLDER, `${name}-${createHash('sha256').update(inline).digest('hex').slice(0, 16)}`);
    // Written once: the folder is named after the content, and rewriting it would wake the template's watcher.
    if (!existsSync(join(folder, 'index.js'))) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'index.js'), inline);
    }
    return folder;
  }
  if (typeof key !== 'string') throw new TemplateError(`${stack.where(id, 'Code')}: neither ZipFile nor S3Key`);
  const asset = stack.deployment.assetFile(key);
  if (!asset) {
    throw new TemplateError(`${stack.where(id, 'Code.S3Key')}: s3://${String(bucket)}/${key} is not a file asset of this cloud assembly; the local AppSync reads no S3 bucket`);
  }
  return folderOf(asset, stack.where(id, 'Code.S3Key'));
}

function folderOf(path: string, where: string): string {
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch (error) {
    throw new TemplateError(`${where}: ${(error as Error).message}`);
  }
  // A CDK asset of a folder is kept unzipped in cdk.out; a .zip file would need unpacking, which is not done.
  if (!folder) throw new TemplateError(`${where}: ${path} is a file, not the folder of the function's code (a .zip is not unpacked locally)`);
  return path;
}
