// ssh targets through the CLI against a real loopback sshd: per-host state, per-host results.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 2})

function doc(body: string, front: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-ssh-state-'))
  const file = path.join(dir, 'RUNBOOK.md')
  writeFileSync(file, `---\nrunbook:\n${front}---\n\n# Fleet\n\n${body}`)
  return file
}

const fleet = `  targets:\n    web:\n      ssh: [${sshd.hosts.map((h) => `"${h.replace(String(sshd.port), "${SSHD_PORT}")}"`).join(", ")}]\n`

t.test('variables, functions and the directory carry between one host’s steps', async (t) => {
  const file = doc(
    [
      '```bash {#set on=web}',
      'cd /tmp',
      'seen=$(echo "$SSH_CONNECTION" | cut -d" " -f3)',
      'export EXPORTED=yes',
      'greet() { echo "hello from $1"; }',
      '```',
      '',
      '```bash {#use on=web}',
      'echo "pwd=$PWD exported=$EXPORTED"',
      'greet "$seen"',
      '```',
      '',
    ].join('\n'),
    fleet,
  )
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: sshd.env})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /✓ use@127\.0\.0\.1/)
  t.match(run.stdout, /✓ use@127\.0\.0\.2/)
  const json = await runCli(['run', file, '--reporter', 'json'], {env: sshd.env})
  const events = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; host?: string; stepId?: string; result?: {stdout: {head: string}}})
  const ends = events.filter((event) => event.type === 'host:end' && event.stepId === 'use')
  t.equal(ends.length, 2, 'one result per host')
  for (const end of ends) {
    t.match(end.result!.stdout.head, /pwd=\/tmp exported=yes/)
    t.match(end.result!.stdout.head, new RegExp(`hello from ${end.host!.replace(/\./g, '\\.')}`), 'each host keeps its own session')
  }
})
