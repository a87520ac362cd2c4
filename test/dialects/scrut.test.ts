import t from 'tap'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir, runJson} from '../helpers/run.js'
import {sharedDir} from '../helpers/shared.js'

const fence = '```'
const selftest = path.join(sharedDir, 'corpus', 'scrut-selftest')

t.test("Scrut's own self-tests run unchanged, each copied into a temporary folder", async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'runbook-scrut-'))
  t.teardown(() => rmSync(root, {recursive: true, force: true}))
  // Scrut's environment test expects its files in a `selftest/cases` folder.
  const cases = path.join(root, 'selftest', 'cases')
  mkdirSync(cases, {recursive: true})
  const files = readdirSync(selftest).filter((name) => /\.(md|scrut|t)$/.test(name)).sort()
  t.equal(files.length, 16, 'the 16 self-test files')
  const passed: string[] = []
  const failed: string[] = []
  for (const name of files) {
    copyFileSync(path.join(selftest, name), path.join(cases, name))
    const run = await runCli(['run', name, '--reporter', 'plain'], {cwd: cases})
    if (run.code === 0) passed.push(name)
    else failed.push(`${name} (exit ${run.code})`)
  }
  t.comment(`passed ${passed.length} of ${files.length}; failed: ${failed.join(', ')}`)
  // The files that pass as they are; docs/coming-from.md says why the others do not.
  t.ok(passed.length >= 12, `at least 12 of the 16 pass (${passed.length})`)
  for (const name of ['crlf-encoded.md', 'crlf-output.md', 'environment.md', 'environment.t', 'escaped.md', 'glob.md', 'inline-setup.md', 'multiline.md', 'regex.md', 'skip.md', 'support-suffix.scrut', 'variables.md']) {
    t.ok(passed.includes(name), `${name} passes`)
  }
})

t.test('Scrut suffixes: quantifiers, (no-eol), (escaped) against raw output, cram glob escapes', async (t) => {
  const dir = runbookDir(
    [
      '# Suffixes',
      '',
      `${fence}scrut`,
      '$ printf "a1\\na2\\na3\\nb\\n"',
      'a\\d (regex+)',
      'c (?)',
      'b',
      '```',
      '',
      `${fence}testcase`,
      '$ printf "x\\nx\\n"; printf end',
      'x (+)',
      'y (glob*)',
      'end (no-eol)',
      '```',
      '',
      `${fence}scrut`,
      "$ printf '\\033[1mbold\\033[0m\\n'",
      '\\x1b[1mbold\\x1b[0m (escaped)',
      '```',
      '',
      `${fence}scrut`,
      "$ echo 'a\\b *star* x'",
      'a\\b \\*star\\* ? (glob)',
      '```',
      '',
    ].join('\n'),
  )
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.equal([...run.results.values()].filter((r) => r.status === 'passed').length, 4)
})

t.test('a bold line checked with (esc) fails when the bold is missing', async (t) => {
  const dir = runbookDir(['# Esc', '', `${fence}scrut`, "$ printf 'bold\\n'", '\\x1b[1mbold\\x1b[0m (esc)', '```', ''].join('\n'))
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 1)
})

t.test('Scrut environment and exit 80', async (t) => {
  const dir = runbookDir(
    [
      '# Env',
      '',
      `${fence}scrut`,
      '$ echo "$TESTFILE $LANG $LC_ALL $TZ $COLUMNS"; test "$TESTDIR" = "$OLDPWD_DIR" || echo "$TESTDIR"; basename "$TMPDIR"; test "$PWD" = "$TMPDIR" && echo in-tmp; test -d "$CRAMTMP" && echo cramtmp',
      'runbook.md C C GMT 80',
      '* (glob)',
      '__tmp',
      'in-tmp',
      'cramtmp',
      '```',
      '',
      `${fence}scrut`,
      '$ echo this fails',
      'something else',
      '```',
      '',
      `${fence}scrut`,
      '$ exit 80',
      '```',
      '',
      `${fence}scrut`,
      '$ echo never run',
      'never checked',
      '```',
      '',
    ].join('\n'),
  )
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 0, run.stdout)
  const end = run.events.find((e) => e['type'] === 'run:end')
  const statuses = (end?.['result'].steps as Array<{status: string}>).map((r) => r.status)
  t.same(statuses, ['passed', 'skipped', 'passed', 'skipped'], 'exit 80 skips the rest of the file and its failures')
})
