//! Output for programs that print a rota: locked, buffered, and quiet when
//! the reader goes away.
//!
//! A program whose output is piped into `head` finds the pipe closed after
//! a few lines; `println!` then panics. [`stdout`] gives a locked, buffered
//! standard output wrapped in a [`PipeSafe`], which takes a broken pipe as
//! the end of the output: that write and every later one are dropped, and
//! the program finishes normally. Other errors are returned as usual.
//!
//! ```
//! use std::io::Write;
//!
//! let mut out = perfect_week::output::stdout();
//! writeln!(out, "Monday 07:30 Getting up, with Priya")?;
//! out.flush()?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, BufWriter, ErrorKind, StdoutLock, Write};

/// A writer that takes a broken pipe as the end of its output.
#[derive(Debug)]
pub struct PipeSafe<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> PipeSafe<W> {
    /// Wraps a writer.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            closed: false,
        }
    }

    /// Whether the reader has gone away (nothing more will be written).
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    fn guard<T>(&mut self, result: io::Result<T>, dropped: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(dropped)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for PipeSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.guard(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.guard(result, ())
    }
}

/// Standard output, locked and buffered, taking a broken pipe as the end.
/// Flush it before the program ends to see write errors other than a
/// broken pipe.
pub fn stdout() -> PipeSafe<BufWriter<StdoutLock<'static>>> {
    PipeSafe::new(BufWriter::new(io::stdout().lock()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes `room` bytes, then fails with `kind`.
    struct Closing {
        written: Vec<u8>,
        room: usize,
        kind: ErrorKind,
    }

    impl Write for Closing {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.written.len() >= self.room {
                return Err(io::Error::from(self.kind));
            }
            let n = buf.len().min(self.room - self.written.len());
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            if self.written.len() >= self.room {
                return Err(io::Error::from(self.kind));
            }
            Ok(())
        }
    }

    #[test]
    fn a_broken_pipe_ends_the_output_quietly() -> io::Result<()> {
        let mut out = PipeSafe::new(Closing {
            written: vec![],
            room: 10,
            kind: ErrorKind::BrokenPipe,
        });
        writeln!(out, "Monday")?;
        assert!(!out.is_closed());
        writeln!(out, "Tuesday Wednesday Thursday")?;
        assert!(out.is_closed());
        writeln!(out, "Friday")?;
        out.flush()?;
        assert_eq!(out.inner.written, b"Monday\nTue");
        Ok(())
    }

    #[test]
    fn other_errors_are_returned() {
        let mut out = PipeSafe::new(Closing {
            written: vec![],
            room: 3,
            kind: ErrorKind::PermissionDenied,
        });
        let result = writeln!(out, "Monday");
        assert_eq!(
            result.map_err(|e| e.kind()),
            Err(ErrorKind::PermissionDenied)
        );
        assert!(!out.is_closed());
    }
}
