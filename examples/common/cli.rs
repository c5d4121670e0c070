//! What the examples share: reading a command line with `lexopt` (flags anywhere, `--help`, arguments
//! that are not UTF-8 reported rather than panicking), and failing on a bad one the way command-line
//! tools do: an error and a usage line on standard error, exit status 2.

use std::process::ExitCode;

/// The exit status for a command line the program cannot use.
pub const USAGE_ERROR: u8 = 2;

/// Reports a bad command line: the error, the usage line, and where to find more.
pub fn usage_error(usage: &str, err: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {err}\nusage: {usage}\nRun with --help for more.");
    ExitCode::from(USAGE_ERROR)
}

/// Reads a command line that takes no arguments (only the examples that take none use it): `Ok(true)` to go on, `Ok(false)` after printing help.
#[allow(dead_code)]
pub fn no_arguments(help: &str) -> Result<bool, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    if let Some(arg) = parser.next()? {
        return match arg {
            lexopt::Arg::Short('h') | lexopt::Arg::Long("help") => {
                println!("{help}");
                Ok(false)
            }
            _ => Err(arg.unexpected()),
        };
    }
    Ok(true)
}

/// Writes to standard output like `print!`, but when the reader has gone (`| head`) ends the program
/// quietly instead of panicking.
pub fn write_out(args: std::fmt::Arguments) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if out.write_fmt(args).and_then(|()| out.flush()).is_err() {
        std::process::exit(1);
    }
}

/// `println!` through [`write_out`].
macro_rules! say {
    () => { $crate::cli::write_out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` through [`write_out`].
#[allow(unused_macros)]
macro_rules! say_raw {
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!($($arg)*)) };
}
