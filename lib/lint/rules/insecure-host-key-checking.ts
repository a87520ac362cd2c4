// `insecure-host-key-checking`: ssh options that switch host-key checking off, outside a test fixture.
import {defineRule} from '../define-rule.js'

// `StrictHostKeyChecking no` or known hosts in /dev/null let anyone in the middle pose as the host.
// A document marked `test: true` in its front matter (a fixture against a throwaway server) may.
export const insecureHostKeyChecking = defineRule(
  {id: 'insecure-host-key-checking', severity: 'warning', description: 'ssh options that disable host-key checking, in a runbook not marked `test: true`'},
  (runbook, context) => {
    if (runbook.frontMatter?.test) return
    for (const target of Object.values(runbook.frontMatter?.targets ?? {})) {
      if (target.kind !== 'ssh') continue
      for (const [key, value] of Object.entries(target.options)) {
        const name = key.toLowerCase()
        const off = (name === 'stricthostkeychecking' && /^(no|off|false)$/i.test(value)) || (name === 'userknownhostsfile' && value.trim() === '/dev/null')
        if (!off) continue
        context.report(`Target \`${target.name}\` sets \`${key}: ${value}\`, which turns off host-key checking: use \`StrictHostKeyChecking: accept-new\` or a known_hosts file (or mark a test fixture \`test: true\`)`, {
          line: target.line,
          column: target.column,
          offset: target.offset,
        })
      }
    }
  },
)
