import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

const book = [
  '# Prompts',
  '',
  `${fence}bash {#pasted}`,
  '$ echo one \\',
  '    two',
  'one two',
  '$ echo "open',
  'quote"',
  'open',
  'quote',
  '$ cat <<EOF',
  '> here line',
  'EOF',
  'here line',
  '$ printf "%s\\n" a b |',
  '  sort -r',
  'this line is example output: not-a-command-xyz',
  '$ echo "it\'s done" # a comment with a quote\'s apostrophe',
  `${fence}`,
  '',
  `${fence}bash {#plain}`,
  'X=5',
  'echo "$X and $ not a prompt"',
  `${fence}`,
  '',
].join('\n')

t.test('a $-prompted block runs its commands with the prompts removed and the pasted output left out', async (t) => {
  const dir = runbookDir(book)
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 0, run.stderr + run.stdout)
  t.equal(run.results.get('pasted')?.stdout.text, 'one two\nopen\nquote\nhere line\nb\na\nit\'s done\n')
  t.notMatch(run.results.get('pasted')?.stderr.text ?? '', /not-a-command|command not found/)
  t.equal(run.results.get('plain')?.stdout.text, '5 and $ not a prompt\n')
})

t.test('--dry-run shows the resolved commands without prompts or output', async (t) => {
  const dir = runbookDir(book)
  t.teardown(dir.cleanup)
  const run = await runCli(['run', dir.file, '--dry-run', '--reporter', 'plain'], {cwd: dir.dir})
  t.equal(run.code, 0, run.stderr)
  const listing = run.stdout.slice(run.stdout.indexOf('Commands (nothing was executed):'))
  t.match(listing, ['    echo one \\', '        two', '    echo "open', '    quote"', '    cat <<EOF', '    here line', '    EOF', '    printf "%s\\n" a b |', '      sort -r', `    echo "it's done" # a comment with a quote's apostrophe`].join('\n'))
  t.notMatch(listing, /^ {4}\$ /m)
  t.notMatch(listing, /not-a-command-xyz/)
  t.match(listing, '    X=5\n    echo "$X and $ not a prompt"')
})

t.test('a prompted command that fails fails the step', async (t) => {
  const dir = runbookDir(['# F', '', `${fence}bash {#f}`, '$ echo before', 'before', '$ exit 3', `${fence}`, ''].join('\n'))
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 1)
  t.equal(run.results.get('f')?.status, 'failed')
})
