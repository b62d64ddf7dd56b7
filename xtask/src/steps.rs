//! The steps of a command: each says what it does and how long it usually takes as it starts, a
//! failed one says which step failed and what to do, and `summary` lists every step's time.

use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Current {
    title: String,
    hint: Option<&'static str>,
    started: Instant,
}

struct Log {
    done: Vec<(String, Duration)>,
    current: Option<Current>,
}

static LOG: Mutex<Log> = Mutex::new(Log { done: Vec::new(), current: None });

fn log() -> std::sync::MutexGuard<'static, Log> {
    // A panic while the lock is held leaves the log readable: it holds plain values.
    LOG.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts a step (and ends the one before). `usual` is printed beside the title ("about 1 min
/// warm"); `hint` is what to do when the step fails.
pub fn begin(title: &str, usual: Option<&str>, hint: Option<&'static str>) {
    end();
    match usual {
        Some(usual) => println!("\n==> {title}   [{usual}]"),
        None => println!("\n==> {title}"),
    }
    log().current = Some(Current { title: title.to_owned(), hint, started: Instant::now() });
}

/// Ends the running step, if any, and records its time.
pub fn end() {
    let mut log = log();
    if let Some(c) = log.current.take() {
        log.done.push((c.title, c.started.elapsed()));
    }
}

/// The error of a failed command, said with the step that failed and what to do about it.
pub fn explain(error: &str) -> String {
    let log = log();
    let Some(c) = &log.current else {
        return format!("xtask: {error}");
    };
    let mut text = format!(
        "xtask: the step \"{}\" failed after {}:\n  {}",
        c.title,
        duration(c.started.elapsed()),
        error.replace('\n', "\n  ")
    );
    if let Some(hint) = c.hint {
        text.push_str(&format!("\nWhat to do: {hint}"));
    }
    text
}

/// Every step's time so far, one line each, and the total; `None` before the first step.
pub fn summary() -> Option<String> {
    let log = log();
    let mut rows: Vec<(String, Duration)> = log.done.clone();
    if let Some(c) = &log.current {
        rows.push((format!("{} (stopped here)", c.title), c.started.elapsed()));
    }
    if rows.is_empty() {
        return None;
    }
    let total: Duration = rows.iter().map(|(_, d)| *d).sum();
    let width = rows.iter().map(|(t, _)| t.chars().count()).max().unwrap_or(0).max(5);
    let mut text = String::from("\nStep times:\n");
    for (title, d) in rows.iter().chain([(String::from("total"), total)].iter()) {
        let pad = width - title.chars().count();
        text.push_str(&format!("  {title}{}  {:>8}\n", " ".repeat(pad), duration(*d)));
    }
    Some(text)
}

/// "0.4 s", "12 s", "3 min 05 s".
pub fn duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 10.0 {
        format!("{s:.1} s")
    } else if s < 60.0 {
        format!("{s:.0} s")
    } else {
        let whole = d.as_secs();
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::duration;
    use std::time::Duration;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_millis(420)), "0.4 s");
        assert_eq!(duration(Duration::from_secs(12)), "12 s");
        assert_eq!(duration(Duration::from_secs(185)), "3 min 05 s");
    }
}
