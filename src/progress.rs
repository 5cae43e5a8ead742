//! Progress bars on stderr: the only module that touches indicatif. Hidden
//! under `--quiet` and when stderr is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// The spinner naming the stage at work on long runs: hidden under
/// `--quiet` and when stderr is not a terminal.
static STAGE: std::sync::Mutex<Option<ProgressBar>> = std::sync::Mutex::new(None);

/// What names a stage for the user (the labels, in the run's language).
type StageName = fn(&str) -> &'static str;

/// Whether a spinner may be shown, and what names the stages (set once per
/// run by the command; this module knows no words).
static SETTINGS: std::sync::OnceLock<Option<StageName>> = std::sync::OnceLock::new();

/// Allows the stage spinner (not under `--quiet`, not when stderr is not a
/// terminal), naming stages with `name`. It appears at the first stage
/// after reading.
pub fn start(quiet: bool, name: StageName) {
    let shown = !quiet && std::io::stderr().is_terminal();
    let _ = SETTINGS.set(shown.then_some(name));
}

/// Names the stage now at work ("clean", "people", "units", "compliance",
/// "plan", "write").
pub fn now(stage: &str) {
    let Some(Some(name)) = SETTINGS.get().copied() else {
        return;
    };
    if let Ok(mut s) = STAGE.lock() {
        let bar = s.get_or_insert_with(|| {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed} {wide_msg}") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        bar.set_message(name(stage));
    }
}

/// Clears the spinner at the end of the run.
pub fn done() {
    if let Ok(mut s) = STAGE.lock()
        && let Some(bar) = s.take()
    {
        bar.finish_and_clear();
    }
}

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
        /// The process's CPU time when the last stage ended.
        cpu: Option<Duration>,
        stages: Vec<Stage>,
    }

    /// A stage's name, time, CPU time (every thread's, user and system),
    /// and (resident, peak resident) memory in bytes at its end.
    struct Stage(&'static str, Duration, Option<Duration>, Option<(u64, u64)>);

    /// The CPU time this process has used, every thread's, user and system,
    /// where the system tells it (Linux `/proc/self/stat`, in the 1/100 s
    /// ticks it counts for every program); `None` elsewhere.
    fn cpu() -> Option<Duration> {
        cpu_of(&std::fs::read_to_string("/proc/self/stat").ok()?)
    }

    /// The user and system time of a `/proc/PID/stat` line: its 14th and
    /// 15th fields, counted after the command's name, which is in
    /// parentheses and may hold spaces and parentheses itself.
    fn cpu_of(stat: &str) -> Option<Duration> {
        let mut fields = stat.get(stat.rfind(')')? + 1..)?.split_whitespace();
        let user: u64 = fields.nth(11)?.parse().ok()?;
        let system: u64 = fields.next()?.parse().ok()?;
        Some(Duration::from_millis((user + system) * 10))
    }

    /// Resident and peak resident memory of this process, where the system
    /// tells it (Linux `/proc/self/status`); `None` elsewhere.
    fn memory() -> Option<(u64, u64)> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let field = |name: &str| -> Option<u64> {
            let line = status.lines().find(|l| l.starts_with(name))?;
            let kb: u64 = line[name.len()..]
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()?;
            Some(kb * 1024)
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }

    static CLOCK: Mutex<Option<Clock>> = Mutex::new(None);

    /// Starts timing (`--timings`); without it, [`stage`] does nothing.
    pub fn start() {
        if let Ok(mut c) = CLOCK.lock() {
            *c = Some(Clock {
                last: Instant::now(),
                cpu: cpu(),
                stages: Vec::new(),
            });
        }
    }

    /// Ends a stage: the time since the previous one is `name`'s.
    pub fn stage(name: &'static str) {
        if let Ok(mut guard) = CLOCK.lock()
            && let Some(c) = guard.as_mut()
        {
            let (now, used) = (Instant::now(), cpu());
            let spent = used.zip(c.cpu).map(|(u, before)| u.saturating_sub(before));
            c.stages.push(Stage(name, now - c.last, spent, memory()));
            (c.last, c.cpu) = (now, used);
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
        let mb = |b: u64| b / (1024 * 1024);
        for Stage(name, d, spent, mem) in &c.stages {
            out.push_str(&format!("  {name:<12} {:>8.3} s", d.as_secs_f64()));
            if let Some(spent) = spent {
                out.push_str(&format!("  CPU {:>6.2} s", spent.as_secs_f64()));
            }
            if let Some((rss, peak)) = mem {
                out.push_str(&format!(
                    "  {:>6} MB resident, peak {:>6} MB",
                    mb(*rss),
                    mb(*peak)
                ));
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "  {:<12} {:>8.3} s\n",
            "total",
            total.as_secs_f64()
        ));
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn cpu_time_is_the_14th_and_15th_fields() {
            // pid, (comm), state, ppid, pgrp, session, tty, tpgid, flags,
            // minflt, cminflt, majflt, cmajflt, utime, stime, cutime…
            let line = "42 (a b) c)) R 1 2 3 4 5 6 7 8 9 10 250 50 11 12 20 0 4";
            assert_eq!(cpu_of(line), Some(Duration::from_millis(3_000)));
            assert_eq!(cpu_of("42 (x) R 1 2"), None);
            assert_eq!(cpu_of("no parenthesis"), None);
        }
    }
}
