// examples/fleet/ROLLING_RESTART.md against a real loopback sshd standing in for three hosts:
// one host at a time, each healthy before the next, and nothing left running afterwards.
import {mkdtempSync} from 'node:fs'
import net from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {processesWith, repoDir} from '../helpers/examples.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 3})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

t.test('the rolling restart runs green, one host at a time', async (t) => {
  const appDir = mkdtempSync(path.join(tmpdir(), 'rolling-'))
  const args = ['run', 'examples/fleet/ROLLING_RESTART.md', '--reporter', 'json', '--set', `FLEET_PORT=${sshd.port}`, '--set', `APP_DIR=${appDir}`, '--set', `APP_PORT=${await freePort()}`]
  const run = await runCli(args, {cwd: repoDir, env: sshd.env, timeoutMs: 120_000})
  t.equal(run.code, 0, run.stdout + run.stderr)
  const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; stepId?: string; host?: string; result?: {status: string; stdout: {head: string}}})
  const restart = events.filter((event) => event.stepId === 'restart' && (event.type === 'host:start' || event.type === 'host:end')).map((event) => `${event.type} ${event.host}`)
  t.same(restart, ['host:start 127.0.0.1', 'host:end 127.0.0.1', 'host:start 127.0.0.2', 'host:end 127.0.0.2', 'host:start 127.0.0.3', 'host:end 127.0.0.3'], 'serial: 1 restarts one host after the other')
  const health = events.filter((event) => event.type === 'host:end' && event.stepId === 'health')
  t.equal(health.length, 3)
  for (const end of health) t.equal(end.result!.stdout.head, 'ok v2\n', `${end.host} serves the new version`)
  t.same(await processesWith(appDir), [], 'the demonstration app is stopped on every host')
})

t.test('the example lints clean', async (t) => {
  const run = await runCli(['lint', 'examples/fleet/ROLLING_RESTART.md', '--format', 'json'], {cwd: repoDir})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.same(JSON.parse(run.stdout), [])
})
