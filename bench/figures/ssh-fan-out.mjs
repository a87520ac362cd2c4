// SSH fan-out (issue 14, floors from issue 17): one `echo` step on 1 host and on 20 hosts through a
// real sshd on 20 loopback addresses, and a second step once the connections are open (the
// per-host cost); beside them the same work done by a bash `&`/`wait` loop of ssh clients (a full
// connection each; then one command per host over open masters) and by Ansible's ad-hoc `shell`
// module when it is installed.
import {spawnSync} from 'node:child_process'
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {check} from '../lib/check.mjs'
import {startSshd} from '../lib/sshd.mjs'
import {ansibleAdHoc, bashFanOut, hasAnsible, openMasters, secondOverMasters} from '../lib/ssh-floors.mjs'

export const id = 'ssh-fan-out'
export const title = 'SSH fan-out (one `echo` step on 1 and on 20 hosts, real sshd on loopback)'
export const perNode = true

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

// Measure the figure: whole-run medians in seconds, and the second step's duration per host.
export async function measure(ctx) {
  if (!existsSync('/usr/sbin/sshd')) return {checks: [], notes: ['not measured: /usr/sbin/sshd is missing (apt-get install openssh-server)']}
  const sshd = await startSshd(20)
  const runs = ctx.quick ? 3 : 7
  const runbookFor = (count, steps) => {
    const file = path.join(sshd.dir, `fleet-${count}-${steps}.md`)
    const hosts = sshd.addresses.slice(0, count).map((a) => `"root@${a}:${sshd.port}"`).join(', ')
    const body = Array.from({length: steps}, (_, i) => `\`\`\`bash {#echo-${i + 1} on=fleet}\necho hi\n\`\`\`\n`).join('\n')
    writeFileSync(file, `---\nrunbook:\n  targets:\n    fleet:\n      ssh: [${hosts}]\n---\n\n# Bench\n\n${body}`)
    return file
  }
  const once = (file) => {
    const started = process.hrtime.bigint()
    const r = spawnSync(ctx.node, [ctx.cli, 'run', file, '--reporter', 'json'], {env: {...process.env, RUNBOOK_SSH_CONFIG: sshd.sshConfig}, encoding: 'utf8', timeout: 120_000})
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const events = r.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
    if (r.status !== 0) {
      const reasons = events.filter((e) => e.type === 'host:end' && e.result.status !== 'passed').map((e) => `${e.host}: ${e.result.reason}`)
      throw new Error(`run failed (exit ${r.status}): ${reasons.slice(0, 3).join('; ') || r.stderr.slice(0, 300)}`)
    }
    const second = events.find((e) => e.type === 'step:end' && e.stepId === 'echo-2')
    const passed = events.find((e) => e.type === 'run:end')?.result
    return {seconds, secondMs: second?.result.durationMs, passed}
  }
  const figures = {}
  const floors = {}
  const ansible = hasAnsible()
  try {
    for (const count of [1, 20]) {
      const hosts = sshd.addresses.slice(0, count)
      const one = runbookFor(count, 1)
      const two = runbookFor(count, 2)
      once(one) // warm-up: known_hosts, ControlMaster sockets folder
      bashFanOut(sshd, hosts)
      const walls = []
      const seconds = []
      const bash = []
      const ansibles = []
      for (let i = 0; i < runs; i++) {
        walls.push(once(one).seconds)
        seconds.push(once(two).secondMs)
        bash.push(bashFanOut(sshd, hosts))
        if (ansible) ansibles.push(ansibleAdHoc(sshd, hosts))
      }
      const masters = await openMasters(sshd, hosts)
      const overMasters = []
      try {
        secondOverMasters(sshd, hosts, masters)
        for (let i = 0; i < runs; i++) overMasters.push(secondOverMasters(sshd, hosts, masters) * 1000)
      } finally {
        masters.close()
      }
      figures[count] = {wall: median(walls), secondMs: median(seconds)}
      floors[count] = {bash: median(bash), overMastersMs: median(overMasters), ...(ansible ? {ansible: median(ansibles)} : {})}
    }
  } finally {
    sshd.stop()
  }
  const perHost = (ms) => ms / 20
  return {
    times: {...figures, floors},
    notes: [
      `medians of ${runs} runs each; every run exits 0 (its steps passed on every host)`,
      'floors: bash loop `ssh h echo hi &` … `wait` (full connection each); `ssh -S master h echo hi` per host over masters already open',
      ansible ? `Ansible ${ansibleVersion()}: \`ansible fleet -m shell -a 'echo hi' -f 20\`, fresh ControlPath folder per run` : 'Ansible not measured: `ansible` is not installed (bench/setup.sh tries apt-get install ansible)',
    ],
    checks: [
      check({label: '20 hosts, whole run vs bash fan-out floor', unit: 's', ours: figures[20].wall, peer: floors[20].bash, peerName: 'bash `ssh &` loop, 20 hosts',
        target: {on: 'ratio', max: 1.2}, targetText: '≤ 1.2× the floor'}),
      check({label: '1 host, whole run vs bash floor', unit: 's', ours: figures[1].wall, peer: floors[1].bash, peerName: 'one `ssh h echo hi`'}),
      check({label: 'second step, per host, vs ssh -S floor', unit: 'ms', ours: perHost(figures[20].secondMs), peer: perHost(floors[20].overMastersMs), peerName: '`ssh -S` per host, 20 at once',
        target: {on: 'value', max: perHost(floors[20].overMastersMs) + 5}, targetText: '≤ floor + 5 ms'}),
      check({label: 'second step on 1 host vs one ssh -S', unit: 'ms', ours: figures[1].secondMs, peer: floors[1].overMastersMs, peerName: 'one `ssh -S master h echo hi`'}),
      ...(ansible ? [
        check({label: '20 hosts, whole run vs Ansible ad-hoc', unit: 's', ours: figures[20].wall, peer: floors[20].ansible, peerName: 'ansible -m shell, 20 hosts',
          target: {on: 'ratio', max: 0.5}, targetText: '≤ 0.5× Ansible'}),
        check({label: '1 host, whole run vs Ansible ad-hoc', unit: 's', ours: figures[1].wall, peer: floors[1].ansible, peerName: 'ansible -m shell, 1 host'}),
      ] : []),
      check({label: '20 hosts vs 1 host, whole run (old target)', unit: 's', ours: figures[20].wall, peer: figures[1].wall, peerName: '1 host',
        target: {on: 'ratio', max: 2}, targetText: '≤ 2× one host'}),
      check({label: 'a second step, per host, connections open', unit: 'ms', ours: perHost(figures[20].secondMs), peer: figures[1].secondMs, peerName: 'the same step on 1 host',
        target: {on: 'value', max: 20}, targetText: '≤ 20 ms per host'}),
    ],
  }
}

function ansibleVersion() {
  const r = spawnSync('ansible', ['--version'], {encoding: 'utf8'})
  return /core ([0-9.]+)/.exec(r.stdout ?? '')?.[1] ? `core ${/core ([0-9.]+)/.exec(r.stdout)[1]}` : '(version unknown)'
}
