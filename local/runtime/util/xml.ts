// util.xml (xml-helpers-in-util-xml-js.html): XML to a map, as the docs' example
// shows: repeated elements become lists, numbers and booleans are typed.
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: true, ignoreDeclaration: true, textNodeName: 'content' });

export function toMap(xml: string): Record<string, unknown> {
  return parser.parse(xml) as Record<string, unknown>;
}

export function toJsonString(xml: string): string {
  return JSON.stringify(toMap(xml));
}
