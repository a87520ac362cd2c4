// `runbook plan`: placeholder until its issue lands (see the issue tracker).
import {UsageError} from '../../errors.js'
import type {Command} from '../io.js'

export const plan: Command = {
  name: 'plan',
  summary: 'plan (not built yet)',
  usage: 'Usage: runbook plan\n',
  async run() {
    throw new UsageError('`runbook plan` is not built yet')
  },
}
