// A real OpenSSH server for tests: `/usr/sbin/sshd -D -e` as a child we kill, throwaway host and
// user keys in a temporary folder, listening on loopback addresses only (127.0.0.1, 127.0.0.2 …)
// so one sshd stands in for a fleet, on a port found free at run time. Clients get a private
// ssh_config (RUNBOOK_SSH_CONFIG) so the user's ~/.ssh is neither read nor written.
import {execFileSync, spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import net from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'

// A running sshd and what a client needs to reach it.
export interface Sshd {
  port: number
  addresses: string[] // 127.0.0.1 … 127.0.0.N
  hosts: string[] // root@127.0.0.x:PORT
  dir: string
  keyFile: string // the user's private key
  knownHosts: string // host keys of every address
  configFile: string // a private ssh_config
  env: Record<string, string> // RUNBOOK_SSH_CONFIG, SSH_KEY_FILE, KNOWN_HOSTS, SSHD_PORT
  stop(): Promise<void>
}

// Is sshd on this machine? (`.ci/run` installs openssh-server when it is missing.)
export const sshdPath = '/usr/sbin/sshd'

// Start sshd on `count` loopback addresses; stopped and removed by t.teardown.
export async function startSshd(t: {teardown: (fn: () => unknown) => void}, options: {count?: number} = {}): Promise<Sshd> {
  const count = options.count ?? 3
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-sshd-'))
  const addresses = Array.from({length: count}, (_, i) => `127.0.0.${i + 1}`)
  const hostKey = path.join(dir, 'host_key')
  const keyFile = path.join(dir, 'user_key')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey])
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile])
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(`${keyFile}.pub`))
  const port = await freePort()
  const config = path.join(dir, 'sshd_config')
  writeFileSync(
    config,
    [
      ...addresses.map((address) => `ListenAddress ${address}:${port}`),
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'PermitRootLogin yes',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'MaxSessions 100',
      'MaxStartups 100:30:200',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  )
  const hostPub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ')
  const knownHosts = path.join(dir, 'known_hosts')
  writeFileSync(knownHosts, addresses.map((address) => `[${address}]:${port} ${hostPub}\n`).join(''))
  const configFile = path.join(dir, 'ssh_config')
  writeFileSync(
    configFile,
    ['Host *', `  UserKnownHostsFile ${knownHosts}`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes', `  IdentityFile ${keyFile}`, '  IdentitiesOnly yes', '  LogLevel ERROR', ''].join('\n'),
  )
  mkdirSync('/run/sshd', {recursive: true}) // privilege separation folder
  const child = spawn(sshdPath, ['-D', '-e', '-f', config], {stdio: ['ignore', 'ignore', 'pipe']})
  let log = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (log += text))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await gone
    }
    rmSync(dir, {recursive: true, force: true})
  }
  t.teardown(stop)
  for (const address of addresses) await waitForPort(address, port, () => log)
  return {
    port,
    addresses,
    hosts: addresses.map((address) => `root@${address}:${port}`),
    dir,
    keyFile,
    knownHosts,
    configFile,
    env: {RUNBOOK_SSH_CONFIG: configFile, SSH_KEY_FILE: keyFile, KNOWN_HOSTS: knownHosts, SSHD_PORT: String(port)},
    stop,
  }
}

// A TCP port free on the loopback interface right now.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// Resolve once `address:port` accepts a connection (sshd is up), failing with sshd's log after 10 s.
async function waitForPort(address: string, port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({host: address, port})
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`sshd did not listen on ${address}:${port}: ${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
