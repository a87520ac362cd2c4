// What the same ssh work costs without runbook (issue 17): a bash `&`/`wait` loop with a full
// connection per host, one command per host over masters already open, and Ansible's ad-hoc
// `shell` module when Debian's ansible package is installed. Each returns a duration in seconds.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

const seconds = (run) => {
  const started = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - started) / 1e9
}

// The ssh words every floor uses: the bench's private config, no questions, the sshd's port.
const sshBase = (sshd) => ['ssh', '-F', sshd.sshConfig, '-o', 'BatchMode=yes', '-p', String(sshd.port)]
const words = (list) => list.map((word) => `'${word}'`).join(' ')

// `for h in …; do ssh h echo hi & done; wait`: a full handshake and a session per host.
export function bashFanOut(sshd, hosts) {
  const loop = `for h in ${hosts.join(' ')}; do ${words(sshBase(sshd))} "root@$h" echo hi >/dev/null & done; wait`
  return seconds(() => {
    const r = spawnSync('bash', ['-c', loop], {encoding: 'utf8', timeout: 120_000})
    if (r.status !== 0) throw new Error(`bash fan-out failed: ${r.stderr.slice(0, 300)}`)
  })
}

// Open a master per host (as runbook does), for `secondOverMasters`; close() ends them.
export async function openMasters(sshd, hosts) {
  const dir = mkdtempSync(path.join(sshd.dir, 'cm-'))
  const children = hosts.map((h) => spawn(sshBase(sshd)[0], [...sshBase(sshd).slice(1), '-M', '-N', '-T', '-o', 'ControlPersist=no', '-S', path.join(dir, h), `root@${h}`], {stdio: 'ignore'}))
  for (let tries = 0; !hosts.every((h) => existsSync(path.join(dir, h))); tries++) {
    if (tries > 600) throw new Error('masters did not open')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return {dir, close: () => children.forEach((child) => child.kill('SIGTERM'))}
}

// `for h in …; do ssh -S socket h echo hi & done; wait` over open masters: a session per host
// (an ssh client, an sshd session and the user's login shell), no handshake.
export function secondOverMasters(sshd, hosts, masters) {
  const loop = `for h in ${hosts.join(' ')}; do ${words(sshBase(sshd))} -T -o ControlMaster=no -S "${masters.dir}/$h" "root@$h" echo hi >/dev/null & done; wait`
  return seconds(() => {
    const r = spawnSync('bash', ['-c', loop], {encoding: 'utf8', timeout: 120_000})
    if (r.status !== 0) throw new Error(`ssh -S loop failed: ${r.stderr.slice(0, 300)}`)
  })
}

// Is Ansible here? (Debian's `ansible` package; bench/setup.sh tries to install it.)
export const hasAnsible = () => spawnSync('sh', ['-c', 'command -v ansible']).status === 0

// `ansible all -m shell -a 'echo hi' -f 20` on the hosts, from cold: a fresh ControlPath folder
// per run (Ansible's own ControlPersist masters would otherwise carry one run's connections into
// the next) whose masters are closed after the run, untimed.
export function ansibleAdHoc(sshd, hosts) {
  const dir = mkdtempSync(path.join(sshd.dir, 'ansible-'))
  const inventory = path.join(dir, 'hosts.ini')
  writeFileSync(inventory, ['[fleet]', ...hosts.map((h) => `${h} ansible_host=${h} ansible_port=${sshd.port} ansible_user=root`), '',
    '[fleet:vars]', `ansible_ssh_common_args='-F ${sshd.sshConfig}'`, 'ansible_python_interpreter=/usr/bin/python3', ''].join('\n'))
  const cp = path.join(dir, 'cp')
  mkdirSync(cp)
  const env = {...process.env, ANSIBLE_SSH_CONTROL_PATH_DIR: cp, ANSIBLE_LOCAL_TEMP: path.join(dir, 'tmp'), ANSIBLE_HOME: path.join(dir, 'home'),
    ANSIBLE_HOST_KEY_CHECKING: 'False', ANSIBLE_NOCOLOR: '1', ANSIBLE_FORKS: String(hosts.length)}
  try {
    return seconds(() => {
      const r = spawnSync('ansible', ['fleet', '-i', inventory, '-m', 'shell', '-a', 'echo hi', '-f', String(hosts.length)], {env, encoding: 'utf8', timeout: 180_000})
      if (r.status !== 0) throw new Error(`ansible failed (exit ${r.status}): ${(r.stdout + r.stderr).slice(0, 400)}`)
    })
  } finally {
    for (const socket of readdirSync(cp)) spawnSync('ssh', ['-o', `ControlPath=${path.join(cp, socket)}`, '-O', 'exit', 'unused'], {stdio: 'ignore', timeout: 10_000})
    rmSync(dir, {recursive: true, force: true})
  }
}
