//! The remote side of `--remote`: an rstap started with `--remote-control` reads its
//! payload from standard input, then treats the closing of standard input as Ctrl-C.

use std::io::{BufReader, Read};

use super::protocol::{PayloadKind, read_frame};

/// Reads the payload and starts watching the stop channel. From then on the `-c`
/// command and everything else this process starts sees `/dev/null` as its input.
pub fn take_payload(kind: PayloadKind) -> Result<Vec<u8>, String> {
    let stdin = rstap_sys::stdio::take_stdin()
        .map_err(|e| format!("cannot take over standard input: {e}"))?;
    let mut input = BufReader::new(stdin);
    let payload = read_frame(&mut input, kind).map_err(|e| e.to_string())?;
    let watcher = std::thread::Builder::new()
        .name("rstap-stop-channel".into())
        .spawn(move || {
            // Whatever arrives, and the end of the input, asks the session to stop.
            let mut byte = [0u8; 1];
            let _ = input.read(&mut byte);
            // The session ends on SIGINT exactly as it does when a user presses Ctrl-C
            // (before its handler is installed, that ends the process, as Ctrl-C would).
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGINT);
        });
    watcher.map_err(|e| format!("cannot watch the stop channel: {e}"))?;
    Ok(payload)
}
