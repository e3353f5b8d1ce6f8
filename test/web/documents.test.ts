// The web app sends operations picked out of web/src/graphql/operations.graphql:
// each must be the file's own text and a valid document for the API's schema.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pickOperation, splitDefinitions } from '../../web/src/api/documents.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const source = read('web/src/graphql/operations.graphql');
const schema = buildSchema(`${read('local/graphql/appsync.graphql')}\n${read('schema/schema.graphql')}`);

describe('operations picked from operations.graphql', () => {
  const operations = splitDefinitions(source).filter((d) => d.kind !== 'fragment');

  it('finds every operation and fragment in the file', () => {
    expect(splitDefinitions(source).map((d) => `${d.kind} ${d.name}`)).toEqual([
      'fragment QuestionFields',
      'fragment EventFields',
      'fragment Results',
      'fragment AnswerFields',
      'query Events',
      'query Event',
      'query EventByCode',
      'query QuestionResults',
      'query EventStats',
      'query MyAnswer',
      'query ExportQuestion',
      'query ExportEvent',
      'mutation CreateEvent',
      'mutation DeleteEvent',
      'mutation GoToQuestion',
      'mutation OpenQuestion',
      'mutation CloseQuestion',
      'mutation ResetQuestion',
      'mutation SetReveal',
      'mutation JoinEvent',
      'mutation CastVote',
      'subscription OnEventChanged',
      'subscription OnQuestionChanged',
      'subscription OnAnswer',
    ]);
  });

  it.each(operations.map((d) => d.name))('%s is valid against the schema, with the fragments it uses', (name) => {
    const text = pickOperation(source, name);
    const document = parse(text);
    expect(validate(schema, document)).toEqual([]);
    const fragments = (text.match(/\.\.\.(\w+Fields|Results)\b/g) ?? []).length;
    expect(document.definitions).toHaveLength(1 + fragments);
    for (const definition of document.definitions) {
      const loc = definition.loc!;
      expect(source).toContain(text.slice(loc.start, loc.end));
    }
  });

  it('follows fragments used by fragments, once each, and ignores comments, strings and inline fragments', () => {
    const doc = `
      # query Commented { nope }
      fragment B on PollResults { pollId }
      fragment A on PollResults { ...B title options { ... on OptionResult { label } } }
      query Q($x: String = "{ ...Nope }") { results(pollId: "1") { ...A ...B } }
    `;
    const picked = pickOperation(doc, 'Q');
    expect(parse(picked).definitions.map((d) => ('name' in d ? d.name?.value : ''))).toEqual(['Q', 'A', 'B']);
  });

  it('names a missing operation or fragment', () => {
    expect(() => pickOperation(source, 'Nope')).toThrow('No operation named Nope');
    expect(() => pickOperation('query Q { ...Gone }', 'Q')).toThrow('uses fragment Gone');
  });
});
