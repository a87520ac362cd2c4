// `runbook plan FILE --format text|json|mermaid|dot`: the step graph, without running anything.
import {parseArgs} from 'node:util'
import {UsageError} from '../../errors.js'
import {optionError} from '../parse-options.js'
import {planRunbook} from '../../graph.js'
import {planFormats, renderPlan, type PlanFormat} from '../../plan/index.js'
import {exitCodes, type Command} from '../io.js'
import {readRunnable} from './read-input.js'

const usage = `Usage: runbook plan FILE [--format text|json|mermaid|dot] [--all]

Show the step graph: the order steps run in and what each needs.

Options:
  --format F  text (default), json, mermaid (a flowchart GitHub renders), dot (Graphviz)
  --all       treat every shell block as a step (as \`run --all\` does)
  -h, --help  show this help

Exit codes: 0 shown · 2 invalid runbook (file:line:column diagnostics on stderr) or usage error
`

// The `plan` command, registered in commands/index.ts.
export const plan: Command = {
  name: 'plan',
  summary: 'show the step graph: --format text|json|mermaid|dot',
  usage,
  async run(args, io) {
    const {values, positionals} = parse(args)
    if (positionals.length !== 1) throw new UsageError(`expected one FILE, got ${positionals.length}. See \`runbook plan --help\`.`)
    const format = (values.format ?? 'text') as PlanFormat
    if (!planFormats.includes(format)) throw new UsageError(`unknown format \`${format}\` (expected one of: ${planFormats.join(', ')})`)
    const runbook = await readRunnable(positionals[0]!, io, values.all === true)
    io.stdout.write(renderPlan(planRunbook(runbook), format))
    return exitCodes.ok
  },
}

function parse(args: string[]) {
  try {
    return parseArgs({args, options: {all: {type: 'boolean'}, format: {type: 'string', short: 'f'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw optionError(error, 'plan', usage)
  }
}
