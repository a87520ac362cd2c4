// What the session server is told to run so that it holds a job's carried state (session-state.ts),
// checked by running those commands in a real bash that plays the server.
import t from 'tap'
import {execFileSync} from 'node:child_process'
import {ServerState} from '../../lib/run/session-state.js'
import type {HeldState} from '../../lib/run/shell-state.js'

const held = (vars: Record<string, string>, functions = '', aliases = ''): HeldState => ({vars: new Map(Object.entries(vars)), functions, aliases})

// Apply each delta in turn in one bash, then print what it holds.
function hold(states: Array<HeldState | undefined>, probe: string): string {
  const server = new ServerState()
  const script = states.map((state) => {
    const delta = server.delta(state)
    return [delta.clear, delta.define].filter((text) => text !== '').join('\n')
  })
  return execFileSync('bash', ['--noprofile', '--norc', '-c', [...script, probe].join('\n')], {encoding: 'utf8'})
}

t.test('nothing changed: nothing to run', async (t) => {
  const server = new ServerState()
  const state = held({X: 'X=1'}, 'f () \n{ \n    :\n}', "alias a='b'")
  t.not(server.delta(state).define, '')
  t.same(server.delta(state), {clear: '', define: ''})
  t.same(server.delta(held({X: 'X=1'}, 'f () \n{ \n    :\n}', "alias a='b'")), {clear: '', define: ''}, 'equal, not the same object')
})

t.test('variables: set, changed in kind, removed', async (t) => {
  const out = hold([held({A: 'A=([0]="1" [1]="2" [2]="3")', GONE: 'GONE="x"', S: 'S="s"'}), held({A: 'A="one"', S: 'S=([0]="x" [1]="y")'})], 'echo "${#A[@]} $A ${#S[@]} ${S[1]} ${GONE-unset}"')
  t.equal(out, '1 one 2 y unset\n')
  t.equal(hold([held({X: 'X="1"'}), undefined], 'echo "${X-unset}"'), 'unset\n', 'no state: the server lets go of everything')
})

t.test('functions: redefined, removed, parsed with extended patterns whatever the options', async (t) => {
  const first = ['f () ', '{ ', '    echo f1', '}', 'm () ', '{ ', '    [[ $1 == @(yes|y) ]] && echo matched', '}'].join('\n')
  const second = ['m () ', '{ ', '    [[ $1 == @(yes|y) ]] && echo matched', '}'].join('\n')
  t.equal(hold([held({}, first), held({}, second)], 'type f >/dev/null 2>&1 || echo no-f; m y; shopt -q extglob || echo extglob-off'), 'no-f\nmatched\nextglob-off\n')
})

t.test('aliases: replaced whole, defined with the builtin even when a function named alias exists', async (t) => {
  const out = hold([held({}, 'alias () \n{ \n    return 3\n}', "alias a='echo a'\nalias b='echo b'"), held({}, 'alias () \n{ \n    return 3\n}', "alias b='echo B'")], 'builtin alias -p')
  t.equal(out, "alias b='echo B'\n")
})
