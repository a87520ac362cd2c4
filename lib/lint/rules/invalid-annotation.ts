// `invalid-annotation`: Unknown attribute keys, bad values, bad attribute syntax or front matter: the parser's own findings.
import {defineRule} from '../define-rule.js'
import {reportDiagnostics} from '../from-diagnostics.js'

// Unknown attribute keys, bad values, bad attribute syntax or front matter: the parser's own findings.
export const invalidAnnotation = defineRule(
  {id: 'invalid-annotation', severity: 'error', description: 'Unknown attribute keys, bad values, bad attribute syntax or front matter: the parser\'s own findings'},
  (runbook, context) => reportDiagnostics(runbook, context, 'parse', ['invalid-annotation', 'invalid-front-matter', 'invalid-region', 'internal-error']),
)
