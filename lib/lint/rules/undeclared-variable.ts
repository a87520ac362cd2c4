// `undeclared-variable`: a step expands `$VAR` that nothing declares or sets before it.
import {codePlace} from '../code-place.js'
import {defineRule} from '../define-rule.js'
import {definedVariables, isStandard, usedVariables} from '../shell/variables.js'
import {idVariable} from '../../run/status-env.js'
import {stepScript} from '../step-script.js'

const sshSessionNames = ['SSH_CONNECTION', 'SSH_CLIENT', 'SSH_TTY', 'SSH_ORIGINAL_COMMAND']

// An undeclared variable is empty at run time; declaring it as an input makes the run ask for it
// up front ("no guessing") instead of failing half-way.
export const undeclaredVariable = defineRule(
  {id: 'undeclared-variable', severity: 'warning', description: 'A step uses `$VAR` that is not an input, not in `env`, and not set by an earlier step'},
  (runbook, context) => {
    const declared = new Set<string>()
    for (const input of runbook.frontMatter?.inputs ?? []) declared.add(input.name)
    for (const name of Object.keys(runbook.frontMatter?.env ?? {})) declared.add(name)
    const reported = new Set<string>()
    // Runme exports the output of a cell named in capitals (`{"name":"PAYLOAD"}`) as `$PAYLOAD`.
    for (const step of runbook.steps) {
      const name = step.attributes.find((a) => a.key === 'name')?.value
      if (step.dialect.startsWith('runme') && typeof name === 'string' && /^[A-Z_][A-Z0-9_]*$/.test(name)) declared.add(name)
    }
    for (const block of runbook.blocks) {
      const start = block.span.start.offset
      const eol = runbook.source.indexOf('\n', start)
      const fenceLine = runbook.source.slice(start, eol === -1 ? runbook.source.length : eol)
      const name = /"name"\s*:\s*"([A-Z_][A-Z0-9_]*)"|\bname=([A-Z_][A-Z0-9_]*)\b/.exec(fenceLine)
      if (name) declared.add(name[1] ?? name[2]!)
    }
    for (const step of runbook.steps) {
      const script = stepScript(step)
      const local = new Set(Object.keys(step.options.env))
      // sshd sets these in a remote session (SPEC §13): a step on an ssh target may read them.
      const target = step.options.on ?? runbook.frontMatter?.target
      if (target !== undefined && runbook.frontMatter?.targets[target]?.kind === 'ssh') for (const name of sshSessionNames) local.add(name)
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
      for (const capture of step.options.capture ?? []) declared.add(capture.name) // capture= (SPEC §14)
      if (step.options.ask !== undefined) declared.add(idVariable(step.id)) // a decision sets NAME=yes|no
    }
    for (const table of runbook.tables) {
      const texts: Array<[string, typeof table.span]> = [[table.base ?? '', table.commentSpan], ...table.rows.map((row): [string, typeof table.span] => [row.url, row.span])]
      for (const [text, span] of texts) {
        for (const m of text.matchAll(/\$\{([A-Za-z_]\w*)\}/g)) {
          const name = m[1]!
          if (isStandard(name) || declared.has(name) || reported.has(name)) continue
          reported.add(name)
          context.report(`\`$${name}\` is used by check table \`${table.id}\` but not declared: add it to front matter \`runbook.inputs\` (or \`env\`)`, span)
        }
      }
    }
  },
)
