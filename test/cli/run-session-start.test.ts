// The run's bash session (lib/run/session.ts) starts with the first bash step that runs in it: a
// run of only other runners (or ssh, http) never starts one.
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'

// A js step that counts this run's session servers: bash processes tagged with the run's id whose
// command is the server loop.
const count = [
  `${fence}js {#count}`,
  "const fs = process.getBuiltinModule('node:fs')",
  'let servers = 0',
  "for (const pid of fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name))) {",
  '  try {',
  "    const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\\0')",
  "    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\\0')",
  "    if (env.includes(`RUNBOOK_RUN_ID=${process.env.RUNBOOK_RUN_ID}`) && args[0] === 'bash' && (args[4] ?? '').startsWith('exec 60>&1')) servers++",
  '  } catch {}',
  '}',
  'console.log(`servers=${servers}`)',
  fence,
].join('\n')

t.test('no bash step, no session; the first bash step starts it', async (t) => {
  const none = runbookDir(`# Only js\n\n${count}\n`)
  const some = runbookDir(`# Bash first\n\n${fence}bash {#first}\nexport SEEN=1\n${fence}\n\n${count}\n`)
  t.teardown(() => (none.cleanup(), some.cleanup()))
  const without = await runCli(['run', none.file, '--reporter', 'json'], {cwd: none.dir})
  t.equal(without.code, 0, without.stderr)
  t.match(without.stdout, /servers=0/, 'a run of js steps starts no bash session')
  const withBash = await runCli(['run', some.file, '--reporter', 'json'], {cwd: some.dir})
  t.equal(withBash.code, 0, withBash.stderr)
  t.match(withBash.stdout, /servers=1/, 'a bash step started it, and it stays for the run')
})
