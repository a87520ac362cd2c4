// One remote shell per host for the whole run: a host's steps run in children of the same remote
// bash (their $$, which a subshell inherits; $PPID would be sshd's), each host has its own; a step
// that ends with `exit`, replaces itself with `exec`, or kills the shell does not stop the host's
// next step (a new shell is opened), and a step that dies with its shell fails with a clear reason.
// Steps that run at once on one host (`concurrency`) share it out: one on the shell, the others in
// sessions of their own. Through the CLI against a real loopback sshd.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 2})

interface HostEnd {
  type: string
  stepId?: string
  host?: string
  result?: {status: string; exitCode: number | null; reason?: string; stdout: {head: string}}
}

function fleetDoc(steps: Array<[id: string, attributes: string, code: string]>, front = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-ssh-shell-'))
  const file = path.join(dir, 'RUNBOOK.md')
  const body = steps.map(([id, attributes, code]) => ['```bash {#' + id + ' on=web' + (attributes ? ` ${attributes}` : '') + '}', code, '```', ''].join('\n'))
  writeFileSync(file, ['---', 'runbook:', ...(front ? [front] : []), '  targets:', '    web:', `      ssh: [${sshd.hosts.map((h) => `"${h}"`).join(', ')}]`, '---', '', '# Shell', '', ...body].join('\n'))
  return file
}

async function hostEnds(file: string): Promise<{code: number | null; ends: HostEnd[]; text: string}> {
  const run = await runCli(['run', file, '--reporter', 'json'], {env: sshd.env})
  const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as HostEnd)
  return {code: run.code, ends: events.filter((event) => event.type === 'host:end'), text: run.stdout + run.stderr}
}

function end(ends: HostEnd[], stepId: string, host: string): HostEnd['result'] {
  return ends.find((event) => event.stepId === stepId && event.host === host)!.result!
}

const shellOf = (result: HostEnd['result']) => /shell=(\d+)/.exec(result!.stdout.head)?.[1]

t.test('a host’s steps share one remote shell; each host has its own', async (t) => {
  const file = fleetDoc([
    ['one', '', 'echo "shell=$$"'],
    ['two', '', 'echo "shell=$$"'],
    ['three', '', 'echo "shell=$$"'],
  ])
  const {code, ends, text} = await hostEnds(file)
  t.equal(code, 0, 'the run exits 0') || t.comment(text.slice(-3000))
  const shells = sshd.addresses.map((host) => ['one', 'two', 'three'].map((step) => shellOf(end(ends, step, host))))
  for (const [i, host] of sshd.addresses.entries()) {
    t.ok(shells[i]![0], `${host} reports its shell`)
    t.same(new Set(shells[i]).size, 1, `${host}: the three steps ran in children of one shell`)
  }
  t.not(shells[0]![0], shells[1]![0], 'two hosts, two shells')
})

t.test('exit, exec and a killed shell: the next step on the host still runs', async (t) => {
  const file = fleetDoc([
    ['first', '', 'kept=1; echo "shell=$$"'],
    ['leave', 'allow-failure', 'kept=2; exit 3'],
    ['after-exit', '', 'echo "shell=$$ kept=$kept"'],
    ['replace', '', 'exec true'],
    ['after-exec', '', 'echo "shell=$$ kept=$kept"'],
    ['kill-both', 'allow-failure', 'kept=3; kill -9 "$$" "$BASHPID"'],
    ['after-kill', '', 'echo "shell=$$ kept=$kept"'],
  ])
  const {code, ends, text} = await hostEnds(file)
  t.equal(code, 0, 'the run exits 0') || t.comment(text.slice(-3000))
  for (const host of sshd.addresses) {
    const first = shellOf(end(ends, 'first', host))
    const leave = end(ends, 'leave', host)!
    t.equal(leave.status, 'failed', `${host}: exit 3 fails the step`)
    t.equal(leave.exitCode, 3, `${host}: with the step's own status`)
    const afterExit = end(ends, 'after-exit', host)!
    t.equal(afterExit.status, 'passed')
    t.match(afterExit.stdout.head, `shell=${first} kept=2`, `${host}: same shell after exit, and the state the exiting step left`)
    t.equal(end(ends, 'replace', host)!.status, 'passed', `${host}: exec true passes`)
    t.match(end(ends, 'after-exec', host)!.stdout.head, `shell=${first} kept=2`, `${host}: same shell after exec`)
    const killed = end(ends, 'kill-both', host)!
    t.equal(killed.status, 'failed', `${host}: a step that dies with its shell fails`)
    t.match(killed.reason, /the host's shell ended during the step/, `${host}: and says why`)
    t.notMatch(killed.reason, /unreachable/, `${host}: the host was reachable`)
    const afterKill = end(ends, 'after-kill', host)!
    t.equal(afterKill.status, 'passed', `${host}: the next step runs on a new shell`)
    const second = shellOf(afterKill)
    t.ok(second && second !== first, `${host}: a new shell (${first} → ${second})`)
    t.match(afterKill.stdout.head, 'kept=2', `${host}: the host’s state from before the lost step`)
  }
})

t.test('steps that run at once on one host: one takes the shell, the others get sessions of their own', async (t) => {
  const file = fleetDoc(
    [
      ['a', 'needs=', 'sleep 0.5; echo "shell=$$ job=$BASHPID"'],
      ['b', 'needs=', 'sleep 0.5; echo "shell=$$ job=$BASHPID"'],
      ['c', 'needs=', 'sleep 0.5; echo "shell=$$ job=$BASHPID"'],
      ['d', 'needs=a,b,c', 'echo "shell=$$ job=$BASHPID"'],
    ],
    '  concurrency: 3',
  )
  const {code, ends, text} = await hostEnds(file)
  t.equal(code, 0, 'the run exits 0') || t.comment(text.slice(-3000))
  const host = sshd.addresses[0]!
  const seen = ['a', 'b', 'c', 'd'].map((step) => /shell=(\d+) job=(\d+)/.exec(end(ends, step, host)!.stdout.head)!.slice(1))
  const onShell = seen.slice(0, 3).filter(([shell, job]) => shell !== job)
  t.equal(onShell.length, 1, 'one of the three ran on the host’s shell')
  t.equal(seen.slice(0, 3).filter(([shell, job]) => shell === job).length, 2, 'the other two in sessions of their own')
  t.not(seen[3]![0], seen[3]![1], 'the next step runs on the shell again')
  t.equal(seen[3]![0], onShell[0]![0], 'the same shell')
})
