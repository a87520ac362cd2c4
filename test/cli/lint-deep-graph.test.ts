// A very long `needs=` cycle through the real CLI: lint must find it, not overflow the stack and pass.
import t from 'tap'
import {runCli} from '../helpers/cli.js'

// lib/graph.ts finds cycles with the iterative Tarjan of lib/assert/strongly-connected.ts.
t.test('lint finds a 5,000-step needs cycle', async (t) => {
  const steps = 5000
  const parts = ['# Deep\n']
  for (let i = 0; i < steps; i++) parts.push(`\`\`\`bash {#s${i} needs=s${(i + 1) % steps}}\ntrue\n\`\`\`\n`)
  const dir = t.testdir({'doc.md': parts.join('\n')})
  const r = await runCli(['lint', '--format', 'json'], {cwd: dir, timeoutMs: 120_000})
  t.equal(r.code, 1, r.stderr)
  const found = (JSON.parse(r.stdout) as Array<{ruleId: string; message: string}>).filter((m) => m.ruleId === 'dependency-cycle')
  t.ok(found.length > 0, 'the cycle is reported')
  t.notMatch(r.stdout + r.stderr, /Maximum call stack/)
})

t.test('a valid 6,000-step needs chain works in list, plan and a dry run', async (t) => {
  const steps = 6000
  const parts = ['# Chain\n']
  for (let i = 0; i < steps; i++) parts.push(`\`\`\`bash {#s${i}${i === 0 ? '' : ` needs=s${i - 1}`}}\ntrue\n\`\`\`\n`)
  const dir = t.testdir({'doc.md': parts.join('\n')})
  for (const args of [['list', 'doc.md'], ['plan', 'doc.md'], ['run', 'doc.md', '--dry-run', '--reporter', 'plain']]) {
    const r = await runCli(args, {cwd: dir, timeoutMs: 120_000})
    t.equal(r.code, 0, `${args[0]}: ${r.stderr}`)
    t.match(r.stdout, 's5999', `${args[0]} shows the last step`)
    t.notMatch(r.stdout + r.stderr, /Maximum call stack/)
  }
})
