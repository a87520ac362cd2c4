// Colour through the real CLI: --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal.
import t from 'tap'
import {runCli} from '../helpers/cli.js'

const esc = /\u001b\[/
const book = '# Colour\n\n```bash {#hello}\necho hello\n```\n'

t.test('lint: FORCE_COLOR and --color colour a pipe, --no-color and NO_COLOR do not', async (t) => {
  const dir = t.testdir({'doc.md': 'Owner: TBD\n'})
  const lint = (args: string[], env: Record<string, string | undefined>) => runCli(['lint', ...args], {cwd: dir, env})
  const forced = await lint([], {NO_COLOR: undefined, FORCE_COLOR: '1'})
  t.match(forced.stdout, esc, 'FORCE_COLOR=1 colours stylish output into a pipe')
  t.match(forced.stdout, /\u001b\[4mdoc\.md\u001b\[24m/, 'the file name is underlined by the shared palette')
  t.match((await lint(['--color'], {NO_COLOR: '1'})).stdout, esc, '--color wins over NO_COLOR')
  t.notMatch((await lint(['--no-color'], {NO_COLOR: undefined, FORCE_COLOR: '1'})).stdout, esc, '--no-color wins over FORCE_COLOR')
  t.notMatch((await lint([], {NO_COLOR: '1'})).stdout, esc, 'NO_COLOR')
  t.notMatch((await lint([], {NO_COLOR: undefined, FORCE_COLOR: '0'})).stdout, esc, 'FORCE_COLOR=0')
  t.notMatch((await lint([], {NO_COLOR: undefined, FORCE_COLOR: undefined})).stdout, esc, 'a pipe is not a terminal')
})

t.test('run: the same rule for the terminal reporter', async (t) => {
  const dir = t.testdir({'doc.md': book})
  const run = (args: string[], env: Record<string, string | undefined>) => runCli(['run', 'doc.md', '--reporter', 'plain', ...args], {cwd: dir, env})
  const forced = await run([], {NO_COLOR: undefined, FORCE_COLOR: '1'})
  t.equal(forced.code, 0, forced.stderr)
  t.match(forced.stdout, esc, 'FORCE_COLOR=1')
  t.match((await run(['--color'], {NO_COLOR: '1'})).stdout, esc, '--color')
  t.notMatch((await run(['--no-color'], {NO_COLOR: undefined, FORCE_COLOR: '1'})).stdout, esc, '--no-color')
  t.notMatch((await run([], {NO_COLOR: '1'})).stdout, esc, 'NO_COLOR')
})
