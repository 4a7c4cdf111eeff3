// Starts kinesalite (its own cli.js, same options) so that a client hanging up mid-request does not end it:
// kinesalite rethrows a request stream's error, and a process killed in the middle of PutRecords (the crash tests
// do that to ingest) otherwise takes the emulator down with it as an uncaught ECONNRESET / "aborted".
process.on('uncaughtException', function(err) {
  if (err && (err.code === 'ECONNRESET' || err.code === 'ECONNABORTED' || err.message === 'aborted')) {
    console.error('kinesalite: a client went away mid-request (%s); the request is dropped', err.code || err.message)
    return
  }
  console.error(err)
  process.exit(1)
})

require('kinesalite/cli.js')
