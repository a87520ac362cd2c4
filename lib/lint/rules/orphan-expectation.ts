// `orphan-expectation`: An `{expect}` block with no step before it to check.
import {defineRule} from '../define-rule.js'
import {reportDiagnostics} from '../from-diagnostics.js'

// An `{expect}` block with no step before it to check.
export const orphanExpectation = defineRule(
  {id: 'orphan-expectation', severity: 'error', description: 'An `{expect}` block with no step before it to check'},
  (runbook, context) => reportDiagnostics(runbook, context, 'parse', ['orphan-expectation']),
)
