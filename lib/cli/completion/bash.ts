// The bash completion script: `complete -F _runbook runbook`, step ids read with `runbook list FILE`.
import type {CompletionWords} from './words.js'

// A bash script defining `_runbook` and registering it for `runbook`.
export function bashCompletion(words: CompletionWords): string {
  const optionCases = Object.entries(words.options).map(([name, options]) => `    ${name}) opts="${options.join(' ')}" ;;`)
  const valueCases = Object.entries(words.values).map(([key, values]) => `    ${key}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`)
  return `# bash completion for runbook (runbook completion bash)
_runbook() {
  local cur prev cmd opts file i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev=""
  [ "$COMP_CWORD" -gt 0 ] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -le 1 ]; then
    COMPREPLY=($(compgen -W "${words.commands.join(" ")}" -- "$cur"))
    return
  fi
  cmd="\${COMP_WORDS[1]}"
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  if [ "$cmd" = completion ]; then
    COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
    return
  fi
  case "$prev" in
    ${words.stepOptions.join('|')})
      file=""
      for ((i = 2; i < COMP_CWORD; i++)); do
        case "\${COMP_WORDS[i]}" in
          -*) ;;
          *.md|*.markdown|*.t|*.scrut) [ -f "\${COMP_WORDS[i]}" ] && file="\${COMP_WORDS[i]}" ;;
        esac
      done
      if [ -n "$file" ]; then
        local ids prefix="" last="$cur"
        ids="$(runbook list "$file" 2>/dev/null | cut -d' ' -f1)"
        # --only a,b: complete the id after the last comma
        if [[ "$cur" == *,* ]]; then prefix="\${cur%,*},"; last="\${cur##*,}"; fi
        COMPREPLY=($(compgen -P "$prefix" -W "$ids" -- "$last"))
      fi
      return ;;
  esac
  case "$cmd" in
${optionCases.join('\n')}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _runbook runbook
`
}
