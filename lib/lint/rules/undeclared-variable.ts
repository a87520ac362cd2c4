// `undeclared-variable`: a step expands `$VAR` that nothing declares or sets before it.
import {codePlace} from '../code-place.js'
import {defineRule} from '../define-rule.js'
import {definedVariables, isStandard, usedVariables} from '../shell/variables.js'
import {stepScript} from '../step-script.js'

// An undeclared variable is empty at run time; declaring it as an input makes the run ask for it
// up front ("no guessing") instead of failing half-way.
export const undeclaredVariable = defineRule(
  {id: 'undeclared-variable', severity: 'warning', description: 'A step uses `$VAR` that is not an input, not in `env`, and not set by an earlier step'},
  (runbook, context) => {
    const declared = new Set<string>()
    for (const input of runbook.frontMatter?.inputs ?? []) declared.add(input.name)
    for (const name of Object.keys(runbook.frontMatter?.env ?? {})) declared.add(name)
    const reported = new Set<string>()
    for (const step of runbook.steps) {
      const script = stepScript(step)
      const local = new Set(Object.keys(step.options.env))
      let uses: Array<{name: string; index: number; length: number; hasDefault: boolean}> = []
      if (script !== undefined) {
        for (const name of definedVariables(script)) declared.add(name)
        uses = usedVariables(script)
      } else if (step.runner === 'http') {
        uses = [...step.code.matchAll(/\$\{([A-Za-z_]\w*)\}/g)].map((m) => ({name: m[1]!, index: m.index, length: m[0].length, hasDefault: false}))
      }
      for (const use of uses) {
        if (use.hasDefault || isStandard(use.name) || declared.has(use.name) || local.has(use.name) || reported.has(use.name)) continue
        reported.add(use.name)
        const place = codePlace(step.code, use.index, use.index + use.length, step, context.text.locate, runbook.source)
        context.report(
          `\`$${use.name}\` is used by step \`${step.id}\` but not declared: add it to front matter \`runbook.inputs\` (or \`env\`), or set it in an earlier step`,
          place,
        )
      }
      for (const capture of step.http?.captures ?? []) declared.add(capture.name)
    }
  },
)
