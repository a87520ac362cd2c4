// The one way a value reaches a shell (SPEC §11 "Inputs are data"): the command text goes to the
// shell exactly as written and every value travels in the environment, where the shell expands
// `${NAME}` as data. Nothing here ever splices a value into command text.

// A program, its arguments and its environment, ready to spawn.
export interface ShellCall {
  file: string
  args: string[]
  env: Record<string, string>
}

// `bash`, `sh -e`, `/bin/zsh -f` → the program and its arguments.
export function shellArgv(shell: string): {file: string; args: string[]} {
  const [file = 'bash', ...args] = shell.trim().split(/\s+/)
  return {file, args}
}

// Run `text` under `shell` (`bash -c text`) with `values` in its environment. `text` is passed on
// untouched: a `${HOST}` in it is the shell's own expansion of the environment variable HOST, so a
// value like `x;touch pwned` stays one word of data.
export function shellCall(shell: string, text: string, values: Readonly<Record<string, string | undefined>>): ShellCall {
  const {file, args} = shellArgv(shell)
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && name !== '' && !name.includes('=') && !`${name}${value}`.includes('\0')) env[name] = value
  }
  return {file, args: [...args, '-c', text], env}
}

// True when `name` can be an environment variable a POSIX shell expands.
export function isShellName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
}

// Quote one word for any POSIX shell: `'…'` with each `'` written as `'\''`.
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

// For a hop with no environment channel (a remote shell over ssh, a persistent session): a script
// that exports `values` before the command runs. Send it on the shell's stdin (or a session's
// pipe), never as a command-line argument, so values stay out of `ps` and out of the command text.
export function exportScript(values: Readonly<Record<string, string | undefined>>): string {
  const lines: string[] = []
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && isShellName(name) && !value.includes('\0')) lines.push(`export ${name}=${shellQuote(value)}`)
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}
