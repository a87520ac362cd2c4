// `stylish`: findings grouped by file, one aligned line each, and a count (ESLint's default look).
import {createPalette} from '../../report/colors.js'
import type {FormatInput} from './index.js'

// Format for a terminal; colour only when asked.
export function stylish({messages, cwd, color}: FormatInput): string {
  if (messages.length === 0) return ''
  const paint = createPalette(color)
  const byFile = new Map<string, typeof messages>()
  for (const m of messages) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m])
  let out = ''
  let errors = 0
  let warnings = 0
  let fixable = 0
  for (const [file, list] of byFile) {
    out += `\n${paint.underline(relative(file, cwd))}\n`
    const width = Math.max(...list.map((m) => `${m.line}:${m.column}`.length))
    for (const m of list) {
      if (m.severity === 'error') errors++
      else if (m.severity === 'warning') warnings++
      if (m.fix) fixable++
      const level = m.severity === 'error' ? paint.red('error  ') : m.severity === 'warning' ? paint.yellow('warning') : paint.dim('info   ')
      out += `  ${paint.dim(`${m.line}:${m.column}`.padEnd(width))}  ${level}  ${m.message}  ${paint.dim(m.ruleId)}\n`
    }
  }
  const total = errors + warnings
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`
  out += `\n${paint.bold(errors > 0 ? paint.red(summary) : paint.yellow(summary))}\n`
  if (fixable > 0) out += `  ${fixable} problem${fixable === 1 ? '' : 's'} fixable with \`--fix\`\n`
  return out
}

function relative(file: string, cwd: string): string {
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file
}
