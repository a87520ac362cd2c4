import t from 'tap'
import {exitAccepted, matchExpectation} from '../../lib/assert/index.js'
import {expectation} from '../helpers/http-fixtures.js'

const output = {stdout: 'out line\n', stderr: 'warning: careful\n', all: 'out line\nwarning: careful\n'}

t.test('stream=stdout (default) checks stdout only', async (t) => {
  t.same(matchExpectation(expectation('out line'), output, {dir: '.'}), {ok: true})
  t.match(matchExpectation(expectation('warning: careful'), output, {dir: '.'}), {ok: false, actual: 'out line'})
})

t.test('stream=stderr checks stderr', async (t) => {
  t.same(matchExpectation(expectation('warning: <any>', {stream: 'stderr'}), output, {dir: '.'}), {ok: true})
  const failed = matchExpectation(expectation('out line', {stream: 'stderr'}), output, {dir: '.'})
  t.match(failed, {ok: false, message: 'line 1: expected "out line", got "warning: careful"', actual: 'warning: careful'})
})

t.test('stream=all checks both, interleaved', async (t) => {
  t.same(matchExpectation(expectation('out line\nwarning: careful', {stream: 'all'}), output, {dir: '.'}), {ok: true})
  t.notOk(matchExpectation(expectation('warning: careful\nout line', {stream: 'all'}), output, {dir: '.'}).ok, 'order matters')
})

t.test('mode=contains through an expectation', async (t) => {
  t.same(matchExpectation(expectation('careful', {stream: 'all', mode: 'contains'}), {...output, all: 'careful'}, {dir: '.'}), {ok: true})
})

t.test('a failed text expectation carries a diff and the normalised output', async (t) => {
  const failed = matchExpectation(expectation('a\nb'), {stdout: 'a\r\nc\r\n', stderr: '', all: ''}, {dir: '.'})
  t.match(failed, {ok: false, message: 'line 2: expected "b", got "c"', actual: 'a\nc', diff: /-b\n\+c/})
})

t.test('exit codes: lists, nonzero, any; a killed process only passes `any`', async (t) => {
  t.ok(exitAccepted({kind: 'codes', codes: [0]}, 0))
  t.notOk(exitAccepted({kind: 'codes', codes: [0]}, 1))
  t.ok(exitAccepted({kind: 'codes', codes: [0, 1]}, 1))
  t.ok(exitAccepted({kind: 'nonzero'}, 3))
  t.notOk(exitAccepted({kind: 'nonzero'}, 0))
  t.notOk(exitAccepted({kind: 'nonzero'}, null))
  t.ok(exitAccepted({kind: 'any'}, null))
  t.notOk(exitAccepted({kind: 'codes', codes: [0]}, null))
})
