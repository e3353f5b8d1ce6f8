// AWS's documented $util examples for VTL (utility-helpers-in-*.html of the resolver
// mapping template utility reference), each rendered through evaluateMappingTemplate.
import { describe, expect, test } from 'vitest';
import { evaluateMappingTemplate } from '../../local/vtl/evaluate.ts';

/** The rendered text of a one-line template. */
function render(template: string, context: Record<string, unknown> = {}): string {
  const output = evaluateMappingTemplate({ template, context });
  if (output.error) throw new Error(output.error.message);
  return output.evaluationResult!;
}
const json = (template: string, context?: Record<string, unknown>) => JSON.parse(render(template, context));

describe('$util.time (utility-helpers-in-time.html)', () => {
  test('parseFormattedToEpochMilliSeconds with a zone in the text', () => {
    expect(render('$util.time.parseFormattedToEpochMilliSeconds("2018-02-01 17:24:02+0000", "yyyy-MM-dd HH:mm:ssZ")')).toBe('1517505842000');
  });
  test('parseFormattedToEpochMilliSeconds with a zone given', () => {
    expect(render('$util.time.parseFormattedToEpochMilliSeconds("2018-02-01 17:24:02", "yyyy-MM-dd HH:mm:ss", "+08:00")')).toBe('1517477042000');
  });
  test('parseISO8601ToEpochMilliSeconds', () => {
    expect(render('$util.time.parseISO8601ToEpochMilliSeconds("2018-02-01T17:21:05.180+08:00")')).toBe('1517476865180');
  });
  test('epochMilliSecondsToSeconds and epochMilliSecondsToISO8601', () => {
    expect(render('$util.time.epochMilliSecondsToSeconds(1517943695750) $util.time.epochMilliSecondsToISO8601(1517943695750)')).toBe('1517943695 2018-02-06T19:01:35.750Z');
  });
  test('epochMilliSecondsToFormatted, in UTC and at +08:00', () => {
    expect(render('$util.time.epochMilliSecondsToFormatted(1517943695750, "yyyy-MM-dd HH:mm:ssZ")')).toBe('2018-02-06 19:01:35+0000');
    expect(render('$util.time.epochMilliSecondsToFormatted(1517943695750, "yyyy-MM-dd HH:mm:ssZ", "+08:00")')).toBe('2018-02-07 03:01:35+0800');
  });
  test('nowISO8601 has milliseconds and Z', () => {
    expect(render('$util.time.nowISO8601()')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('$util.dynamodb (dynamodb-helpers-in-util-dynamodb.html)', () => {
  test('toDynamoDB picks the type from the value', () => {
    expect(json('$util.dynamodb.toDynamoDBJson("foo")')).toEqual({ S: 'foo' });
    expect(json('$util.dynamodb.toDynamoDBJson(12345)')).toEqual({ N: 12345 });
    expect(json('$util.dynamodb.toDynamoDBJson(true)')).toEqual({ BOOL: true });
    expect(json('$util.dynamodb.toDynamoDBJson(["foo", 123, { "bar" : "baz" } ])')).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
  });
  test('toMapValues types each value of a map', () => {
    expect(json('$util.dynamodb.toMapValuesJson({ "foo": "bar", "baz" : 1234, "beep": [ "boop"] })')).toEqual({
      foo: { S: 'bar' },
      baz: { N: 1234 },
      beep: { L: [{ S: 'boop' }] },
    });
  });
  test('toStringSet and toNumberSet make sets', () => {
    expect(json('$util.dynamodb.toStringSetJson(["foo", "bar", "baz"])')).toEqual({ SS: ['foo', 'bar', 'baz'] });
    expect(json('$util.dynamodb.toNumberSetJson([1, 23, 4.56])')).toEqual({ NS: [1, 23, 4.56] });
  });
  test('toNull and toBoolean', () => {
    expect(json('$util.dynamodb.toNullJson()')).toEqual({ NULL: null });
    expect(json('$util.dynamodb.toBooleanJson(true)')).toEqual({ BOOL: true });
  });
});

describe('$util.transform (transformation-helpers-in-utils-transform.html)', () => {
  // The documented input; the expression's spacing is the service's as EvaluateCode recorded it (the same helper).
  test('toDynamoDBFilterExpression: the documented contains example', () => {
    expect(json('$util.transform.toDynamoDBFilterExpression({ "title":{ "contains":"Hello World" } })')).toEqual({
      expression: '(contains(#title,:title_contains))',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'Hello World' } },
    });
  });
  test('toSubscriptionFilter: fields ANDed in one group', () => {
    expect(json('$util.toJson($util.transform.toSubscriptionFilter({ "name": { "eq": "x" }, "n": { "gt": 2 } }))')).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'name', operator: 'eq', value: 'x' }, { fieldName: 'n', operator: 'gt', value: 2 }] }],
    });
  });
});

describe('$util.list, $util.map, $util.str', () => {
  test('list.copyAndRetainAll and copyAndRemoveAll', () => {
    expect(render('$util.list.copyAndRetainAll([1, 2, 3], [2, 3, 4]) $util.list.copyAndRemoveAll([1, 2, 3], [2, 3, 4])')).toBe('[2, 3] [1]');
  });
  test('list.copyAndRetainAll and copyAndRemoveAll compare maps and lists with equals(), by value', () => {
    const template = '#set($keep = [{"owner": "a"}, ["x"]])$util.toJson($util.list.copyAndRetainAll([{"owner": "a"}, {"owner": "b"}, ["x"]], $keep)) $util.toJson($util.list.copyAndRemoveAll([{"owner": "a"}, {"owner": "b"}, ["x"]], $keep))';
    expect(render(template)).toBe('[{"owner":"a"},["x"]] [{"owner":"b"}]');
  });
  test('map.copyAndRetainAllKeys keeps the keys equal to a listed one, copyAndRemoveAllKeys the others', () => {
    const context = { arguments: { input: { id: '1', title: 'T', owner: 'o' } } };
    const template = '#set($keys = $util.parseJson($util.toJson($ctx.args.input.keySet())))$util.toJson($util.map.copyAndRetainAllKeys($ctx.args.input, ["title", "owner"])) $util.toJson($util.map.copyAndRemoveAllKeys($ctx.args.input, $keys))';
    expect(render(template, context)).toBe('{"title":"T","owner":"o"} {}');
  });
  test('list.sortList by a property, descending', () => {
    expect(json('$util.toJson($util.list.sortList([{"n": "b"}, {"n": "c"}, {"n": "a"}], true, "n"))')).toEqual([{ n: 'c' }, { n: 'b' }, { n: 'a' }]);
  });
  test('map.copyAndRetainAllKeys and copyAndRemoveAllKeys', () => {
    expect(render('$util.map.copyAndRetainAllKeys({"a": 1, "b": 2}, ["a"]) $util.map.copyAndRemoveAllKeys({"a": 1, "b": 2}, ["a"])')).toBe('{a=1} {b=2}');
  });
  test('str.toUpper, toLower, toReplace, normalize', () => {
    expect(render('$util.str.toUpper("hello") $util.str.toLower("HELLO") $util.str.toReplace("hello world", "hello", "bye")')).toBe('HELLO hello bye world');
    expect(render('$util.str.normalize("e\u0301", "nfc")')).toBe('\u00e9');
  });
});

describe('general $util (utility-helpers-in-util.html)', () => {
  test('null and emptiness checks', () => {
    expect(render('$util.isNull($ctx.args.none) $util.isNullOrEmpty("") $util.isNullOrBlank("  ") $util.isNullOrEmpty("x")', { arguments: {} })).toBe('true true true false');
  });
  test('defaultIfNull, defaultIfNullOrEmpty, defaultIfNullOrBlank', () => {
    expect(render('$util.defaultIfNull($ctx.args.none, "a") $util.defaultIfNullOrEmpty("", "b") $util.defaultIfNullOrBlank(" ", "c")', { arguments: {} })).toBe('a b c');
  });
  test('typeOf and the is… checks', () => {
    expect(render('$util.typeOf("s") $util.typeOf(1) $util.typeOf(true) $util.typeOf([]) $util.typeOf({}) $util.typeOf($ctx.args.none)', { arguments: {} })).toBe(
      'String Number Boolean List Map Null',
    );
    expect(render('$util.isString("s") $util.isNumber(1) $util.isBoolean(false) $util.isList([]) $util.isMap({})')).toBe('true true true true true');
  });
  test('matches is Java Pattern.matches on the whole string', () => {
    expect(render('$util.matches("a*b", "aaaaab") $util.matches("a*b", "aaaaabc")')).toBe('true false');
  });
  test('urlEncode, base64Encode and their decoders', () => {
    expect(render('$util.urlEncode("a b&c") $util.base64Encode("hello") $util.base64Decode("aGVsbG8=")')).toBe('a+b%26c aGVsbG8= hello');
  });
  test('parseJson and toJson round-trip', () => {
    expect(render('#set($o = $util.parseJson("{\\"a\\":[1,2]}"))$o.a.size() $util.toJson($o)')).toBe('2 {"a":[1,2]}');
  });
  test('autoId is a UUID, autoUlid 26 characters, autoKsuid 27', () => {
    expect(render('$util.autoId()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(render('$util.autoUlid()')).toHaveLength(26);
    expect(render('$util.autoKsuid()')).toHaveLength(27);
  });
  test('authType names the caller\'s mode', () => {
    expect(evaluateMappingTemplate({ template: '$util.authType()', context: {}, authType: 'User Pool Authorization' }).evaluationResult).toBe('User Pool Authorization');
  });
});

describe('errors', () => {
  test('$util.error stops the template: error.message, no evaluationResult', () => {
    const output = evaluateMappingTemplate({ template: 'before $util.error("Boom", "Custom") after', context: {} });
    expect(output).toEqual({ error: { message: 'Boom' }, logs: [], stash: '{}' });
  });
  test('$util.appendError goes on, and the error is in outErrors', () => {
    const output = evaluateMappingTemplate({ template: '$util.appendError("Careful", "Warning")ok', context: {} });
    expect(output.evaluationResult).toBe('ok');
    expect(JSON.parse(output.outErrors!)).toEqual([{ message: 'Careful', errorType: 'Warning', data: null, errorInfo: null }]);
  });
  test('$util.unauthorized names the field of the context', () => {
    const output = evaluateMappingTemplate({ template: '$util.unauthorized()', context: { info: { parentTypeName: 'Query', fieldName: 'getPost' } } });
    expect(output.error).toEqual({ message: 'Not Authorized to access getPost on type Query' });
  });
  test('$util.validate raises its message when the condition is false', () => {
    expect(evaluateMappingTemplate({ template: '$util.validate(false, "Bad input")', context: {} }).error).toEqual({ message: 'Bad input' });
    expect(evaluateMappingTemplate({ template: '$util.validate(true, "Bad input")ok', context: {} }).evaluationResult).toBe('ok');
  });
  test('$util.log.info lines are in logs', () => {
    expect(evaluateMappingTemplate({ template: '$util.log.info("id {}", "a1")', context: {} }).logs).toEqual(['INFO - id a1']);
  });
});
