// What the one-terminal state costs per bash step (issue 17: ≤ 0.3 ms), in its parts: bash
// capturing it in the EXIT trap, bash replaying what a session job replays before the step's code,
// the session server applying what changed, and Node parsing the records and working out the
// change. Measured against what the exported-variables-only state cost (`export -p`). As in a
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
import {parseExportP} from '../dist/lib/run/export-p.js'
import {readStateFile} from '../dist/lib/run/state-records.js'
import {ServerState} from '../dist/lib/run/session-state.js'

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
// A step that sets a variable cannot change functions or aliases (state-neutral.ts): `=` for both.
const captureVars = captureSame.replace('declare -f; printf "\\0A 1\\n"; alias -p;', 'printf "=\\0A 1\\n=";')
if (captureVars === captureSame) throw new Error('the capture text changed: update captureVars')
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
// A job of the session server replays only `rest` (options, variables with other attributes); the
// server holds the rest and applies what changed before it forks the job (session-state.ts).
const held = new ServerState()
held.delta(first.held)
const changed = parseBashState({...parts, V: `${parts.V}declare -- STEP_1="1"\n`})
const oneVariable = held.delta(changed.held)
const serverDelta = [oneVariable.clear, oneVariable.define].filter((text) => text !== '').join('\n')

const rows = []
const exportOnly = bashLoop('export -p 1<>/dev/fd/64')
const captureAll = bashLoop(`${capture} 1<>/dev/fd/64`)
const same = '__rb_o=$SHELLOPTS:$BASHOPTS; __rb_n=$SHELLOPTS:$BASHOPTS;'
const captureKept = bashLoop(`${same} ${captureSame} 1<>/dev/fd/64`)
const captureVarsOnly = bashLoop(`${same} ${captureVars} 1<>/dev/fd/64`)
rows.push(['bash: capture in the EXIT trap, a step that set a variable (declare -p; `=` for the rest)', captureVarsOnly - exportOnly])
rows.push(['bash: replay before the code (a session job: options and attribute variables)', bashLoop('eval "$RB_REST" >/dev/null', {RB_REST: first.rest})])
rows.push(['bash: the session server applies the changed variable', bashLoop('eval "$RB_DELTA" >/dev/null', {RB_DELTA: serverDelta})])
// Node's parts are timed after a warm-up of N/4 calls (its compilers' tiers), as a run of many
// steps would be.
const cpu = (fn) => {
  for (let i = 0; i < N / 4; i++) fn(i)
  const start = process.cpuUsage()
  for (let i = 0; i < N; i++) fn(i)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000 / N
}
// What such a step's trap writes, one file text per step (each with a new variable), made before
// the timing as flat strings, as a read from the file gives them.
const recordsFd = openJobFile(records)
const [head, tail] = [records.slice(0, records.indexOf('\0F 1\n')), '\0F 1\n=\0A 1\n=\0O 1\n=\0E 1\0']
const texts = Array.from({length: N}, (_, i) => Buffer.from(`${head}declare -- STEP_${i}="${i}"\n${tail}`).toString())
rows.push(['node: read the file and parse records where one variable changed', cpu((i) => {
  const read = {}
  readJobFile(recordsFd) // the read itself, of a file this size
  readStateFile(texts[i], '1', read)
  return parseBashState({...read, B: parts.B}, 'bash', parts.O, first.held)
})])
// The exports-only design's Node side, which the one-terminal state replaced: read the file the
// trap wrote and parse its `export -p` text (the same exports).
const exportsText = execFileSync('bash', ['--noprofile', '--norc', '-c', `${setup}\nexport -p`], {encoding: 'utf8'})
const exportsFd = openJobFile(exportsText)
rows.push(['node: less the exports-only design\'s read and parse', -cpu(() => parseExportP(readJobFile(exportsFd)))])
const alternate = [first.held, changed.held]
rows.push(['node: what the server must change (one variable)', cpu((i) => held.delta(alternate[i % 2]))])
rows.push(['node: parse unchanged records (kept from the last step)', cpu(() => parseBashState(parts))])
process.stdout.write(`state text: ${Buffer.byteLength(records)} bytes captured; ${Buffer.byteLength(first.rest)} bytes replayed by a session job (${Buffer.byteLength(restore)} by a job in its own process)\n`)
for (const [name, ms] of rows) process.stdout.write(`${ms.toFixed(3).padStart(7)} ms/step  ${name}\n`)
const total = rows.slice(0, 6).reduce((sum, [, ms]) => sum + ms, 0)
process.stdout.write(`${total.toFixed(3).padStart(7)} ms/step  total above export -p (a variable changed every step): ${total <= 0.3 ? 'within' : 'OVER'} the 0.3 ms budget\n`)
process.stdout.write(`${(captureKept - captureVarsOnly).toFixed(3).padStart(7)} ms/step  more for a step that may change functions or aliases (declare -f, alias -p)\n`)
process.stdout.write(`${(captureAll - captureKept).toFixed(3).padStart(7)} ms/step  more for a step that also changed an option (full shopt -p; set +o)\n`)
rmSync(scratch, {recursive: true, force: true})
