import t from 'tap'
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('exported variables (multi-line too) and the directory carry over to the next step', async (t) => {
  const book = runbookDir(
    [
      '# State',
      '',
      `${fence}bash {#set}`,
      "export GREETING=$'hello\\nsecond line \"quoted\" $dollar'",
      'export EMPTY=',
      'cd sub',
      `${fence}`,
      '',
      `${fence}bash {#use}`,
      'printf "%s|%s|%s\\n" "$GREETING" "${EMPTY-unset}" "$(basename "$PWD")"',
      `${fence}`,
      '',
      `${fence}bash {#unset}`,
      'unset GREETING',
      `${fence}`,
      '',
      `${fence}bash {#after-unset}`,
      'echo "[${GREETING-gone}]"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'sub'))
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('use')?.stdout.text, 'hello\nsecond line "quoted" $dollar||sub\n')
  t.equal(run.results.get('after-unset')?.stdout.text, '[gone]\n')
  t.same(run.results.get('set')?.captures, {GREETING: 'hello\nsecond line "quoted" $dollar', EMPTY: ''})
})

t.test('env= is for one step only; cwd= is relative to the runbook and does not move the session', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#one env="MODE=fast LEVEL=3" cwd=sub}`,
      'echo "$MODE $LEVEL $(basename "$PWD")"',
      `${fence}`,
      '',
      `${fence}bash {#two}`,
      'echo "[${MODE-none}] $(basename "$PWD")"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'sub'))
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('one')?.stdout.text, 'fast 3 sub\n')
  t.equal(run.results.get('two')?.stdout.text, `[none] ${path.basename(book.dir)}\n`)
})

t.test('exit=, allow-failure and contains= decide pass and fail', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#expected-three exit=3}`,
      'exit 3',
      `${fence}`,
      '',
      `${fence}bash {#allowed allow-failure}`,
      'exit 1',
      `${fence}`,
      '',
      `${fence}bash {#has-text contains="ready"}`,
      'echo "server ready"',
      `${fence}`,
      '',
      `${fence}bash {#lacks-text contains="ready" needs=}`,
      'echo "starting"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 1, 'a failed step fails the run')
  t.equal(run.results.get('expected-three')?.status, 'passed')
  t.equal(run.results.get('allowed')?.status, 'failed')
  t.equal(run.results.get('allowed')?.allowedFailure, true)
  t.equal(run.results.get('has-text')?.status, 'passed', 'dependants of an allowed failure run')
  t.equal(run.results.get('lacks-text')?.status, 'failed')
  t.match(run.results.get('lacks-text')?.reason, /does not contain "ready"/)
})

t.test('{expect} blocks, console transcripts, node and python runners', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#count}`,
      'export N=3',
      'seq 1 $N',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      '1',
      '...',
      '<int>',
      `${fence}`,
      '',
      `${fence}console {#session}`,
      '$ export WORD=carried',
      '$ echo $WORD; false',
      'carried',
      '[1]',
      `${fence}`,
      '',
      `${fence}node {#js}`,
      'console.log(process.env.N * 2)',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      '6',
      `${fence}`,
      '',
      `${fence}python {#py}`,
      'import os; print(os.environ["WORD"].upper())',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      'CARRIED',
      `${fence}`,
      '',
      `${fence}bash {#wrong needs=}`,
      'echo actual',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      'expected',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.results.get('count')?.status, 'passed')
  t.equal(run.results.get('session')?.status, 'passed', JSON.stringify(run.results.get('session')))
  t.equal(run.results.get('js')?.status, 'passed', JSON.stringify(run.results.get('js')?.reason))
  t.equal(run.results.get('py')?.status, 'passed', JSON.stringify(run.results.get('py')?.reason))
  t.equal(run.results.get('wrong')?.status, 'failed')
  t.equal(run.results.get('wrong')?.expectationFailures.length, 1)
  t.equal(run.code, 1)
})

t.test('secrets are masked in every output chunk before events and results see them', async (t) => {
  const book = runbookDir([`${fence}bash {#leak}`, 'printf "token=%s\\n" "$API_TOKEN"; printf "%s" "$API_TOKEN" >&2', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const secret = 'sup3r-s3cret-value'
  const run = await runJson(book.file, ['--set', `API_TOKEN=${secret}`])
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('leak')?.stdout.text, 'token=***\n')
  t.equal(run.results.get('leak')?.stderr.text, '***')
  t.notOk(run.stdout.includes(secret), 'the secret appears nowhere in the event stream')
})

t.test('a secret-named variable exported by a step is masked in the recorded captures', async (t) => {
  const book = runbookDir([`${fence}bash {#make}`, 'export DB_PASSWORD=generated-pass-123 PLAIN_NAME=visible', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.same(run.results.get('make')?.captures, {DB_PASSWORD: '***', PLAIN_NAME: 'visible'})
  t.notOk(JSON.stringify(run.results.get('make')?.captures).includes('generated-pass-123'), 'the value is not in the result')
})

t.test('a secret exported by one step is masked in later steps, on the terminal and in the written file', async (t) => {
  const secret = 'generated-9f8e7d6c5b'
  const book = runbookDir(
    [
      '# Secrets made during the run',
      '',
      `${fence}bash {#make}`,
      // Made at run time, so the value is nowhere in the document itself.
      "export DEPLOY_TOKEN=$(printf 'generated-%s' 9f8e7d6c5b)",
      `${fence}`,
      '',
      `${fence}bash {#use}`,
      'echo "token=$DEPLOY_TOKEN"',
      'printf %s "$DEPLOY_TOKEN" | base64',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const out = path.join(book.dir, 'out.md')
  const run = await runJson(book.file, ['--out', out])
  t.equal(run.code, 0, run.stderr)
  t.match(run.results.get('use')?.stdout.text, /^token=\*\*\*$/m)
  const written = readFileSync(out, 'utf8')
  t.match(written, /token=\*\*\*/)
  t.notOk(written.includes(secret), 'not in the written document')
  t.notOk(written.includes(Buffer.from(secret).toString('base64')), 'nor its base64 form')
  t.notOk(run.stdout.includes(secret), 'not on the terminal')
})
