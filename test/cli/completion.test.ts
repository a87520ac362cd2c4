import t from 'tap'
import {execFile} from 'node:child_process'
import {chmodSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {binPath, runCli} from '../helpers/cli.js'
import {book, tree} from '../helpers/many-files.js'

// Source the bash script in a real bash, set COMP_WORDS as bash does on <Tab>, call the function, print COMPREPLY.
function complete(script: string, words: string[], cwd: string, bin: string): Promise<string[]> {
  const program = [
    'source "$1"',
    'complete -p runbook >/dev/null || exit 9', // the script registered itself for `runbook`
    'shift',
    'COMP_WORDS=("$@")',
    'COMP_CWORD=$(($# - 1))',
    '_runbook',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n')
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', program, 'bash', script, ...words], {cwd, env: {...process.env, PATH: `${bin}:${process.env['PATH']}`}}, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`))
      else resolve(stdout.split('\n').filter(Boolean).sort())
    })
  })
}

t.test('bash completion: commands, options, reporter names and step ids', async (t) => {
  const repo = tree({'deploy.md': book('Deploy', {build: 'true', 'build-docs': 'true', ship: 'true'})})
  t.teardown(repo.cleanup)
  // `runbook` on PATH, as an installed package would put it, so the script can list step ids.
  const shim = path.join(repo.dir, 'runbook')
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`)
  chmodSync(shim, 0o755)
  const generated = await runCli(['completion', 'bash'])
  t.equal(generated.code, 0, generated.stderr)
  const script = path.join(repo.dir, 'runbook.bash')
  writeFileSync(script, generated.stdout)
  const at = (...words: string[]) => complete(script, ['runbook', ...words], repo.dir, repo.dir)

  // Exactly the commands `runbook --help` lists, whoever adds the next one.
  const help = await runCli(['--help'])
  const listed = [...help.stdout.matchAll(/^ {2}([a-z]+) {2}/gm)].map((m) => m[1]!).sort()
  t.ok(listed.includes('run') && listed.includes('completion'), listed.join(' '))
  t.same(await at(''), listed, 'commands')
  t.same(await at('pl'), ['plan'])
  t.same(await at('run', '--re'), ['--reporter', '--resume'], "run's options, from its --help")
  t.ok((await at('run', '--')).includes('--jobs') && (await at('run', '--')).includes('--shard'))
  t.same(await at('run', 'deploy.md', '--reporter', ''), ['html', 'json', 'junit', 'plain', 'tap', 'tty'], 'reporter names')
  t.same(await at('run', 'deploy.md', '--only', 'bu'), ['build', 'build-docs'], 'step ids of the runbook on the line')
  t.same(await at('run', 'deploy.md', '--only', 'build,sh'), ['build,ship'], 'after a comma, the next id')
  t.same(await at('plan', '--format', 'm'), ['mermaid'])
  t.same(await at('completion', ''), ['bash', 'fish', 'zsh'])
})

t.test('zsh and fish scripts are printed; an unknown shell is a usage error', async (t) => {
  const zsh = await runCli(['completion', 'zsh'])
  t.equal(zsh.code, 0)
  t.match(zsh.stdout, /bashcompinit[\s\S]*complete -o filenames -F _runbook runbook/)
  const fish = await runCli(['completion', 'fish'])
  t.equal(fish.code, 0)
  t.match(fish.stdout, /complete -c runbook -n "__fish_seen_subcommand_from run" -l reporter -x -a "html json junit plain tap tty"/)
  t.match(fish.stdout, /-l only -x -a "\(__runbook_step_ids\)"/)
  const bad = await runCli(['completion', 'tcsh'])
  t.equal(bad.code, 2)
  t.match(bad.stderr, /expected one shell: bash, zsh or fish/)
})
