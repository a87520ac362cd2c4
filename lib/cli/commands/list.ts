// `runbook list`: placeholder until its issue lands (see the issue tracker).
import {UsageError} from '../../errors.js'
import type {Command} from '../io.js'

export const list: Command = {
  name: 'list',
  summary: 'list (not built yet)',
  usage: 'Usage: runbook list\n',
  async run() {
    throw new UsageError('`runbook list` is not built yet')
  },
}
