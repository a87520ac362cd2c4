import t from 'tap'
import {mkdtempSync, realpathSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {ShellSession} from '../../lib/run/session.js'
import {runInSession} from '../../lib/run/session-job.js'
import {parseBashState} from '../../lib/run/shell-state.js'

// A session job hands back its state (directory and exports) over the session's pipe, not a file.
t.test('a session job sends back its directory and exports, multi-line values and unsets included', {timeout: 20000}, async (t) => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rb-session-test-')))
  t.teardown(() => rmSync(dir, {recursive: true, force: true}))
  const env = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', GONE: 'x'}
  const session = new ShellSession(env)
  t.teardown(() => session.close())
  const request = {file: 'bash', args: [], cwd: dir, env, tags: {}, keepAll: true}
  const job = (code: string) => ({code, restore: '', options: '-e -o pipefail', merge: false})
  const first = await runInSession(session, {...request, job: job(`mkdir sub && cd sub && export LINES_V=$'one\\ntwo' && unset GONE && PLAIN=1 && echo done`)})
  t.equal(first.exitCode, 0)
  t.equal(first.stdout.text(), 'done\n')
  const state = parseBashState(first.stateParts ?? {})
  t.equal(state?.cwd, join(dir, 'sub'))
  t.equal(state?.env['LINES_V'], 'one\ntwo')
  t.notOk(state && 'GONE' in state.env, 'an unset export is gone')
  t.match(state?.restore, /^PLAIN="1"$/m, 'a plain variable is in the replay text')
  const second = await runInSession(session, {...request, job: job('read -r line || echo "got:$line:$?"; exit 3')})
  t.equal(second.exitCode, 3, 'the exit status is the step\'s own')
  t.equal(second.stdout.text(), 'got::1\n', 'a step reading stdin gets EOF')
  t.ok(second.stateParts?.V, 'the state arrives on a failing step too')
})
