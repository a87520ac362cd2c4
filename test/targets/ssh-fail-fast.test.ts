// Fail fast on other machines (SPEC §1), through the CLI against a real loopback sshd: a remote
// step starts from the document's shell options (default `-e -o pipefail`), `set +e` opts one step
// out, a failing step still hands the host's state to the next step, `shell-options: ""` turns it
// off; exec wrappers get the same options.
import t from 'tap'
import {runbookDir, runJson, fenceBlock} from '../helpers/run.js'
import {startSshd} from '../helpers/sshd.js'

const sshd = await startSshd(t, {count: 1})
const block = fenceBlock
const front = (extra = '') => ['---', 'runbook:', extra, '  targets:', '    web:', `      ssh: "${sshd.hosts[0]!.replace(String(sshd.port), '${SSHD_PORT}')}"`, '    box:', '      exec: [sh, -s]', '---', ''].filter((line) => line !== '').join('\n')

type Run = Awaited<ReturnType<typeof runJson>>
// The one host's result of a step, from its `host:end` event.
const onHost = (run: Run, id: string) => run.events.find((event) => event.type === 'host:end' && event.stepId === id)?.result as Record<string, any> | undefined
const out = (run: Run, id: string) => onHost(run, id)?.stdout?.head as string | undefined

t.test('remote steps fail fast, set +e opts out, a failing step keeps the host state', async (t) => {
  const book = runbookDir(
    [
      front(),
      '# Remote fail fast',
      '',
      block('bash {#setup on=web}', 'cd /tmp', 'export KEPT=kept', 'plain=here'),
      block('bash {#middle on=web allow-failure}', 'cd /usr', 'BEFORE_FAIL=yes', 'false', 'echo ok'),
      block('bash {#pipe on=web allow-failure}', 'false | cat', 'echo ok'),
      block('bash {#nounset on=web allow-failure}', 'set -u', 'export UNSET_SEEN=1', 'echo "$NOPE_NOT_SET"', 'echo not-here'),
      block('bash {#opt-out on=web}', 'set +e', 'false', 'echo still-here'),
      block('bash {#after-opt-out on=web allow-failure}', 'false', 'echo not-reset'),
      block('bash {#later on=web}', 'echo "$PWD $KEPT $plain $BEFORE_FAIL $UNSET_SEEN"'),
      block('bash {#wrapped on=box allow-failure}', 'false', 'echo ok'),
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {env: sshd.env})
  t.equal(run.code, 0, 'allowed failures do not fail the run: ' + run.stderr)
  t.equal(onHost(run, 'middle')?.status, 'failed', '`false; echo ok` fails on the host')
  t.equal(onHost(run, 'middle')?.exitCode, 1)
  t.equal(out(run, 'middle'), '', 'nothing after the failing command ran')
  t.equal(onHost(run, 'pipe')?.status, 'failed', '`false | cat` fails (pipefail)')
  t.equal(out(run, 'pipe'), '')
  t.equal(onHost(run, 'nounset')?.status, 'failed', 'a step’s own `set -u` still fails it')
  t.equal(out(run, 'nounset'), '')
  t.equal(onHost(run, 'opt-out')?.status, 'passed', '`set +e` opts the step out')
  t.equal(out(run, 'opt-out'), 'still-here\n')
  t.equal(onHost(run, 'after-opt-out')?.status, 'failed', 'the next step starts from the document’s options again')
  t.equal(out(run, 'after-opt-out'), '')
  t.equal(onHost(run, 'later')?.status, 'passed', JSON.stringify(onHost(run, 'later')?.reason))
  t.equal(out(run, 'later'), '/usr kept here yes 1\n', 'cd and variables set before a failing command reach the next step')
  t.equal(onHost(run, 'wrapped')?.status, 'failed', 'an exec wrapper’s shell starts with errexit too')
  t.equal(out(run, 'wrapped'), '')
})

t.test('front matter shell-options: "" turns fail-fast off on remote steps', async (t) => {
  const book = runbookDir(
    [
      front('  shell-options: ""'),
      '# Lenient',
      '',
      block('bash {#lenient on=web}', 'false', 'echo ok'),
      block('bash {#pipe on=web}', 'false | cat', 'echo fine'),
      block('bash {#wrapped on=box}', 'false', 'echo wrapped-ok'),
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {env: sshd.env})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.equal(out(run, 'lenient'), 'ok\n')
  t.equal(out(run, 'pipe'), 'fine\n')
  t.equal(out(run, 'wrapped'), 'wrapped-ok\n')
})
