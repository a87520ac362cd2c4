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
