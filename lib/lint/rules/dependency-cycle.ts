// `dependency-cycle`: The `needs=` edges form a cycle, so no order can run them.
import {defineRule} from '../define-rule.js'
import {reportDiagnostics} from '../from-diagnostics.js'

// The `needs=` edges form a cycle, so no order can run them.
export const dependencyCycle = defineRule(
  {id: 'dependency-cycle', severity: 'error', description: 'The `needs=` edges form a cycle, so no order can run them'},
  (runbook, context) => reportDiagnostics(runbook, context, 'plan', ['dependency-cycle']),
)
