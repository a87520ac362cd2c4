// Real sshd on loopback for the bench (issue 14): throwaway keys, addresses 127.0.0.1–127.0.0.N on
// one free port (one sshd listens on at most 16 sockets, so more addresses get a second sshd).
import {execFileSync, spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const freePort = () => new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const {port} = server.address()
    server.close(() => resolve(port))
  })
})
const accepts = (host, port) => new Promise((resolve) => {
  const socket = net.connect({host, port})
  socket.once('connect', () => (socket.destroy(), resolve(true))).once('error', () => resolve(false))
})

// Start sshd on `count` loopback addresses; returns {dir, port, addresses, sshConfig, stop()}.
export async function startSshd(count) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-bench-ssh-'))
  const addresses = Array.from({length: count}, (_, i) => `127.0.0.${i + 1}`)
  const port = await freePort()
  for (const name of ['host_key', 'user_key']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, name)])
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'user_key.pub')))
  const groups = []
  for (let i = 0; i < addresses.length; i += 16) groups.push(addresses.slice(i, i + 16))
  const sshds = groups.map((group, i) => {
    const config = path.join(dir, `sshd_config.${i}`)
    writeFileSync(config, [...group.map((a) => `ListenAddress ${a}:${port}`), `HostKey ${dir}/host_key`, `PidFile ${dir}/sshd.${i}.pid`,
      `AuthorizedKeysFile ${dir}/authorized_keys`, 'StrictModes no', 'PermitRootLogin yes', 'UsePAM no', 'PasswordAuthentication no',
      'MaxSessions 100', 'MaxStartups 100:30:200', 'LogLevel ERROR', ''].join('\n'))
    return spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {stdio: 'ignore'})
  })
  const hostKey = readFileSync(path.join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ')
  writeFileSync(path.join(dir, 'known_hosts'), addresses.map((a) => `[${a}]:${port} ${hostKey}\n`).join(''))
  const sshConfig = path.join(dir, 'ssh_config')
  writeFileSync(sshConfig, ['Host *', `  UserKnownHostsFile ${dir}/known_hosts`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes',
    `  IdentityFile ${dir}/user_key`, '  IdentitiesOnly yes', ''].join('\n'))
  mkdirSync('/run/sshd', {recursive: true})
  for (const address of addresses) {
    for (let tries = 0; !(await accepts(address, port)); tries++) {
      if (tries > 200) throw new Error(`sshd does not listen on ${address}:${port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return {dir, port, addresses, sshConfig, stop: () => {
    for (const sshd of sshds) sshd.kill('SIGTERM')
    rmSync(dir, {recursive: true, force: true})
  }}
}
