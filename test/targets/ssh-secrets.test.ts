// A secret input reaches the remote step on its shell's stdin: in no process's argv while the step
// runs, and masked in every report, evidence file and written document; results are per host.
import {createHash} from 'node:crypto'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 2})
const secret = `s3cret-${Math.random().toString(36).slice(2)}-value`

function allCmdlines(): string[] {
  const lines: string[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      lines.push(readFileSync(`/proc/${entry}/cmdline`).toString('utf8').replace(/\0/g, ' '))
    } catch {
      // gone
    }
  }
  return lines
}

// Wait for a marker file the step writes, or for the run to end without it (then fail, never hang).
async function waitForFile(file: string, run: {done: boolean}): Promise<boolean> {
  while (!existsSync(file)) {
    if (run.done) return false
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return true
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true}).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? (e as unknown as {path: string}).path, e.name))
}

t.test('a secret input reaches the remote shell on stdin, never argv, and is masked everywhere', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-ssh-secret-'))
  const file = path.join(dir, 'RUNBOOK.md')
  writeFileSync(
    file,
    [
      '---',
      'runbook:',
      '  inputs:',
      '    API_TOKEN: { secret: true, required: true }',
      '    MARK: { required: true }',
      '  targets:',
      '    web:',
      `      ssh: [${sshd.hosts.map((h) => `"${h}"`).join(', ')}]`,
      '---',
      '',
      '# Secret',
      '',
      '```bash {#use on=web}',
      'printf %s "$API_TOKEN" | sha256sum | cut -c1-16',
      'echo "token is $API_TOKEN"',
      'touch "$MARK.$(echo "$SSH_CONNECTION" | cut -d" " -f3)"',
      'while [ ! -e "$MARK.release" ]; do sleep 0.05; done',
      '```',
      '',
    ].join('\n'),
  )
  const mark = path.join(dir, 'mark')
  const evidence = path.join(dir, 'evidence')
  const out = path.join(dir, 'OUT.md')
  const junit = path.join(dir, 'junit.xml')
  const running = runCli(['run', file, '--reporter', 'plain', '--evidence', evidence, '--out', out, '--set', `MARK=${mark}`], {
    env: {...sshd.env, API_TOKEN: secret},
  })
  const state = {done: false}
  void running.then(() => (state.done = true))
  for (const address of sshd.addresses) t.ok(await waitForFile(`${mark}.${address}`, state), `the step started on ${address}`)
  const leaks = allCmdlines().filter((line) => line.includes(secret))
  t.same(leaks, [], 'no process has the secret in its command line while the step runs')
  writeFileSync(`${mark}.release`, '')
  const run = await running
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /✓ use@127\.0\.0\.1/)
  t.match(run.stdout, /✓ use@127\.0\.0\.2/)
  const digest = createHash('sha256').update(secret).digest('hex').slice(0, 16)
  for (const address of sshd.addresses) {
    const stdout = readFileSync(path.join(evidence, 'steps', 'use', address, 'stdout.log'), 'utf8')
    t.match(stdout, digest, `the secret reached ${address}`)
    t.match(stdout, 'token is ***')
    t.ok(existsSync(path.join(evidence, 'steps', 'use', address, 'cmd.txt')))
  }
  const manifest = JSON.parse(readFileSync(path.join(evidence, 'manifest.json'), 'utf8')) as {steps: Array<{id: string; target?: string; hosts?: Array<{host: string; status: string; dir?: string}>}>}
  const use = manifest.steps.find((step) => step.id === 'use')!
  t.equal(use.target, 'web')
  t.same(use.hosts!.map((host) => [host.host, host.status, host.dir]), sshd.addresses.map((address) => [address, 'passed', `steps/use/${address}`]))
  for (const written of [...listFiles(evidence), out]) t.notMatch(readFileSync(written, 'utf8'), secret, `${path.basename(written)} holds no secret`)
  t.notMatch(run.stdout + run.stderr, secret)
  const again = await runCli(['run', file, '--reporter', 'junit', '--set', `MARK=${mark}`], {env: {...sshd.env, API_TOKEN: secret}})
  writeFileSync(junit, again.stdout)
  t.notMatch(again.stdout, secret)
  const xml = readFileSync(junit, 'utf8')
  for (const address of sshd.addresses) t.match(xml, `name="use@${address}"`, 'JUnit has one testcase per host')
  const doc = readFileSync(out, 'utf8')
  t.match(doc, /\| host \| status \| duration \|/)
  t.match(doc, /\| 127\.0\.0\.1 \| passed \|/)
  t.match(doc, /<details><summary>127\.0\.0\.2<\/summary>/)
  const tap = await runCli(['plan', file], {env: sshd.env})
  t.match(tap.stdout, /use .*on=web/, 'plan shows the target')
})
