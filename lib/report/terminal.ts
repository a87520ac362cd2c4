// ANSI cursor control for the live view: what to write to erase and redraw a block of lines.

// Hide and show the cursor while the live view redraws.
export const hideCursor = '\u001b[?25l'
export const showCursor = '\u001b[?25h'

// Move to the first of the last `lines` lines printed and erase from there to the end of the screen.
export function eraseLines(lines: number): string {
  return lines > 0 ? `\r\u001b[${lines}A\u001b[J` : ''
}

// Cut a plain (uncoloured) text to at most `width` characters, marking the cut with `…`.
export function fit(text: string, width: number): string {
  const chars = Array.from(text)
  if (chars.length <= width) return text
  return width <= 1 ? chars.slice(0, Math.max(0, width)).join('') : `${chars.slice(0, width - 1).join('')}…`
}

// Braille spinner frames, one per redraw tick.
export const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
