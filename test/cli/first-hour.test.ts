// Small things a new user meets in the first hour: option typos, a missing shell, what a dry run
// shows, and env= values with spaces.
import t from 'tap'
import {existsSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runJson} from '../helpers/run.js'

const fence = '```'

t.test('an unknown option is named in the CLI’s words, with a "did you mean"', async (t) => {
  const dir = t.testdir({'doc.md': `${fence}bash {#a}\ntouch ran\n${fence}\n`})
  const typo = await runCli(['run', 'doc.md', '--evidnce', 'ev'], {cwd: dir})
  t.equal(typo.code, 2)
  t.equal(typo.stderr, 'runbook: unknown option `--evidnce` (did you mean `--evidence`?). See `runbook run --help`.\n')
  const bogus = await runCli(['run', 'doc.md', '--bogus'], {cwd: dir})
  t.equal(bogus.stderr, 'runbook: unknown option `--bogus`. See `runbook run --help`.\n')
  t.notMatch(bogus.stderr, /positional argument/)
  const missing = await runCli(['run', 'doc.md', '--out'], {cwd: dir})
  t.match(missing.stderr, 'option `--out` needs a value')
  const lint = await runCli(['lint', 'doc.md', '--fromat', 'json'], {cwd: dir})
  t.match(lint.stderr, 'unknown option `--fromat` (did you mean `--format`?)')
  t.notOk(existsSync(path.join(dir, 'ran')))
})

t.test('a shell that is not installed stops the run before any step, at its place', async (t) => {
  const doc = ['---', 'runbook:', '  shell: fishh', '---', '', `${fence}bash {#a}`, 'touch ran', fence, '', `${fence}bash {#b shell=zshh}`, 'echo b', fence, ''].join('\n')
  const dir = t.testdir({'doc.md': doc})
  const run = await runCli(['run', 'doc.md'], {cwd: dir})
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, 'doc.md:1:1: error: Shell `fishh` of front matter `shell` is not installed')
  t.match(run.stderr, /doc\.md:10:\d+: error: Shell `zshh` of step `b` is not installed/)
  t.notMatch(run.stderr, /ENOENT/)
  t.notOk(existsSync(path.join(dir, 'ran')))
})

t.test('env= takes quoted values with spaces, and --dry-run shows env= and cwd=', async (t) => {
  const doc = [`${fence}bash {#a env="B='two words' C=\\"x y\\" D=1" cwd=sub}`, 'echo "$B|$C|$D|$(basename "$PWD")"', fence, ''].join('\n')
  const dir = t.testdir({'doc.md': doc})
  mkdirSync(path.join(dir, 'sub'))
  const run = await runJson(path.join(dir, 'doc.md'))
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('a')?.stdout.text, 'two words|x y|1|sub\n')
  const dry = await runCli(['run', 'doc.md', '--dry-run', '--reporter', 'plain'], {cwd: dir})
  t.equal(dry.code, 0, dry.stderr)
  t.match(dry.stdout, '  a:\n    # cwd=sub\n    # env B=two words\n    # env C=x y\n    # env D=1\n    echo')
})
