import t from 'tap'
import {matchText} from '../../lib/assert/index.js'

const cases: Array<[string, string[], string[]]> = [
  ['uuid', ['123e4567-e89b-12d3-a456-426614174000', 'ABCDEF01-2345-6789-ABCD-EF0123456789'], ['123e4567-e89b-12d3-a456', 'not-a-uuid', '123e4567e89b12d3a456426614174000']],
  ['int', ['0', '42', '-7', '+3'], ['3.5', 'abc', '', '4x']],
  ['number', ['3.5', '-0.25', '42', '1e9', '6.02E+23', '.5'], ['1.2.3', 'NaN', 'x', '']],
  ['hex', ['deadbeef', '0x1F', 'ABC123'], ['xyz', '0xZZ', '']],
  ['date', ['2026-11-23'], ['23/11/2026', '2026-11', 'today']],
  ['time', ['12:25', '12:25:48', '12:25:48.123'], ['12h25', '1225', 'noon']],
  ['timestamp', ['2026-11-23T12:25:48Z', '2026-11-23 12:25:48.5+01:00', '2026-11-23T12:25:48', '1763900748', '1763900748123'], ['2026-11-23', 'yesterday', '12:25:48']],
  ['ip', ['127.0.0.1', '10.0.12.255', '::1', 'fe80::1ff:fe23:4567:890a'], ['localhost', '1.2.3', 'a.b.c.d']],
  ['path', ['/usr/local/bin/runbook', './dist/x.js', 'C:\\Users\\me', 'file.txt', '~/notes.md'], ['has space/x', '']],
  ['any', ['', 'anything at all', '  spaces  inside'], []],
]

for (const [name, good, bad] of cases) {
  t.test(`<${name}>`, async (t) => {
    for (const value of good) t.ok(matchText(`value: <${name}> end`, `value: ${value} end`).ok, `matches ${JSON.stringify(value)}`)
    for (const value of bad) {
      const result = matchText(`value: <${name}> end`, `value: ${value} end`)
      t.notOk(result.ok, `rejects ${JSON.stringify(value)}`)
      t.equal(result.message, `line 1: expected <${name}>, got ${JSON.stringify(value)}`, 'names the placeholder and the text it saw')
    }
  })
}

t.test('several placeholders on one line', async (t) => {
  t.ok(matchText('<date> <time> [<int>] <any>', '2026-11-23 12:25:48 [4711] server started').ok)
  const result = matchText('id=<uuid> took <number>ms', 'id=123e4567-e89b-12d3-a456-426614174000 took fastms')
  t.equal(result.message, 'line 1: expected <number>, got "fast"')
})

t.test('any other <word> is literal text', async (t) => {
  t.ok(matchText('usage: cmd <file>', 'usage: cmd <file>').ok)
  t.notOk(matchText('usage: cmd <file>', 'usage: cmd x.txt').ok)
  t.ok(matchText('<html> <int>', '<html> 3').ok, 'literal words next to real placeholders')
})

t.test('\\< escapes a placeholder', async (t) => {
  t.ok(matchText('literally \\<int>', 'literally <int>').ok)
  t.notOk(matchText('literally \\<int>', 'literally 42').ok)
  t.ok(matchText('\\<int> is <int>', '<int> is 42').ok)
})
