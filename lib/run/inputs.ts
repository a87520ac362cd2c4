// The run's starting environment: the caller's environment, front matter `env`, inputs with their
// defaults, `--set`; missing required inputs are asked for on a terminal or stop the run (exit 2).
import {MissingInputError} from '../errors.js'
import {interpolate} from '../interpolate.js'
import type {Runbook} from '../model.js'
import type {Prompt} from './context.js'

// Resolve every input; throws MissingInputError naming every missing one before anything runs.
export async function resolveEnvironment(
  runbook: Runbook,
  options: {env: Record<string, string | undefined>; set: Record<string, string>; interactive: boolean; prompt: Prompt | undefined},
): Promise<Record<string, string>> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) env[name] = value
  for (const [name, value] of Object.entries(runbook.frontMatter?.env ?? {})) {
    if (!(name in options.set)) env[name] = interpolate(String(value), env)
  }
  const missing: Array<{name: string; description?: string; secret: boolean}> = []
  for (const input of runbook.frontMatter?.inputs ?? []) {
    if (env[input.name] !== undefined && env[input.name] !== '') continue
    if (input.default !== undefined) env[input.name] = String(input.default)
    else if (input.required) missing.push({name: input.name, ...(input.description ? {description: input.description} : {}), secret: input.secret})
  }
  if (missing.length > 0 && options.interactive && options.prompt) {
    for (const input of missing.splice(0)) {
      const label = `${input.name}${input.description ? ` (${input.description})` : ''}: `
      const answer = await options.prompt(label, {secret: input.secret})
      if (answer === '') missing.push(input)
      else env[input.name] = answer
    }
  }
  if (missing.length > 0) {
    const error = new MissingInputError(missing.map(({name, description}) => (description ? {name, description} : {name})))
    error.message += `\nPass ${missing.length === 1 ? 'it' : 'them'} with --set NAME=VALUE, --env-file FILE or the environment${
      options.interactive ? '' : ' (or --interactive on a terminal to be asked)'
    }.`
    throw error
  }
  return env
}
