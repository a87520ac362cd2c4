// Runme's `interpreter` for a cell that is not shell (`js {"interpreter":"cat"}`): the shell step
// hands the cell's text to that program as a file, as Runme does.

// The shell script that runs `program FILE`, FILE holding `code` exactly (a here-document on fd 3).
export function interpreterScript(program: string, code: string): string {
  let end = 'RUNBOOK_CELL_END'
  while (code.split('\n').includes(end)) end += '_'
  const body = code.endsWith('\n') || code === '' ? code : `${code}\n`
  return `${program} /dev/fd/3 3<<'${end}'\n${body}${end}`
}
