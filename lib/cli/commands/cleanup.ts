// `runbook cleanup`: stop the processes that runs whose runner died (SIGKILL, a crash, a closed
// machine session) left running, and remove their temporary files.
import {parseArgs} from 'node:util'
import {UsageError} from '../../errors.js'
import {sweepDeadRuns} from '../../run/registry.js'
import {exitCodes, type Command} from '../io.js'

const usage = `Usage: runbook cleanup

Every run records itself while it is alive (in $XDG_RUNTIME_DIR/runbook/runs, or the temp folder).
This finds the records whose runner is gone and stops the steps and services those runs left
running (found by their RUNBOOK_RUN_ID tag and, where writable, their cgroup). Processes that a
finished step started on purpose are left alone. Each \`runbook run\` does this first, too.

Exit codes: 0 done · 2 usage error
`

// The `cleanup` command, registered in commands/index.ts.
export const cleanup: Command = {
  name: 'cleanup',
  summary: 'stop what runs whose runner died left running',
  usage,
  async run(args, io) {
    try {
      parseArgs({args, strict: true, allowPositionals: false, options: {}})
    } catch (error) {
      throw new UsageError(`${(error as Error).message}. See \`runbook cleanup --help\`.`)
    }
    const swept = sweepDeadRuns()
    io.stdout.write(swept.length === 0 ? 'nothing to clean up\n' : `swept ${swept.length} run${swept.length === 1 ? '' : 's'}: ${swept.join(', ')}\n`)
    return exitCodes.ok
  },
}
