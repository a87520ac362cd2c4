// docs/targets.md runs green against a loopback sshd that stands in for its three hosts.
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {repoDir} from '../helpers/examples.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 3})

t.test('docs/targets.md runs green on the loopback fleet', async (t) => {
  const run = await runCli(['run', 'docs/targets.md', '--reporter', 'plain', '--set', `FLEET_PORT=${sshd.port}`], {cwd: repoDir, env: sshd.env, timeoutMs: 120_000})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /3 passed, 0 failed/)
  for (const address of sshd.addresses) t.match(run.stdout, new RegExp(`✓ recall@${address.replace(/\./g, '\\.')}`))
})
