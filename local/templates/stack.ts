// One stack as CloudFormation would deploy it: its parameters (given, or their
// defaults), conditions, mappings and resources, and a scope in which its
// intrinsics resolve. Nested stacks (AWS::CloudFormation::Stack) are stacks too,
// their parameters read from the parent.
import { dirname, resolve } from 'node:path';
import { attributeOf, referenceOf, stableId, type ResourceView } from './attributes.ts';
import { TemplateError } from './errors.ts';
import { NO_VALUE, resolveValue, type Scope } from './intrinsics.ts';
import { readTemplate, type RawResource, type Template } from './read.ts';

export type Environment = { account: string; region: string; partition: string; urlSuffix: string };

/** What every stack of one deployment shares: where the account, region and file assets are. */
export type Deployment = {
  environment: Environment;
  /** The local file of an asset given by its S3 URL or object key, when the assembly has it. */
  assetFile(location: string): string | undefined;
  /** An export of another stack of the deployment (Fn::ImportValue). */
  exportValue(name: string, where: string): unknown;
};

export type StackOptions = {
  name: string;
  file: string;
  template?: Template;
  /** Parameter values given (`--parameter`, a manifest's, or a parent stack's). */
  parameters?: Record<string, unknown>;
  /** For a nested stack: its parameters are read lazily from the parent's resource. */
  parent?: { stack: Stack; id: string };
};

export class Stack {
  readonly name: string;
  readonly file: string;
  readonly template: Template;
  private readonly given: Record<string, unknown>;
  private readonly parent?: { stack: Stack; id: string };
  private readonly conditions = new Map<string, boolean>();
  private readonly nestedStacks = new Map<string, Stack>();
  readonly scope: Scope;

  constructor(
    readonly deployment: Deployment,
    options: StackOptions,
  ) {
    this.name = options.name;
    this.file = options.file;
    this.template = options.template ?? readTemplate(options.file);
    this.given = options.parameters ?? {};
    this.parent = options.parent;
    const env = deployment.environment;
    this.scope = {
      region: env.region,
      ref: (name, where) => this.ref(name, where),
      getAtt: (id, attribute, where) => attributeOf(this.view(id, where), attribute, where),
      condition: (name, where) => this.condition(name, where),
      mapping: (map, top, second, where) => {
        const value = this.template.Mappings?.[map]?.[top]?.[second];
        if (value === undefined) throw new TemplateError(`${where}: Fn::FindInMap: no ${map}.${top}.${second} in Mappings`);
        return value;
      },
      importValue: (name, where) => deployment.exportValue(name, where),
    };
    for (const name of Object.keys(this.given)) {
      if (!this.template.Parameters?.[name]) throw new TemplateError(`${this.file}: the stack ${this.name} has no parameter ${name}`);
    }
  }

  /** Logical ids of the resources deployed (their Condition, if any, true), of one type or several. */
  resources(...types: string[]): string[] {
    return Object.entries(this.template.Resources ?? {})
      .filter(([id, r]) => (!types.length || types.includes(r.Type)) && this.deployed(id))
      .map(([id]) => id);
  }

  resource(id: string): RawResource | undefined {
    return this.template.Resources?.[id];
  }

  private deployed(id: string): boolean {
    const condition = this.resource(id)?.Condition;
    return condition === undefined || this.condition(condition, `${this.file}: Resources.${id}.Condition`);
  }

  /** A property of a resource with its intrinsics resolved; undefined when absent (or AWS::NoValue). */
  property(id: string, path: string): unknown {
    const at = (keys: string[]) => `${this.file}: Resources.${id}.Properties.${keys.join('.')}`;
    const keys = path.split('.');
    // Walks down without touching the siblings: only the property asked for is resolved (and errs).
    let node: unknown = this.resource(id)?.Properties;
    for (let i = 0; i < keys.length; i++) {
      if (isIntrinsic(node)) node = resolveValue(node, this.scope, at(keys.slice(0, i)));
      if (node === undefined || node === null || node === NO_VALUE || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[keys[i]!];
    }
    const value = resolveValue(node, this.scope, at(keys));
    return value === NO_VALUE ? undefined : value;
  }

  where(id: string, path?: string): string {
    return `${this.file}: Resources.${id}${path ? `.Properties.${path}` : ''}`;
  }

  output(name: string, where: string): unknown {
    const output = this.template.Outputs?.[name];
    if (!output) throw new TemplateError(`${where}: the stack ${this.name} has no output ${name}`);
    return resolveValue(output.Value, this.scope, `${this.file}: Outputs.${name}.Value`);
  }

  /** The template's exports, by their resolved names (an export whose name cannot be resolved is skipped). */
  exports(): Map<string, () => unknown> {
    const out = new Map<string, () => unknown>();
    for (const [name, output] of Object.entries(this.template.Outputs ?? {})) {
      if (!output.Export) continue;
      try {
        out.set(String(resolveValue(output.Export.Name, this.scope, `${this.file}: Outputs.${name}.Export.Name`)), () => this.output(name, this.file));
      } catch {
        // An export named after something only known once deployed cannot be imported locally.
      }
    }
    return out;
  }

  /** The nested stack made by an AWS::CloudFormation::Stack resource, read from its template in the assembly. */
  nested(id: string): Stack {
    let stack = this.nestedStacks.get(id);
    if (stack) return stack;
    const resource = this.resource(id)!;
    const url = this.property(id, 'TemplateURL');
    const assetPath = resource.Metadata?.['aws:asset:path'];
    const file =
      (typeof url === 'string' ? this.deployment.assetFile(url) : undefined) ??
      (typeof assetPath === 'string' ? resolve(dirname(this.file), assetPath) : undefined) ??
      (typeof url === 'string' && !/^(https?|s3):/.test(url) ? resolve(dirname(this.file), url) : undefined);
    if (!file) {
      throw new TemplateError(`${this.where(id, 'TemplateURL')}: the nested stack's template ${JSON.stringify(url)} is not a file of this assembly`);
    }
    stack = new Stack(this.deployment, { name: stableName(this.name, id, 128), file, parent: { stack: this, id } });
    this.nestedStacks.set(id, stack);
    return stack;
  }

  /** This stack and every stack nested in it, deepest last. */
  withNested(): Stack[] {
    return [this, ...this.resources('AWS::CloudFormation::Stack').flatMap((id) => this.nested(id).withNested())];
  }

  private ref(name: string, where: string): unknown {
    const env = this.deployment.environment;
    switch (name) {
      case 'AWS::AccountId': return env.account;
      case 'AWS::Region': return env.region;
      case 'AWS::Partition': return env.partition;
      case 'AWS::URLSuffix': return env.urlSuffix;
      case 'AWS::StackName': return this.name;
      case 'AWS::StackId': return `arn:${env.partition}:cloudformation:${env.region}:${env.account}:stack/${this.name}/${stableId(this.name, 36)}`;
      case 'AWS::NotificationARNs': return [];
      case 'AWS::NoValue': return NO_VALUE;
    }
    const parameter = this.template.Parameters?.[name];
    if (parameter) return this.parameter(name, parameter, where);
    return referenceOf(this.view(name, where), where);
  }

  private parameter(name: string, declared: { Type?: string; Default?: unknown }, where: string): unknown {
    let value: unknown;
    if (name in this.given) value = this.given[name];
    else if (this.parent && this.parent.stack.resource(this.parent.id)?.Properties?.Parameters) {
      value = this.parent.stack.property(this.parent.id, `Parameters.${name}`);
    }
    if (value === undefined) value = declared.Default;
    if (value === undefined) {
      throw new TemplateError(`${where}: the parameter ${name} has no value and no default: give it with --parameter ${name}=<value>`);
    }
    const type = declared.Type ?? 'String';
    if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof value === 'string') return value.split(',').map((v) => v.trim());
    if (type.startsWith('AWS::SSM::Parameter::Value')) {
      throw new TemplateError(`${where}: the parameter ${name} is read from SSM Parameter Store (${String(value)}) at deploy time: give its value with --parameter ${name}=<value>`);
    }
    return value;
  }

  private condition(name: string, where: string): boolean {
    let value = this.conditions.get(name);
    if (value === undefined) {
      const declared = this.template.Conditions?.[name];
      if (declared === undefined) throw new TemplateError(`${where}: no condition named ${name} in Conditions`);
      value = resolveValue(declared, this.scope, `${this.file}: Conditions.${name}`) === true;
      this.conditions.set(name, value);
    }
    return value;
  }

  private view(id: string, where: string): ResourceView {
    const resource = this.resource(id);
    if (!resource) throw new TemplateError(`${where}: no parameter or resource named ${id}`);
    if (!this.deployed(id)) throw new TemplateError(`${where}: ${id} is not deployed (its condition ${resource.Condition} is false)`);
    const env = this.deployment.environment;
    const view: ResourceView = {
      id,
      type: resource.Type,
      stackName: this.name,
      ...env,
      property: (path) => this.property(id, path),
      physicalName: (maxLength) => stableName(this.name, id, maxLength),
      output: resource.Type === 'AWS::CloudFormation::Stack' ? (output) => this.nested(id).output(output, where) : undefined,
      apiId: () =>
        resource.Type === 'AWS::AppSync::GraphQLApi' ? stableId(`${this.name}/${id}`, 26) : String(this.property(id, 'ApiId')),
    };
    return view;
  }
}

function isIntrinsic(node: unknown): boolean {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/**
 * The name CloudFormation gives a resource that has none: stack name, logical id and
 * a suffix. CloudFormation's suffix is random; this one is derived from the two, so
 * a restart finds the same table (and its data) under the same name.
 */
export function stableName(stackName: string, id: string, maxLength = 255): string {
  const suffix = stableId(`${stackName}/${id}`, 12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  const room = maxLength - suffix.length - 2;
  const head = `${stackName}-${id}`;
  return `${head.length > room ? head.slice(0, room) : head}-${suffix}`;
}
