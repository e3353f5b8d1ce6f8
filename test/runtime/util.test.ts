// The general util functions (built-in-util-js.html), with AWS's examples where the docs give them.
import { describe, expect, test } from 'vitest';
import { evaluate, handlers, valueOf } from './support.ts';

describe('util', () => {
  test('autoId is a UUID v4', () => {
    expect(valueOf(`util.autoId()`)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('autoUlid is 26 Crockford base32 characters', () => {
    expect(valueOf(`util.autoUlid()`)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  test('autoKsuid is 27 base62 characters', () => {
    expect(valueOf(`util.autoKsuid()`)).toMatch(/^[0-9A-Za-z]{27}$/);
  });

  test('urlEncode is Java URLEncoder: space as +, reserved characters as %XX', () => {
    expect(valueOf(`util.urlEncode("a b&c=d/é*._-~")`)).toBe('a+b%26c%3Dd%2F%C3%A9*._-%7E');
  });

  test('urlDecode reverses it', () => {
    expect(valueOf(`util.urlDecode("a+b%26c%3Dd%2F%C3%A9")`)).toBe('a b&c=d/é');
  });

  test('base64Encode and base64Decode work on UTF-8 strings', () => {
    expect(valueOf(`[util.base64Encode("héllo"), util.base64Decode("aMOpbGxv")]`)).toEqual(['aMOpbGxv', 'héllo']);
  });

  test('escapeJavaScript escapes quotes, backslash, slash, control and non-ASCII characters', () => {
    expect(valueOf(`util.escapeJavaScript("He said \\"hi\\" \\n it's a/b é")`)).toBe(`He said \\"hi\\" \\n it\\'s a\\/b \\u00E9`);
  });

  test('matches is Java Pattern.matches: the whole string must match', () => {
    expect(valueOf(`[util.matches("a+", "aaa"), util.matches("a+", "aaab"), util.matches("(?i)ABC", "abc")]`)).toEqual([true, false, true]);
  });

  test('authType says how the caller was authorized', () => {
    expect(valueOf(`util.authType()`)).toBe('API Key Authorization');
  });

  test('str.normalize applies a Unicode normal form', () => {
    expect(valueOf(`[util.str.normalize("e\\u0301", "nfc").length, util.str.normalize("é", "nfd").length]`)).toEqual([1, 2]);
  });

  test('math: roundNum, minVal, maxVal, and random values in their ranges', () => {
    expect(valueOf(`[util.math.roundNum(2.5), util.math.minVal(1, 2), util.math.maxVal(1, 2), util.math.randomDouble() < 1, util.math.randomWithinRange(3, 3)]`)).toEqual([
      3, 1, 2, true, 3,
    ]);
  });

  test('http.addResponseHeader refuses names starting with x-amz', () => {
    expect(evaluate(handlers(`util.http.addResponseHeader('x-amzn-trace', 'a'); return 1;`)).error?.message).toMatch(/reserved/);
  });

  test('xml.toMap and toJsonString turn the documented posts example into a map with typed values (xml-helpers-in-util-xml-js.html)', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><posts><post><id>1</id><title>Getting started with GraphQL</title></post></posts>';
    expect(valueOf(`[util.xml.toMap(${JSON.stringify(xml)}), util.xml.toJsonString(${JSON.stringify(xml)})]`)).toEqual([
      { posts: { post: { id: 1, title: 'Getting started with GraphQL' } } },
      '{"posts":{"post":{"id":1,"title":"Getting started with GraphQL"}}}',
    ]);
  });
});

// time-helpers-in-util-time.html gives these examples for epoch 1517943695758 and the parse inputs.
describe('util.time', () => {
  const ms = 1517943695758;

  test('epochMilliSecondsToSeconds', () => {
    expect(valueOf(`util.time.epochMilliSecondsToSeconds(${ms})`)).toBe(1517943695);
  });

  test('epochMilliSecondsToISO8601', () => {
    expect(valueOf(`util.time.epochMilliSecondsToISO8601(${ms})`)).toBe('2018-02-06T19:01:35.758Z');
  });

  test('epochMilliSecondsToFormatted with a Java pattern, in UTC', () => {
    expect(valueOf(`util.time.epochMilliSecondsToFormatted(${ms}, "yyyy-MM-dd HH:mm:ssZ")`)).toBe('2018-02-06 19:01:35+0000');
  });

  test('epochMilliSecondsToFormatted in an offset zone', () => {
    expect(valueOf(`util.time.epochMilliSecondsToFormatted(${ms}, "yyyy-MM-dd HH:mm:ssZ", "+08:00")`)).toBe('2018-02-07 03:01:35+0800');
  });

  test('epochMilliSecondsToFormatted in a region zone', () => {
    expect(valueOf(`util.time.epochMilliSecondsToFormatted(${ms}, "yyyy-MM-dd HH:mm:ssZ", "Australia/Perth")`)).toBe('2018-02-07 03:01:35+0800');
  });

  test('text fields of a pattern are English', () => {
    expect(valueOf(`util.time.epochMilliSecondsToFormatted(${ms}, "EEE, d MMM yyyy h:mm a")`)).toBe('Tue, 6 Feb 2018 7:01 PM');
  });

  test('parseISO8601ToEpochMilliSeconds', () => {
    expect(valueOf(`util.time.parseISO8601ToEpochMilliSeconds("2018-02-01T17:21:05.180+08:00")`)).toBe(1517476865180);
  });

  test('parseFormattedToEpochMilliSeconds with the zone in the text', () => {
    expect(valueOf(`util.time.parseFormattedToEpochMilliSeconds("2018-02-02 01:19:22+0800", "yyyy-MM-dd HH:mm:ssZ")`)).toBe(1517505562000);
  });

  test('parseFormattedToEpochMilliSeconds with the zone given apart', () => {
    expect(valueOf(`util.time.parseFormattedToEpochMilliSeconds("2018-02-02 01:19:22", "yyyy-MM-dd HH:mm:ss", "+08:00")`)).toBe(1517505562000);
  });

  test('nowISO8601 has milliseconds and Z, like 2018-02-06T19:01:35.749Z', () => {
    expect(valueOf(`util.time.nowISO8601()`)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test('nowFormatted uses the pattern', () => {
    expect(valueOf(`util.time.nowFormatted("yyyy-MM-dd HH:mm:ssZ")`)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0000$/);
  });
});
