// What a CLI command may touch of the outside world: injected, so commands are testable in-process.
import type {Readable, Writable} from 'node:stream'

export interface CliIO {
  stdout: Writable & {isTTY?: boolean; columns?: number}
  stderr: Writable & {isTTY?: boolean}
  stdin: Readable & {isTTY?: boolean}
  env: Record<string, string | undefined>
  cwd: string
  // Aborted with reason 'SIGINT', 'SIGTERM' or 'SIGHUP' when the user interrupts the process.
  interrupt: AbortSignal
  // --debug: print stacks of internal errors.
  debug?: boolean
}

// A command: parses its own arguments and returns the exit code (SPEC §7).
export interface Command {
  name: string
  summary: string // one line for `runbook --help`
  usage: string // full text for `runbook COMMAND --help`
  run(args: string[], io: CliIO): Promise<number>
}

// Exit codes of SPEC §7.
export const exitCodes = {
  ok: 0,
  failed: 1,
  usage: 2,
  internal: 3,
  sighup: 129,
  sigint: 130,
  sigterm: 143,
} as const
