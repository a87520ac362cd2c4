// The shell lexer and variable analysis behind undeclared-variable and placeholder-in-command.
import t from 'tap'
import {lexShell} from '../../lib/lint/shell/lex.js'
import {definedVariables, usedVariables} from '../../lib/lint/shell/variables.js'

const kinds = (script: string) => lexShell(script).map((s) => `${s.kind}:${script.slice(s.start, s.end)}`)

t.test('quotes, comments and heredocs are told apart', async (t) => {
  t.same(kinds(`echo 'a $B' "c $D" # e $F`), ['code:echo ', "single:'a $B'", 'code: ', 'double:"c $D"', 'code: ', 'comment:# e $F'])
  t.same(kinds("cat <<'EOF' | sort\n$X\nEOF\necho $Y"), ["code:cat <<'EOF' | sort\n", 'heredoc-quoted:$X\n', 'code:EOF\n', 'code:echo $Y'])
  t.same(kinds('cat <<-END\n\t$X\n\tEND\n'), ['code:cat <<-END\n', 'heredoc:\t$X\n', 'code:\tEND\n'])
  t.same(kinds('echo a#b $((1 << 2)) <<< "$S"'), ['code:echo a#b $((1 << 2)) <<< ', 'double:"$S"'], 'no comment inside a word, no heredoc for << or <<<')
  t.same(kinds(`echo $'it\\'s' done`), ["code:echo $", "single:'it\\'s'", 'code: done'], "ANSI-C quotes keep escaped quotes")
})

t.test('definitions: assignments, export, read, loops and friends', async (t) => {
  const script = 'A=1\nexport B C=2\nlocal -r D=4\nread -rp "name? " E F\nfor G in x; do :; done\nselect H in a b; do break; done\ngetopts ab I\nmapfile -t J < f\nprintf -v K %s x\n(( L = 1 ))\n: "${M:=x}"\nARR[0]=1\nN+=x'
  t.same([...definedVariables(script)].sort(), ['A', 'ARR', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'])
  t.same([...definedVariables("echo 'X=1'")], [], 'not inside single quotes')
})

t.test('uses: expansions with and without defaults', async (t) => {
  const uses = usedVariables('echo $A ${B} ${C:-x} ${D-x} ${E:?no} ${#F} ${G[0]} \\$H "$I" \'$J\' $(cmd) $((1+2))')
  t.same(uses.map((u) => [u.name, u.hasDefault]), [['A', false], ['B', false], ['C', true], ['D', true], ['E', true], ['F', false], ['G', false], ['I', false]])
})
