// Bench (issue 14): one `echo` step on 1 host vs 20 hosts, through sshd on 20 loopback addresses
// (two sshd processes: one sshd listens on at most 16 sockets). Prints whole-run times (median of N), the duration of a second step once the
// connections are open, and the machine's load. Usage: node bench/targets.mjs [runs]  (needs dist/).
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/bin/runbook.js')
const runs = Number(process.argv[2] ?? 5)
const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-bench-ssh-'))
const addresses = Array.from({length: 20}, (_, i) => `127.0.0.${i + 1}`)

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const {port} = server.address()
    server.close(() => resolve(port))
  })
})
for (const name of ['host_key', 'user_key']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, name)])
writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'user_key.pub')))
// sshd listens on at most 16 sockets (MAX_LISTEN_SOCKS): addresses 17-20 get a second sshd with the same keys.
const groups = [addresses.slice(0, 16), addresses.slice(16)]
const sshdConfig = (group) => [...group.map((a) => `ListenAddress ${a}:${port}`), `HostKey ${dir}/host_key`, `PidFile ${dir}/sshd.pid`, `AuthorizedKeysFile ${dir}/authorized_keys`, 'StrictModes no', 'PermitRootLogin yes', 'UsePAM no', 'PasswordAuthentication no', 'MaxSessions 100', 'MaxStartups 100:30:200', 'LogLevel ERROR', ''].join('\n')
groups.forEach((group, i) => writeFileSync(path.join(dir, `sshd_config.${i}`), sshdConfig(group).replace(`${dir}/sshd.pid`, `${dir}/sshd.${i}.pid`)))
const hostKey = readFileSync(path.join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ')
writeFileSync(path.join(dir, 'known_hosts'), addresses.map((a) => `[${a}]:${port} ${hostKey}\n`).join(''))
writeFileSync(path.join(dir, 'ssh_config'), ['Host *', `  UserKnownHostsFile ${dir}/known_hosts`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes', `  IdentityFile ${dir}/user_key`, '  IdentitiesOnly yes', ''].join('\n'))
mkdirSync('/run/sshd', {recursive: true})
const sshds = groups.map((_, i) => spawn('/usr/sbin/sshd', ['-D', '-e', '-f', path.join(dir, `sshd_config.${i}`)], {stdio: ['ignore', 'ignore', 'inherit']}))
for (const address of addresses) {
  for (;;) {
    const ok = await new Promise((resolve) => net.connect({host: address, port}).once('connect', function () { this.destroy(); resolve(true) }).once('error', () => resolve(false)))
    if (ok) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function runbookFor(count, steps) {
  const file = path.join(dir, `fleet-${count}-${steps}.md`)
  const hosts = addresses.slice(0, count).map((a) => `"root@${a}:${port}"`).join(', ')
  const body = Array.from({length: steps}, (_, i) => `\`\`\`bash {#echo-${i + 1} on=fleet}\necho hi\n\`\`\`\n`).join('\n')
  writeFileSync(file, `---\nrunbook:\n  targets:\n    fleet:\n      ssh: [${hosts}]\n---\n\n# Bench\n\n${body}`)
  return file
}

function measure(file) {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [bin, 'run', file, '--reporter', 'json'], {env: {...process.env, RUNBOOK_SSH_CONFIG: path.join(dir, 'ssh_config')}, encoding: 'utf8', timeout: 120_000})
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`run failed: ${result.stdout}${result.stderr}`)
  const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line))
  const second = events.find((e) => e.type === 'step:end' && e.stepId === 'echo-2')
  return {wall, second: second ? second.result.durationMs : undefined}
}

const log = (text) => process.stderr.write(`bench: ${text}\n`)
log(`sshd up on ${addresses.length} addresses, port ${port}`)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const figures = {}
for (const count of [1, 20]) {
  const one = runbookFor(count, 1)
  const two = runbookFor(count, 2)
  const walls = []
  const seconds = []
  for (let i = 0; i < runs; i++) {
    walls.push(measure(one).wall)
    seconds.push(measure(two).second)
    log(`${count} host(s), run ${i + 1}: ${walls[walls.length - 1].toFixed(0)} ms; second step ${seconds[seconds.length - 1]} ms`)
  }
  figures[count] = {wall: median(walls), second: median(seconds)}
}
const load = os.loadavg().map((x) => x.toFixed(2)).join(' ')
for (const sshd of sshds) sshd.kill('SIGTERM')
rmSync(dir, {recursive: true, force: true})
const ratio = figures[20].wall / figures[1].wall
console.log(`one echo step, whole run (median of ${runs}): 1 host ${figures[1].wall.toFixed(0)} ms, 20 hosts ${figures[20].wall.toFixed(0)} ms, ratio ${ratio.toFixed(2)}× (target ≤ 2×)`)
console.log(`a second step, connections open: 1 host ${figures[1].second} ms; 20 hosts ${figures[20].second} ms = ${(figures[20].second / 20).toFixed(1)} ms per host (target ≤ 20 ms)`)
console.log(`load average (1, 5, 15 min) at the end: ${load} on ${os.cpus().length} CPUs`)
