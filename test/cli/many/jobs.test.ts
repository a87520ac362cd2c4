import t from 'tap'
import {existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {killMarked, marker, processesWith, startCli, waitFor} from '../../helpers/run.js'
import {tree} from '../../helpers/many-files.js'

const fence = '```'

// A runbook whose `work` step marks that it started and then waits, and whose `always` step marks its cleanup.
function slowBook(name: string, marks: string, mark: string): string {
  return [
    `# ${name}`,
    '',
    `${fence}bash {#work}`,
    `touch "${marks}/started-${name}"`,
    `exec -a ${mark}-${name} sleep 300`,
    fence,
    '',
    `${fence}bash {#cleanup always}`,
    `touch "${marks}/cleanup-${name}"`,
    fence,
    '',
  ].join('\n')
}

t.test('--jobs 2 runs two of four files at once; SIGINT stops both, runs their always steps, starts no more, leaves nothing behind', async (t) => {
  const mark = marker('jobs')
  t.teardown(() => killMarked(mark))
  const repo = tree({})
  t.teardown(repo.cleanup)
  const marks = path.join(repo.dir, 'marks')
  mkdirSync(marks)
  mkdirSync(path.join(repo.dir, 'docs'))
  for (const name of ['w1', 'w2', 'w3', 'w4']) writeFileSync(path.join(repo.dir, 'docs', `${name}.md`), slowBook(name, marks, mark))
  const cli = startCli(['run', 'docs', '--jobs', '2', '--reporter', 'json'], {cwd: repo.dir})
  await waitFor(() => readdirSync(marks).filter((f) => f.startsWith('started-')).length === 2 && processesWith(mark).length === 2, 30_000, 'two files to be running')
  t.same(readdirSync(marks).sort(), ['started-w1', 'started-w2'], 'the first two files run together, the others wait')
  cli.child.kill('SIGINT')
  const done = await cli.done
  t.equal(done.code, 130, done.stderr)
  t.ok(existsSync(path.join(marks, 'cleanup-w1')) && existsSync(path.join(marks, 'cleanup-w2')), 'both always steps ran')
  t.notOk(existsSync(path.join(marks, 'started-w3')) || existsSync(path.join(marks, 'started-w4')), 'no new file started after the interrupt')
  const events = done.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; file: string; reason?: string; exitCode?: number})
  t.same(events.filter((e) => e.type === 'file:end').map((e) => [e.file, e.exitCode]).sort(), [['docs/w1.md', 130], ['docs/w2.md', 130]])
  t.same(events.filter((e) => e.type === 'file:skip').map((e) => [e.file, e.reason]), [['docs/w3.md', 'not run (interrupted)'], ['docs/w4.md', 'not run (interrupted)']])
  t.same(processesWith(mark), [], 'no process is left behind')
})
