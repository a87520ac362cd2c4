// Stryker's buildCommand for the mutation run (stryker.config.json): in the sandbox, writes a .js file
// beside every .ts file of lib/ and test/ (types stripped with TypeScript's transpileModule, no type
// check), so each test process runs plain JavaScript: no TypeScript loader, no compiler per process.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const options = {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true}

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* tsFiles(file)
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield file
  }
}

for (const root of process.argv.slice(2)) {
  for (const file of tsFiles(root)) {
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {fileName: file, compilerOptions: options}).outputText
    writeFileSync(file.slice(0, -3) + '.js', output)
  }
}
