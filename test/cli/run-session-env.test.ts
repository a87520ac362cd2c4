// The session server applies only the changes to the exported environment between steps
// (lib/run/session-env.ts): every step still sees exactly the environment the last one left, and a
// step's own `TMOUT` cannot time out the server's wait for the next step.
import t from 'tap'
import {runbookDir, runJson, fenceBlock} from '../helpers/run.js'

const block = fenceBlock

t.test('exports changed, changed back, removed and restored reach each step exactly', async (t) => {
  const book = runbookDir(
    [
      '# Environment deltas',
      '',
      block('bash {#one}', 'export A=1 B=kept', 'unset HOME'),
      block('bash {#two}', 'echo "$A ${HOME-no-home}"', 'export A=2'),
      block('bash {#three}', 'echo "$A"', 'export A=1 HOME=/elsewhere', 'unset B'),
      block('bash {#four env="B=for-one-step"}', 'echo "$A $HOME $B"'),
      block('bash {#five}', 'echo "$A ${B-no-b} $RUNBOOK_STATUS_ONE ${RUNBOOK_STATUS_FIVE-unset}"', 'bash -c \'echo "child: $A $HOME ${B-no-b}"\''),
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('two')?.stdout.text, '1 no-home\n')
  t.equal(run.results.get('three')?.stdout.text, '2\n')
  t.equal(run.results.get('four')?.stdout.text, '1 /elsewhere for-one-step\n')
  t.equal(run.results.get('five')?.stdout.text, '1 no-b passed unset\nchild: 1 /elsewhere no-b\n', 'a child process gets the same environment')
})

t.test("a step's exported TMOUT does not end the session while a later step runs", async (t) => {
  const book = runbookDir(
    [
      '# TMOUT',
      '',
      block('bash {#set}', 'export TMOUT=1 KEPT=yes', 'echo "$$"'),
      block('bash {#long}', 'sleep 2', 'echo "$KEPT"'),
      block('bash {#after}', 'echo "$TMOUT $KEPT"', 'echo "$$"'),
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('long')?.stdout.text, 'yes\n')
  const server = run.results.get('set')?.stdout.text ?? ''
  t.match(server, /^\d+\n$/)
  // In the session, `$$` is the server's pid in every step; a step spawned on its own has its own.
  t.equal(run.results.get('after')?.stdout.text, `1 yes\n${server}`, 'the same session ran the step after')
})

// A job whose options did not change reports `=` instead of ~80 lines of `shopt -p; set +o`
// (bash-job.ts); the runner then keeps the options the job started from.
for (const args of [[], ['--concurrency', '2']]) {
  t.test(`options carry over steps that leave them alone (${args.length === 0 ? 'session' : 'spawn'} mode)`, async (t) => {
    const book = runbookDir(
      [
        '# Options',
        '',
        block('bash {#set}', 'shopt -s nullglob', 'set -o noglob'),
        block('bash {#untouched}', 'echo plain'),
        block('bash {#check}', 'shopt -q nullglob && echo nullglob-on', '[[ $- == *f* ]] && echo noglob-on', 'set +o noglob'),
        block('bash {#again}', 'echo plain'),
        block('bash {#last}', 'shopt -q nullglob && echo nullglob-on', '[[ $- == *f* ]] || echo noglob-off'),
      ].join('\n'),
    )
    t.teardown(book.cleanup)
    const run = await runJson(book.file, args)
    t.equal(run.code, 0, run.stderr)
    t.equal(run.results.get('check')?.stdout.text, 'nullglob-on\nnoglob-on\n')
    t.equal(run.results.get('last')?.stdout.text, 'nullglob-on\nnoglob-off\n')
  })
}
