// Reads a CloudFormation template, JSON or YAML. YAML templates use the short-form
// intrinsics (!Ref, !GetAtt A.b, !Sub, !Join …); each is read into its long form
// ({ "Fn::GetAtt": ["A", "b"] }) so the rest of the code sees one shape.
import { readFileSync } from 'node:fs';
import { parse, YAMLMap, YAMLSeq, type CollectionTag, type ScalarTag } from 'yaml';
import { TemplateError } from './errors.ts';

export type Template = {
  Parameters?: Record<string, { Type?: string; Default?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<string, RawResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Metadata?: Record<string, unknown>;
};

export type RawResource = { Type: string; Properties?: Record<string, unknown>; Condition?: string; Metadata?: Record<string, unknown> };

const FUNCTIONS = [
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'If', 'ImportValue', 'Join', 'Select',
  'Split', 'Sub', 'Transform', 'And', 'Equals', 'Not', 'Or', 'Length', 'ToJsonString',
];

/** The YAML tags of one intrinsic, in its three forms: `!Sub 'text'`, `!Join [ … ]`, `!Transform { … }`. */
function intrinsicTags(name: string): (ScalarTag | CollectionTag)[] {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  // GetAtt's short form is one scalar, "Resource.Attribute" (the attribute may itself hold dots: Outputs.X).
  const scalar = (value: string) => {
    if (name !== 'GetAtt') return { [key]: value };
    const dot = value.indexOf('.');
    return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  };
  // yaml types toJSON as giving the collection's own shape; these give it wrapped in its function.
  class Seq extends YAMLSeq {
    override toJSON(_?: unknown, ctx?: never): never {
      return { [key]: super.toJSON(_, ctx) } as never;
    }
  }
  class Map extends YAMLMap {
    override toJSON(_?: unknown, ctx?: never): never {
      return { [key]: super.toJSON(_, ctx) } as never;
    }
  }
  return [
    { tag: `!${name}`, resolve: scalar },
    { tag: `!${name}`, collection: 'seq', nodeClass: Seq, resolve: (seq) => Object.assign(new Seq(), seq) },
    { tag: `!${name}`, collection: 'map', nodeClass: Map, resolve: (map) => Object.assign(new Map(), map) },
  ] as (ScalarTag | CollectionTag)[];
}

const CUSTOM_TAGS = FUNCTIONS.flatMap(intrinsicTags);

export function parseTemplate(text: string, file: string): Template {
  let template: unknown;
  try {
    template = file.endsWith('.json') ? JSON.parse(text) : parse(text, { customTags: CUSTOM_TAGS, version: '1.2' });
  } catch (error) {
    throw new TemplateError(`${file}: not a readable template: ${(error as Error).message}`);
  }
  // A stack with no resources (CDK writes one for an empty stack) still has some section of a template.
  const SECTIONS = ['Resources', 'AWSTemplateFormatVersion', 'Parameters', 'Outputs', 'Metadata', 'Rules', 'Conditions'];
  if (!template || typeof template !== 'object' || !SECTIONS.some((section) => section in template)) {
    throw new TemplateError(`${file}: not a CloudFormation template (no Resources section)`);
  }
  return template as Template;
}

export function readTemplate(file: string): Template {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateError(`${file}: ${(error as Error).message}`);
  }
  return parseTemplate(text, file);
}
