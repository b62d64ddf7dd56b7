//! Developer commands: `cargo xtask serve`, `cargo xtask test`, `cargo xtask build`,
//! `cargo xtask check-data [--lang en|zh] FILE…`.
//!
//! Each command first finds or installs what it needs (see `tools.rs`: the wasm target, trunk
//! 0.21.14, wasm-bindgen-cli at Cargo.lock's version, npm tools including `wasm-opt`, and for tests
//! Chromium and ChromeDriver) without replacing the developer's own tools, and says what each step
//! does, how long it usually takes, and what to do when it fails (`steps.rs`).

mod css;
mod engines;
mod offline;
mod size;
mod steps;
mod tools;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

use tools::{toolchain, WASM_TARGET};

type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf();
    env::set_current_dir(&root).expect("workspace root");
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("build") => build(),
        Some("check-offline") => trunk_release_offline().map(|()| steps::end()),
        Some("check-data") => check_data(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("schema") => write_schema(),
        Some("prerender") => prerender(&args[1..]),
        Some("css") => css::write(&args[1..]),
        Some("size") => match &args[1..] {
            [] => size::check(Path::new("dist")),
            [flag] if flag == "--detail" => size::check(Path::new("dist")).and_then(|()| size::detail()),
            _ => Err("usage: cargo xtask size [--detail]".into()),
        },
        _ => {
            eprintln!("usage: cargo xtask <serve [--port N] | test | build | check-offline | bench [--smoke] | size [--detail] | schema | css [--check] | prerender [DIR] | check-data [--lang en|zh] FILE…>");
            exit(2);
        }
    };
    if let Err(e) = result {
        if let Some(times) = steps::summary() {
            eprintln!("{times}");
        }
        eprintln!("\n{}", steps::explain(&e));
        exit(1);
    }
}

/// Builds the widget in development mode and serves it with `trunk serve`.
fn serve(args: &[String]) -> Result {
    let port = match args {
        [] => "8080".to_owned(),
        [flag, n] if flag == "--port" => n.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::check_node(false)?;
    let tools = toolchain()?;
    steps::begin(
        &format!("trunk serve at http://127.0.0.1:{port}/ (Ctrl+C stops)"),
        Some("the first build about 1 to 3 min, later ones seconds"),
        Some("the error above is trunk's or cargo's; if the port is taken, pick another with --port N"),
    );
    run(Command::new(&tools.trunk)
        .args(["serve", "--offline", "--address", "127.0.0.1", "--port", &port])
        .env("PATH", &tools.path))
}

/// The release build into `dist/`.
fn build() -> Result {
    tools::check_node(false)?;
    trunk_release()?;
    steps::end();
    if let Some(times) = steps::summary() {
        println!("{times}");
    }
    Ok(())
}

/// `trunk build --release --offline` with the tools xtask chose first on PATH.
fn trunk_release() -> Result {
    let tools = toolchain()?;
    steps::begin(
        "trunk build --release (release WASM, wasm-opt, prerender)",
        Some("15 s when nothing changed, 1 to 5 min after an edit, on 2 cores"),
        Some(TRUNK_HINT),
    );
    run(Command::new(&tools.trunk).args(["build", "--release", "--offline"]).env("PATH", &tools.path))
}

const TRUNK_HINT: &str = "the error above is trunk's or cargo's; `cargo xtask build` runs the same build again";

/// The release build as a developer types it, `trunk build --release` with no flags and only
/// trunk's folder added to PATH, while every network request is refused: it must succeed
/// without any download. Trunk's daily update check of crates.io is the one request allowed
/// (it fails quietly offline; `TRUNK_SKIP_VERSION_CHECK=1` turns it off).
fn trunk_release_offline() -> Result {
    let tools = toolchain()?;
    steps::begin(
        "trunk build --release, plain, with the network refused (the offline check)",
        Some("15 s when nothing changed, 1 to 5 min after an edit, on 2 cores"),
        Some(
            "if trunk tried to download a tool, it found it neither on PATH nor in its cache: run `cargo xtask \
             build` (it puts wasm-bindgen and wasm-opt in trunk's cache); otherwise the error above is trunk's or cargo's",
        ),
    );
    let proxy = offline::Refuser::start()?;
    let mut cmd = Command::new(&tools.trunk);
    cmd.args(["build", "--release"]).env("PATH", &tools.plain_path);
    proxy.apply(&mut cmd);
    let result = run(&mut cmd);
    let refused = proxy.refused();
    let forbidden: Vec<&String> = refused.iter().filter(|r| !offline::allowed(r)).collect();
    for r in &refused {
        println!("refused a request: {r}{}", if offline::allowed(r) { " (trunk's update check, allowed)" } else { "" });
    }
    if !forbidden.is_empty() {
        return Err(format!(
            "trunk tried to reach the network during the build ({}): plain `trunk build` must not download anything",
            forbidden.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; ")
        ));
    }
    result?;
    trunk_serve_offline(tools)
}

/// Plain `trunk serve` as a developer types it (only its port and output folder chosen, so it
/// neither collides with another server nor replaces `dist/`), with every request refused: it
/// must build the development WASM and serve the page without downloading anything.
fn trunk_serve_offline(tools: &tools::Toolchain) -> Result {
    steps::begin(
        "trunk serve, plain, with the network refused, until it serves the page",
        Some("about 1 min (a development build of the WASM)"),
        Some(
            "if trunk tried to download a tool, run `cargo xtask build` (it puts wasm-bindgen in trunk's cache); \
             otherwise the error above is trunk's or cargo's",
        ),
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("cannot find a free loopback port: {e}"))?
        .port();
    let proxy = offline::Refuser::start()?;
    let mut cmd = Command::new(&tools.trunk);
    cmd.args(["serve", "--port", &port.to_string(), "--dist", "target/offline-serve"]).env("PATH", &tools.plain_path);
    proxy.apply(&mut cmd);
    let mut child = cmd.spawn().map_err(|e| format!("could not start trunk serve: {e}"))?;
    let served = offline::wait_for_page(port, "id=\"llm-chronicle\"", &mut child, std::time::Duration::from_secs(600));
    let _ = child.kill();
    let _ = child.wait();
    let forbidden: Vec<String> = proxy.refused().into_iter().filter(|r| !offline::allowed(r)).collect();
    if !forbidden.is_empty() {
        return Err(format!(
            "trunk serve tried to reach the network ({}): plain `trunk serve` must not download anything",
            forbidden.join("; ")
        ));
    }
    served.map(|waited| println!("trunk serve served the page offline after {} s", waited.as_secs()))
}

/// Every test tier, in order; stops at the first failure. Prints each step's time at the end.
fn test() -> Result {
    // What can stop the run is checked before the long steps: Node, then the browser.
    steps::begin("check Node and the browser", None, None);
    tools::check_node(true)?;
    let browser = tools::ensure_browser()?;
    engines::ensure()?;
    toolchain()?;

    steps::begin("cargo fmt --check", Some("a few seconds"), Some("run `cargo fmt --all` and commit the result"));
    run(cargo().args(["fmt", "--all", "--check"]))?;

    steps::begin(
        "cargo clippy -D warnings (native, then wasm32)",
        Some("under a minute warm, about 6 min cold"),
        Some("fix what clippy lists above (warnings are errors here); `cargo clippy --workspace --all-targets` shows them again"),
    );
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // The widget for the browser, then the lean reader (`llm-chronicle-lean`): the same crate
    // with the feature `lean`.
    for extra in [&["--all-targets"][..], &["--features", "lean", "--bins"]] {
        run(cargo()
            .args(["clippy", "-p", "llm-chronicle", "--target", WASM_TARGET])
            .args(extra)
            .args(["--", "-D", "warnings"]))?;
    }

    steps::begin(
        "native tests: core unit, property and fixture tests; SSR snapshots; xtask",
        Some("30 s to 1 min warm"),
        Some(
            "a changed snapshot is written beside the old one as *.new.txt: compare them, and accept it with \
             UPDATE_SNAPSHOTS=1 cargo test --workspace; `cargo test -p CRATE NAME` runs one test again",
        ),
    );
    run(cargo().args(["test", "--workspace"]))?;

    steps::begin(
        "wasm-bindgen-test in headless Chromium",
        Some("15 to 30 s warm"),
        Some(
            "run it alone: cargo test -p llm-chronicle --target wasm32-unknown-unknown --test browser (with \
             CHROMEDRIVER set); \"session not created\" means ChromeDriver's and the browser's versions differ",
        ),
    );
    let tools = toolchain()?;
    run(cargo()
        .args(["test", "-p", "llm-chronicle", "--target", WASM_TARGET, "--test", "browser"])
        .env("PATH", &tools.path)
        .env("CHROMEDRIVER", &browser.driver)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner"))?;

    trunk_release_offline()?;

    steps::begin("size report and budget of dist/", Some("a second"), Some("see xtask/src/size.rs for the budget"));
    size::check(Path::new("dist"))?;

    steps::begin(
        "end-to-end tests of dist/ in Chromium",
        Some("about 6 min 30 s"),
        Some(
            "run one file again: node --test --test-concurrency=1 tests/e2e/FILE.test.mjs (add \
             --test-name-pattern='...' for one test); screenshots of failures are in tests/e2e/artifacts/",
        ),
    );
    let mut node = Command::new("node");
    node.args(["--test", "--test-concurrency=1"]);
    for f in e2e_files()? {
        node.arg(f);
    }
    run(node.env("CHROMIUM", &browser.chromium))?;
    engines::smoke(&browser.chromium)?;

    // The benchmark's harness on our page only (100 events, one repetition), so it cannot rot.
    // The peers' pages (about 4 minutes more, mostly TimelineJS3 at 4× throttling) run in
    // `cargo xtask bench`. Figures only: no test asserts a time.
    browser_bench(true, &["ours"], &browser)?;
    steps::end();
    if let Some(times) = steps::summary() {
        println!("{times}");
    }
    println!("All test tiers passed.");
    Ok(())
}

fn e2e_files() -> Result<Vec<PathBuf>> {
    let dir = Path::new("tests/e2e");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    Ok(files)
}

/// Where the release build's un-prerendered output is kept (written by the prerender hook), so the
/// benchmark can prerender the same build with other datasets.
const SITE_TEMPLATE: &str = "target/site-template";

/// The benchmark sizes: events per synthetic dataset.
const BENCH_SIZES: [usize; 3] = [100, 1_000, 10_000];
/// The synthetic datasets' seed: every run measures the same data.
const BENCH_SEED: u64 = 2018;

/// The benchmark (`--smoke`: 100 events, one repetition, results outside the repository).
///
/// 1. The release build, its sizes (raw and gzip -9) and the core pipeline's native timings.
/// 2. Seeded synthetic datasets (100, 1,000 and 10,000 events) and a prerendered site for each,
///    from the same build.
/// 3. `bench/run.mjs`: the peer pages (TimelineJS3, vis-timeline) on the same data, and the
///    measurements in Chromium, unthrottled and at 4× CPU throttling.
fn bench(args: &[String]) -> Result {
    let smoke = match args {
        [] => false,
        [flag] if flag == "--smoke" => true,
        _ => return Err("usage: cargo xtask bench [--smoke]".into()),
    };
    tools::check_node(true)?;
    let browser = tools::ensure_browser()?;
    trunk_release()?;
    step("release build sizes and budget");
    size::check(Path::new("dist"))?;
    size::detail()?;
    if !smoke {
        step("core pipeline timings (native, release)");
        run(cargo().args(["run", "--release", "--quiet", "-p", "chronicle-core", "--example", "bench"]))?;
    }
    browser_bench(smoke, &[], &browser)?;
    steps::end();
    if let Some(times) = steps::summary() {
        println!("{times}");
    }
    Ok(())
}

/// Steps 2 and 3 of the benchmark, on the release build already made. `pages`: the pages to
/// measure (`ours`, `timelinejs`, `vis`); empty for all.
fn browser_bench(smoke: bool, pages: &[&str], browser: &tools::Browser) -> Result {
    steps::begin("synthetic datasets and their prerendered sites", Some("a few seconds for 100 events"), None);
    let sizes: &[usize] = if smoke { &BENCH_SIZES[..1] } else { &BENCH_SIZES };
    let data_dir = Path::new("target/bench/data");
    std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
    for &n in sizes {
        let file = data_dir.join(format!("synthetic-{n}.json"));
        let json = serde_json::to_string(&chronicle_core::synth::dataset(n, BENCH_SEED)).map_err(|e| e.to_string())?;
        std::fs::write(&file, json).map_err(|e| format!("{}: {e}", file.display()))?;
        let site = PathBuf::from(format!("target/bench/ours-{n}"));
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(Path::new(SITE_TEMPLATE), &site)?;
        prerender_site(&site, &file.to_string_lossy())?;
    }
    if !smoke {
        // The dataset the widget ships, beside the synthetic ones: what a reader actually loads.
        let file = data_dir.join("shipped.json");
        std::fs::copy("data/chronicle.json", &file).map_err(|e| format!("{}: {e}", file.display()))?;
        let site = PathBuf::from("target/bench/ours-shipped");
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(Path::new(SITE_TEMPLATE), &site)?;
        prerender_site(&site, &file.to_string_lossy())?;
    }
    let which = if pages.is_empty() { "ours, TimelineJS3 and vis-timeline".to_owned() } else { pages.join(", ") };
    let usual = match (smoke, pages) {
        (true, ["ours"]) => "about 1 min",
        (true, _) => "about 5 min",
        _ => "about an hour",
    };
    steps::begin(
        &format!("browser benchmark{}: {which}", if smoke { " (smoke: 100 events, one repetition)" } else { "" }),
        Some(usual),
        Some("run it again with BENCH_DEBUG=1 node bench/run.mjs --smoke --pages ours to see each measurement's progress"),
    );
    let mut node = Command::new("node");
    node.arg("bench/run.mjs");
    if smoke {
        node.arg("--smoke");
    }
    if !pages.is_empty() {
        node.arg("--pages").arg(pages.join(","));
    }
    run(node.env("CHROMIUM", &browser.chromium))
}

/// Copies the folder `from` to `to`, recursively.
fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e} (run a release build first)", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Writes the prerendered widget into `DIR/index.html` (Chinese) and `DIR/en/index.html`
/// (English), and the dataset the pages load into `DIR/chronicle-<hash>.json`. The dataset is
/// `data/chronicle.json` unless `--data FILE` (JSON or CSV) names another. Trunk runs this after
/// every release build (see `Trunk.toml`).
fn prerender(args: &[String]) -> Result {
    let (dir, data_path) = match args {
        [] => ("dist".to_owned(), "data/chronicle.json".to_owned()),
        [dir] => (dir.clone(), "data/chronicle.json".to_owned()),
        [dir, flag, file] if flag == "--data" => (dir.clone(), file.clone()),
        _ => return Err("usage: cargo xtask prerender [DIR] [--data FILE]".into()),
    };
    let dir = PathBuf::from(dir);
    // Inside Trunk's release hook: keep the build as Trunk left it, for `cargo xtask bench`.
    if env::var_os("TRUNK_STAGING_DIR").is_some() {
        let _ = std::fs::remove_dir_all(SITE_TEMPLATE);
        copy_dir(&dir, Path::new(SITE_TEMPLATE))?;
    }
    prerender_site(&dir, &data_path)
}

/// Prerenders the site in `dir` (Trunk's output) with the dataset in `data_path`.
fn prerender_site(dir: &Path, data_path: &str) -> Result {
    use chronicle_core::i18n::Lang;
    use llm_chronicle::prerender::{
        author_build, author_page, data_file, externalize_boot, fill_embed_loader, hash_build, page, render_app,
        LEAN_BUILD, PRERENDERED_ATTR,
    };
    use llm_chronicle::Dataset;
    let text = std::fs::read_to_string(data_path).map_err(|e| format!("{data_path}: {e}"))?;
    let data = Dataset::from_text(&text);
    let chronicle = match &*data.0 {
        Ok(c) => c,
        Err(problems) => {
            return Err(format!("{data_path} is not a valid dataset: {}", problem_list(problems, Lang::En)));
        }
    };
    let index = dir.join("index.html");
    let mut template = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if template.contains(PRERENDERED_ATTR) {
        return Err(format!("{} is already prerendered", index.display()));
    }
    // The dataset, compact and content-hashed, replaces the development copy.
    let (data_name, json) = data_file(chronicle)?;
    std::fs::write(dir.join(&data_name), json).map_err(|e| format!("{data_name}: {e}"))?;
    let _ = std::fs::remove_file(dir.join("chronicle.json"));
    // The embed loader learns the hashed file names.
    let loader_path = dir.join("embed.js");
    if let Ok(loader) = std::fs::read_to_string(&loader_path) {
        let filled =
            fill_embed_loader(&loader, &template, &data_name).ok_or("cannot find the built file names for embed.js")?;
        std::fs::write(&loader_path, filled).map_err(|e| format!("{}: {e}", loader_path.display()))?;
    }
    // No inline scripts: the start-up script becomes a file (strict CSP); it loads the lean
    // reader unless an editor's `?data=` needs the full one. The authoring pages get their own,
    // which starts the authoring app's WASM.
    let lean = hash_build(dir, LEAN_BUILD)?;
    let mut author_template = template.clone();
    if let Some((with_src, name, js)) = externalize_boot(&template, &data_name, Some(&lean)) {
        std::fs::write(dir.join(&name), js).map_err(|e| format!("{name}: {e}"))?;
        let author_boot = author_build(dir, &data_name)?;
        author_template = with_src.replace(&format!("/{name}\""), &format!("/{author_boot}\""));
        template = with_src;
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    for (lang, sub, prefix) in [(Lang::Zh, "", ""), (Lang::En, "en", "../")] {
        let html = runtime.block_on(render_app(lang, data.clone()));
        let out_dir = dir.join(sub);
        std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
        let out = out_dir.join("index.html");
        std::fs::write(&out, page(&template, lang, &html, prefix, chronicle, &data_name)?)
            .map_err(|e| format!("{}: {e}", out.display()))?;
        println!("prerendered {} ({} KB of widget HTML)", out.display(), html.len() / 1024);
    }
    // The authoring pages load no dataset of ours: only the built files.
    for (lang, sub, prefix) in [(Lang::Zh, "", ""), (Lang::En, "en", "../")] {
        let out = dir.join(sub).join("author.html");
        std::fs::write(&out, author_page(&author_template, lang, prefix)?)
            .map_err(|e| format!("{}: {e}", out.display()))?;
    }
    if !env::var("LLMC_SITE_URL").is_ok_and(|u| u.starts_with("http")) {
        println!(
            "note: LLMC_SITE_URL is not set, so the zh/en hreflang links are relative; search engines \
             (and Lighthouse's SEO audit) want absolute ones: set it to the site's address when \
             building for publication, e.g. LLMC_SITE_URL=https://example.org/llm-chronicle/"
        );
    }
    Ok(())
}

/// Where the published JSON Schema lives, relative to the workspace root.
const SCHEMA_PATH: &str = "data/chronicle.schema.json";

/// Regenerates the published JSON Schema from the Rust types.
fn write_schema() -> Result {
    std::fs::write(SCHEMA_PATH, chronicle_core::json_schema()).map_err(|e| format!("{SCHEMA_PATH}: {e}"))?;
    println!("wrote {SCHEMA_PATH}");
    Ok(())
}

/// Validates dataset files (JSON, or CSV with one row per event) and prints every problem where
/// it is (path, line and column; or row, column and cell), in English or, with `--lang zh`, in
/// Chinese: the list the widget's error panel shows.
fn check_data(args: &[String]) -> Result {
    use chronicle_core::i18n::Lang;
    let usage = || "usage: cargo xtask check-data [--lang en|zh] FILE…".to_owned();
    let (lang, files) = match args {
        [flag, code, files @ ..] if flag == "--lang" => (Lang::from_tag(code).ok_or_else(usage)?, files),
        files => (Lang::En, files),
    };
    if files.is_empty() {
        return Err(usage());
    }
    let mut failed = 0;
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        match chronicle_core::validate::load_any(&text) {
            Ok(c) => println!("{f}: ok ({} events, {} eras)", c.events().len(), c.data.eras.len()),
            Err(problems) => {
                failed += 1;
                print!("{f}: {}", problem_list(&problems, lang));
            }
        }
    }
    if failed > 0 {
        Err(format!("{failed} file(s) have problems"))
    } else {
        Ok(())
    }
}

/// Whether a terminal gives `c` two columns: Hangul, CJK and full-width forms.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// Every problem on its own line, as the error panel lists them; under a JSON syntax error, the
/// broken line with a caret under the position.
fn problem_list(problems: &[chronicle_core::problem::Problem], lang: chronicle_core::i18n::Lang) -> String {
    use chronicle_core::problem::Location;
    let mut out = format!("{}\n", chronicle_core::problem::report(problems, lang).count);
    for p in problems {
        out += &format!("  {}\n", p.line(lang));
        if let Location::Text { line, caret, .. } = &p.at {
            let width: usize = line.chars().take(*caret).map(|c| if is_wide(c) { 2 } else { 1 }).sum();
            out += &format!("    {line}\n    {}^\n", " ".repeat(width));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Versions.

/// The version of `package` recorded in Cargo.lock.
fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\n");
    let at = lock.find(&needle).ok_or_else(|| format!("{package} is not in Cargo.lock"))?;
    let rest = &lock[at + needle.len()..];
    rest.strip_prefix("version = \"")
        .and_then(|r| r.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("no version for {package} in Cargo.lock"))
}

// ---------------------------------------------------------------------------------------------
// Process helpers.

fn cargo() -> Command {
    Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Starts a step without a usual time or a hint (see `steps::begin`).
fn step(title: &str) {
    steps::begin(title, None, None);
}

fn run(cmd: &mut Command) -> Result {
    let status = cmd.status().map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} {:?} failed ({status})", cmd.get_program(), cmd.get_args().collect::<Vec<_>>()))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/chronicle.schema.json");
        let published = std::fs::read_to_string(path).unwrap_or_default();
        assert!(published == chronicle_core::json_schema(), "{path} is stale: run `cargo xtask schema`");
    }

    /// `check-data` lists what the widget's panel lists, and puts a caret under a syntax error,
    /// counting a Chinese character as two columns.
    #[test]
    fn the_problem_list_has_a_line_per_problem_and_a_caret_under_broken_json() {
        use chronicle_core::i18n::Lang;
        let broken = include_str!("../../examples/data/broken.json");
        let problems = chronicle_core::validate::load_any(broken).unwrap_err();
        let list = super::problem_list(&problems, Lang::Zh);
        assert_eq!(list.lines().count(), 12, "{list}");
        assert!(list.starts_with("数据中有 11 个问题需要修正：\n  title.en（第 2 行第 36 列）：不能为空\n"), "{list}");
        let syntax = include_str!("../../examples/data/broken-syntax.json");
        let list = super::problem_list(&chronicle_core::validate::load_any(syntax).unwrap_err(), Lang::En);
        let lines: Vec<&str> = list.lines().collect();
        assert_eq!(lines[1], "  line 7, column 23: this text is not closed: a closing quote \" is missing");
        assert_eq!(lines[2], "          \"name\": { \"zh\": \"甲, \"en\": \"X\" },");
        assert_eq!(lines[3].find('^'), Some(4 + 22));
    }

    #[test]
    fn locked_version_reads_cargo_lock() {
        std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
        let v = super::locked_version("wasm-bindgen").unwrap();
        assert!(v.starts_with("0.2."), "{v}");
    }
}
