// What `serve` was given, read into one ApiDeclaration: our api.json, a
// CloudFormation template (JSON or YAML), a CDK cloud assembly folder (cdk.out), or an
// Amplify Gen 2 amplify/ folder, synthesised offline first.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isCloudAssembly, loadAssemblyDeployment, loadTemplateDeployment } from '../templates/assembly.ts';
import { isAmplifyProject, synthesiseAmplifyProject } from '../templates/amplify.ts';
import { apiDeclaration } from '../templates/convert.ts';
import { DeclarationError, loadDeclaration, type ApiDeclaration } from './declaration.ts';

export type SourceOptions = {
  /** The stack to read, when a cloud assembly has several (`--stack`). */
  stack?: string;
  /** Template parameters (`--parameter Name=Value`); the others take their defaults. */
  parameters?: Record<string, string>;
  /** The API to serve, when there are several (`--api`: its Name or logical id). */
  api?: string;
};

export type SourceKind = 'declaration' | 'template' | 'assembly' | 'amplify';

/** What kind of source a path is: api.json, a template, a cloud assembly folder or an Amplify amplify/ folder. */
export function sourceKind(path: string): SourceKind {
  const full = resolve(path);
  let folder: boolean;
  try {
    folder = statSync(full).isDirectory();
  } catch (error) {
    throw new DeclarationError(`${full}: ${(error as Error).message}`);
  }
  if (folder) {
    if (isCloudAssembly(full)) return 'assembly';
    if (isAmplifyProject(full)) return 'amplify';
    throw new DeclarationError(`${full}: a folder to serve is a CDK cloud assembly (cdk.out, with its manifest.json) or an Amplify Gen 2 amplify/ folder (with its backend.ts)`);
  }
  if (/\.(ya?ml|template)$/.test(full) || (full.endsWith('.json') && isTemplateJson(full))) return 'template';
  if (full.endsWith('manifest.json')) return 'assembly';
  return 'declaration';
}

export function loadApiSource(path: string, options: SourceOptions = {}): ApiDeclaration {
  const full = resolve(path);
  switch (sourceKind(full)) {
    case 'assembly':
      return apiDeclaration(loadAssemblyDeployment(full.endsWith('manifest.json') ? dirname(full) : full, options), options.api);
    case 'amplify':
      return apiDeclaration(loadAssemblyDeployment(synthesiseAmplifyProject(full), options), options.api);
    case 'template':
      return apiDeclaration(loadTemplateDeployment(full, options), options.api);
    case 'declaration':
      if (options.stack || options.parameters || options.api) {
        throw new DeclarationError(`${full}: --stack, --parameter and --api apply to a template or a cloud assembly, not to an API declaration`);
      }
      return loadDeclaration(full);
  }
}

/** A JSON file with a Resources section is a template; anything else is taken for api.json. */
function isTemplateJson(file: string): boolean {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    return Boolean(json && typeof json === 'object' && 'Resources' in json);
  } catch {
    return false;
  }
}
