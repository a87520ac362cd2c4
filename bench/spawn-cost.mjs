// What one step costs at the process level, by strategy: node's spawn, execa, and a long-lived bash
// that forks each step (the design issue 8 suggests). Prints the mean ms per step of N sequential steps.
// Usage: node bench/spawn-cost.mjs [N]
import {spawn} from 'node:child_process'
import {execa} from 'execa'
const N = Number(process.argv[2] ?? 200)

const viaSpawn = () => new Promise((resolve) => {
  const p = spawn('bash', ['-c', 'echo hello'], {detached: true, stdio: ['ignore', 'pipe', 'pipe']})
  let out = ''
  p.stdout.on('data', (d) => (out += d))
  p.on('close', () => resolve(out))
})
const viaExeca = async () => (await execa('bash', ['-c', 'echo hello'], {detached: true, stdin: 'ignore', reject: false})).stdout

// A long-lived bash reading commands from fd 3; each step runs in a forked subshell of its own
// process group (set -m) and the session prints a marker with the exit status when it is done.
function session() {
  const p = spawn('bash', ['--noprofile', '--norc', '-c', 'set -m; while IFS= read -r -d "" cmd <&3; do ( eval "$cmd" ) </dev/null; printf "\\0%d\\0" $? ; done'],
    {stdio: ['ignore', 'pipe', 'inherit', 'pipe']})
  let buf = ''
  let waiting
  p.stdout.on('data', (d) => {
    buf += d
    const m = /\0(\d+)\0/.exec(buf)
    if (m && waiting) {
      const out = buf.slice(0, m.index)
      buf = buf.slice(m.index + m[0].length)
      const w = waiting
      waiting = undefined
      w(out)
    }
  })
  return {
    run: (cmd) => new Promise((resolve) => {
      waiting = resolve
      p.stdio[3].write(`${cmd}\0`)
    }),
    close: () => p.kill(),
  }
}

async function perStep(name, fn) {
  for (let i = 0; i < 5; i++) await fn() // warm-up
  const t = performance.now()
  for (let i = 0; i < N; i++) {
    const out = await fn()
    if (!String(out).startsWith('hello')) throw new Error(`${name}: got ${JSON.stringify(out)}`)
  }
  return (performance.now() - t) / N
}

const s = session()
const rows = [
  ['child_process.spawn bash -c', await perStep('spawn', viaSpawn)],
  ['execa bash -c', await perStep('execa', viaExeca)],
  ['long-lived bash, fork per step', await perStep('session', () => s.run('echo hello'))],
]
s.close()
for (const [name, ms] of rows) process.stdout.write(`${ms.toFixed(2).padStart(7)} ms/step  ${name}\n`)
