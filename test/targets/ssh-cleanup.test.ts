// Nothing is left behind by an ssh target: a remote step that times out is gone from the process
// table, a remote background service is gone after the run, and the ControlMaster sockets, their
// private folder and the master processes are gone after success, failure and SIGINT.
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {binPath} from '../helpers/cli.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 2})

// Command lines of every live process that contain `needle`.
function processesWith(needle: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`).toString('utf8').replace(/\0/g, ' ')
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') continue
      if (cmdline.includes(needle)) found.push(cmdline)
    } catch {
      // gone
    }
  }
  return found
}

// Run the CLI with a private TMPDIR; send it `signal` once every `|`-separated `whenFile` exists.
function run(file: string, tmp: string, options: {env?: Record<string, string>; whenFile?: string; signal?: NodeJS.Signals} = {}): Promise<{code: number | null; stdout: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, 'run', file, '--reporter', 'plain'], {env: {...process.env, ...sshd.env, ...options.env, TMPDIR: tmp, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.on('error', reject)
    let exited = false
    child.on('close', (code) => {
      exited = true
      resolve({code, stdout})
    })
    if (options.whenFile && options.signal) {
      const poll = setInterval(() => {
        if (exited) return clearInterval(poll)
        if (options.whenFile!.split('|').every((file) => existsSync(file))) {
          clearInterval(poll)
          child.kill(options.signal)
        }
      }, 25)
    }
  })
}

function fleetDoc(body: (dir: string) => string): {file: string; dir: string; tmp: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-ssh-cleanup-'))
  const tmp = path.join(dir, 'tmp')
  mkdirSync(tmp)
  const file = path.join(dir, 'RUNBOOK.md')
  writeFileSync(file, ['---', 'runbook:', '  targets:', '    web:', `      ssh: [${sshd.hosts.map((h) => `"${h}"`).join(', ')}]`, '---', '', '# Cleanup', '', body(dir), ''].join('\n'))
  return {file, dir, tmp}
}

function assertClean(t: {same: (a: unknown, b: unknown, m: string) => void}, tmp: string): void {
  t.same(readdirSync(tmp).filter((name) => name.startsWith('runbook-ssh-')), [], 'the private ControlMaster folder is gone')
  t.same(processesWith(tmp), [], 'no ssh master or client is left running')
}

t.test('a remote sleep under timeout=2s is killed on its host', async (t) => {
  const {file, dir, tmp} = fleetDoc((dir) => ['```bash {#slow on=web timeout=2s}', `touch ${dir}/started.$(echo "$SSH_CONNECTION" | cut -d" " -f3)`, 'sleep 3071', '```'].join('\n'))
  const result = await run(file, tmp)
  t.equal(result.code, 1, result.stdout)
  t.ok(existsSync(`${dir}/started.127.0.0.1`) && existsSync(`${dir}/started.127.0.0.2`), 'the step started on both hosts')
  t.match(result.stdout, /✗ slow@127\.0\.0\.1 — timed out after 2(\.0)?s/)
  t.same(processesWith('sleep 3071'), [], 'the remote sleep is gone')
  assertClean(t, tmp)
})

t.test('a remote background service is stopped when the run ends', async (t) => {
  const {file, dir, tmp} = fleetDoc((dir) =>
    [
      '```bash {#svc on=web background ready="test -e ' + dir + '/up.$(echo \\"$SSH_CONNECTION\\" | cut -d\\" \\" -f3)"}',
      `touch ${dir}/up.$(echo "$SSH_CONNECTION" | cut -d" " -f3)`,
      'sleep 3072',
      '```',
      '',
      '```bash {#use on=web}',
      'pgrep -f "sleep 3072" >/dev/null',
      '```',
    ].join('\n'),
  )
  const result = await run(file, tmp)
  t.equal(result.code, 0, result.stdout)
  t.match(result.stdout, /✓ use@127\.0\.0\.2/, 'the service was running for the next step')
  t.same(processesWith('sleep 3072'), [], 'the remote service is gone after the run')
  assertClean(t, tmp)
})

t.test('sockets and their folder are gone after success and failure', async (t) => {
  for (const code of ['true', 'false']) {
    const {file, tmp} = fleetDoc(() => ['```bash {#one on=web}', code, '```'].join('\n'))
    const result = await run(file, tmp)
    t.equal(result.code, code === 'true' ? 0 : 1, result.stdout)
    assertClean(t, tmp)
  }
})

t.test('sockets, their folder and the remote step are gone after SIGINT', async (t) => {
  const {file, dir, tmp} = fleetDoc((dir) => ['```bash {#long on=web}', `touch ${dir}/started.$(echo "$SSH_CONNECTION" | cut -d" " -f3)`, 'sleep 3073', '```'].join('\n'))
  const result = await run(file, tmp, {whenFile: `${dir}/started.127.0.0.1|${dir}/started.127.0.0.2`, signal: 'SIGINT'})
  t.equal(result.code, 130, result.stdout)
  t.same(processesWith('sleep 3073'), [], 'the remote step is gone')
  assertClean(t, tmp)
})
