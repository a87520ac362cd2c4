// lib/shell/values.ts: values reach a real bash as data, through the environment or an export script.
import t from 'tap'
import {spawnSync} from 'node:child_process'
import {exportScript, shellCall} from '../../lib/shell/values.js'

const hostile = [`x;touch pwned;`, `$(id)`, '`id`', `it's "quoted" \\ and\nmultiline`, `-n`, `*`, ` lead and trail `]

t.test('shellCall passes the text untouched and every value in the environment', async (t) => {
  for (const value of hostile) {
    const call = shellCall('bash', 'printf "%s" "${V}"', {V: value, PATH: process.env['PATH']})
    t.same(call.args, ['-c', 'printf "%s" "${V}"'], 'the command text is not changed')
    const result = spawnSync(call.file, call.args, {env: call.env, encoding: 'utf8'})
    t.equal(result.stdout, value, JSON.stringify(value))
  }
})

t.test('exportScript, fed to a shell on stdin, sets each value exactly', async (t) => {
  const values: Record<string, string> = {}
  hostile.forEach((value, index) => (values[`V${index}`] = value))
  const script = exportScript({...values, 'bad-name': 'x', UNSET: undefined}) + hostile.map((_, index) => `printf '%s\\0' "$V${index}"`).join('\n')
  const result = spawnSync('bash', ['-s'], {input: script, encoding: 'utf8', env: {PATH: process.env['PATH'] ?? ''}})
  t.same(result.stdout.split('\0').slice(0, -1), hostile)
  t.notMatch(script, /bad-name|UNSET/, 'names a shell cannot expand are left out')
})
