//! Whole-process time to the explorer's first frame: starts the release binary in an 80x24
//! pseudo-terminal and times from the spawn to the moment the screen shows the recommendation, 20
//! times; prints the median and the range. Arguments go to versus:
//! `cargo build --release && cargo run --release --example first-frame -- [--data FILE]`.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 20;
/// Drawn in the first frame, at the bottom: once it is on screen, the whole frame is.
const LAST_DRAWN: &str = "Recommendation";

fn main() {
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("versus")))
        .filter(|path| path.is_file())
        .expect("build the binary first: cargo build --release");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut samples: Vec<Duration> = (0..RUNS).map(|_| first_frame(&binary, &args)).collect();
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "first frame, whole process, 80x24 ({RUNS} runs): median {:.1} ms, range {:.1}-{:.1} ms",
        ms(samples[RUNS / 2]),
        ms(samples[0]),
        ms(samples[RUNS - 1])
    );
}

fn first_frame(binary: &std::path::Path, args: &[String]) -> Duration {
    let (rows, cols) = (24, 80);
    let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut command = CommandBuilder::new(binary);
    command.args(args);
    command.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let (mut reader, mut writer) = (pair.master.try_clone_reader().unwrap(), pair.master.take_writer().unwrap());
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    let mut chunk = [0; 4096];
    let elapsed = loop {
        let n = reader.read(&mut chunk).expect("versus exited before drawing");
        assert!(n > 0, "versus exited before drawing");
        parser.process(&chunk[..n]);
        if parser.screen().contents().contains(LAST_DRAWN) {
            break start.elapsed();
        }
    };
    writer.write_all(b"q").unwrap();
    // Drain the output so the explorer can finish restoring the terminal, then reap it.
    std::thread::spawn(move || while reader.read(&mut chunk).is_ok_and(|n| n > 0) {});
    child.wait().unwrap();
    elapsed
}
