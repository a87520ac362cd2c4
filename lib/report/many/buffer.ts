// A writable stream that keeps what it is given as text, for reports that are printed later in one piece.
import {Writable} from 'node:stream'

// A text buffer with the Writable interface reporters write to.
export interface TextBuffer extends Writable {
  text(): string
}

// A new, empty text buffer.
export function createTextBuffer(): TextBuffer {
  let text = ''
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8')
      callback()
    },
  }) as TextBuffer
  stream.text = () => text
  return stream
}
