import t from 'tap'
import {execFileSync} from 'node:child_process'
import {parseExportP} from '../../lib/run/export-p.js'
import {OutputCapture, captureLimits} from '../../lib/run/capture.js'
import {nextState} from '../../lib/run/state.js'

t.test('export -p output of real bash reads back exactly, whatever the bytes', async (t) => {
  const values: Record<string, string> = {
    PLAIN: 'hello world',
    QUOTES: `it's "quoted" $HOME \`tick\` back\\slash`,
    LINES: 'one\ntwo\n\nfour\n',
    TABS: 'a\tb\rc\u0001d\u001b[31m',
    UNICODE: 'héllo — 日本 🎉',
    EMPTY: '',
    BACKSLASHES: 'c:\\dir\\new \\\\ \\$x \\" end\\',
  }
  for (const locale of ['C', 'C.UTF-8']) {
    const text = execFileSync('bash', ['-c', 'export -p'], {env: {...values, LC_ALL: locale}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
    const env = parseExportP(text)
    t.ok(env, `${locale}: parsed`)
    for (const [name, value] of Object.entries(values)) t.equal(env![name], value, `${locale}: ${name}`)
  }
})

t.test('export -p: a declared but unset export is left out, garbage is refused', async (t) => {
  t.same(parseExportP('declare -x A="1"\ndeclare -x B\ndeclare -rx C="3"\n'), {A: '1', C: '3'})
  t.equal(parseExportP('this is not export -p output'), undefined)
})

t.test('state after a step: step-only env= values do not leak; unset exports disappear', async (t) => {
  const before = {cwd: '/a', env: {KEEP: '1', GONE: '2', MODE: 'slow'}}
  const after = {cwd: '/a', env: {KEEP: '1', MODE: 'fast', NEW: '3', RUNBOOK_STEP_ID: 'x'}}
  t.same(nextState(before, after, {MODE: 'fast'}), {cwd: '/a', env: {KEEP: '1', MODE: 'slow', NEW: '3', PWD: '/a'}})
  t.same(nextState(before, undefined, {}), before, 'no state written (exec, kill -9): the session is unchanged')
  t.equal(nextState(before, {cwd: '/a/sub', env: {}}, {}, '/a/sub').cwd, '/a', 'a cwd= step that did not cd leaves the session')
  t.equal(nextState(before, {cwd: '/elsewhere', env: {}}, {}, '/a/sub').cwd, '/elsewhere', 'a cwd= step that did cd moves it')
})

t.test('captured output is bounded: head and tail lines, the whole text only when small', async (t) => {
  const small = new OutputCapture()
  small.write('a\nb')
  small.write('\nc\n')
  t.same(small.done(), {head: 'a\nb\nc\n', tail: '', omittedLines: 0, totalBytes: 6, text: 'a\nb\nc\n'})

  const big = new OutputCapture()
  const line = `${'x'.repeat(1023)}\n`
  const lines = Math.ceil((captureLimits.textBytes + 1) / line.length) + 10
  for (let i = 0; i < lines; i++) big.write(i === lines - 1 ? `last\n` : line)
  const done = big.done()
  t.equal(done.text, undefined, 'the whole text is not kept')
  t.equal(done.head.split('\n').length - 1, captureLimits.headLines)
  t.ok(done.tail.endsWith('last\n'))
  t.equal(done.omittedLines, lines - captureLimits.headLines - captureLimits.tailLines)
  t.equal(done.totalBytes, (lines - 1) * line.length + 5)
})

t.test('shell-options split into one `set` per option, for shells that lack some (dash: pipefail)', async (t) => {
  const {optionUnits} = await import('../../lib/run/state.js')
  t.same(optionUnits('-e -o pipefail'), ['-e', '-o pipefail'])
  t.same(optionUnits('-euo pipefail'), ['-e', '-u', '-o pipefail'])
  t.same(optionUnits('  +e  -x '), ['+e', '-x'])
  t.same(optionUnits(''), [])
})

t.test('declare -p records: scalars, arrays, multi-line values, and the same line twice', async (t) => {
  const {parseDeclareP} = await import('../../lib/run/export-p.js')
  const text = 'declare -- A="1"\ndeclare -a L=([0]="x" [1]=$\'y\\nz\')\ndeclare -x M="two\nlines"\ndeclare -- U\n'
  for (let round = 0; round < 2; round++) {
    const records = parseDeclareP(text)
    t.same(records?.map((r) => [r.flags, r.name, r.value]), [['-', 'A', '1'], ['a', 'L', undefined], ['x', 'M', 'two\nlines'], ['-', 'U', undefined]])
    t.equal(records?.[1]?.raw, 'declare -a L=([0]="x" [1]=$\'y\\nz\')')
  }
})
