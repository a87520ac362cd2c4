// README.md's quick start is a runbook: it must run green through the tool, and a run must not
// touch the README itself.
import t from 'tap'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {makeTempRoot, manifestStatuses, repoDir} from '../helpers/examples.js'


t.test('the README quick start runs green with `runbook run README.md`', {timeout: 180_000}, async (t) => {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const readme = path.join(repoDir, 'README.md')
  const before = await readFile(readme, 'utf8')
  const evidence = path.join(root.dir, 'evidence')
  const result = await runCli(['run', 'README.md', '--reporter', 'plain', '--evidence', evidence], {cwd: repoDir, timeoutMs: 170_000})
  t.equal(result.code, 0, `exit 0\n${result.stdout}\n${result.stderr}`)
  const {status} = await manifestStatuses(evidence)
  t.same(status, {
    'write-first-runbook': 'passed', 'list-first-runbook': 'passed', 'run-first-runbook': 'passed',
    'run-failing-runbook': 'passed', 'quickstart-cleanup': 'passed',
  }, 'every quick-start step passed')
  t.equal(await readFile(readme, 'utf8'), before, 'without --write the README is left as it was')
})

t.test('with --stable the executed README is the same on every run (docs can be checked as current)', {timeout: 240_000}, async (t) => {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const copies: string[] = []
  for (const name of ['first.md', 'second.md']) {
    const out = path.join(root.dir, name)
    const result = await runCli(['run', 'README.md', '--stable', '--out', out, '--reporter', 'plain'], {cwd: repoDir, timeoutMs: 110_000})
    t.equal(result.code, 0, `exit 0\n${result.stdout}\n${result.stderr}`)
    copies.push(await readFile(out, 'utf8'))
  }
  t.equal(copies[1], copies[0], 'byte for byte')
  t.match(copies[0], /<!-- runbook:output id=run-first-runbook status=passed -->\n```text\nexit code: 0\n1\n1\n```/)
})

t.test('the README names the two commands of the tour', async (t) => {
  const readme = await readFile(path.join(repoDir, 'README.md'), 'utf8')
  t.match(readme, 'npm ci && npx runbook run examples/sandbox/D0_REHEARSAL.md --yes\nnpm test\n')
  for (const link of [...readme.matchAll(/\]\(((?:examples|runbooks|docs)\/[^)#]+)\)/g)].map((match) => match[1]!)) {
    await t.resolves(readFile(path.join(repoDir, link)), `${link} exists`)
  }
})
