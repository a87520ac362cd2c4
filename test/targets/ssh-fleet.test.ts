// serial and max-fail through the CLI (SPEC §13): an unreachable host fails that host with ssh's
// message; a batch that breaks max-fail stops the batches after it and names the untouched hosts.
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 3})
// Loopback, but nothing listens there: the connection is refused.
const unreachable = `root@127.0.0.9:${sshd.port}`

function fleet(hosts: string[], extra: string, code: string): {file: string; dir: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-ssh-fleet-'))
  const file = path.join(dir, 'RUNBOOK.md')
  writeFileSync(
    file,
    ['---', 'runbook:', '  targets:', '    web:', `      ssh: [${hosts.map((h) => `"${h}"`).join(', ')}]`, ...extra.split('\n').filter(Boolean).map((line) => `      ${line}`), '---', '', '# Fleet', '', '```bash {#check on=web}', code, '```', ''].join('\n'),
  )
  return {file, dir}
}

t.test('three hosts, one unreachable: max-fail 1 passes', async (t) => {
  const {file} = fleet([sshd.hosts[0]!, sshd.hosts[1]!, unreachable], 'max-fail: 1', 'echo up')
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: sshd.env})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /✓ check@127\.0\.0\.1/)
  t.match(run.stdout, /✓ check@127\.0\.0\.2/)
  t.match(run.stdout, /✗ check@127\.0\.0\.9 — unreachable: .*Connection refused/)
})

t.test('the same with max-fail 0 fails, naming the host and ssh’s message', async (t) => {
  const {file} = fleet([sshd.hosts[0]!, sshd.hosts[1]!, unreachable], 'max-fail: 0', 'echo up')
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: sshd.env})
  t.equal(run.code, 1, run.stdout + run.stderr)
  t.match(run.stdout, /✗ check — 1 of 3 hosts failed \(max-fail 0\): 127\.0\.0\.9: unreachable: .*Connection refused/)
})

t.test('serial 1: a failure on the first host leaves the others untouched, and the report says so', async (t) => {
  const mark = path.join(mkdtempSync(path.join(tmpdir(), 'runbook-ssh-mark-')), 'touched')
  const {file} = fleet(sshd.hosts, 'serial: 1', `touch "${mark}.$(echo "$SSH_CONNECTION" | cut -d" " -f3)"\n[ "$(echo "$SSH_CONNECTION" | cut -d" " -f3)" != 127.0.0.1 ]`)
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: sshd.env})
  t.equal(run.code, 1, run.stdout + run.stderr)
  t.ok(existsSync(`${mark}.127.0.0.1`), 'host 1 ran')
  t.notOk(existsSync(`${mark}.127.0.0.2`), 'host 2 was never touched')
  t.notOk(existsSync(`${mark}.127.0.0.3`), 'host 3 was never touched')
  t.match(run.stdout, /✗ check@127\.0\.0\.1 — exit code 1/)
  t.match(run.stdout, /- check@127\.0\.0\.2 \(not run: never touched/)
  t.match(run.stdout, /- check@127\.0\.0\.3 \(not run: never touched/)
  t.match(run.stdout, /untouched: 127\.0\.0\.2, 127\.0\.0\.3/)
  const tap = await runCli(['run', file, '--reporter', 'tap'], {env: sshd.env})
  t.match(tap.stdout, /not ok 1 - check@127\.0\.0\.1/)
  t.match(tap.stdout, /ok 2 - check@127\.0\.0\.2 # SKIP not run/)
  t.match(tap.stdout, /1\.\.3/)
})

t.test('a host whose job leaves a child on the channel is stopped alone: the other hosts of the step go on', async (t) => {
  // Host 1 ends its job but leaves `sleep` holding the channel, so runbook stops that host's client
  // soon after its state comes back. Host 2 is still running then (it waits for host 1 to finish,
  // then works on): stopping host 1 must not reach host 2's client.
  const mark = path.join(mkdtempSync(path.join(tmpdir(), 'runbook-ssh-linger-')), 'host1-done')
  const code = [
    'if [ "$(echo "$SSH_CONNECTION" | cut -d" " -f3)" = 127.0.0.1 ]; then',
    `  touch "${mark}"; sleep 5 &`,
    'else',
    `  while [ ! -e "${mark}" ]; do sleep 0.05; done`,
    '  sleep 1.5; echo host-2-finished',
    'fi',
  ].join('\n')
  const {file} = fleet([sshd.hosts[0]!, sshd.hosts[1]!], 'max-fail: 0', code)
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: sshd.env})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /✓ check@127\.0\.0\.2/)
  t.notMatch(run.stdout + run.stderr, /unreachable|SIGKILL|MaxListeners/)
})
