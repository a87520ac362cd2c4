// The built-in `local` target: steps run on this machine, in the run's own shell session.
import {failedHandle} from './failed-handle.js'
import type {HostJobHandle, Target} from './types.js'

// This machine: no hosts to fan out to, nothing to add, nothing to close.
export class LocalTarget implements Target {
  readonly name = 'local'
  readonly kind = 'local'
  readonly hosts: string[] = []
  readonly serial = 1
  readonly maxFail = 0

  async environment(): Promise<Record<string, string>> {
    return {}
  }

  async start(): Promise<HostJobHandle> {
    return failedHandle('local steps run in the run’s own session')
  }

  async close(): Promise<void> {}
}
