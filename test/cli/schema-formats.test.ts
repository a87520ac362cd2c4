// JSON Schema `format`s through the real CLI: every format the standard defines is checked, in full.
import t from 'tap'
import {runCli} from '../helpers/cli.js'

const fence = '```'
const book = (json: string) =>
  [
    '# Formats',
    '',
    `${fence}bash {#emit}`,
    `echo '${json}'`,
    `${fence}`,
    '',
    `${fence}json {schema}`,
    JSON.stringify({
      type: 'object',
      properties: {
        addr: {type: 'string', format: 'ipv6'},
        day: {type: 'string', format: 'date'},
        host: {type: 'string', format: 'hostname'},
        wait: {type: 'string', format: 'duration'},
      },
    }),
    `${fence}`,
    '',
  ].join('\n')

t.test('ipv6, hostname and duration are checked, and a 30 February is not a date', async (t) => {
  const good = t.testdir({'doc.md': book('{"addr":"::1","day":"2024-02-29","host":"db.internal","wait":"PT5M"}')})
  const passed = await runCli(['run', 'doc.md', '--reporter', 'plain'], {cwd: good})
  t.equal(passed.code, 0, passed.stdout + passed.stderr)
  for (const [field, value, format] of [
    ['addr', 'not-an-address', 'ipv6'],
    ['day', '2024-02-30', 'date'],
    ['host', 'bad_host!', 'hostname'],
    ['wait', '5 minutes', 'duration'],
  ] as const) {
    const dir = t.testdir({'doc.md': book(JSON.stringify({[field]: value}))})
    const r = await runCli(['run', 'doc.md', '--reporter', 'plain'], {cwd: dir})
    t.equal(r.code, 1, `${format}: ${value} fails`)
    t.match(r.stdout, `/${field}: must match format "${format}"`)
  }
})
