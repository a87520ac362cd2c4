// The fish completion script: one `complete -c runbook` line per command, option and value list.
import type {CompletionWords} from './words.js'

// A fish script; step ids come from `runbook list` on the runbook file already on the line.
export function fishCompletion(words: CompletionWords): string {
  const lines = ['# fish completion for runbook (runbook completion fish)', 'complete -c runbook -f']
  lines.push(`complete -c runbook -n __fish_use_subcommand -a "${words.commands.join(' ')}"`)
  lines.push('complete -c runbook -n "__fish_seen_subcommand_from completion" -a "bash zsh fish"')
  for (const [command, options] of Object.entries(words.options)) {
    for (const option of options) {
      const key = `${command}:${option}`
      const values = words.values[key]
      const takes = values ? ` -x -a "${values.join(' ')}"` : ''
      lines.push(`complete -c runbook -n "__fish_seen_subcommand_from ${command}" -l ${option.slice(2)}${takes}`)
    }
  }
  lines.push(
    'function __runbook_step_ids',
    '  for word in (commandline -opc)',
    '    if string match -qr "\\.(md|markdown|t|scrut)$" -- $word; and test -f $word',
    '      runbook list $word 2>/dev/null | string split -f1 " "',
    '      return',
    '    end',
    '  end',
    'end',
  )
  for (const option of words.stepOptions) lines.push(`complete -c runbook -n "__fish_seen_subcommand_from run list plan" -l ${option.slice(2)} -x -a "(__runbook_step_ids)"`)
  lines.push('complete -c runbook -n "__fish_seen_subcommand_from run lint list plan" -F')
  return `${lines.join('\n')}\n`
}
