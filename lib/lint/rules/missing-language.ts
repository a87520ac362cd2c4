// `missing-language`: a fence without a language in an annotated runbook.
import {defineRule} from '../define-rule.js'
import type {Fix} from '../types.js'

// Commands that make a block obviously shell, for the `--fix` that adds `bash`.
const shellStart = /^(?:sudo|cd|ls|cat|echo|export|source|mkdir|rm|cp|mv|chmod|chown|curl|wget|git|docker|docker-compose|podman|kubectl|helm|terraform|npm|npx|yarn|pnpm|pip|pip3|python3?|node|make|apt|apt-get|brew|systemctl|journalctl|ssh|scp|psql|aws|gcloud|az|go|cargo|tar|grep|sed|awk|find|openssl|set|if|for|while|\.\/)\b/

// Without a language the reader cannot tell a command from its output, and the tool cannot run it.
export const missingLanguage = defineRule(
  {id: 'missing-language', severity: 'warning', description: 'A fenced block without a language in an annotated runbook'},
  (runbook, context) => {
    if (!runbook.annotated) return
    for (const block of runbook.blocks) {
      if (block.lang !== '' || block.meta !== '') continue
      const lines = block.code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
      let fix: Fix | undefined
      if (lines.length > 0 && lines.every((l) => shellStart.test(l.trim()) || /\\$/.test(lines[lines.indexOf(l) - 1] ?? ''))) {
        const open = runbook.source.slice(block.span.start.offset, block.span.start.offset + 200)
        const m = /^[ \t>]*(`{3,}|~{3,})/.exec(open)
        if (m) fix = {start: block.span.start.offset + m[0].length, end: block.span.start.offset + m[0].length, text: 'bash'}
      }
      context.report(
        fix ? 'Code block has no language: it looks like shell, add `bash`' : 'Code block has no language: add one (`bash`, `text`, `json` …)',
        {start: block.span.start, end: block.span.start},
        fix ? {fix} : {},
      )
    }
  },
)
