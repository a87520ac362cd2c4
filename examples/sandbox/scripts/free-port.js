#!/usr/bin/env node
// Prints a TCP port that is free on 127.0.0.1 right now (the OS picks it), so runs never collide.
import net from 'node:net'

const server = net.createServer()
server.listen(0, '127.0.0.1', () => {
  const {port} = server.address()
  server.close(() => process.stdout.write(`${port}\n`))
})
