import t from 'tap'
import type {Writable} from 'node:stream'
import {createReporter} from '../../lib/report/index.js'
import {patchResult, recorded, upTo} from '../helpers/recorded-events.js'
import {render} from '../helpers/report-sink.js'
import {validateXml} from '../helpers/xmllint.js'

const junit = (out: Writable) => createReporter('junit', out, {color: false})

function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0]
  return tag ? new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] : undefined
}

t.test('JUnit output validates against schemas/junit.xsd and its counts are right', async (t) => {
  const xml = await render(junit, recorded('deploy'))
  const validation = await validateXml(xml)
  t.ok(validation.valid, validation.messages)
  t.equal(attribute(xml, 'testsuite', 'tests'), '9')
  t.equal(attribute(xml, 'testsuite', 'failures'), '2', 'the failed step and the HTTP failure')
  t.equal(attribute(xml, 'testsuite', 'errors'), '1', 'the timeout')
  t.equal(attribute(xml, 'testsuite', 'skipped'), '3', 'skipped, not run, allowed to fail')
  t.equal((xml.match(/<testcase /g) ?? []).length, 9)
  t.equal((xml.match(/<failure /g) ?? []).length, 2)
  t.equal((xml.match(/<skipped /g) ?? []).length, 3)
})

t.test('each testcase names the runbook file and the step line; failures carry message and diff', async (t) => {
  const xml = await render(junit, recorded('deploy'))
  t.match(xml, /<testcase name="migrate" classname="deploy.md" file="deploy.md" line="23" time="1.200">/)
  t.match(xml, /<failure message="expected output did not match: line 2: expected &quot;ready&quot;, got &quot;starting&quot;" type="failed">[^<]*-ready\n\+starting\n[^<]*<\/failure>/)
  t.match(xml, /<failure message="GET http:\/\/127\.0\.0\.1:8080\/health: status 503 \(expected 200\)"[^>]*>[^<]*→ 503[^<]*status 503 \(expected 200\)/)
  t.match(xml, /<system-out>added 12 packages<\/system-out>/)
  t.match(xml, /<system-err>warning: 3 issues<\/system-err>/)
  t.match(xml, /<system-out>token is \*\*\*\ndone<\/system-out>/, 'the secret stays masked')
  t.notMatch(xml, /hunter2/)
})

t.test('hostile output stays valid XML: markup, control characters, ANSI and lone surrogates', async (t) => {
  // The recorded step printed markup, NUL, BEL, ANSI, OSC 8 and an invalid byte (U+FFFD once
  // decoded); a lone surrogate and a reason with markup cannot come out of a run, so they are set.
  const events = recorded('hostile')
  const end = events.find((e) => e.type === 'step:end' && e.stepId === 'markup')
  t.match(end, {result: {stdout: {text: /^<\/system-out><injected\/>&amp; \u0000\u0007\u001b\[31mred/}}}, 'the step printed the hostile text')
  const stdout = end?.type === 'step:end' ? end.result.stdout : undefined
  const text = stdout?.text?.replace('\ufffd', '\ud800')
  const xml = await render(junit, patchResult(events, 'markup', {reason: 'exit code 1 <&> "x"', stdout: {...stdout!, head: text!, text}}))
  const validation = await validateXml(xml)
  t.ok(validation.valid, validation.messages)
  t.notMatch(xml, /<injected/)
  t.notMatch(xml, /\u001b/)
  t.match(xml, /&lt;\/system-out&gt;&lt;injected\/&gt;&amp;amp; red link \ufffd "quotes"/)
  t.notMatch(xml, /\ud800/)
  t.match(xml, /message="exit code 1 &lt;&amp;&gt; &quot;x&quot;"/)
})

t.test('an interrupted run still writes a complete, valid document', async (t) => {
  const xml = await render(junit, recorded('terminated'))
  const validation = await validateXml(xml)
  t.ok(validation.valid, validation.messages)
  t.equal(attribute(xml, 'testsuite', 'tests'), '4')
  t.equal(attribute(xml, 'testsuite', 'errors'), '1')
  t.equal(attribute(xml, 'testsuite', 'skipped'), '1')
  t.match(xml, /<property name="interrupted" value="SIGTERM"\/>/)
  t.match(xml, /<\/testsuites>\n$/)
})

t.test('a run that never reached run:end is still written at close', async (t) => {
  const events = upTo(recorded('deploy'), (e) => e.type === 'step:end' && e.stepId === 'install')
  const xml = await render(junit, events)
  const validation = await validateXml(xml)
  t.ok(validation.valid, validation.messages)
  t.equal(attribute(xml, 'testsuite', 'tests'), '9')
  t.equal(attribute(xml, 'testsuite', 'skipped'), '8')
})

t.test('the schema rejects documents CI servers would not read', async (t) => {
  const bad = [
    '<testsuites><testsuite tests="1"><testcase name="a"/></testsuite></testsuites>', // suite without a name
    '<testsuites><testsuite name="s" tests="1"><testcase/></testsuite></testsuites>', // case without a name
    '<testsuites><testsuite name="s" tests="x"/></testsuites>', // count not a number
    '<testsuites><testsuite name="s" tests="1"><testcase name="a"><system-out/><failure/></testcase></testsuite></testsuites>', // verdict after output
  ]
  for (const xml of bad) t.notOk((await validateXml(xml)).valid, xml)
  t.ok((await validateXml('<testsuite name="s" tests="1"><testcase name="a"><failure message="m"/><system-out>x</system-out></testcase></testsuite>')).valid)
})
