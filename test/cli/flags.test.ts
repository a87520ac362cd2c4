import t from 'tap'
import {parseEnvFile} from '../../lib/cli/env-file.js'
import {parseSetFlags} from '../../lib/cli/set-flags.js'

t.test('env files: comments, export, quotes and inline comments', async (t) => {
  const values = parseEnvFile(
    ['# staging', 'export A=1', 'B = "two words"', "C='single # kept'", 'D=x # note', 'E="line\\nbreak"', '', 'F='].join('\n'),
  )
  t.same(values, {A: '1', B: 'two words', C: 'single # kept', D: 'x', E: 'line\nbreak', F: ''})
})

t.test('env files: a malformed line names file and line', async (t) => {
  t.throws(() => parseEnvFile('A=1\nnot a pair\n', 'staging.env'), {
    code: 'RUNBOOK_ERR_USAGE',
    message: /staging\.env:2:1: expected KEY=VALUE/,
  })
})

t.test('env files: a quoted value may span lines', async (t) => {
  t.same(parseEnvFile('KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1\n'), {KEY: '-----BEGIN-----\nabc\n-----END-----', NEXT: '1'})
})

t.test('--set keeps the value as data, split at the first =', async (t) => {
  t.same(parseSetFlags(['X="; touch pwned #', 'URL=http://h/?a=b']), {X: '"; touch pwned #', URL: 'http://h/?a=b'})
})

t.test('--set rejects a flag without a variable name', async (t) => {
  t.throws(() => parseSetFlags(['=1']), {code: 'RUNBOOK_ERR_USAGE'})
  t.throws(() => parseSetFlags(['1X=1']), {code: 'RUNBOOK_ERR_USAGE'})
  t.throws(() => parseSetFlags(['NOEQUALS']), {code: 'RUNBOOK_ERR_USAGE'})
})
