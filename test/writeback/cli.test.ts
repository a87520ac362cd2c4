import {readFileSync, writeFileSync, readdirSync, statSync, chmodSync} from 'node:fs'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import t from 'tap'
import {binPath, runCli} from '../helpers/cli.js'
import {parse} from '../helpers/writeback.js'

const preload = fileURLToPath(new URL('../helpers/crash-at.mjs', import.meta.url))

const doc = [
  '---',
  'runbook:',
  '  env: { GREETING: hello }',
  '---',
  '# Release',
  '',
  '- [ ] Greet',
  '  ```bash {#greet}',
  '  echo "$GREETING world"',
  '  ```',
  '- [ ] Count',
  '  ~~~bash {#count}',
  '  printf "3 items\\na\\nb\\ntotal: 2\\n"',
  '  ~~~',
  '  ```text {expect}',
  '  <int> items',
  '  ...',
  '  total: 2',
  '  ```',
  '',
  'Done.',
].join('\n')

t.test('run --write --stable twice leaves the file byte for byte the same (CRLF and no final newline too)', async (t) => {
  for (const [name, text] of [['LF', doc], ['CRLF', doc.replace(/\n/g, '\r\n')]] as const) {
    const dir = t.testdir({'doc.md': text})
    const file = path.join(dir, 'doc.md')
    const first = await runCli(['run', 'doc.md', '--write', '--stable'], {cwd: dir})
    t.equal(first.code, 0, `${name}: ${first.stderr}`)
    const once = readFileSync(file, 'utf8')
    t.match(once, /- \[x\] Greet/, `${name}: the box follows its step`)
    t.match(once, 'hello world', `${name}: the output is in the document`)
    t.ok(once.endsWith('Done.'), `${name}: still no final newline`)
    if (name === 'CRLF') t.notMatch(once, /[^\r]\n/, 'CRLF stays CRLF')
    const second = await runCli(['run', 'doc.md', '--write', '--stable'], {cwd: dir})
    t.equal(second.code, 0)
    t.equal(readFileSync(file, 'utf8'), once, `${name}: a fixed point`)
  }
})

t.test('--update turns a failing expectation into a passing one and keeps its pattern lines', async (t) => {
  const dir = t.testdir({'doc.md': doc.replace('total: 2\\n', 'total: 5\\n')})
  const file = path.join(dir, 'doc.md')
  const failing = await runCli(['run', 'doc.md'], {cwd: dir})
  t.equal(failing.code, 1, 'fails before the update')
  const update = await runCli(['run', 'doc.md', '--update'], {cwd: dir})
  t.equal(update.code, 1, 'the updating run still reports the failure it fixed')
  const updated = readFileSync(file, 'utf8')
  t.match(updated, '  <int> items\n  ...\n  total: 5\n  ```', 'pattern lines kept, the wrong line rewritten')
  t.notMatch(updated, 'runbook:output', '--update alone adds no output regions')
  const passing = await runCli(['run', 'doc.md'], {cwd: dir})
  t.equal(passing.code, 0, `passes after the update: ${passing.stdout}`)
})

t.test('secrets reach no written file and not the terminal, in plain, URL-encoded or base64 form', async (t) => {
  const declared = 'decl4red-S3cret/value'
  const token = 'tok_9f8e7d6c5b4a+x'
  const source = [
    '---',
    'runbook:',
    '  inputs:',
    '    DEPLOY_PASS: { secret: true }',
    '---',
    '# Secrets',
    '',
    '```bash {#leak}',
    'echo "plain $DEPLOY_PASS $API_TOKEN"',
    'node -e \'console.log(encodeURIComponent(process.env.DEPLOY_PASS), encodeURIComponent(process.env.API_TOKEN))\'',
    'printf %s "$DEPLOY_PASS" | base64; printf %s "$API_TOKEN" | base64',
    'printf "x%s" "$API_TOKEN" | base64; echo "$DEPLOY_PASS" >&2',
    'exit 1',
    '```',
    '',
  ].join('\n')
  const dir = t.testdir({'doc.md': source})
  const result = await runCli(['run', 'doc.md', '--write', '--evidence', 'ev', '--reporter', 'plain'], {cwd: dir, env: {DEPLOY_PASS: declared, API_TOKEN: token}})
  t.equal(result.code, 1)
  const forms = [declared, token, encodeURIComponent(declared), encodeURIComponent(token), Buffer.from(declared).toString('base64').slice(0, 16), Buffer.from(token).toString('base64').slice(0, 12), Buffer.from(`x${token}`).toString('base64').slice(4, 16)]
  const files = (function walk(at: string): string[] {
    return readdirSync(at).flatMap((name) => (statSync(path.join(at, name)).isDirectory() ? walk(path.join(at, name)) : [path.join(at, name)]))
  })(dir)
  t.ok(files.length >= 6, 'the document and the evidence were written')
  for (const [where, text] of [['stdout', result.stdout], ['stderr', result.stderr], ...files.map((f) => [path.relative(dir, f), readFileSync(f, 'utf8')])] as const) {
    for (const form of forms) t.notOk(text.includes(form), `${where} does not contain ${form.slice(0, 4)}…`)
  }
  t.match(readFileSync(path.join(dir, 'doc.md'), 'utf8'), 'plain *** ***')
})

t.test('an edit made to the file during the run is not overwritten', async (t) => {
  const source = '# Edited\n\n```bash {#edit}\necho "- added by a colleague" >> doc.md\n```\n'
  const dir = t.testdir({'doc.md': source})
  const result = await runCli(['run', 'doc.md', '--write'], {cwd: dir})
  t.equal(result.code, 0)
  t.equal(readFileSync(path.join(dir, 'doc.md'), 'utf8'), `${source}- added by a colleague\n`, 'the edit is kept')
  t.match(result.stderr, /doc\.md changed during the run; kept it and wrote the result to doc\.runbook\.md/)
  t.match(readFileSync(path.join(dir, 'doc.runbook.md'), 'utf8'), '<!-- runbook:output id=edit status=passed')
})

t.test('the CLI SIGKILLed at each write point leaves the file old or new, byte for byte', async (t) => {
  const dir = t.testdir({})
  const file = path.join(dir, 'doc.md')
  const outcomes: string[] = []
  let newText: string | undefined
  for (let at = 1; at < 20; at++) {
    writeFileSync(file, doc)
    chmodSync(file, 0o640)
    const child = spawnSync(process.execPath, ['--import', preload, binPath, 'run', 'doc.md', '--write', '--stable'], {
      cwd: dir,
      env: {...process.env, NO_COLOR: '1', CRASH_AT: String(at), CRASH_MATCH: dir},
      encoding: 'utf8',
      timeout: 60_000,
    })
    const now = readFileSync(file, 'utf8')
    t.equal(statSync(file).mode & 0o777, 0o640, `write point ${at}: mode kept`)
    if (child.signal !== 'SIGKILL') {
      t.equal(child.status, 0, child.stderr)
      newText = now
      break
    }
    outcomes.push(now === doc ? 'old' : now)
  }
  t.ok(newText !== undefined && newText !== doc, 'the run that was not killed wrote the new text')
  t.ok(outcomes.length >= 5, `killed at ${outcomes.length} write points`)
  for (const [index, outcome] of outcomes.entries()) t.ok(outcome === 'old' || outcome === newText, `killed at write point ${index + 1}: ${outcome === 'old' ? 'old' : 'new'} file, whole`)
  t.ok(outcomes.includes('old') && outcomes.some((o) => o === newText), 'kills before and after the rename')
  await runCli(['run', 'doc.md', '--write', '--stable'], {cwd: dir})
  t.same(readdirSync(dir), ['doc.md'], 'the next run leaves no temp file behind')
  t.equal(parse(readFileSync(file, 'utf8')).regions.length, 3)
})
