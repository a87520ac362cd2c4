// `duplicate-step-id`: Two steps or check tables share one id.
import {defineRule} from '../define-rule.js'
import {reportDiagnostics} from '../from-diagnostics.js'

// Two steps or check tables share one id.
export const duplicateStepId = defineRule(
  {id: 'duplicate-step-id', severity: 'error', description: 'Two steps or check tables share one id'},
  (runbook, context) => reportDiagnostics(runbook, context, 'plan', ['duplicate-step-id']),
)
