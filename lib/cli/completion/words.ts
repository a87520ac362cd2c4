// What completion offers, gathered from the commands themselves so it never lists a stale option.
import {formatters} from '../../lint/index.js'
import {planFormats} from '../../plan/index.js'
import {reporters} from '../../report/index.js'
import {commands} from '../commands/index.js'

// The words a completion script completes.
export interface CompletionWords {
  commands: string[]
  options: Record<string, string[]> // command → its long options, from its --help text
  values: Record<string, string[]> // `command:--option` → the values it takes
  stepOptions: string[] // options whose value is a step id (or ids, comma-separated)
}

// Collect the words: each command's options are the `--name` tokens of its usage text.
export async function completionWords(): Promise<CompletionWords> {
  const options: Record<string, string[]> = {}
  for (const entry of commands) {
    const command = await entry.load()
    options[entry.name] = [...new Set([...command.usage.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]))].sort()
  }
  const reporterNames = Object.keys(reporters).sort()
  return {
    commands: commands.map((entry) => entry.name),
    options,
    values: {
      'run:--reporter': reporterNames,
      'lint:--format': Object.keys(formatters).sort(),
      'plan:--format': [...planFormats],
    },
    stepOptions: ['--only', '--from', '--target'],
  }
}
