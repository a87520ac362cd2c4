// The commands, in the order `runbook --help` lists them. Each loads only when it is used, so
// `runbook --version` and `runbook list` don't pay for the executor, undici or the linter.
import type {Command} from '../io.js'

export interface CommandEntry {
  name: string
  summary: string
  load(): Promise<Command>
}

export const commands: CommandEntry[] = [
  {name: 'run', summary: 'run a runbook', load: async () => (await import('./run.js')).run},
  {name: 'lint', summary: 'check runbooks without running anything', load: async () => (await import('./lint.js')).lint},
  {name: 'list', summary: 'the steps, one a line: id, runner, line, needs', load: async () => (await import('./list.js')).list},
  {name: 'plan', summary: 'the step graph: --format text|json|mermaid|dot', load: async () => (await import('./plan.js')).plan},
  {name: 'annotate', summary: 'propose annotations for a plain runbook', load: async () => (await import('./annotate.js')).annotate},
  {name: 'completion', summary: 'print a shell completion script: bash, zsh or fish', load: async () => (await import('./completion.js')).completion},
  {name: 'cleanup', summary: 'stop what runs whose runner died left running', load: async () => (await import('./cleanup.js')).cleanup},
]
