// Finding 6 of issue 12: no hang, no unbounded read. `cwd=` naming a file fails the step clearly;
// `schema=` naming a device or FIFO is refused; bad --out and --evidence stop the run (exit 2)
// before any step runs.
import t from 'tap'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('cwd= naming a regular file fails the step with a clear reason, in every runner and mode', async (t) => {
  const dir = runbookDir(
    [
      '# Cwd',
      '',
      `${fence}bash {#exec-step cwd=notes.txt allow-failure}`,
      'exec echo never',
      fence,
      '',
      `${fence}python {#python-step cwd=notes.txt allow-failure}`,
      'print("never")',
      fence,
      '',
      `${fence}bash {#plain-step cwd=notes.txt allow-failure}`,
      'echo never',
      fence,
      '',
    ].join('\n'),
    {'notes.txt': 'a file, not a folder\n'},
  )
  t.teardown(dir.cleanup)
  for (const args of [[], ['--concurrency', '2']]) {
    const run = await runJson(dir.file, args, {timeoutMs: 60_000})
    t.equal(run.code, 0, `${args.join(' ')}: allowed failures only ${run.stderr}`)
    for (const id of ['exec-step', 'python-step', 'plain-step']) {
      t.equal(run.results.get(id)?.status, 'failed', `${id} ${args.join(' ')}`)
      t.match(run.results.get(id)?.reason, /cwd="notes\.txt" is not a folder/, `${id} says why`)
    }
  }
})

t.test('schema= naming a device or a FIFO is refused at once', async (t) => {
  const dir = runbookDir('')
  t.teardown(dir.cleanup)
  execFileSync('mkfifo', [path.join(dir.dir, 'pipe.json')])
  for (const [schema, kind] of [['/dev/zero', 'a character device'], ['/dev/urandom', 'a character device'], ['pipe.json', 'a FIFO']] as const) {
    const file = path.join(dir.dir, 'schema.md')
    const doc = ['# Schema', '', `${fence}bash {#health}`, `echo '{"ok": true}'`, fence, '', `${fence}json {expect schema=${schema}}`, fence, ''].join('\n')
    ;(await import('node:fs')).writeFileSync(file, doc)
    // Found before the run (a schema= file is checked with the runbook), through the capped reader.
    const run = await runJson(file, [], {timeoutMs: 30_000})
    t.equal(run.code, 2, schema)
    t.match(run.stderr, `error: Schema file \`${schema}\` cannot be read: not a regular file (${kind})`)
    t.match(run.stderr, /schema\.md:7:\d+: error/)
    t.notOk(run.results.has('health'), 'no step ran')
  }
})

t.test('a bad --out or --evidence stops the run before any step, exit 2', async (t) => {
  const dir = runbookDir(['# Paths', '', `${fence}bash {#first}`, 'touch ran', fence, ''].join('\n'))
  t.teardown(dir.cleanup)
  const cases = [
    [['--out', 'missing/dir/out.md'], /--out missing\/dir\/out\.md: the folder .* does not exist/],
    [['--evidence', '/proc/x'], /--evidence .*: cannot create \/proc\/x/],
    [['--evidence', 'runbook.md/ev'], /--evidence .*runbook\.md exists and is not a folder/],
  ] as const
  for (const [args, message] of cases) {
    const run = await runCli(['run', dir.file, ...args], {cwd: dir.dir, timeoutMs: 30_000})
    t.equal(run.code, 2, args.join(' '))
    t.match(run.stderr, message)
    t.notOk(existsSync(path.join(dir.dir, 'ran')), `${args.join(' ')}: no step ran`)
  }
})
