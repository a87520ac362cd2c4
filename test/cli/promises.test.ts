// Promises of SPEC §1, §2, §7, §9 and §11 that had only unit tests, now checked through the CLI:
// SIGTERM → 143, exit 3 with a stack under --debug, shell=, the sh and zsh runners, the HTML-comment
// form, Runme's front matter, strict JSON matching, and the evidence path rules.
import t from 'tap'
import {spawn} from 'node:child_process'
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {binPath, runCli} from '../helpers/cli.js'
import {killMarked, marker, runbookDir, waitFor} from '../helpers/run.js'

const fence = '```'

t.test('SIGTERM mid-run: the always step runs and the CLI exits 143', async (t) => {
  const mark = marker('sigterm')
  t.teardown(() => killMarked(mark))
  const book = runbookDir([
    '# Terminated', '',
    `${fence}bash {#long}`, `touch started.flag; (exec -a ${mark} sleep 300)`, `${fence}`, '',
    `${fence}bash {#teardown always}`, 'echo cleaned > teardown.txt', `${fence}`, '',
  ].join('\n'))
  t.teardown(book.cleanup)
  const child = spawn(process.execPath, [binPath, 'run', book.file, '--reporter', 'plain'], {cwd: book.dir, stdio: 'ignore', env: {...process.env, NO_COLOR: '1'}})
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  await waitFor(() => existsSync(path.join(book.dir, 'started.flag')), 60_000, 'the long step to start')
  child.kill('SIGTERM')
  t.equal(await exited, 143)
  t.equal(readFileSync(path.join(book.dir, 'teardown.txt'), 'utf8'), 'cleaned\n', 'the always step ran')
})

t.test('an internal error exits 3, says it is a bug, and shows a stack only under --debug', async (t) => {
  // A fault where no error is expected: writing the plan to stdout throws.
  const fault = 'data:text/javascript,' + encodeURIComponent(
    "const write = process.stdout.write.bind(process.stdout); process.stdout.write = (chunk, ...rest) => { if (String(chunk) !== '') throw new Error('stdout broke'); return write(chunk, ...rest) }",
  )
  const book = runbookDir(`# P\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  const run = (args: string[]) => new Promise<{code: number | null; stderr: string}>((resolve) => {
    const child = spawn(process.execPath, [binPath, ...args], {env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: `--import=${fault}`}})
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('close', (code) => resolve({code, stderr}))
  })
  const plain = await run(['plan', book.file])
  t.equal(plain.code, 3)
  t.match(plain.stderr, /internal error/)
  t.match(plain.stderr, /bug/)
  t.notMatch(plain.stderr, /\n\s+at /, 'no stack without --debug')
  const debug = await run(['plan', book.file, '--debug'])
  t.equal(debug.code, 3)
  t.match(debug.stderr, /\n\s+at /, 'a stack under --debug')
})

t.test('shell= and front matter shell pick the interpreter: sh (dash) and zsh', async (t) => {
  const book = runbookDir([
    '---', 'runbook:', '  shell: zsh', '---', '# Shells', '',
    `${fence}sh {#in-sh shell=sh}`, 'if [ -n "${BASH_VERSION:-}" ] || [ -n "${ZSH_VERSION:-}" ]; then echo other; else echo plain-sh; fi', `${fence}`, '',
    `${fence}zsh {#in-zsh}`, 'echo "zsh ${ZSH_VERSION:+yes}"', `${fence}`, '',
    `${fence}bash {#in-default}`, 'echo "default ${ZSH_VERSION:+zsh}"', `${fence}`, '',
  ].join('\n'))
  t.teardown(book.cleanup)
  const out = path.join(book.dir, 'out.md')
  const result = await runCli(['run', book.file, '--out', out, '--reporter', 'plain'], {cwd: book.dir})
  t.equal(result.code, 0, result.stdout + result.stderr)
  const written = readFileSync(out, 'utf8')
  t.match(written, /runbook:output id=in-sh[^\n]*\n`*text\nplain-sh\n/, 'shell=sh runs under a POSIX sh')
  t.match(written, /runbook:output id=in-zsh[^\n]*\n`*text\nzsh yes\n/, 'a zsh block runs under zsh')
  t.match(written, /runbook:output id=in-default[^\n]*\n`*text\ndefault zsh\n/, 'front matter shell: zsh is the default')
})

t.test('the HTML-comment form makes a plain fence a step with those attributes', async (t) => {
  const book = runbookDir([
    '# Comment form', '',
    '<!-- runbook: #greet exit=3 -->', `${fence}bash`, 'echo hi; exit 3', `${fence}`, '',
    `${fence}text {expect}`, 'hi', `${fence}`, '',
  ].join('\n'))
  t.teardown(book.cleanup)
  const list = await runCli(['list', book.file])
  t.match(list.stdout, /^greet\s+shell\s+line 4/m)
  const run = await runCli(['run', book.file, '--reporter', 'plain'])
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /✓ greet/)
})

t.test("Runme's front matter makes every shell block a step; excludeFromRunAll opts one out", async (t) => {
  const book = runbookDir([
    '---', 'runme:', '  id: 01HF7BT3HCDS1X1WJJHK77GXH9', '  version: v3', '---', '', '# Runme', '',
    `${fence}sh`, 'echo first', `${fence}`, '',
    `${fence}sh {"name":"named"}`, 'echo second', `${fence}`, '',
    `${fence}sh {"name":"never","excludeFromRunAll":"true"}`, 'exit 1', `${fence}`, '',
  ].join('\n'))
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--reporter', 'plain'])
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /2 passed, 0 failed, 1 skipped/)
  t.match(run.stdout, /✓ named/)
})

t.test('{expect strict} fails on a key the pattern does not name; the loose pattern passes', async (t) => {
  const doc = (strict: boolean) => [
    '# Strict', '',
    `${fence}bash {#health}`, `echo '{"status": "ok", "extra": 1}'`, `${fence}`, '',
    `${fence}json {expect${strict ? ' strict' : ''}}`, '{"status": "ok"}', `${fence}`, '',
  ].join('\n')
  const loose = runbookDir(doc(false))
  const strict = runbookDir(doc(true))
  t.teardown(() => (loose.cleanup(), strict.cleanup()))
  t.equal((await runCli(['run', loose.file, '--reporter', 'plain'])).code, 0)
  const failed = await runCli(['run', strict.file, '--reporter', 'plain'])
  t.equal(failed.code, 1)
  t.match(failed.stdout, /\$\.extra: unexpected key \(strict\)/)
})

t.test('evidence stays inside its folder: a symlink in place of steps/ is replaced, never followed', async (t) => {
  const book = runbookDir(`# E\n\n${fence}bash {#a}\necho inside\n${fence}\n`)
  t.teardown(book.cleanup)
  const outside = path.join(book.dir, 'outside')
  const evidence = path.join(book.dir, 'ev')
  mkdirSync(outside)
  mkdirSync(evidence)
  symlinkSync(outside, path.join(evidence, 'steps'))
  const run = await runCli(['run', book.file, '--evidence', evidence, '--reporter', 'plain'])
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.same(readdirSync(outside), [], 'nothing was written through the link')
  t.ok(lstatSync(path.join(evidence, 'steps')).isDirectory(), 'the link was replaced by a real folder')
  t.equal(readFileSync(path.join(evidence, 'steps/a/stdout.log'), 'utf8'), 'inside\n', 'the log is inside the evidence')
})

t.test('a step id cannot name a path outside the evidence folder', async (t) => {
  const book = runbookDir(`# E\n\n${fence}bash {#../escape}\necho x\n${fence}\n`)
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--evidence', path.join(book.dir, 'ev')])
  t.equal(run.code, 2)
  t.match(run.stderr, /runbook\.md:3:\d+: error: .*\.\.\/escape/)
  t.notOk(existsSync(path.join(book.dir, 'escape')), 'nothing was created')
})
