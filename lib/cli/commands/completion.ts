// `runbook completion bash|zsh|fish`: print a shell completion script.
import {UsageError} from '../../errors.js'
import {bashCompletion} from '../completion/bash.js'
import {fishCompletion} from '../completion/fish.js'
import {completionWords} from '../completion/words.js'
import {zshCompletion} from '../completion/zsh.js'
import {exitCodes, type Command} from '../io.js'

const usage = `Usage: runbook completion bash|zsh|fish

Print a script that completes runbook's commands, options, reporter and format names, and the
step ids of the runbook on the command line (for --only, --from, --target).

  bash:  source <(runbook completion bash)          (e.g. in ~/.bashrc)
  zsh:   source <(runbook completion zsh)           (e.g. in ~/.zshrc)
  fish:  runbook completion fish > ~/.config/fish/completions/runbook.fish
`

const shells = {bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion}

export const completion: Command = {
  name: 'completion',
  summary: 'print a shell completion script: bash, zsh or fish',
  usage,
  async run(args, io) {
    const shell = args[0]
    if (args.length !== 1 || !shell || !(shell in shells)) throw new UsageError(`expected one shell: bash, zsh or fish. See \`runbook completion --help\`.`)
    io.stdout.write(shells[shell as keyof typeof shells](await completionWords()))
    return exitCodes.ok
  },
}
