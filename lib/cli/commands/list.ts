// `runbook list FILE`: the steps and check tables, one a line: id, runner, line, needs, flags.
import {parseArgs} from 'node:util'
import {UsageError} from '../../errors.js'
import {optionError} from '../parse-options.js'
import {planRunbook} from '../../graph.js'
import {alignRows, nodeFlags} from '../../plan/index.js'
import {exitCodes, type Command} from '../io.js'
import {readRunnable} from './read-input.js'

const usage = `Usage: runbook list FILE [--all]

List the steps of a runbook in document order, one a line:
  id  runner  line  needs  flags

Options:
  --all       treat every shell block as a step (as \`run --all\` does)
  -h, --help  show this help

Exit codes: 0 listed · 2 invalid runbook (file:line:column diagnostics on stderr) or usage error
`

// The `list` command, registered in commands/index.ts.
export const list: Command = {
  name: 'list',
  summary: 'list the steps: id, runner, line, needs',
  usage,
  async run(args, io) {
    const {values, positionals} = parse(args)
    if (positionals.length !== 1) throw new UsageError(`expected one FILE, got ${positionals.length}. See \`runbook list --help\`.`)
    const runbook = await readRunnable(positionals[0]!, io, values.all === true)
    const plan = planRunbook(runbook)
    if (plan.nodes.length === 0) {
      io.stderr.write(`runbook: ${runbook.file} has no steps (annotate a fence with {…}, or pass --all)\n`)
      return exitCodes.ok
    }
    const rows = plan.nodes.map((node) => [
      node.id,
      node.kind === 'table' ? 'table' : node.runner,
      `line ${node.line}`,
      `needs ${node.needs.join(',') || '-'}`,
      nodeFlags(node).join(' '),
    ])
    io.stdout.write(alignRows(rows))
    return exitCodes.ok
  },
}

function parse(args: string[]) {
  try {
    return parseArgs({args, options: {all: {type: 'boolean'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw optionError(error, 'list', usage)
  }
}
