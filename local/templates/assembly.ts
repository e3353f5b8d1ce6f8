// What `serve` reads a deployment from: one template file, or a CDK cloud assembly
// (cdk.out: manifest.json, its stack templates, the asset manifests that say
// which local file each S3 object key is, nested cloud assemblies of stages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { TemplateError } from './errors.ts';
import { Stack, type Deployment, type Environment } from './stack.ts';

export type DeploymentOptions = {
  /** Picks the stack (its name, artifact id or display path) when the assembly has several. */
  stack?: string;
  /** Parameter values for the top-level stack (`--parameter Name=Value`). */
  parameters?: Record<string, string>;
  /** The account and region the pseudo parameters resolve to, where the assembly does not say. */
  environment?: Partial<Environment>;
};

/** The stacks to serve from, the nested ones included. */
export type LoadedDeployment = { stacks: Stack[]; source: string };

const DEFAULT_ENVIRONMENT: Environment = { account: '123456789012', region: 'us-east-1', partition: 'aws', urlSuffix: 'amazonaws.com' };

export function isCloudAssembly(folder: string): boolean {
  return existsSync(join(folder, 'manifest.json'));
}

/** A single template: its stack is named after the file (`todo-api.yaml` → todo-api), as `aws cloudformation deploy --stack-name` would name it. */
export function loadTemplateDeployment(file: string, options: DeploymentOptions = {}): LoadedDeployment {
  const path = resolve(file);
  const stacks: Stack[] = [];
  const deployment: Deployment = {
    environment: { ...DEFAULT_ENVIRONMENT, ...options.environment },
    assetFile: () => undefined,
    exportValue: (name, where) => {
      throw new TemplateError(`${where}: Fn::ImportValue ${JSON.stringify(name)}: the export comes from another stack, which the local AppSync does not have; serve a cloud assembly holding both stacks, or put the value in a parameter`);
    },
  };
  // A template named template.yaml (SAM's and the samples' habit) takes its folder's name.
  const base = basename(path, extname(path)) === 'template' ? basename(dirname(path)) : basename(path, extname(path));
  const name = options.stack ?? base.replace(/[^A-Za-z0-9-]/g, '-');
  stacks.push(new Stack(deployment, { name, file: path, parameters: options.parameters }));
  return { stacks: stacks.flatMap((s) => s.withNested()), source: path };
}

type Manifest = {
  artifacts?: Record<
    string,
    {
      type: string;
      environment?: string;
      displayName?: string;
      properties?: { templateFile?: string; stackName?: string; parameters?: Record<string, string>; directoryName?: string; file?: string };
    }
  >;
};

type AssetManifest = { files?: Record<string, { source: { path?: string }; destinations?: Record<string, { objectKey?: string }> }> };

type StackArtifact = { id: string; name: string; display: string; file: string; environment: Partial<Environment>; parameters: Record<string, string> };

export function loadAssemblyDeployment(folder: string, options: DeploymentOptions = {}): LoadedDeployment {
  const root = resolve(folder);
  const artifacts: StackArtifact[] = [];
  const assets = new Map<string, string>();
  readAssembly(root, artifacts, assets);
  if (!artifacts.length) throw new TemplateError(`${root}: the cloud assembly has no CloudFormation stack`);

  let chosen = artifacts;
  if (options.stack) {
    chosen = artifacts.filter((a) => [a.id, a.name, a.display].includes(options.stack!));
    if (!chosen.length) throw new TemplateError(`${root}: no stack ${options.stack}; the assembly has: ${artifacts.map((a) => a.name).join(', ')}`);
  }
  const stacks = new Map<string, Stack>();
  const deploymentFor = (environment: Partial<Environment>): Deployment => ({
    environment: { ...DEFAULT_ENVIRONMENT, ...environment, ...options.environment },
    assetFile: (location) => assets.get(location.split('/').pop()!),
    exportValue: (name, where) => {
      for (const stack of stackOf.all()) {
        const value = stack.exports().get(name);
        if (value) return value();
      }
      throw new TemplateError(`${where}: Fn::ImportValue ${JSON.stringify(name)}: no stack of this cloud assembly exports it`);
    },
  });
  // Every stack of the assembly is readable (for its exports); only the chosen ones are served.
  const stackOf = {
    get(artifact: StackArtifact) {
      let stack = stacks.get(artifact.id);
      if (!stack) {
        const given = chosen.includes(artifact) ? { ...artifact.parameters, ...options.parameters } : artifact.parameters;
        stack = new Stack(deploymentFor(artifact.environment), { name: artifact.name, file: artifact.file, parameters: given });
        stacks.set(artifact.id, stack);
      }
      return stack;
    },
    all: () => artifacts.map((a) => stackOf.get(a)),
  };
  return { stacks: chosen.flatMap((a) => stackOf.get(a).withNested()), source: root };
}

function readAssembly(folder: string, artifacts: StackArtifact[], assets: Map<string, string>) {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  } catch (error) {
    throw new TemplateError(`${folder}/manifest.json: ${(error as Error).message}`);
  }
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const properties = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && properties.templateFile) {
      artifacts.push({
        id,
        name: properties.stackName ?? id,
        display: artifact.displayName ?? id,
        file: join(folder, properties.templateFile),
        environment: environmentOf(artifact.environment),
        parameters: properties.parameters ?? {},
      });
    } else if (artifact.type === 'cdk:asset-manifest' && properties.file) {
      readAssets(folder, join(folder, properties.file), assets);
    } else if (artifact.type === 'cdk:cloud-assembly' && properties.directoryName) {
      readAssembly(join(folder, properties.directoryName), artifacts, assets);
    }
  }
  // Older assemblies list no asset-manifest artifact: read every *.assets.json.
  for (const name of readdirSync(folder)) if (name.endsWith('.assets.json')) readAssets(folder, join(folder, name), assets);
}

function readAssets(folder: string, file: string, assets: Map<string, string>) {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as AssetManifest;
  for (const [hash, asset] of Object.entries(manifest.files ?? {})) {
    if (!asset.source.path) continue;
    const path = join(folder, asset.source.path);
    for (const destination of Object.values(asset.destinations ?? {})) if (destination.objectKey) assets.set(destination.objectKey.split('/').pop()!, path);
    assets.set(hash, path);
  }
}

/** aws://account/region, where CDK writes unknown-account / unknown-region for an environment-agnostic stack. */
function environmentOf(value: string | undefined): Partial<Environment> {
  const match = /^aws:\/\/([^/]+)\/([^/]+)$/.exec(value ?? '');
  if (!match) return {};
  const out: Partial<Environment> = {};
  if (match[1] !== 'unknown-account') out.account = match[1];
  if (match[2] !== 'unknown-region') out.region = match[2];
  return out;
}
