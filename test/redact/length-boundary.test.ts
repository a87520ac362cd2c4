// The shortest secret that is masked is 6 characters (SPEC §11): a 6-character value is masked
// everywhere, a 5-character one is not masked and a warning names its variable.
import t from 'tap'
import {secretForms} from '../../lib/redact/forms.js'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runbookDir} from '../helpers/run.js'
import {runCli} from '../helpers/cli.js'

const fence = '```'

t.test('secretForms keeps a value of exactly six characters and drops one of five', async (t) => {
  t.ok(secretForms('abc123').includes('abc123'), 'six characters: the raw form is masked')
  t.same(secretForms('abc12'), [], 'five characters: nothing to mask')
})

t.test('through the CLI: a 6-character secret never reaches the terminal; a 5-character one warns', async (t) => {
  const book = runbookDir([
    '# Boundary',
    '',
    `${fence}bash {#show}`,
    'echo "six=[$API_TOKEN] five=[$SHORT_TOKEN]"',
    `${fence}`,
    '',
  ].join('\n'))
  t.teardown(book.cleanup)
  const out = path.join(book.dir, 'out.md')
  const run = await runCli(['run', book.file, '--reporter', 'plain', '--out', out, '--set', 'API_TOKEN=q7w8e9', '--set', 'SHORT_TOKEN=z1x2c'], {cwd: book.dir})
  t.equal(run.code, 0, run.stderr)
  const all = run.stdout + run.stderr + readFileSync(out, 'utf8')
  t.notOk(all.includes('q7w8e9'), 'the 6-character value is masked')
  t.match(all, 'six=[***]')
  t.match(all, 'five=[z1x2c]', 'the 5-character value is shown as it is')
  t.match(all, /SHORT_TOKEN is shorter than 6 characters and\s+is not masked/)
  t.notMatch(all, /API_TOKEN is shorter/, 'no warning for the 6-character value')
})
