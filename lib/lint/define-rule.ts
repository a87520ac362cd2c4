// `defineRule`: pairs a rule's meta with its check, and stamps the docs URL.
import type {Rule, RuleContext, RuleMeta} from './types.js'
import type {Runbook} from '../model.js'

// Base of every rule's documentation page.
export const docsBase = 'https://github.com/runbook-dev/runbook/blob/main/docs/rules/'

// Declare a rule; `url` defaults to its page under docs/rules/.
export function defineRule(
  meta: Omit<RuleMeta, 'url' | 'scope'> & {url?: string; scope?: RuleMeta['scope']},
  check: (runbook: Runbook, context: RuleContext) => void,
): Rule {
  return {meta: {...meta, scope: meta.scope ?? 'annotated', url: meta.url ?? `${docsBase}${meta.id}.md`}, check}
}
