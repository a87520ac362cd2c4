// Which step code may change the terminal state (lib/run/state-neutral.ts): coarse on purpose, so
// every doubt means "capture".
import t from 'tap'
import {definitionsNeutral, stateNeutral} from '../../lib/run/state-neutral.js'
import {bashJobText} from '../../lib/run/bash-job.js'

t.test('programs, pipes and redirections cannot change the state', async (t) => {
  for (const code of ['echo hello', 'kubectl get pods -n prod', 'curl -fsS http://127.0.0.1:8080/health | jq .status', 'ls / >/dev/null 2>&1', 'grep -v x file || true', 'test -f x && echo "$HOME"', './check.sh --fast']) {
    t.ok(stateNeutral(code, ''), code)
  }
})

t.test('every shell word that sets state makes the step captured', async (t) => {
  const changing = [
    'cd /tmp', 'X=1', 'export X', 'unset X', 'declare -a A', 'typeset x', 'local x', 'readonly x', 'alias ll=ls', 'unalias ll', 'set -x',
    'shopt -s nullglob', 'source env.sh', '. env.sh', 'eval "$CMD"', 'trap "" INT', 'shift', 'read -r line', 'mapfile -t lines', 'readarray x',
    'printf -v V %s x', 'wait -p PID', 'getopts ab opt', 'let i++', 'for i in 1 2; do :; done', 'select x in a; do break; done', 'coproc cat',
    'pushd /', 'popd', 'enable -n echo', 'command cd /', 'builtin cd /', 'f() { :; }', 'function f { :; }', '(( i++ ))', 'echo $(( i += 1 ))',
    'echo ${X:=default}', 'echo ok; cd /', 'true && cd /', 'echo x|read y', 'exec 3>file',
  ]
  for (const code of changing) t.notOk(stateNeutral(code, ''), code)
})

t.test('a function or alias the terminal carries may change the state', async (t) => {
  const restore = ["alias jump='cd /tmp'", 'goto () ', '{ ', '    cd /', '}'].join('\n')
  t.notOk(stateNeutral('goto', restore), 'carried function')
  t.notOk(stateNeutral('echo x && jump', restore), 'carried alias')
  t.ok(stateNeutral('echo goto-is-only-text-here', restore), 'a longer word is not the function')
  t.ok(stateNeutral('goto', ''), 'no such function carried')
})

t.test('a step that only sets variables or moves cannot change functions or aliases', async (t) => {
  const restore = ["alias jump='cd /tmp'", 'goto () ', '{ ', '    cd /', '}'].join('\n')
  for (const code of ['X=1', 'cd /tmp && Y=$(date)', 'for i in 1 2; do N=$i; done', 'read -r LINE < file', 'set -u; shopt -s nullglob', 'local_var=unset_me']) {
    t.ok(definitionsNeutral(code, restore), code)
  }
  for (const code of ['f() { :; }', 'f ( ) { :; }', 'function f { :; }', 'unset -f goto', 'unset X', 'alias a=b', 'unalias jump', 'source lib.sh', '. ./lib.sh', 'eval "$CODE"', 'builtin source x', 'command . x', 'declare -f g', 'export -f goto', 'readonly -f goto', 'goto', 'X=1; jump', 'exec 3>log', 'enable -n echo', 'BASH_ALIASES[ll]="ls -l"']) {
    t.notOk(definitionsNeutral(code, restore), code)
  }
})

t.test('a neutral job asks its EXIT trap for no state records', async (t) => {
  const job = {id: '7', code: 'echo hi', restore: '', options: '', merge: false, jobFd: 63}
  t.match(bashJobText({...job, keepState: true}), /__rb_job=7 __rb_keep=1; builtin trap -- __rb_on_exit EXIT/)
  t.notMatch(bashJobText(job), /__rb_keep/)
})
