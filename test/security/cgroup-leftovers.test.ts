// A step that leaves a process running on purpose keeps its cgroup when its run ends; once that
// process is gone the empty folder would stay for good. The next run (and `runbook cleanup`)
// removes the empty cgroups of finished runs, and keeps one that still holds a process, and one
// made in the last minute (a run recorded elsewhere may be about to use it).
import t from 'tap'
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, rmdirSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {cgroupBase} from '../../lib/run/cgroup.js'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'
const base = cgroupBase()

t.test('the empty cgroups of finished runs go; a populated or a fresh one stays', {skip: base ? false : 'no writable cgroup v2 here'}, async (t) => {
  const id = `rb-${Date.now().toString(36)}-${process.pid.toString(16).padStart(10, '0')}`
  const folder = (name: string) => path.join(base!, `runbook-${id}-${name}`)
  const hourAgo = (Date.now() - 3600_000) / 1000
  const empty = folder('done')
  const fresh = folder('fresh')
  const held = folder('daemon')
  for (const dir of [empty, fresh, held]) mkdirSync(dir)
  // A runbook run by one of that run's steps made its own steps' cgroups inside the step's.
  const nested = path.join(empty, `runbook-${id}x-inner`)
  mkdirSync(nested)
  utimesSync(empty, hourAgo, hourAgo)
  utimesSync(held, hourAgo, hourAgo)
  // A process left in its step's cgroup, as a daemon a step started on purpose would be.
  const daemon = spawn('sleep', ['300'], {stdio: 'ignore'})
  t.teardown(() => {
    daemon.kill('SIGKILL')
    daemon.once('exit', () => {
      for (const dir of [nested, empty, fresh, held]) {
        try {
          rmdirSync(dir)
        } catch {
          // gone already
        }
      }
    })
  })
  writeFileSync(path.join(held, 'cgroup.procs'), String(daemon.pid))
  const book = runbookDir(`# Next run\n\n${fence}bash {#a}\necho next\n${fence}\n`)
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--reporter', 'plain'], {cwd: book.dir})
  t.equal(run.code, 0, run.stderr)
  t.notOk(existsSync(empty), 'the empty cgroup of a finished run is removed, with the empty ones inside it')
  t.ok(existsSync(held), 'a cgroup that still holds a process stays')
  t.ok(existsSync(fresh), 'a cgroup made in the last minute stays')
  mkdirSync(empty)
  utimesSync(empty, hourAgo, hourAgo)
  const cleanup = await runCli(['cleanup'])
  t.equal(cleanup.code, 0, cleanup.stderr)
  t.notOk(existsSync(empty), '`runbook cleanup` removes it too')
})
