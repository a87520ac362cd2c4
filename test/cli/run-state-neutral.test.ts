// Steps whose code cannot change the terminal state send no state records (lib/run/state-neutral.ts).
// Through the CLI, in session and spawn mode: every way a step can change the state, next to steps
// that only run programs, still reaches the steps after it.
import t from 'tap'
import {runbookDir, runJson, fenceBlock as block} from '../helpers/run.js'

for (const args of [[], ['--concurrency', '2']]) {
  const mode = args.length === 0 ? 'session' : 'spawn'
  t.test(`changes made between read-only steps carry over (${mode} mode)`, async (t) => {
    const book = runbookDir(
      [
        '# Neutral and changing steps',
        '',
        block('bash {#define}', 'goto_tmp() { cd /tmp; export VIA_FUNCTION=yes; }'),
        block('bash {#call}', 'goto_tmp'),
        block('bash {#look}', 'echo "$PWD $VIA_FUNCTION"'),
        block('bash {#printf}', 'printf -v FROM_PRINTF %s hello'),
        block('bash {#ls}', 'ls / >/dev/null'),
        block('bash {#loop}', 'for LOOPED in a b; do :; done'),
        block('bash {#reads}', 'read -r FROM_READ < /etc/hostname'),
        block('bash {#source}', 'echo "SOURCED=yes" > sourced.sh', '. ./sourced.sh; rm sourced.sh'),
        block('bash {#pushd}', 'pushd / >/dev/null'),
        block('bash {#show}', 'echo "$PWD $FROM_PRINTF $LOOPED $SOURCED ${FROM_READ:+read}"'),
      ].join('\n'),
    )
    t.teardown(book.cleanup)
    const run = await runJson(book.file, args)
    t.equal(run.code, 0, run.stderr)
    t.equal(run.results.get('look')?.stdout.text, '/tmp yes\n', 'a carried function that changes the state is captured')
    t.equal(run.results.get('show')?.stdout.text, '/ hello b yes read\n', 'printf -v, for, read, ., pushd')
  })
}

t.test('an alias carried from an earlier step counts as a word that may change the state', async (t) => {
  const book = runbookDir(
    [
      '# Alias',
      '',
      block('bash {#alias}', 'shopt -s expand_aliases', "alias jump='cd /tmp'"),
      block('bash {#use}', 'jump'),
      block('bash {#where}', 'pwd'),
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('where')?.stdout.text, '/tmp\n')
})
