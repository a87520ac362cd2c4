// `--set NAME=…` for a name the runbook does not declare is most often a typo of an input: warn.
import type {Runbook} from '../model.js'
import {suggest} from '../parse/suggest.js'
import {idVariable} from '../run/status-env.js'

// One warning per `--set` name that is neither a declared input, a front matter `env` key nor a decision.
export function undeclaredSetWarnings(runbook: Runbook, set: Record<string, string>): string[] {
  const decisions = runbook.steps.filter((step) => step.options.ask !== undefined).map((step) => idVariable(step.id))
  const declared = [...(runbook.frontMatter?.inputs ?? []).map((input) => input.name), ...Object.keys(runbook.frontMatter?.env ?? {}), ...decisions]
  const warnings: string[] = []
  for (const name of Object.keys(set)) {
    if (declared.includes(name)) continue
    const hint = suggest(name, declared)
    warnings.push(
      `--set ${name}: \`${name}\` is not an input of this runbook${hint ? ` (did you mean \`${hint}\`?)` : ''}; it still reaches the steps as an environment variable`,
    )
  }
  return warnings
}
