// What the one-terminal state costs per bash step (issue 17: ≤ 0.3 ms), in its three parts:
// bash capturing it in the EXIT trap, bash replaying it before the step's code, and Node parsing
// the records. Measured against what the exported-variables-only state cost (`export -p`). As in a
// real job (bash-job.ts), bash writes the records into a file opened read-write (`1<>`), and Node
// reads that file once and parses it; the last line prints the total against the 0.3 ms budget.
// The terminal carries a realistic load: 12 plain variables, an array, 6 functions, 3 aliases.
// Usage: node bench/state-cost.mjs [N] [empty]   (needs `npm run build` first; `empty`: a terminal
// the steps left untouched, the common case)
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {openJobFile, readJobFile} from '../dist/lib/run/job-file.js'
import {parseBashState} from '../dist/lib/run/shell-state.js'
import {readStateFile} from '../dist/lib/run/state-records.js'

const N = Number(process.argv[2] ?? 2000)
const setup = process.argv[3] === 'empty' ? ':' : [
  ...Array.from({length: 12}, (_, i) => `V${i}="value number ${i}"`),
  'LIST=(alpha "beta gamma" delta)',
  ...Array.from({length: 6}, (_, i) => `f${i}() { local x=$1; echo "function ${i}: $x"; }`),
  "shopt -s expand_aliases; alias ll='ls -l' k=kubectl g='git status'",
].join('\n')
const capture = '{ printf "S 1 %s\\0V 1\\n" "$PWD"; declare -p; printf "\\0F 1\\n"; declare -f; printf "\\0A 1\\n"; alias -p; printf "\\0O 1\\n"; shopt -p; set +o; printf "\\0E 1\\0"; }'
// A job whose options did not change sends `=` for them (bash-job.ts): the common case.
const captureSame = capture.replace('shopt -p; set +o;', 'if [ "$__rb_n" = "$__rb_o" ]; then printf =; else shopt -p; set +o; fi;')
const scratch = mkdtempSync(path.join(tmpdir(), 'rb-state-cost-'))
const file = path.join(scratch, 'records')

// CPU milliseconds per iteration of `body`, run N times inside one bash (no fork counted). CPU
// time, not wall time, so that other load on the machine counts less.
function bashLoop(body, env = {}) {
  const script = `${setup}\nexec 64<>${file}\nTIMEFORMAT='%U %S'; time (for ((i = 0; i < ${N}; i++)); do ${body}; done)`
  const run = spawnSync('bash', ['--noprofile', '--norc', '-c', script], {encoding: 'utf8', env: {...process.env, ...env}})
  const [user, sys] = run.stderr.trim().split('\n').pop().split(' ').map(Number)
  return ((user + sys) * 1000) / N
}

const records = execFileSync('bash', ['--noprofile', '--norc', '-c', `${setup}\n${capture}`], {encoding: 'utf8'})
const parts = {}
for (const record of records.split('\0').slice(0, 5)) {
  const kind = record[0]
  parts[kind] = kind === 'S' ? record.slice(4) : record.slice(record.indexOf('\n') + 1)
}
// What a fresh job reports once (record B): options equal to these are not replayed.
parts.B = execFileSync('bash', ['--noprofile', '--norc', '-c', 'shopt -p; set +o'], {encoding: 'utf8'})
const first = parseBashState(parts)
if (!first) throw new Error('the records did not parse')
const restore = first.restore

const rows = []
const exportOnly = bashLoop('export -p 1<>/dev/fd/64')
const captureAll = bashLoop(`${capture} 1<>/dev/fd/64`)
const captureKept = bashLoop(`__rb_o=$SHELLOPTS:$BASHOPTS; __rb_n=$SHELLOPTS:$BASHOPTS; ${captureSame} 1<>/dev/fd/64`)
rows.push(['bash: capture in the EXIT trap, options unchanged (declare -p/-f, alias -p, `=`)', captureKept - exportOnly])
rows.push(['bash: replay before the code (eval of the restore text)', bashLoop('eval "$RB_RESTORE" >/dev/null', {RB_RESTORE: restore})])
const cpu = (fn) => {
  const start = process.cpuUsage()
  for (let i = 0; i < N; i++) fn(i)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000 / N
}
const recordsFd = openJobFile(records)
rows.push(['node: read the file and parse records where one variable changed', cpu((i) => {
  const read = {}
  readStateFile(readJobFile(recordsFd), '1', read)
  return parseBashState({...read, B: parts.B, O: '=', V: `${read.V}declare -- STEP_${i}="${i}"\n`}, 'bash', parts.O)
})])
rows.push(['node: parse unchanged records (kept from the last step)', cpu(() => parseBashState(parts))])
process.stdout.write(`state text: ${Buffer.byteLength(records)} bytes captured, ${Buffer.byteLength(restore)} bytes replayed\n`)
for (const [name, ms] of rows) process.stdout.write(`${ms.toFixed(3).padStart(7)} ms/step  ${name}\n`)
const total = rows[0][1] + rows[1][1] + rows[2][1]
process.stdout.write(`${total.toFixed(3).padStart(7)} ms/step  total above export -p (a variable changed every step): ${total <= 0.3 ? 'within' : 'OVER'} the 0.3 ms budget\n`)
process.stdout.write(`${(captureAll - captureKept).toFixed(3).padStart(7)} ms/step  more for a step that also changed an option (full shopt -p; set +o)\n`)
rmSync(scratch, {recursive: true, force: true})
