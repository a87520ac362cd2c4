// Workload generators: write every benchmark input (ours and the peers' equivalents) into a folder.
// Deterministic: the same call always writes the same bytes, so figures compare like with like.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

const pad = (n, width) => String(n).padStart(width, '0')

// N sequential `echo hello` steps, each with an {expect} block, in runbook syntax.
export function perStepRunbook(n) {
  const parts = ['# Per-step overhead\n', `${n} steps, each \`echo hello\` checked by an expect block.\n`]
  for (let i = 1; i <= n; i++) {
    const id = `s${pad(i, 4)}`
    parts.push(`## Step ${i}\n\n\`\`\`bash {#${id}}\necho hello\n\`\`\`\n\n\`\`\`text {expect}\nhello\n\`\`\`\n`)
  }
  return parts.join('\n')
}

// The same N checks for txm: one bash program, an input and an expected output per test.
export function perStepTxm(n) {
  const parts = ['# Per-step overhead\n', '<!-- !test program bash -->\n']
  for (let i = 1; i <= n; i++) {
    const id = `s${pad(i, 4)}`
    parts.push(`## Step ${i}\n\n<!-- !test in ${id} -->\n\n\`\`\`bash\necho hello\n\`\`\`\n\n<!-- !test out ${id} -->\n\n\`\`\`text\nhello\n\`\`\`\n`)
  }
  return parts.join('\n')
}

// The same N checks as a cram transcript (.t): one shell runs them all.
export function perStepCram(n) {
  const parts = ['Per-step overhead\n\n']
  for (let i = 1; i <= n; i++) parts.push('  $ echo hello\n  hello\n')
  return parts.join('')
}

// A runbook of N trivial steps, for `runbook list` (cold start with a parse).
export function listRunbook(n) {
  const parts = ['# Ten steps\n']
  for (let i = 1; i <= n; i++) parts.push(`## Step ${i}\n\n\`\`\`bash {#step-${i}}\necho ${i}\n\`\`\`\n`)
  return parts.join('\n')
}

// N independent `sleep 1` steps (`needs=` empty), for the fan-out figure.
export function fanOutRunbook(n) {
  const parts = ['# Fan-out\n']
  for (let i = 1; i <= n; i++) parts.push(`\`\`\`bash {#sleep-${i} needs=}\nsleep 1\n\`\`\`\n`)
  return parts.join('\n')
}

// The same N sleeps for txm: each a check that only has to exit 0.
export function fanOutTxm(n) {
  const parts = ['# Fan-out\n', '<!-- !test program bash -->\n']
  for (let i = 1; i <= n; i++) parts.push(`<!-- !test check sleep-${i} -->\n\n\`\`\`bash\nsleep 1\n\`\`\`\n`)
  return parts.join('\n')
}

// The command that prints `bytes` bytes of 80-column lines on stdout (bash). `yes` feeds head from a
// process substitution, not a pipe: in a pipeline its SIGPIPE would fail the step under runbook's
// default `-o pipefail`.
export function bigOutputCommand(bytes) {
  return `head -c ${bytes} < <(yes 'runbook benchmark output line: 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ')`
}

// One step printing `bytes` bytes of output (peak memory figure).
export function memoryRunbook(bytes) {
  return `# Memory\n\nOne step prints ${bytes} bytes.\n\n\`\`\`bash {#flood}\n${bigOutputCommand(bytes)}\n\`\`\`\n`
}

// The same step as a txm check (txm buffers output through child_process.exec).
export function memoryTxm(bytes) {
  return `# Memory\n\n<!-- !test program bash -->\n\n<!-- !test check flood -->\n\n\`\`\`bash\n${bigOutputCommand(bytes)}\n\`\`\`\n`
}

const words = ('the service restarts pods when the readiness probe fails and the operator checks logs metrics ' +
  'alerts dashboards before scaling the deployment back to its usual size while traffic drains from the old ' +
  'nodes and the database keeps its replicas in sync with the primary').split(' ')

// Deterministic prose of about `chars` characters, wrapped at 100 columns.
function prose(seed, chars) {
  let out = ''
  let line = ''
  let x = seed * 2654435761 % 4294967296
  while (out.length + line.length < chars) {
    x = (x * 1103515245 + 12345) % 2147483648
    const word = words[(x >>> 16) % words.length]
    if (line.length + word.length + 1 > 100) {
      out += line + '\n'
      line = ''
    }
    line += (line ? ' ' : '') + word
  }
  return out + line + '\n'
}

// A large runbook: `steps` steps, each with prose, a checklist item and an expect block,
// padded with prose to about `bytes` in total (write-back figure).
export function writeBackRunbook(steps, bytes) {
  const header = '# Large runbook\n\nA generated runbook for the write-back benchmark.\n\n'
  const fixed = 140 // the step, expect block and checklist item of one section, roughly
  const perSection = Math.max(0, Math.floor((bytes - header.length) / steps) - fixed - 30)
  const parts = [header]
  for (let i = 1; i <= steps; i++) {
    const id = `w${pad(i, 4)}`
    parts.push(`## Section ${i}\n\n${prose(i, perSection)}\n- [ ] [step ${i} done](#${id})\n\n` +
      `\`\`\`bash {#${id}}\necho "step ${i}"\n\`\`\`\n\n\`\`\`text {expect}\nstep ${i}\n\`\`\`\n\n`)
  }
  return parts.join('')
}

// Write every workload file into `dir` and return their paths.
export function generateWorkloads(dir) {
  mkdirSync(dir, {recursive: true})
  const files = {
    perStep200: ['per-step-200.md', perStepRunbook(200)],
    perStep1: ['per-step-1.md', perStepRunbook(1)],
    perStepFail: ['per-step-1-fail.md', perStepRunbook(1).replace('```text {expect}\nhello', '```text {expect}\ngoodbye')],
    perStepTxm200: ['per-step-200.txm.md', perStepTxm(200)],
    perStepTxm1: ['per-step-1.txm.md', perStepTxm(1)],
    perStepCram200: ['per-step-200.t', perStepCram(200)],
    perStepCram1: ['per-step-1.t', perStepCram(1)],
    list10: ['list-10.md', listRunbook(10)],
    fanOut8: ['fan-out-8.md', fanOutRunbook(8)],
    fanOutTxm8: ['fan-out-8.txm.md', fanOutTxm(8)],
    memory: ['memory-200mb.md', memoryRunbook(200 * 1024 * 1024)],
    memoryTxm: ['memory-200mb.txm.md', memoryTxm(200 * 1024 * 1024)],
    writeBack: ['write-back-2000.md', writeBackRunbook(2000, 5 * 1024 * 1024)],
  }
  const paths = {}
  for (const [key, [name, text]] of Object.entries(files)) {
    const file = path.join(dir, name)
    writeFileSync(file, text)
    paths[key] = file
  }
  return paths
}
