// The zsh completion script: zsh runs the bash function through its bashcompinit layer.
import {bashCompletion} from './bash.js'
import type {CompletionWords} from './words.js'

// A zsh script: load bashcompinit, then the same function bash uses, so both shells offer the same words.
export function zshCompletion(words: CompletionWords): string {
  return `# zsh completion for runbook (runbook completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(words).split('\n').slice(1).join('\n')}`
}
