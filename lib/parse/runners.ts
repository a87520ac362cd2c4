// Which runner a fence's language selects (SPEC §1).
import type {Runner} from '../model.js'

const byLanguage: Record<string, Runner> = {
  bash: 'shell',
  sh: 'shell',
  shell: 'shell',
  shellscript: 'shell',
  zsh: 'shell',
  console: 'console',
  'shell-session': 'console',
  scrut: 'console', // Scrut's fences: transcripts, steps without an attribute block (SPEC §3)
  testcase: 'console',
  node: 'node',
  js: 'node',
  javascript: 'node',
  python: 'python',
  py: 'python',
  http: 'http',
}

// The languages a step may be written in, for messages.
export const runnableLanguages = Object.keys(byLanguage)

// The runner of a language, or undefined when no runner takes it.
export function runnerFor(lang: string): Runner | undefined {
  return Object.hasOwn(byLanguage, lang.toLowerCase()) ? byLanguage[lang.toLowerCase()] : undefined
}

// Languages that `run: all`, `runme:` and `--all` turn into steps.
export function isShellLanguage(lang: string): boolean {
  return runnerFor(lang) === 'shell'
}

// Scrut's fence languages: every such block is a transcript step, annotated or not.
export function isScrutLanguage(lang: string): boolean {
  const lower = lang.toLowerCase()
  return lower === 'scrut' || lower === 'testcase'
}
