import t from 'tap'
import {readFileSync} from 'node:fs'
import {runCli} from '../helpers/cli.js'
import {repoPath} from '../helpers/paths.js'

const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {version: string}

t.test('--version prints the package version', async (t) => {
  const result = await runCli(['--version'])
  t.equal(result.code, 0)
  t.equal(result.stdout, `${pkg.version}\n`)
})

t.test('--help lists every command and the exit codes', async (t) => {
  const result = await runCli(['--help'])
  t.equal(result.code, 0)
  for (const name of ['run', 'lint', 'list', 'plan']) t.match(result.stdout, new RegExp(`^  ${name}\\b`, 'm'))
  t.match(result.stdout, /130 interrupted/)
})

t.test('each command has its own --help', async (t) => {
  for (const name of ['run', 'lint', 'list', 'plan']) {
    const result = await runCli([name, '--help'])
    t.equal(result.code, 0, `${name} --help exits 0`)
    t.match(result.stdout, new RegExp(`runbook ${name}`), `${name} --help shows its usage`)
  }
})

t.test('no command prints help and exits 2', async (t) => {
  const result = await runCli([])
  t.equal(result.code, 2)
  t.match(result.stdout, /Usage: runbook <command>/)
})

t.test('an unknown command exits 2 and names the commands', async (t) => {
  const result = await runCli(['rnu'])
  t.equal(result.code, 2)
  t.match(result.stderr, /unknown command `rnu`/)
  t.match(result.stderr, /run, lint, list, plan/)
})

t.test('run: an unknown flag is a usage error', async (t) => {
  const result = await runCli(['run', 'x.md', '--frobnicate'])
  t.equal(result.code, 2)
  t.match(result.stderr, /--frobnicate/)
})

t.test('run: a missing file is a usage error, not a crash', async (t) => {
  const result = await runCli(['run', 'does-not-exist.md'])
  t.equal(result.code, 2)
  t.match(result.stderr, /cannot read does-not-exist\.md: no such file/)
})

t.test('run: a document without steps is an error, not "0 passed"', async (t) => {
  const dir = t.testdir({'notes.md': '# Notes\n\n```bash\necho not a step\n```\n'})
  const result = await runCli(['run', 'notes.md'], {cwd: dir})
  t.equal(result.code, 2)
  t.match(result.stderr, /nothing to run: notes\.md has no steps .*--all/)
  const all = await runCli(['run', 'notes.md', '--all', '--reporter', 'plain'], {cwd: dir})
  t.equal(all.code, 0, all.stderr)
  t.match(all.stdout, /1 passed/)
})
