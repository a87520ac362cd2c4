// Finding 4 of issue 12: SIGHUP is a stop like SIGTERM, a second Ctrl-C skips the grace period but
// not the cleanup, the group kill and the cgroup net catch children that dropped their tags, and
// `runbook cleanup` (or the next run) sweeps what a SIGKILLed runner left.
import t from 'tap'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {killMarked, marker, processesWith, runbookDir, runJson, startCli, waitFor} from '../helpers/run.js'

const fence = '```'

// A runbook whose `slow` step starts children and waits; `started` appears once they all run.
function book(mark: string, children: string, options = ''): string {
  return [
    '# Signals',
    '',
    `${fence}bash {#slow${options}}`,
    children,
    `touch started; bash -c "exec -a ${mark}-main sleep 300"`,
    fence,
    '',
    `${fence}bash {#teardown always}`,
    'echo cleaned > teardown.txt',
    fence,
    '',
  ].join('\n')
}

for (const mode of ['session', 'spawn']) {
  const env: Record<string, string> = mode === 'spawn' ? {RUNBOOK_NO_SESSION: '1'} : {}

  t.test(`${mode}: SIGHUP runs the always step, reports, cleans up and exits 129`, async (t) => {
    const mark = marker('hup')
    t.teardown(() => killMarked(mark))
    const dir = runbookDir(book(mark, `bash -c "exec -a ${mark} sleep 301" &`))
    t.teardown(dir.cleanup)
    const run = startCli(['run', dir.file, '--reporter', 'json', '--evidence', 'ev'], {cwd: dir.dir, env})
    await waitFor(() => existsSync(path.join(dir.dir, 'started')), 30_000, 'the slow step')
    run.child.kill('SIGHUP')
    const done = await run.done
    t.equal(done.code, 129, done.stderr)
    t.ok(existsSync(path.join(dir.dir, 'teardown.txt')), 'the always step ran')
    t.match(done.stdout, /"type":"run:end".*"interrupted":"SIGHUP"/, 'the report was written')
    t.match(JSON.parse(readFileSync(path.join(dir.dir, 'ev', 'manifest.json'), 'utf8')), {interrupted: 'SIGHUP'})
    t.same(processesWith(mark), [], 'no process left')
  })

  t.test(`${mode}: a second Ctrl-C skips the grace period, not the cleanup`, async (t) => {
    const mark = marker('int2')
    t.teardown(() => killMarked(mark))
    // Children that ignore SIGTERM would outlive a runner that left at the second Ctrl-C.
    const dir = runbookDir(book(mark, `bash -c 'trap "" TERM; exec -a ${mark} sleep 302' &\nbash -c "trap '' TERM; exec -a ${mark}-b sleep 303" &`))
    t.teardown(dir.cleanup)
    const run = startCli(['run', dir.file, '--reporter', 'plain'], {cwd: dir.dir, env})
    await waitFor(() => existsSync(path.join(dir.dir, 'started')), 30_000, 'the slow step')
    run.child.kill('SIGINT')
    run.child.kill('SIGINT')
    const done = await run.done
    t.equal(done.code, 130, done.stderr)
    t.ok(existsSync(path.join(dir.dir, 'teardown.txt')), 'the always step ran')
    t.same(processesWith(mark), [], 'no process left')
  })

  t.test(`${mode}: a child that dropped its environment but stayed in the group is killed by the group kill`, async (t) => {
    const mark = marker('envi')
    t.teardown(() => killMarked(mark))
    const dir = runbookDir(book(mark, `env -i bash -c 'exec -a ${mark} sleep 304' &`, ' timeout=3s'))
    t.teardown(dir.cleanup)
    const run = await runJson(dir.file, [], {env: {...env, RUNBOOK_NO_CGROUP: '1'}, timeoutMs: 60_000})
    t.equal(run.results.get('slow')?.status, 'timed-out')
    t.same(processesWith(mark), [], 'the untagged child in the group is gone')
  })

  t.test(`${mode}: a child that dropped its environment and left the session is killed by the cgroup net`, async (t) => {
    const mark = marker('setsid')
    t.teardown(() => killMarked(mark))
    const dir = runbookDir(book(mark, `(env -i setsid bash -c 'exec -a ${mark} sleep 306' &)`, ' timeout=3s'))
    t.teardown(dir.cleanup)
    const run = await runJson(dir.file, [], {env, timeoutMs: 60_000})
    t.equal(run.results.get('slow')?.status, 'timed-out')
    t.same(processesWith(mark), [], 'the child with no tag, group or session of ours is gone')
  })
}

t.test('runbook cleanup sweeps the processes of a runner that was SIGKILLed', async (t) => {
  const mark = marker('kill9')
  t.teardown(() => killMarked(mark))
  const dir = runbookDir(book(mark, `bash -c "exec -a ${mark} sleep 305" &`))
  t.teardown(dir.cleanup)
  // A registry of its own: on a shared machine another user's next run would sweep it first.
  const registry = {XDG_RUNTIME_DIR: path.join(dir.dir, 'xdg')}
  mkdirSync(registry.XDG_RUNTIME_DIR, {mode: 0o700})
  const run = startCli(['run', dir.file, '--reporter', 'plain'], {cwd: dir.dir, env: registry})
  await waitFor(() => existsSync(path.join(dir.dir, 'started')), 30_000, 'the slow step')
  // The background child may still be between its fork and its `exec -a` (not yet named) when
  // `started` appears: wait until it carries the mark.
  await waitFor(() => processesWith(mark).length > 0, 30_000, 'the marked child')
  run.child.kill('SIGKILL')
  await run.done
  t.not(processesWith(mark).length, 0, 'the SIGKILL left processes behind')
  const cleanup = await runCli(['cleanup'], {cwd: dir.dir, env: registry})
  t.equal(cleanup.code, 0, cleanup.stderr)
  t.match(cleanup.stdout, /swept 1 run/)
  t.same(processesWith(mark), [], 'cleanup removed them')
})
