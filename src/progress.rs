//! Progress bars on stderr: the only module that touches indicatif. Hidden
//! under `--quiet` and when stderr is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar over `len` files.
#[must_use]
pub fn files(len: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Stage timings for `--timings`: where a run's time goes, printed to stderr
/// at the end. The one place that reads the monotonic clock; nothing it
/// measures reaches an output file.
pub mod timings {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    struct Clock {
        last: Instant,
        stages: Vec<(&'static str, Duration)>,
    }

    static CLOCK: Mutex<Option<Clock>> = Mutex::new(None);

    /// Starts timing (`--timings`); without it, [`stage`] does nothing.
    pub fn start() {
        if let Ok(mut c) = CLOCK.lock() {
            *c = Some(Clock {
                last: Instant::now(),
                stages: Vec::new(),
            });
        }
    }

    /// Ends a stage: the time since the previous one is `name`'s.
    pub fn stage(name: &'static str) {
        if let Ok(mut guard) = CLOCK.lock()
            && let Some(c) = guard.as_mut()
        {
            let now = Instant::now();
            c.stages.push((name, now - c.last));
            c.last = now;
        }
    }

    /// The stages so far, one line each with the total ("" when not timing).
    #[must_use]
    pub fn report() -> String {
        let Ok(guard) = CLOCK.lock() else {
            return String::new();
        };
        let Some(c) = guard.as_ref() else {
            return String::new();
        };
        let total: Duration = c.stages.iter().map(|s| s.1).sum();
        let mut out = String::from("timings:\n");
        for (name, d) in &c.stages {
            out.push_str(&format!("  {name:<12} {:>8.3} s\n", d.as_secs_f64()));
        }
        out.push_str(&format!(
            "  {:<12} {:>8.3} s\n",
            "total",
            total.as_secs_f64()
        ));
        out
    }
}
