// `unannotated-shell-block`: in a runbook with steps, a shell block that is neither a step nor `{skip}`.
import {defineRule} from '../define-rule.js'

const shellLangs = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session'])

// In an annotated runbook every shell block should say whether it runs, so none is forgotten.
export const unannotatedShellBlock = defineRule(
  {id: 'unannotated-shell-block', severity: 'warning', description: 'A shell block in an annotated runbook that is neither a step nor `{skip}`'},
  (runbook, context) => {
    if (runbook.steps.length === 0) return
    for (const block of runbook.blocks) {
      if (!shellLangs.has(block.lang.toLowerCase())) continue
      const eol = runbook.source.indexOf('\n', block.span.start.offset)
      const end = context.text.locate(Math.min(eol === -1 ? block.span.end.offset : eol, block.span.end.offset))
      context.report(
        `This \`${block.lang}\` block is not a step: add \`{}\` (or \`{#id}\`) to run it, or \`{skip}\` to mark it as not run`,
        {start: block.span.start, end},
      )
    }
  },
)
