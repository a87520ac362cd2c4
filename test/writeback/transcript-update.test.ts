import t from 'tap'
import {createRedactor} from '../../lib/redact/index.js'
import type {ExpectationFailure} from '../../lib/result.js'
import {makeResult} from '../helpers/make-result.js'
import {writeBack} from '../helpers/writeback.js'

// --update on a console transcript: only the output lines of the commands that failed are rewritten.

function update(source: string, failures: ExpectationFailure[], redactor = createRedactor([])): string {
  return writeBack(source, {update: true, outputs: false, redactor}, (runbook) =>
    makeResult(runbook, {[runbook.steps[0]!.id]: {status: 'failed', expectationFailures: failures}}),
  )
}

const fail = (index: number, actual: string): ExpectationFailure => ({index, message: 'did not match', actual})
const source = '# T\n\n```console {#t}\n$ echo one\none\n$ echo two\ntwo\n2\n$ date\n<any>\n```\n'

t.test('the failed command gets its output; the others and their patterns stay', async (t) => {
  t.equal(update(source, [fail(1, 'TWO\n2\n')]), source.replace('two\n2\n', 'TWO\n2\n'))
})

t.test('an output can grow or become empty', async (t) => {
  t.equal(update(source, [fail(0, 'uno\ndos\n'), fail(1, '')]), '# T\n\n```console {#t}\n$ echo one\nuno\ndos\n$ echo two\n$ date\n<any>\n```\n')
})

t.test('inside a list item the indent is kept, and an empty line gets none', async (t) => {
  const nested = '# T\n\n- item\n  ```console {#t}\n  $ printf "a\\n\\nb"\n  a\n  b\n  ```\n'
  t.equal(update(nested, [fail(0, 'a\n\nc\n')]), '# T\n\n- item\n  ```console {#t}\n  $ printf "a\\n\\nb"\n  a\n\n  c\n  ```\n')
})

t.test('a transcript left open at the end of the file is rewritten up to the end', async (t) => {
  t.equal(update('# T\n\n```console {#t}\n$ echo x\nold', [fail(0, 'new\n')]), '# T\n\n```console {#t}\n$ echo x\nnew\n')
})

t.test('secrets are masked and line endings follow the document', async (t) => {
  t.equal(update(source, [fail(0, 'token s3cr3t-value\n')], createRedactor(['s3cr3t-value'])), source.replace('$ echo one\none\n', '$ echo one\ntoken ***\n'))
  const crlf = '# T\r\n\r\n```console {#t}\r\n$ echo a\r\nb\r\nc\r\n```\r\n'
  t.equal(update(crlf, [fail(0, 'a\nc\n')]), '# T\r\n\r\n```console {#t}\r\n$ echo a\r\na\r\nc\r\n```\r\n')
})

t.test('a failure naming no command changes nothing', async (t) => {
  t.equal(update(source, [fail(7, 'x\n')]), source)
})
