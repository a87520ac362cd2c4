// Validate an XML text against a schema with libxml2's xmllint (Debian package libxml2-utils).
import {execFile} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {repoPath} from './paths.js'

export const junitSchema = repoPath('schemas/junit.xsd')

// Resolves with xmllint's verdict: valid or not, and its messages.
export async function validateXml(xml: string, schema = junitSchema): Promise<{valid: boolean; messages: string}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'runbook-xml-'))
  try {
    const file = path.join(dir, 'report.xml')
    await writeFile(file, xml)
    return await new Promise((resolve, reject) => {
      execFile('xmllint', ['--noout', '--nonet', '--schema', schema, file], {timeout: 30_000}, (error, _stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('xmllint is missing: apt-get install -y libxml2-utils'))
        else resolve({valid: !error, messages: stderr})
      })
    })
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}
