// `--resume` through the CLI: a fail → fix → resume → resume cycle never repeats a passed step.
import t from 'tap'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('a second --resume does not re-run steps that passed before the first', async (t) => {
  // Each step appends its id to ran.log, so the log shows every execution.
  const book = runbookDir(
    [
      `${fence}bash {#one}`,
      'echo one >> ran.log',
      `${fence}`,
      '',
      `${fence}bash {#two}`,
      'echo two >> ran.log',
      'test -f fixed',
      `${fence}`,
      '',
      `${fence}bash {#three}`,
      'echo three >> ran.log',
      'test -f fixed-too',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const log = () => readFileSync(path.join(book.dir, 'ran.log'), 'utf8').trim().split('\n')
  const first = await runJson(book.file, ['--evidence', 'ev'])
  t.equal(first.code, 1)
  t.same(log(), ['one', 'two'])

  writeFileSync(path.join(book.dir, 'fixed'), '')
  const second = await runJson(book.file, ['--evidence', 'ev', '--resume'])
  t.equal(second.code, 1, 'three still fails')
  t.same(log(), ['one', 'two', 'two', 'three'], 'one was not repeated')
  t.equal(second.results.get('one')?.status, 'skipped')

  writeFileSync(path.join(book.dir, 'fixed-too'), '')
  const third = await runJson(book.file, ['--evidence', 'ev', '--resume'])
  t.equal(third.code, 0, third.stderr)
  t.same(log(), ['one', 'two', 'two', 'three', 'three'], 'only the step that failed last time ran again')
  t.equal(third.results.get('one')?.status, 'skipped')
  t.equal(third.results.get('two')?.status, 'skipped')
  t.match(third.results.get('one')?.reason, /passed in an earlier run/)

  const fourth = await runJson(book.file, ['--evidence', 'ev', '--resume'])
  t.equal(fourth.code, 0)
  t.same(log(), ['one', 'two', 'two', 'three', 'three'], 'a resume after everything passed runs nothing')
})

t.test('--resume with no earlier run in the evidence folder warns and runs every step', async (t) => {
  const book = runbookDir([`${fence}bash {#one}`, 'echo one', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runJson(book.file, ['--evidence', 'never-written', '--resume'])
  t.equal(run.code, 0, run.stderr)
  t.match(run.stderr, /warning: --resume: no earlier run recorded in never-written/)
  t.equal(run.results.get('one')?.status, 'passed')
})
