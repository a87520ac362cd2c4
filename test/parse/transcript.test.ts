import t from 'tap'
import {parseRunbook, parseTranscript} from '../../lib/parse/index.js'

t.test('console transcripts split into commands and the output expected after each', async (t) => {
  const text = '# Try it\n\n```console {#try}\n$ echo hello\nhello\n$ export N=3\n$ for i in 1 2; do\n>   echo $i\n> done\n1\n2\n\n$ ls \\\n  -1 /nope\nls: cannot access \'/nope\': No such file or directory\n```\n'
  const rb = parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
  t.same(rb.diagnostics, [])
  const step = rb.steps[0]!
  t.equal(step.runner, 'console')
  t.match(step.transcript, [
    {command: 'echo hello', expected: 'hello', line: 4, expectedLine: 5, expectedCount: 1},
    {command: 'export N=3', expected: '', line: 6},
    {command: 'for i in 1 2; do\n  echo $i\ndone', expected: '1\n2', line: 7},
    {command: 'ls \\\n  -1 /nope', expected: "ls: cannot access '/nope': No such file or directory", line: 13},
  ])
})

t.test('shell-session is a transcript too; text before the first $ is not a command', async (t) => {
  t.match(parseTranscript('# a comment\n$ true\n$ pwd\n/tmp', 1), [
    {command: 'true', expected: '', line: 2},
    {command: 'pwd', expected: '/tmp', line: 3},
  ])
  const rb = parseRunbook('```shell-session {}\n$ date\n<date>\n```\n', {file: 'doc.md'})
  t.equal(rb.steps[0]!.transcript?.[0]?.expected, '<date>')
})
