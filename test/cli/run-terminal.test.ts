// One terminal and fail-fast (SPEC §1, §3; issue 11), a user's EXIT trap (issue 12 #10), through
// the CLI, in session mode (one step at a time) and in spawn mode (--concurrency 2). In session
// mode the server holds the functions, aliases and plain variables (issue 17): the changes and
// unsets tests check that it lets go of what a step removed.
import t, {type Test} from 'tap'
import {existsSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {runbookDir, runJson, fenceBlock} from '../helpers/run.js'

const modes = [
  {name: 'session mode', args: []},
  {name: 'spawn mode', args: ['--concurrency', '2']},
]
const block = fenceBlock
const text = (run: Awaited<ReturnType<typeof runJson>>, id: string) => run.results.get(id)?.stdout.text
const failedAsAllowed = (run: Awaited<ReturnType<typeof runJson>>, id: string) => run.results.get(id)?.status === 'failed' && run.results.get(id)?.allowedFailure === true

for (const mode of modes) {
  // Write the runbook (and its files) to a folder removed after the test, and run it in this mode.
  const runBook = async (t: Test, markdown: string, files?: Record<string, string>) => {
    const book = runbookDir(markdown, files)
    t.teardown(book.cleanup)
    return {book, run: await runJson(book.file, mode.args)}
  }

  t.test(`fail fast: errexit and pipefail, set +e, every step from the document's options (${mode.name})`, async (t) => {
    const {run} = await runBook(
      t,
      [
        '# Fail fast',
        '',
        block('bash {#middle allow-failure needs=}', 'false', 'echo ok'),
        block('bash {#pipe allow-failure needs=}', 'false | cat', 'echo ok'),
        block('bash {#opt-out needs=}', 'set +e', 'false', 'echo still-here'),
        block('bash {#after-opt-out allow-failure}', 'false', 'echo not-reset'),
        block('sh {#dash allow-failure needs=}', 'false', 'echo ok'),
      ].join('\n'),
    )
    t.ok(failedAsAllowed(run, 'middle'), 'false; echo ok fails')
    t.equal(text(run, 'middle'), '', 'nothing after the failing command ran')
    t.ok(failedAsAllowed(run, 'pipe'), 'false | cat fails')
    t.equal(run.results.get('opt-out')?.status, 'passed')
    t.equal(text(run, 'opt-out'), 'still-here\n', 'set +e opts the step out')
    t.ok(failedAsAllowed(run, 'after-opt-out'), 'the next step starts with errexit again')
    t.equal(text(run, 'after-opt-out'), '')
    t.ok(failedAsAllowed(run, 'dash'), 'sh steps get errexit too')
  })

  t.test(`one terminal: cd, variables, functions, aliases and options carry over (${mode.name})`, async (t) => {
    const book = runbookDir(
      [
        '# One terminal',
        '',
        block(
          'bash {#set}',
          'cd sub',
          'PLAIN="two words"',
          'export EXPORTED=yes',
          'declare -a LIST=(a "b c")',
          'greet() { echo "hello $1"; }',
          'shopt -s expand_aliases',
          "alias ll='echo aliased'",
          'set -o noglob',
          'shopt -s nullglob',
        ),
        block(
          'bash {#use}',
          'll',
          'echo "$(basename "$PWD") $PLAIN $EXPORTED ${LIST[1]}"',
          'greet world',
          'echo *',
          'shopt -q nullglob && echo nullglob-on',
        ),
        block(
          'console {#transcript}',
          '$ cd /',
          '$ pwd',
          '/',
          '$ X=1',
          '$ echo $X $PLAIN',
          '1 two words',
          '$ false',
          '[1]',
          '$ false; echo no-errexit-here',
          'no-errexit-here',
        ),
        block('bash {#after-transcript}', 'echo "$PWD $X"', 'greet again'),
      ].join('\n'),
    )
    t.teardown(book.cleanup)
    mkdirSync(path.join(book.dir, 'sub'))
    const run = await runJson(book.file, mode.args)
    t.equal(run.code, 0, run.stdout + run.stderr)
    t.equal(text(run, 'use'), 'aliased\nsub two words yes b c\nhello world\n*\nnullglob-on\n')
    t.equal(run.results.get('transcript')?.status, 'passed', JSON.stringify(run.results.get('transcript')?.reason))
    t.equal(text(run, 'after-transcript'), '/ 1\nhello again\n', 'the transcript hands its state to the next step')
  })

  t.test(`what a step unsets or changes is gone or changed in the next: variables, arrays, exports, functions, aliases (${mode.name})`, async (t) => {
    const {run} = await runBook(
      t,
      [
        '# Changes',
        '',
        block(
          'bash {#define}',
          'GONE=1; S=scalar; A=(1 2 3); P=plain; export Q=q',
          'f() { echo f1; }; h() { echo h1; }',
          'shopt -s extglob expand_aliases',
          "alias al='echo alias-on'",
          'readonly R=fixed; declare -i N=5; IFS=,',
        ),
        // Parsed with extglob on: the next step turns it off and redefines another function.
        block('bash {#pattern}', 'm() { [[ $1 == @(yes|y) ]] && echo matched; }'),
        block('bash {#change}', 'unset GONE; S=(x y); unset A; A=one; export P; export -n Q', 'unset -f f; h() { echo h2; }; unalias al; shopt -u extglob'),
        // Cannot change functions or aliases: its trap sends `=` for them, which must keep them.
        block('bash {#vars-only}', 'VARS_ONLY=kept; cd .'),
        block(
          'bash {#check}',
          'echo "${GONE-unset} ${#S[@]} ${S[1]} ${#A[@]} $A $VARS_ONLY"',
          `bash -c 'echo "child:$P child:\${Q-none}"'; echo "$Q"`,
          'type f >/dev/null 2>&1 || echo no-f',
          'h; m y; alias al 2>/dev/null || echo no-alias',
          'N+=1; echo "$R $N"; x="a,b"; set -- $x; echo "$#"',
        ),
      ].join('\n'),
    )
    t.equal(run.code, 0, run.stdout + run.stderr)
    t.equal(text(run, 'check'), 'unset 2 y 1 one kept\nchild:plain child:none\nq\nno-f\nh2\nmatched\nno-alias\nfixed 6\n2\n')
  })

  t.test(`arrays with attributes, odd names and texts carry over (${mode.name})`, async (t) => {
    const {run} = await runBook(
      t,
      [
        '# Odd state',
        '',
        block(
          'bash {#define}',
          'declare -ar RA=(1 "two three"); declare -Ar RM=([k]=v); declare -ai IA=(1 2); declare -A MAP=([k]="v w" [x]=y)',
          'declare -l LOW=MiXeD; declare -u UP=mixed; declare -n REF=MAP; NL=$\'line1\nline2\'; EMPTY=; declare -- DECLARED_ONLY',
          'greet-user() { echo "hi $1"; }',
          // A heredoc line that looks like a function's first line.
          'doc() {',
          "  cat <<'TXT'",
          'doc () ',
          'line }',
          'TXT',
          '}',
          "shopt -s expand_aliases; alias multi=$'echo a\\necho b'",
        ),
        block(
          'bash {#use}',
          'greet-user bob; doc; multi',
          'echo "${RA[1]} ${RM[k]} $((IA[0] + IA[1])) ${MAP[k]} ${REF[x]} $LOW $UP ${#NL} [${EMPTY}] ${DECLARED_ONLY-unset}"',
          '(RA[0]=x) 2>/dev/null || echo ra-readonly',
          'IA+=(3); MAP[z]=new; unset -f doc',
        ),
        block('bash {#after}', 'type doc >/dev/null 2>&1 || echo no-doc; greet-user amy', 'echo "${#IA[@]} ${MAP[z]} ${REF[k]}"'),
      ].join('\n'),
    )
    t.equal(run.code, 0, run.stdout + run.stderr)
    t.equal(text(run, 'use'), 'hi bob\ndoc () \nline }\na\nb\ntwo three v 3 v w y mixed MIXED 11 [] unset\nra-readonly\n')
    t.equal(text(run, 'after'), 'no-doc\nhi amy\n3 new v w\n')
  })

  t.test(`a step's functions named like shell builtins do not break the terminal (${mode.name})`, async (t) => {
    const shadowed = ['read', 'printf', 'unset', 'echo', 'declare', 'shopt', 'set', 'exit', 'alias', 'unalias', 'eval']
    const {book, run} = await runBook(
      t,
      [
        '# Shadows',
        '',
        block('bash {#before}', 'readonly R=fixed; shopt -s expand_aliases; alias al="builtin echo alias-on"'),
        block('bash {#shadow}', ...shadowed.map((name) => `${name}() { return 3; }`), 'cd() { builtin echo user-cd; builtin cd "$@"; }', 'LATE=late'),
        block('bash {#use}', 'builtin echo "still $LATE $R"; al', `builtin unset -f ${shadowed.join(' ')} cd`, 'export AFTER=yes'),
        block('bash {#last}', 'echo "$AFTER $(basename "$PWD")"', `bash -c 'echo "child:$AFTER"'`),
      ].join('\n'),
    )
    t.equal(run.code, 0, run.stdout + run.stderr)
    t.equal(text(run, 'use'), 'still late fixed\nalias-on\n', "the runner's own commands call no user function")
    t.equal(text(run, 'last'), `yes ${path.basename(book.dir)}\nchild:yes\n`, 'the directory is restored without the user\'s cd')
  })

  t.test(`front matter shell-options sets the document's default (${mode.name})`, async (t) => {
    const {run} = await runBook(
      t,
      ['---', 'runbook:', '  shell-options: ""', '---', '', block('bash {#lenient}', 'false', 'echo ran-on'), block('bash {#pipe}', 'false | cat', 'echo fine')].join('\n'),
    )
    t.equal(run.code, 0, run.stderr)
    t.equal(text(run, 'lenient'), 'ran-on\n')
    const {run: second} = await runBook(t, ['---', 'runbook:', '  shell-options: -e -u', '---', '', block('bash {#unset allow-failure}', 'echo "$NOPE"', 'echo not-here'), block('bash {#pipe}', 'false | cat', 'echo no-pipefail')].join('\n'))
    t.ok(failedAsAllowed(second, 'unset'), 'nounset from shell-options')
    t.equal(text(second, 'pipe'), 'no-pipefail\n', 'pipefail is not on when shell-options leaves it out')
  })

  t.test(`a sourced library's EXIT trap runs at the end of its step and keeps the state (${mode.name})`, async (t) => {
    const {book, run} = await runBook(
      t,
      [
        '# Traps',
        '',
        block('bash {#lib}', 'source ./lib.sh', 'echo working in "$(basename "$WORK")"'),
        block('bash {#next}', 'echo "from lib: $FROM_LIB"', 'test ! -e "$WORK" && echo cleaned', "trap 'echo own-trap' EXIT INT", 'trap -p EXIT'),
        block('bash {#status allow-failure}', "trap 'exit 4' EXIT"),
      ].join('\n'),
      {'lib.sh': ['export WORK="$PWD/work-dir"', 'mkdir -p "$WORK"', 'export FROM_LIB=yes', "trap 'rm -rf \"$WORK\"; echo lib-cleanup' EXIT", ''].join('\n')},
    )
    t.equal(run.results.get('lib')?.status, 'passed', JSON.stringify(run.results.get('lib')?.reason))
    t.equal(text(run, 'lib'), 'working in work-dir\nlib-cleanup\n')
    t.equal(text(run, 'next'), "from lib: yes\ncleaned\ntrap -- 'echo own-trap' EXIT\nown-trap\n")
    t.equal(run.results.get('status')?.exitCode, 4, "a trap's own `exit 4` is the step's status, as in bash")
    t.notOk(existsSync(path.join(book.dir, 'work-dir')))
  })

  t.test(`stream=all keeps the real order of stdout and stderr (${mode.name})`, async (t) => {
    const steps: string[] = []
    for (let i = 0; i < 4; i++) {
      steps.push(block(`bash {#order-${i} needs=}`, 'echo out1; echo err1 >&2; echo out2; echo err2 >&2; echo out3'))
      steps.push(block('{expect stream=all}', 'out1', 'err1', 'out2', 'err2', 'out3'))
    }
    const {run} = await runBook(t, ['# Order', '', ...steps].join('\n'))
    t.equal(run.code, 0, run.stdout.split('\n').filter((line) => line.includes('"failed"')).join('\n'))
  })
}
