// `secret-in-document`: a literal that looks like a real credential, anywhere in the file.
import {defineRule} from '../define-rule.js'

// Credential shapes precise enough to flag on sight; documented example values are left alone.
const patterns: Array<{what: string; re: RegExp}> = [
  {what: 'a private key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[ \t]*\r?\n(?:[\w-]+:[^\n]*\r?\n)*(?:[ \t]*\r?\n)?[ \t>]*[A-Za-z0-9+/=]{40,}/g},
  {what: 'an AWS access key id', re: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g},
  {what: 'a GitHub token', re: /(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})(?![\w])/g},
  {what: 'a Slack token', re: /(?<![\w-])xox[abposr]-\d+-[A-Za-z0-9-]{10,}/g},
  {what: 'a Stripe secret key', re: /(?<![\w])sk_live_[A-Za-z0-9]{20,}/g},
  {what: 'a password in a URL', re: /\b[a-zA-Z][a-zA-Z0-9+.-]{0,30}:\/\/([^\s:/@'"`<>]+):([^\s/@'"`<>]+)@([\w.-]+|\[[\w:]+\])/g},
]

// Passwords in URLs that are placeholders or local defaults, not secrets.
const fakePassword = /^(?:\$.*|<.*>|\{\{.*\}\}|%.*|\*+|x+|\.+|_+|-+|pw|test|user|\[.*\]|:.*)$|pass|pwd|secret|changeme|example|dummy|fake|sample|your|redacted|hunter2/i
const localHost = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)\b/

// A secret committed to a document is leaked to every reader and every clone of the repository.
export const secretInDocument = defineRule(
  {id: 'secret-in-document', severity: 'error', description: 'A literal that looks like a credential (private key, AWS key id, GitHub token, password in a URL)', scope: 'any'},
  (runbook, context) => {
    const source = runbook.source
    if (!/PRIVATE KEY|AKIA|ASIA|gh[pousr]_|github_pat_|xox|sk_live_|:\/\/[^\s/]*:[^\s/]*@/.test(source)) return
    for (const {what, re} of patterns) {
      for (const m of source.matchAll(re)) {
        if (/EXAMPLE/i.test(m[0])) continue
        if (what === 'a password in a URL' && (fakePassword.test(m[2]!) || /[${}]/.test(m[2]!) || m[2]!.length < 3 || m[2] === m[1] || localHost.test(m[3]!))) continue
        const start = what === 'a password in a URL' ? m.index + m[0].indexOf(':', m[0].indexOf('://') + 3) + 1 : m.index
        const length = what === 'a password in a URL' ? m[2]!.length : what === 'a private key' ? m[0].indexOf('-----', 5) + 5 : m[0].length
        context.report(`This looks like ${what}: remove it and pass it as a secret input (\`secret: true\`) instead`, {start, end: start + length})
      }
    }
  },
)
