import t from 'tap'
import {matchExpectation, matchJson} from '../../lib/assert/index.js'
import {expectation} from '../helpers/http-fixtures.js'

const uuid = '123e4567-e89b-12d3-a456-426614174000'
const jsonExpect = (body: string, extra = {}) => expectation(body, {kind: 'json', lang: 'json', ...extra})
// The failed result of a match; a passing one makes the test fail here instead of skipping asserts.
function failure(result: ReturnType<typeof run>): {diff?: string; message: string} {
  if (result.ok) throw new Error('expected the match to fail')
  return result
}
const run = (body: string, stdout: string, extra = {}) => matchExpectation(jsonExpect(body, extra), {stdout, stderr: '', all: stdout}, {dir: '.'})

t.test('subset: every expected key must match, extra keys are allowed', async (t) => {
  t.ok(matchJson({status: 'ok'}, {status: 'ok', version: '1.2'}).ok)
  t.ok(matchJson({a: {b: 1}}, {a: {b: 1, c: 2}, d: 3}).ok, 'nested objects too')
  t.same(matchJson({status: 'ok'}, {status: 'down'}), {ok: false, path: '$.status', message: '$.status: expected "ok", got "down"'})
  t.same(matchJson({error: {code: 'DUPLICATE'}}, {error: {code: 'CONFLICT'}}), {ok: false, path: '$.error.code', message: '$.error.code: expected "DUPLICATE", got "CONFLICT"'})
  t.match(matchJson({a: {b: 1}}, {a: {}}), {ok: false, message: '$.a.b: missing (expected 1)'})
  t.match(matchJson({'content-type': 'x'}, {'content-type': 'y'}), {message: /^\$\['content-type'\]: /}, 'odd keys in bracket notation')
})

t.test('strict: no extra keys, at any depth', async (t) => {
  t.ok(matchJson({a: 1}, {a: 1}, {strict: true}).ok)
  t.match(matchJson({a: 1}, {a: 1, b: 2}, {strict: true}), {ok: false, message: '$.b: unexpected key (strict), got 2'})
  t.match(matchJson({a: {b: 1}}, {a: {b: 1, c: 2}}, {strict: true}), {ok: false, path: '$.a.c'})
  t.notOk(run('{"a": 1}', '{"a": 1, "b": 2}', {strict: true}).ok, 'through {expect strict}')
})

t.test('arrays: same length unless the last expected element is "..."', async (t) => {
  t.ok(matchJson([1, 2], [1, 2]).ok)
  t.match(matchJson([1, 2], [1, 2, 3]), {ok: false, path: '$', message: '$: expected 2 elements, got 3'})
  t.match(matchJson([1, 2, 3], [1, 2]), {ok: false})
  t.ok(matchJson([1, '...'], [1, 2, 3]).ok, 'open array: more elements allowed')
  t.ok(matchJson([1, '...'], [1]).ok, 'zero more elements')
  t.match(matchJson([1, 2, '...'], [1]), {ok: false, message: '$: expected at least 2 elements, got 1'})
  t.match(matchJson({items: [{id: 1}, '...']}, {items: [{id: 2}]}), {ok: false, path: '$.items[0].id'})
  t.match(matchJson([1], {0: 1}), {ok: false, message: '$: expected an array, got {"0":1}'})
})

t.test('placeholder strings', async (t) => {
  t.ok(matchJson({id: '<uuid>'}, {id: uuid}).ok)
  t.match(matchJson({id: '<uuid>'}, {id: 'nope'}), {ok: false, message: '$.id: expected <uuid>, got "nope"'})
  t.ok(matchJson({n: '<int>'}, {n: 42}).ok, 'numbers are matched by their text')
  t.notOk(matchJson({n: '<int>'}, {n: 4.2}).ok)
  t.ok(matchJson({n: '<number>'}, {n: 4.2}).ok)
  t.ok(matchJson({data: '<any>'}, {data: {deep: [1, 2]}}).ok, '<any> matches any value')
  t.ok(matchJson({at: '<timestamp>'}, {at: '2026-11-23T12:25:48Z'}).ok)
  t.ok(matchJson({ref: 'req-<int>'}, {ref: 'req-17'}).ok, 'placeholders inside a string')
  t.notOk(matchJson({tag: '<word>'}, {tag: 'x'}).ok, 'other <words> are literal')
  t.ok(matchJson({tag: '<word>'}, {tag: '<word>'}).ok)
})

t.test('numbers, booleans and null are exact', async (t) => {
  t.ok(matchJson({n: 1, b: true, z: null}, {n: 1, b: true, z: null}).ok)
  t.match(matchJson({n: 1}, {n: '1'}), {ok: false, message: '$.n: expected 1, got "1"'})
  t.notOk(matchJson({b: true}, {b: 'true'}).ok)
  t.notOk(matchJson({z: null}, {z: 0}).ok)
  t.notOk(matchJson({n: 1}, {n: 1.0000001}).ok)
})

t.test('through matchExpectation: a readable failure with the path and a diff', async (t) => {
  const result = run('{"status": "ok", "request_id": "<uuid>", "error": {"code": "DUPLICATE"}}', JSON.stringify({error: {code: 'CONFLICT'}, request_id: uuid, status: 'ok'}))
  t.match(result, {ok: false, message: '$.error.code: expected "DUPLICATE", got "CONFLICT"'})
  const failed = failure(result)
  t.match(failed.diff, /-\s+"code": "DUPLICATE"\n\+\s+"code": "CONFLICT"/)
  t.match(failed.diff, /\n {3}"request_id": "<uuid>"\n/, 'matched placeholder lines are context')
  t.ok(run('{"status": "ok"}', '\ufeff{"status":"ok"}\n').ok, 'BOM and whitespace around the body')
})

t.test('unparseable output is a clear failure; a broken expected block too', async (t) => {
  t.match(run('{"a": 1}', 'Internal Server Error'), {ok: false, message: /^the output is not valid JSON \(.*\); it starts with "Internal Server Error"$/})
  t.match(run('{"a": 1}', ''), {ok: false, message: 'expected JSON, but the output is empty'})
  t.match(run('{"a": 1,}', '{"a": 1}'), {ok: false, message: /^the expected JSON is not valid JSON: /})
})

t.test('the JSON diff leaves out keys a non-strict pattern does not mention', async (t) => {
  const loose = run('{"status": "ok"}', JSON.stringify({status: 'down', detail: 'db unreachable'}))
  t.notOk(loose.ok)
  t.notMatch(failure(loose).diff, /detail/)
  const strict = run('{"status": "down"}', JSON.stringify({status: 'down', detail: 'db unreachable'}), {strict: true})
  t.notOk(strict.ok, 'strict matching fails on the extra key')
  t.match(failure(strict).diff, /\+ {2}"detail": "db unreachable"/)
})
