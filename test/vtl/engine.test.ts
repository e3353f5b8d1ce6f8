// The VTL language as AppSync runs it: Java semantics on maps, lists and strings,
// #return, #foreach with $velocityCount/$foreach and #break, references that are null.
import { describe, expect, test } from 'vitest';
import { evaluateMappingTemplate } from '../../local/vtl/evaluate.ts';

function render(template: string, context: Record<string, unknown> = {}): string {
  const output = evaluateMappingTemplate({ template, context });
  if (output.error) throw new Error(output.error.message);
  return output.evaluationResult!;
}

describe('Java semantics on plain values', () => {
  test('Map: put answers the previous value, get, containsKey, keySet, entrySet, remove, size', () => {
    expect(
      render('#set($m = {"a": 1})#set($old = $m.put("a", 2))$old $m.get("a") $m.containsKey("a") $m.keySet() #foreach($e in $m.entrySet())$e.key=$e.getValue()#end $m.remove("a") $m.size() $m.isEmpty()'),
    ).toBe('1 2 true [a] a=2 2 0 true');
  });
  test('List: add answers true, get, contains by value, indexOf, remove by index, subList', () => {
    expect(render('#set($l = [1, {"x": 1}])$l.add(3) $l.get(0) $l.contains({"x": 1}) $l.indexOf(3) $l.remove(0) $l $l.subList(0, 1)')).toBe('true 1 true 2 1 [{x=1}, 3] [{x=1}]');
  });
  test('String: split takes a regex and drops trailing empty strings; replaceAll takes a regex, replace a literal', () => {
    expect(render('#set($s = "a1b22c,,")$s.split("\\d+") $s.split(",") $s.replaceAll("[0-9]", "#") $s.replace(".", "!")')).toBe('[a, b, c,,] [a1b22c] a#b##c,, a1b22c,,');
  });
  test('String: length, contains, startsWith, substring, indexOf, toUpperCase, trim, equalsIgnoreCase, matches', () => {
    expect(render('#set($s = " Hello ")$s.length() $s.contains("ell") $s.trim().startsWith("He") $s.trim().substring(1, 3) $s.indexOf("l") $s.toUpperCase().trim() $s.trim().equalsIgnoreCase("HELLO") $s.trim().matches("H.*o")')).toBe(
      '7 true true el 3 HELLO true true',
    );
  });
  test('== compares by value, as Java equals', () => {
    expect(render('#if("a" == "a" && 2 == 2)same#end #if($ctx.args.n != 1)differs#end', { arguments: { n: 2 } })).toBe('same differs');
  });
  test('a reserved word as a property name (.eq, .return) is a property', () => {
    expect(render('$ctx.args.filter.eq $ctx.args.return', { arguments: { filter: { eq: 5 }, return: 'r' } })).toBe('5 r');
  });
  test('lists and maps print as Java prints them', () => {
    expect(render('$ctx.args.m $ctx.args.l', { arguments: { m: { a: 'x', b: [1, 2] }, l: ['p', 'q'] } })).toBe('{a=x, b=[1, 2]} [p, q]');
  });
  test('a JS prototype is not reachable from a template', () => {
    expect(render('$ctx.args.constructor $ctx.args.s.constructor', { arguments: { s: 'x' } })).toBe('$ctx.args.constructor $ctx.args.s.constructor');
  });
});

describe('references', () => {
  test('a null or missing reference renders as written; $! renders nothing', () => {
    expect(render('"$ctx.args.none" [$!ctx.args.none]', { arguments: { none: null } })).toBe('"$ctx.args.none" []');
  });
  test('$context and $ctx are the same, and $utils is $util', () => {
    expect(render('$context.arguments.a $ctx.args.a $utils.toJson($ctx.args.a)', { arguments: { a: 'x' } })).toBe('x x "x"');
  });
  test('a template changes the stash, returned as stash', () => {
    const output = evaluateMappingTemplate({ template: '$util.qr($ctx.stash.put("k", [1]))', context: { stash: { a: 1 } } });
    expect(JSON.parse(output.stash)).toEqual({ a: 1, k: [1] });
  });
});

describe('directives', () => {
  test('a double-quoted string is interpolated with the values of each evaluation (parsed once, rendered each time)', () => {
    expect(render('#set($all = [])#foreach($x in ["a", "b"])$util.qr($all.add("$x::$velocityCount"))#end$all')).toBe('[a::1, b::2]');
    expect(render('#set($x = "c")#set($y = "#keyCount$x")$y')).toBe('#keyCountc');
  });
  test('#foreach gives $velocityCount, $foreach.index, $foreach.hasNext', () => {
    expect(render('#foreach($x in ["a", "b", "c"])$velocityCount$foreach.index$x#if($foreach.hasNext),#end#end')).toBe('10a,21b,32c');
  });
  test('#break leaves the loop', () => {
    expect(render('#foreach($i in [1, 2, 3, 4])#if($i == 3)#break#end$i#end')).toBe('12');
  });
  test('#foreach over a range', () => {
    expect(render('#foreach($i in [1..3])$i#end')).toBe('123');
  });
  test('#return(value) ends the template with the value, whatever was rendered before', () => {
    expect(render('{"ignored": true} #if(true)#return({"a": [1]})#end never')).toBe('{"a":[1]}');
  });
  test('#return($util.toJson(x)) ends the template with x itself, not with its JSON text as a string', () => {
    expect(render('#return($util.toJson({"a": [1]}))')).toBe('{"a":[1]}');
    expect(render('#return($util.toJson(null))')).toBe('null');
  });
  test('#return of a string is that string', () => {
    expect(render('#return("{}")')).toBe('"{}"');
  });
  test('#return without a value ends the template with null', () => {
    expect(render('text #return\nnever')).toBe('null');
  });
  test('#set, #if/#elseif/#else, and ## comments', () => {
    expect(render('#set($n = 2)## a comment\n#if($n == 1)one#elseif($n == 2)two#{else}many#end')).toBe('two');
  });
  test('a template that does not parse is an error naming line and column', () => {
    expect(evaluateMappingTemplate({ template: '{\n  #if($x\n}', context: {} }).error?.message).toMatch(/^Parse error at line \d+, column \d+/);
  });
});
