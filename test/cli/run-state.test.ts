import t from 'tap'
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('exported variables (multi-line too) and the directory carry over to the next step', async (t) => {
  const book = runbookDir(
    [
      '# State',
      '',
      `${fence}bash {#set}`,
      "export GREETING=$'hello\\nsecond line \"quoted\" $dollar'",
      'export EMPTY=',
      'cd sub',
      `${fence}`,
      '',
      `${fence}bash {#use}`,
      'printf "%s|%s|%s\\n" "$GREETING" "${EMPTY-unset}" "$(basename "$PWD")"',
      `${fence}`,
      '',
      `${fence}bash {#unset}`,
      'unset GREETING',
      `${fence}`,
      '',
      `${fence}bash {#after-unset}`,
      'echo "[${GREETING-gone}]"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'sub'))
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('use')?.stdout.text, 'hello\nsecond line "quoted" $dollar||sub\n')
  t.equal(run.results.get('after-unset')?.stdout.text, '[gone]\n')
  t.same(run.results.get('set')?.captures, {GREETING: 'hello\nsecond line "quoted" $dollar', EMPTY: ''})
})

t.test('env= is for one step only; cwd= is relative to the runbook and does not move the session', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#one env="MODE=fast LEVEL=3" cwd=sub}`,
      'echo "$MODE $LEVEL $(basename "$PWD")"',
      `${fence}`,
      '',
      `${fence}bash {#two}`,
      'echo "[${MODE-none}] $(basename "$PWD")"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'sub'))
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('one')?.stdout.text, 'fast 3 sub\n')
  t.equal(run.results.get('two')?.stdout.text, `[none] ${path.basename(book.dir)}\n`)
})

t.test('exit=, allow-failure and contains= decide pass and fail', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#expected-three exit=3}`,
      'exit 3',
      `${fence}`,
      '',
      `${fence}bash {#allowed allow-failure}`,
      'exit 1',
      `${fence}`,
      '',
      `${fence}bash {#has-text contains="ready"}`,
      'echo "server ready"',
      `${fence}`,
      '',
      `${fence}bash {#lacks-text contains="ready" needs=}`,
      'echo "starting"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 1, 'a failed step fails the run')
  t.equal(run.results.get('expected-three')?.status, 'passed')
  t.equal(run.results.get('allowed')?.status, 'failed')
  t.equal(run.results.get('allowed')?.allowedFailure, true)
  t.equal(run.results.get('has-text')?.status, 'passed', 'dependants of an allowed failure run')
  t.equal(run.results.get('lacks-text')?.status, 'failed')
  t.match(run.results.get('lacks-text')?.reason, /does not contain "ready"/)
})

t.test('{expect} blocks, console transcripts, node and python runners', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#count}`,
      'export N=3',
      'seq 1 $N',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      '1',
      '...',
      '<int>',
      `${fence}`,
      '',
      `${fence}console {#session}`,
      '$ export WORD=carried',
      '$ echo $WORD; false',
      'carried',
      '[1]',
      `${fence}`,
      '',
      `${fence}node {#js}`,
      'console.log(process.env.N * 2)',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      '6',
      `${fence}`,
      '',
      `${fence}python {#py}`,
      'import os; print(os.environ["WORD"].upper())',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      'CARRIED',
      `${fence}`,
      '',
      `${fence}bash {#wrong needs=}`,
      'echo actual',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      'expected',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.results.get('count')?.status, 'passed')
  t.equal(run.results.get('session')?.status, 'passed', JSON.stringify(run.results.get('session')))
  t.equal(run.results.get('js')?.status, 'passed', JSON.stringify(run.results.get('js')?.reason))
  t.equal(run.results.get('py')?.status, 'passed', JSON.stringify(run.results.get('py')?.reason))
  t.equal(run.results.get('wrong')?.status, 'failed')
  t.equal(run.results.get('wrong')?.expectationFailures.length, 1)
  t.equal(run.code, 1)
})
