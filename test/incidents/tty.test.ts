import t from 'tap'
import {runOnPty} from '../helpers/pty.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'
const book = [
  '# Terminal steps',
  '',
  `${fence}bash {#edit tty}`,
  'test -t 0 && test -t 1 || exit 9',
  'printf "type ok> "; read -r answer',
  '[ "$answer" = ok ]',
  `${fence}`,
  '',
  `${fence}bash {#shell-in tty allow-failure}`,
  'exit 4',
  `${fence}`,
  '',
  `${fence}bash {#after}`,
  'echo after',
  `${fence}`,
  '',
].join('\n')

t.test('on a terminal a tty step gets the real terminal and its exit code decides', async (t) => {
  const dir = runbookDir(book)
  t.teardown(dir.cleanup)
  const run = await runOnPty(['run', dir.file, '--reporter', 'plain'], [{after: 'type ok> ', type: 'ok\r'}], {cwd: dir.dir})
  t.equal(run.code, 0, run.output)
  t.match(run.output, '✓ edit')
  t.match(run.output, /✗ shell-in — exit code 4 \(expected 0\), allowed to fail/)
  t.match(run.output, '✓ after')
})

t.test('without a terminal a tty step is reported manual with the command to run, and the run goes on', async (t) => {
  const dir = runbookDir(book)
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.equal(run.results.get('edit')?.status, 'manual')
  t.match(run.results.get('edit')?.reason, 'needs a terminal: run it by hand: test -t 0 && test -t 1 || exit 9 ; printf "type ok> "; read -r answer ; [ "$answer" = ok ]')
  t.equal(run.results.get('after')?.status, 'passed')
})
