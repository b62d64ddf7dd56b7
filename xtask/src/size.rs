//! The size report and budgets of the release build, run by `cargo xtask test` after the build: the
//! gzip bytes of what a reader downloads, file by file, and a failure when the WASM and its glue
//! together outgrow [`BUDGET`] (the lean reader's, which pages showing the site's own dataset load;
//! issue #28 lowers it step by step towards 150 KB) or [`FULL_BUDGET`] (the full reader's, for an
//! author's data and the custom element).

mod detail;

use std::io::Write;
use std::path::Path;

/// Most gzip bytes the lean reader's WASM and its JS glue may take together: what a page showing
/// the site's own dataset loads. Lower it whenever a change makes them smaller, so the next growth
/// is noticed.
pub const BUDGET: usize = 280_500;
/// The same for the full reader (an editor's `?data=`, the custom element, or the site's dataset
/// when the lean reader cannot show it).
pub const FULL_BUDGET: usize = 323_500;

/// The files of `dist/` a reader may download, by role: (role, file name prefix, suffix); the
/// lean reader's names (and only theirs) contain `lean`; then the authoring page's own, whose names
/// (and only whose) contain `author`.
const FILES: [(&str, &str, &str); 11] = [
    ("WASM", "llm-chronicle-lean-", "_bg.wasm"),
    ("JS glue", "llm-chronicle-lean-", ".js"),
    ("full WASM", "llm-chronicle-", "_bg.wasm"),
    ("full glue", "llm-chronicle-", ".js"),
    ("start-up script", "boot-", ".js"),
    ("stylesheet", "chronicle-", ".css"),
    ("dataset", "chronicle-", ".json"),
    ("embed loader", "embed", ".js"),
    ("author WASM", "llm-chronicle-author-", "_bg.wasm"),
    ("author glue", "llm-chronicle-author-", ".js"),
    ("author start-up", "boot-author-", ".js"),
];

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    gz.finish().map_or(0, |v| v.len())
}

/// `(role, file, raw bytes, gzip bytes)` for each file of `dir` in [`FILES`].
pub fn report(dir: &Path) -> Result<Vec<(&'static str, String, usize, usize)>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for (role, prefix, suffix) in FILES {
        // The glue is `llm-chronicle-<hash>.js`, which `_bg.wasm` must not match, and back; the
        // full reader's files are neither the lean reader's nor the authoring page's.
        let found = names.iter().find(|n| {
            n.starts_with(prefix)
                && n.ends_with(suffix)
                && !(suffix == ".js" && n.ends_with("_bg.js"))
                && n.contains("author") == prefix.contains("author")
                && n.contains("lean") == prefix.contains("lean")
        });
        let Some(name) = found else { return Err(format!("{}: no {role} ({prefix}*{suffix})", dir.display())) };
        let bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        out.push((role, name.clone(), bytes.len(), gzip_len(&bytes)));
    }
    Ok(out)
}

/// Prints the report and checks the budget.
pub fn check(dir: &Path) -> Result<(), String> {
    let files = report(dir)?;
    println!("{:<16} {:>10} {:>10}  file", "what", "bytes", "gzip");
    for (role, name, raw, gz) in &files {
        println!("{role:<16} {raw:>10} {gz:>10}  {name}");
    }
    let sum = |roles: [&str; 2]| -> usize { files.iter().filter(|f| roles.contains(&f.0)).map(|f| f.3).sum() };
    let (lean, full) = (sum(["WASM", "JS glue"]), sum(["full WASM", "full glue"]));
    println!("WASM + glue: {lean} bytes gzip (budget {BUDGET})");
    println!("full WASM + glue: {full} bytes gzip (budget {FULL_BUDGET}; for an author's data)");
    within(lean, BUDGET, "")?;
    within(full, FULL_BUDGET, "full reader's ")
}

/// Prints where the reader's WASM bytes go, by crate and by function, from a build that keeps the
/// function names (see [`detail`]).
pub fn detail() -> Result<(), String> {
    let path = detail::build()?;
    let wasm = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let breakdown = detail::analyse(&wasm)?;
    detail::print(&breakdown, 25);
    std::fs::write(detail::LISTING, detail::listing(&breakdown)).map_err(|e| format!("{}: {e}", detail::LISTING))?;
    println!("(every function: {})", detail::LISTING);
    Ok(())
}

fn within(size: usize, budget: usize, whose: &str) -> Result<(), String> {
    if size > budget {
        return Err(format!(
            "the {whose}WASM and its glue take {size} bytes gzip, over the budget of {budget} (xtask/src/size.rs): \
             make them smaller, or raise the budget in the same commit and say why"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_fails_past_it_and_names_both_figures() {
        assert!(within(BUDGET, BUDGET, "").is_ok());
        let e = within(BUDGET + 1, BUDGET, "").unwrap_err();
        assert!(e.contains(&(BUDGET + 1).to_string()) && e.contains(&BUDGET.to_string()), "{e}");
    }

    #[test]
    fn gzip_shrinks_repetition() {
        let text = "llm chronicle ".repeat(1000);
        assert!(gzip_len(text.as_bytes()) < text.len() / 10);
    }
}
