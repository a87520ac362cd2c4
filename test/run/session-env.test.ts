// The session server's exports (lib/run/session-env.ts): the deltas, applied in order by a real
// bash, leave exactly the environment a step must see, status variables included.
import t from 'tap'
import {execFileSync} from 'node:child_process'
import {ServerEnv} from '../../lib/run/session-env.js'

// What `names` are in a bash that started with `initial` and sourced `deltas` in order.
function applied(initial: Record<string, string>, deltas: string[], names: string[]): Record<string, string | null> {
  const script = `${deltas.join('\n')}\n${names.map((name) => `if [ -n "\${${name}+x}" ]; then printf '%s=%s\\n' ${name} "$${name}"; else echo ${name}; fi`).join('\n')}`
  const out = execFileSync('bash', ['--noprofile', '--norc', '-c', script], {env: initial, encoding: 'utf8'})
  const seen: Record<string, string | null> = {}
  for (const line of out.trimEnd().split('\n')) {
    const at = line.indexOf('=')
    if (at === -1) seen[line] = null
    else seen[line.slice(0, at)] = line.slice(at + 1)
  }
  return seen
}

t.test('statuses are sent once each, over the environment, under a step env=', async (t) => {
  const initial = {PATH: process.env['PATH']!, RUNBOOK_STATUS_ONE: 'inherited', KEEP: 'k'}
  const server = new ServerEnv(initial)
  const deltas: string[] = []
  const statuses = new Map<string, string>()
  const env = {PATH: initial.PATH, RUNBOOK_STATUS_ONE: 'inherited', KEEP: 'k'}
  deltas.push(server.delta(env, statuses))
  statuses.set('one', 'passed')
  deltas.push(server.delta(env, statuses))
  t.same(applied(initial, deltas, ['RUNBOOK_STATUS_ONE', 'KEEP']), {RUNBOOK_STATUS_ONE: 'passed', KEEP: 'k'}, "the run's status beats an inherited value")
  const again = server.delta(env, statuses)
  t.equal(again, '', 'nothing changed: nothing sent')
  deltas.push(server.delta({...env, RUNBOOK_STATUS_ONE: 'forced'}, statuses, {RUNBOOK_STATUS_ONE: 'forced'}))
  t.same(applied(initial, deltas, ['RUNBOOK_STATUS_ONE']), {RUNBOOK_STATUS_ONE: 'forced'}, "a step's env= beats the status")
  statuses.set('two-b', 'failed')
  const rest = {PATH: initial.PATH, KEEP: 'k'} // RUNBOOK_STATUS_ONE gone from the state
  deltas.push(server.delta(rest, statuses))
  t.same(applied(initial, deltas, ['RUNBOOK_STATUS_ONE', 'RUNBOOK_STATUS_TWO_B', 'KEEP']), {RUNBOOK_STATUS_ONE: 'passed', RUNBOOK_STATUS_TWO_B: 'failed', KEEP: 'k'}, 'the status is back after the override')
  deltas.push(server.delta({PATH: initial.PATH}, statuses))
  t.same(applied(initial, deltas, ['KEEP', 'RUNBOOK_STATUS_TWO_B']), {KEEP: null, RUNBOOK_STATUS_TWO_B: 'failed'}, 'an unset export is unset, statuses stay')
})
