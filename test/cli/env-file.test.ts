// `--env-file` through the CLI, launched as a user launches it (the executable, via its shebang).
import t from 'tap'
import {spawn} from 'node:child_process'
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {binPath} from '../helpers/cli.js'

const fence = '```'
const doc = ['# env', '', `${fence}bash {#show}`, 'printf "%s|" "$GREETING" "$CERT" > seen.txt', fence, ''].join('\n')

// Run the executable itself: Node 20 reads `--env-file` anywhere in its own argv, unless the
// shebang ends Node's options with `--` as ours does.
function runBin(args: string[], cwd: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(binPath, args, {cwd, env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: ''}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

t.test('a missing env file is a usage error (exit 2) with a clear message, before any step', async (t) => {
  const dir = t.testdir({'doc.md': doc})
  const run = await runBin(['run', 'doc.md', '--env-file', 'missing.env'], dir)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, 'runbook: --env-file missing.env: no such file')
  t.notMatch(run.stderr, /node:/, 'not Node’s own message')
  t.notMatch(run.stdout, /show/, 'no step ran')
})

t.test('a folder given as the env file is a usage error (exit 2)', async (t) => {
  const dir = t.testdir({'doc.md': doc})
  mkdirSync(path.join(dir, 'conf.env'))
  const run = await runBin(['run', 'doc.md', '--env-file', 'conf.env'], dir)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, '--env-file conf.env: not a regular file')
})

t.test('a multi-line quoted value reaches the step whole', async (t) => {
  const dir = t.testdir({'doc.md': doc, 'vars.env': 'GREETING="hello there"\nCERT="-----BEGIN-----\nabc\n-----END-----"\n'})
  const run = await runBin(['run', 'doc.md', '--env-file', 'vars.env'], dir)
  t.equal(run.code, 0, run.stderr)
  t.equal(readFileSync(path.join(dir, 'seen.txt'), 'utf8'), 'hello there|-----BEGIN-----\nabc\n-----END-----|')
})

t.test('a malformed line is named by number and its text (maybe a secret) is never echoed', async (t) => {
  const dir = t.testdir({'doc.md': doc, 'vars.env': 'GREETING=hi\nhunter2-not-a-pair\n'})
  const run = await runBin(['run', 'doc.md', '--env-file', 'vars.env'], dir)
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, 'vars.env:2:1: expected KEY=VALUE')
  t.notMatch(run.stderr + run.stdout, 'hunter2')
})
