// `runbook lint`: placeholder until its issue lands (see the issue tracker).
import {UsageError} from '../../errors.js'
import type {Command} from '../io.js'

export const lint: Command = {
  name: 'lint',
  summary: 'lint (not built yet)',
  usage: 'Usage: runbook lint\n',
  async run() {
    throw new UsageError('`runbook lint` is not built yet')
  },
}
