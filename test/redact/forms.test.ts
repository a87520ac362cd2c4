// The forms a secret may take in output (lib/redact/forms.ts), checked in process: each encoding
// a tool might print the value in is in the list, so the redactor masks it there too.
import t from 'tap'
import {base64Forms, minimumSecretLength, secretForms} from '../../lib/redact/forms.js'

t.test('a value of exactly six characters is masked, one of five is not', async (t) => {
  t.equal(minimumSecretLength, 6)
  t.ok(secretForms('abc123').includes('abc123'))
  t.same(secretForms('abc12'), [])
})

t.test('a multi-line value: each line of six or more characters is a form of its own', async (t) => {
  for (const newline of ['\n', '\r\n', '\r']) {
    const forms = secretForms(`first-line${newline}abc${newline}third-line`)
    t.ok(forms.includes('first-line'), JSON.stringify(newline))
    t.ok(forms.includes('third-line'), JSON.stringify(newline))
    t.notOk(forms.includes('abc'), 'a short line is not masked on its own')
  }
  t.notOk(secretForms('one-line-only').includes(''), 'a one-line value is not split')
})

t.test('URL encodings: percent escapes upper and lower case, + for spaces, quote() keeping /', async (t) => {
  const forms = secretForms("pa ss/wo:rd's(1)*!")
  const url = encodeURIComponent("pa ss/wo:rd's(1)*!")
  t.equal(url, "pa%20ss%2Fwo%3Ard's(1)*!")
  t.ok(forms.includes(url), 'encodeURIComponent')
  t.ok(forms.includes("pa+ss%2Fwo%3Ard's(1)*!"), 'spaces as +')
  t.ok(forms.includes("pa%20ss%2fwo%3ard's(1)*!"), 'lower-case escapes')
  t.ok(forms.includes('pa%20ss%2Fwo%3Ard%27s%281%29%2A%21'), "Python quote(safe=''): '()*! escaped too")
  t.ok(forms.includes('pa%20ss/wo%3Ard%27s%281%29%2A%21'), 'Python quote(): / kept')
  t.ok(forms.includes('pa+ss%2Fwo%3Ard%27s%281%29%2A%21'), 'Python quote_plus()')
})

t.test('lower case, JSON string escapes and shell quoting', async (t) => {
  t.ok(secretForms('Db-Host.Example').includes('db-host.example'), 'host names come back lower-cased')
  t.ok(secretForms('a"b\\c\td-long').includes('a\\"b\\\\c\\td-long'), 'JSON.stringify escapes')
  const quoted = secretForms("it's-secret")
  t.ok(quoted.includes("it'\\''s-secret"), "single quote closed, escaped, reopened")
  t.ok(quoted.includes(`it'"'"'s-secret`), 'single quote inside double quotes')
  t.ok(secretForms('a$b`c"d\\e').includes('a\\$b\\`c\\"d\\\\e'), 'double-quoted shell escapes')
  t.ok(secretForms('pass word$1').includes('pass word\\$1'), 'inside double quotes a space stays as it is')
  t.ok(secretForms('a b;c&d(e)').includes('a\\ b\\;c\\&d\\(e\\)'), 'backslash-escaped shell word')
  t.notOk(secretForms('safe_word-1.2,3:4/5@6=7+8%9').some((form) => form.includes('\\')), 'characters safe in a shell word are not escaped')
})

// Every base64 text that encodes `value` somewhere in a stream contains one of the forms.
function encodedSomewhere(value: string, forms: string[]) {
  const misses: string[] = []
  for (const before of ['', 'x', 'xy', 'xyz']) {
    for (const after of ['', '\n', 'tail']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const encoded = Buffer.from(before + value + after).toString(encoding)
        if (!forms.some((form) => encoded.includes(form))) misses.push(`${encoding} of ${JSON.stringify(before + value + after)}`)
      }
    }
  }
  return misses
}

t.test('base64 forms: the value is found in standard and URL-safe base64 at any byte offset', async (t) => {
  for (const value of ['hello-world', 'pass>>??word', 'ünïcødé-secret']) {
    t.same(encodedSomewhere(value, secretForms(value)), [], value)
  }
  const forms = base64Forms('hello-world')
  t.equal(forms.length, 18, 'three offsets, three cuts each, standard and URL-safe')
  t.same(forms.slice(0, 6), ['aGVsbG8td29ybG', 'aGVsbG8td29ybG', 'aGVsbG8td29ybGQ=', 'aGVsbG8td29ybGQ=', 'aGVsbG8td29ybGQ', 'aGVsbG8td29ybGQ'])
  t.ok(secretForms('hello-world').includes(Buffer.from('hello-world\n').toString('base64')), '`echo "$SECRET" | base64` (with its newline)')
  t.ok(base64Forms('hello-w').includes('aGVsbG8tdw'), 'two padding characters are both dropped')
  for (const value of ['hello-world', 'pass>>??word']) {
    const forms = base64Forms(value)
    for (const shift of [0, 1, 2]) {
      // After `shift` bytes of anything (0xff here), the encoding holds each form of that offset.
      const standard = Buffer.concat([Buffer.alloc(shift, 0xff), Buffer.from(value)]).toString('base64')
      const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_')
      for (const form of forms.slice(shift * 6, shift * 6 + 6)) t.ok(standard.includes(form) || urlSafe.includes(form), `${value} after ${shift} bytes: ${form}`)
    }
  }
  const urlSafe = base64Forms('pass>>??word')
  t.ok(urlSafe.every((form, i) => i % 2 === 0 || !/[+/]/.test(form)), 'every second form is URL-safe')
  t.ok(urlSafe.some((form) => /[+/]/.test(form)), 'this value has + or / in standard base64')
})

t.test('each form is listed once', async (t) => {
  const forms = secretForms('plain-secret-value')
  t.equal(new Set(forms).size, forms.length)
  t.ok(forms.every((form) => form.length >= minimumSecretLength))
})
