// SSH fan-out (issue 14): one `echo` step on 1 host and on 20 hosts through a real sshd on 20
// loopback addresses, and a second step once the connections are open (the per-host cost).
import {spawnSync} from 'node:child_process'
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {check} from '../lib/check.mjs'
import {startSshd} from '../lib/sshd.mjs'

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
  try {
    for (const count of [1, 20]) {
      const one = runbookFor(count, 1)
      const two = runbookFor(count, 2)
      once(one) // warm-up: known_hosts, ControlMaster sockets folder
      const walls = []
      const seconds = []
      for (let i = 0; i < runs; i++) {
        walls.push(once(one).seconds)
        seconds.push(once(two).secondMs)
      }
      figures[count] = {wall: median(walls), secondMs: median(seconds)}
    }
  } finally {
    sshd.stop()
  }
  return {
    times: figures,
    notes: [`medians of ${runs} runs each; every run exits 0 (its steps passed on every host)`],
    checks: [
      check({label: '20 hosts vs 1 host, whole run', unit: 's', ours: figures[20].wall, peer: figures[1].wall, peerName: '1 host',
        target: {on: 'ratio', max: 2}, targetText: '≤ 2× one host'}),
      check({label: 'a second step, per host, connections open', unit: 'ms', ours: figures[20].secondMs / 20, peer: figures[1].secondMs, peerName: 'the same step on 1 host',
        target: {on: 'value', max: 20}, targetText: '≤ 20 ms per host'}),
    ],
  }
}
