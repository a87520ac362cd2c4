// Which values are secret: declared secret inputs, secret-looking names, passwords inside URLs (SPEC §8).
import type {Runbook} from '../model.js'
import {minimumSecretLength} from './forms.js'

// `KEY` but not `KEYWORDS`/`KEYBOARD` (npm_package_keywords_0=runbook would mask the word everywhere).
const secretName = /SECRET|TOKEN|PASSWORD|PASSWD|KEY(?!WORD|BOARD)|CREDENTIAL|CONNECTION_?STRING/i
const urlUserinfo = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:([^\s/?#@]+)@/gi
const passwordParameter = /(?:^|[?&;\s])password=([^&;#\s'"]+)/gi

// True when a variable name marks its value as secret (`GITHUB_TOKEN`, `db_password`, `API_KEYS`).
export function isSecretName(name: string): boolean {
  return secretName.test(name)
}

// Passwords found in URLs (`scheme://user:PASSWORD@host`) and `password=` parameters of a text.
export function urlPasswords(text: string): string[] {
  const found: string[] = []
  for (const pattern of [urlUserinfo, passwordParameter]) {
    for (const match of text.matchAll(pattern)) {
      const raw = match[1]!
      found.push(raw)
      try {
        const decoded = decodeURIComponent(raw)
        if (decoded !== raw) found.push(decoded)
      } catch {
        // not percent-encoded: the raw form is enough
      }
    }
  }
  return found
}

// The secret values of a run, with a warning for each one too short to mask (naming it, never showing it).
export function collectSecrets(runbook: Runbook, env: Record<string, string | undefined>): {values: string[]; warnings: string[]} {
  const named = new Map<string, string>()
  const note = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '' && !named.has(`${name}\0${value}`)) named.set(`${name}\0${value}`, value)
  }
  const declared = new Set((runbook.frontMatter?.inputs ?? []).filter((input) => input.secret).map((input) => input.name))
  for (const input of runbook.frontMatter?.inputs ?? []) {
    if (input.secret) note(input.name, env[input.name] ?? input.default)
  }
  const sources: Array<Record<string, string | undefined>> = [env, runbook.frontMatter?.env ?? {}, ...runbook.steps.map((step) => step.options.env)]
  const texts: string[] = []
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (value === undefined) continue
      if (isSecretName(name) || declared.has(name)) note(name, value)
      if (value.includes('://') || /password=/i.test(value)) texts.push(value)
    }
  }
  for (const step of runbook.steps) {
    texts.push(step.code)
    if (step.http) texts.push(step.http.url, ...step.http.headers.map(([, value]) => value))
  }
  for (const text of texts) for (const password of urlPasswords(text)) note('a URL password', password)

  const values = new Set<string>()
  const warnings: string[] = []
  for (const [key, value] of named) {
    const name = key.slice(0, key.indexOf('\0'))
    if (value.length < minimumSecretLength) {
      if (!value.includes('${')) warnings.push(`the value of ${name} is shorter than ${minimumSecretLength} characters and is not masked`)
      continue
    }
    values.add(value)
  }
  return {values: [...values], warnings: [...new Set(warnings)]}
}
