// GitHub Actions workflow commands (`::name key=value::message`) with the runner's escaping rules.

// Escape a command's message: `%`, CR and LF would otherwise end or alter the command.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

// Escape a property value: like data, plus `:` and `,`, which separate properties.
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

// One workflow command line, properties in the given order, undefined ones left out.
export function workflowCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}\n`
}
