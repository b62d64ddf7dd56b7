//! The tools the build and the tests need: found where the developer already has them, installed
//! where they are missing, and never in place of the developer's own.
//!
//! - trunk and wasm-bindgen-cli: the ones on PATH when they are the exact versions (trunk
//!   0.21.14; wasm-bindgen-cli at Cargo.lock's `wasm-bindgen`). Otherwise `cargo install --root`
//!   into the per-user project tool cache, `${XDG_CACHE_HOME:-~/.cache}/llm-chronicle/tools/
//!   <tool>-<version>` (or `$LLMC_TOOLS_DIR`), whose `bin` then comes first on the PATH of the
//!   commands xtask runs. A `trunk` or `wasm-bindgen` in `~/.cargo/bin` is never replaced.
//! - wasm-bindgen and wasm-opt are also copied into trunk's own tool cache, where plain `trunk
//!   serve` and `trunk build --release` look after PATH, so those work offline by themselves.
//! - Chromium and ChromeDriver for the tests: `$CHROMIUM` (or `$CHROME`) and `$CHROMEDRIVER`, else
//!   the distribution's. They are installed only on Debian or Ubuntu, as root or with `sudo` after
//!   saying what will run; elsewhere the command stops with the command to run.
//! - Node is checked up front.

use std::env;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::steps;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The oldest Node the end-to-end harness runs on: it uses `import.meta.dirname` (Node 20.11).
pub const NODE_MIN: (u32, u32) = (20, 11);

type Result<T = ()> = std::result::Result<T, String>;

/// How the build finds its tools, once they are all there.
pub struct Toolchain {
    /// The trunk to run (an absolute path, so a different `trunk` earlier on PATH cannot win).
    pub trunk: PathBuf,
    /// PATH for the commands xtask runs: the tool cache's `bin` folders that are in use and
    /// `node_modules/.bin` (wasm-opt), then the developer's PATH.
    pub path: OsString,
    /// PATH as a developer has it for plain `trunk`: only trunk's folder put first, so trunk
    /// looks up wasm-bindgen and wasm-opt the way it does outside xtask.
    pub plain_path: OsString,
}

static TOOLCHAIN: OnceLock<Toolchain> = OnceLock::new();

/// The tools found or installed by [`ensure_build_tools`] (installing them on first use).
pub fn toolchain() -> Result<&'static Toolchain> {
    if let Some(t) = TOOLCHAIN.get() {
        return Ok(t);
    }
    let t = ensure_build_tools()?;
    Ok(TOOLCHAIN.get_or_init(|| t))
}

// ---------------------------------------------------------------------------------------------
// Where tools go.

/// `$XDG_CACHE_HOME` when it is an absolute path (as the XDG spec says), else `~/.cache`.
fn xdg_cache_home() -> Option<PathBuf> {
    env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
}

/// The project tool cache: one folder per tool and version, each a `cargo install --root`.
///
/// Per user, outside the clone, because installing trunk and wasm-bindgen-cli compiles about 600
/// crates (some 13 minutes on 2 cores): CI checks out a fresh clone for every run and developers
/// clone again, and a cache inside the clone (`target/tools`) would pay those minutes each time,
/// or be lost to `cargo clean`. Keyed by version, so projects (or branches) that need other
/// versions live side by side. `LLMC_TOOLS_DIR` moves it (e.g. into a CI cache).
pub fn tools_dir() -> Result<PathBuf> {
    if let Some(dir) = env::var_os("LLMC_TOOLS_DIR").filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return Ok(if dir.is_absolute() { dir } else { env::current_dir().unwrap_or_default().join(dir) });
    }
    xdg_cache_home().map(|c| c.join("llm-chronicle").join("tools")).ok_or_else(|| {
        "neither HOME nor XDG_CACHE_HOME is set: set LLMC_TOOLS_DIR to a folder for the build tools".into()
    })
}

/// Trunk's own tool cache, where it keeps the tools it downloads (`directories::ProjectDirs`
/// for "dev.trunkrs.trunk"): `<dir>/wasm-bindgen-<version>/wasm-bindgen` and
/// `<dir>/wasm-opt-<version>/bin/wasm-opt`. Trunk uses a tool from there, without any download,
/// when the tool on PATH is missing or another version.
pub fn trunk_cache_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        env::var_os("HOME").map(|h| PathBuf::from(h).join("Library/Caches/dev.trunkrs.trunk"))
    } else {
        xdg_cache_home().map(|c| c.join("trunk"))
    }
}

// ---------------------------------------------------------------------------------------------
// The decision, kept pure so it is tested without installing anything.

/// Where a tool comes from.
#[derive(Debug, PartialEq, Eq)]
pub enum Choice {
    /// The developer's own, found first on PATH, at the exact version: used as it is.
    Path,
    /// Installed earlier into the project tool cache.
    Cache,
    /// Missing: install it into the project tool cache.
    Install,
}

/// `on_path`: the version each of the tool's binaries reports, as found first on the developer's
/// PATH (`None`: not found, or no version). `cached`: the same for the project tool cache.
pub fn choose(on_path: &[Option<String>], cached: &[Option<String>], wanted: &str) -> Choice {
    let all = |found: &[Option<String>]| !found.is_empty() && found.iter().all(|v| v.as_deref() == Some(wanted));
    if all(on_path) {
        Choice::Path
    } else if all(cached) {
        Choice::Cache
    } else {
        Choice::Install
    }
}

/// The version in a `--version` line: "trunk 0.21.14", "wasm-bindgen 0.2.130" → the number.
pub fn version_in(output: &str) -> Option<String> {
    let word = output.split_whitespace().nth(1)?;
    let v = word.trim_start_matches('v');
    v.starts_with(|c: char| c.is_ascii_digit()).then(|| v.to_owned())
}

/// `cargo` arguments that install `krate` at `version` into `root` and nowhere else.
pub fn install_args(krate: &str, version: &str, root: &Path, locked: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = ["install", krate, "--version", version].iter().map(OsString::from).collect();
    if locked {
        args.push("--locked".into());
    }
    // --force: reinstall over a broken or partial earlier install in this root (only this root).
    args.extend(["--force".into(), "--root".into(), root.as_os_str().to_owned()]);
    args
}

/// The first executable called `bin` on `path`.
pub fn which(bin: &str, path: &OsStr) -> Option<PathBuf> {
    env::split_paths(path).map(|dir| dir.join(bin)).find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

fn version_of(bin: &Path) -> Option<String> {
    let out = Command::new(bin).arg("--version").output().ok()?;
    out.status.success().then(|| version_in(&String::from_utf8_lossy(&out.stdout))).flatten()
}

// ---------------------------------------------------------------------------------------------
// trunk and wasm-bindgen-cli.

/// A Rust command-line tool at an exact version.
struct CargoTool {
    /// The crate to install.
    krate: &'static str,
    /// The cache folder's name before "-<version>".
    name: &'static str,
    version: String,
    /// The binaries that must all be there, at `version`.
    bins: &'static [&'static str],
    locked: bool,
    usual: &'static str,
}

/// Finds or installs `tool`; returns the folder its binaries are in, and whether that folder is
/// the project cache's (which then goes first on PATH).
fn ensure_cargo_tool(tool: &CargoTool, user_path: &OsStr) -> Result<(PathBuf, bool)> {
    let root = tools_dir()?.join(format!("{}-{}", tool.name, tool.version));
    let cache_bin = root.join("bin");
    let on_path: Vec<Option<String>> =
        tool.bins.iter().map(|b| which(b, user_path).and_then(|p| version_of(&p))).collect();
    let cached: Vec<Option<String>> = tool.bins.iter().map(|b| version_of(&cache_bin.join(b))).collect();
    match choose(&on_path, &cached, &tool.version) {
        Choice::Path => {
            let dir = which(tool.bins[0], user_path).and_then(|p| p.parent().map(Path::to_path_buf));
            println!("using {} {} from PATH", tool.bins[0], tool.version);
            return Ok((dir.unwrap_or_default(), false));
        }
        Choice::Cache => {
            println!("using {} {} from {}", tool.bins[0], tool.version, cache_bin.display());
            return Ok((cache_bin, true));
        }
        Choice::Install => {}
    }
    let found: Vec<String> =
        tool.bins.iter().zip(&on_path).filter_map(|(b, v)| v.as_ref().map(|v| format!("{b} {v}"))).collect();
    steps::begin(
        &format!("install {} {} into {}", tool.krate, tool.version, root.display()),
        Some(tool.usual),
        Some(
            "check that cargo can reach crates.io (or your registry mirror) and that there is about 2 GB free \
             for the build; then run the command again, it starts over in the same folder",
        ),
    );
    if !found.is_empty() {
        println!("(PATH has {}, which this project cannot use; it stays as it is)", found.join(", "));
    }
    std::fs::create_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let args = install_args(tool.krate, &tool.version, &root, tool.locked);
    crate::run(Command::new("cargo").args(&args))?;
    for b in tool.bins {
        if version_of(&cache_bin.join(b)).as_deref() != Some(tool.version.as_str()) {
            return Err(format!(
                "{} does not report version {} after installing",
                cache_bin.join(b).display(),
                tool.version
            ));
        }
    }
    Ok((cache_bin, true))
}

/// The wasm target, the npm tools, the crates, trunk and wasm-bindgen-cli; then registers
/// wasm-bindgen and wasm-opt with trunk. Prints what it installs and how long that usually takes.
fn ensure_build_tools() -> Result<Toolchain> {
    steps::begin("check the build tools", None, None);
    let user_path = env::var_os("PATH").unwrap_or_default();
    let root = env::current_dir().map_err(|e| e.to_string())?;
    ensure_wasm_target()?;
    ensure_npm_packages()?;
    let wb = crate::locked_version("wasm-bindgen")?;
    let trunk = CargoTool {
        krate: "trunk",
        name: "trunk",
        version: TRUNK_VERSION.into(),
        bins: &["trunk"],
        // trunk 0.22 needs rustc 1.96; 0.21.14 with its own lockfile builds on this toolchain.
        locked: true,
        usual: "several minutes, once per machine: about 13 min on 2 cores with wasm-bindgen-cli",
    };
    let bindgen = CargoTool {
        krate: "wasm-bindgen-cli",
        name: "wasm-bindgen",
        version: wb.clone(),
        bins: &["wasm-bindgen", "wasm-bindgen-test-runner"],
        // Not --locked: wasm-bindgen-cli's lockfile pins a yanked crate.
        locked: false,
        usual: "several minutes, once per machine and version: about 13 min on 2 cores with trunk",
    };
    let (trunk_dir, _) = ensure_cargo_tool(&trunk, &user_path)?;
    let (bindgen_dir, bindgen_cached) = ensure_cargo_tool(&bindgen, &user_path)?;

    // Plain `trunk serve` finds them in trunk's cache even when PATH has other versions.
    let wasm_opt = wasm_opt_pin()?;
    let node_bin = root.join("node_modules/.bin");
    register_with_trunk(&format!("wasm-bindgen-{wb}"), "wasm-bindgen", &bindgen_dir.join("wasm-bindgen"))?;
    register_with_trunk(
        &format!("wasm-opt-{wasm_opt}"),
        "bin/wasm-opt",
        &root.join("node_modules/binaryen/bin/wasm-opt"),
    )?;

    let mut dirs = vec![trunk_dir.clone()];
    if bindgen_cached {
        dirs.push(bindgen_dir);
    }
    dirs.push(node_bin);
    let path = prepend(&dirs, &user_path);
    let plain_path = prepend(std::slice::from_ref(&trunk_dir), &user_path);
    if env::split_paths(&user_path).all(|d| d != trunk_dir) {
        println!(
            "note: for plain `trunk serve`, put trunk {TRUNK_VERSION} on your PATH: export PATH=\"{}:$PATH\"",
            trunk_dir.display()
        );
    }
    steps::begin(
        "cargo fetch: the crates the build needs, for every target",
        Some("under a second when they are there; a minute or two on a fresh machine"),
        Some("check that cargo can reach crates.io (or your registry mirror)"),
    );
    crate::run(Command::new("cargo").args(["fetch"]))?;

    steps::end();
    Ok(Toolchain { trunk: trunk_dir.join("trunk"), path, plain_path })
}

fn prepend(dirs: &[PathBuf], path: &OsStr) -> OsString {
    let mut all: Vec<PathBuf> = dirs.to_vec();
    all.extend(env::split_paths(path).filter(|p| !dirs.contains(p)));
    env::join_paths(all).unwrap_or_default()
}

/// Trunk.toml's `[tools] wasm_opt` pin, checked against package.json's binaryen (which provides
/// the wasm-opt the build runs), so the two cannot drift apart unnoticed.
pub fn wasm_opt_pin() -> Result<String> {
    let toml = std::fs::read_to_string("Trunk.toml").map_err(|e| format!("Trunk.toml: {e}"))?;
    let pin = toml
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("wasm_opt")
                .map(|r| r.trim_start().trim_start_matches('=').trim().trim_matches('"').to_owned())
        })
        .ok_or("Trunk.toml pins no wasm_opt version in [tools]")?;
    let package = std::fs::read_to_string("package.json").map_err(|e| format!("package.json: {e}"))?;
    let json: serde_json::Value = serde_json::from_str(&package).map_err(|e| format!("package.json: {e}"))?;
    let binaryen = json["devDependencies"]["binaryen"].as_str().ok_or("package.json has no binaryen")?;
    let expected = format!("version_{}", binaryen.split('.').next().unwrap_or_default());
    if pin != expected {
        return Err(format!(
            "Trunk.toml pins wasm_opt = \"{pin}\" but package.json installs binaryen {binaryen}: set wasm_opt = \"{expected}\" in Trunk.toml's [tools]"
        ));
    }
    Ok(pin)
}

/// Copies `source` to `<trunk cache>/<app_dir>/<rel>` unless trunk already has that tool there.
/// A copy, not a link: the entry must stay that version whatever later happens to the source.
fn register_with_trunk(app_dir: &str, rel: &str, source: &Path) -> Result {
    let Some(cache) = trunk_cache_dir() else { return Ok(()) };
    let target = cache.join(app_dir).join(rel);
    if is_executable(&target) {
        return Ok(());
    }
    println!(
        "copying {} to {} (trunk's tool cache), for plain `trunk serve` offline",
        source.display(),
        target.display()
    );
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::copy(source, &target).map_err(|e| format!("copying {} to {}: {e}", source.display(), target.display()))?;
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed = crate::output(Command::new("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => return Ok(()),
        Some(_) => {}
        None => {
            // No rustup: a Rust from elsewhere may still have the target's standard library.
            let sysroot = crate::output(Command::new("rustc").args(["--print", "sysroot"])).unwrap_or_default();
            if Path::new(sysroot.trim()).join("lib/rustlib").join(WASM_TARGET).is_dir() {
                return Ok(());
            }
            return Err(format!(
                "the {WASM_TARGET} target is missing and there is no rustup to add it: install Rust with rustup \
                 (https://rustup.rs), or your distribution's standard library for {WASM_TARGET}"
            ));
        }
    }
    steps::begin(
        &format!("rustup target add {WASM_TARGET}"),
        Some("about 20 s, once per toolchain"),
        Some("run `rustup target add wasm32-unknown-unknown` yourself and look at its error"),
    );
    crate::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// `npm ci` unless `node_modules` already matches `package-lock.json`. Provides `wasm-opt`
/// (binaryen), playwright-core and axe-core.
fn ensure_npm_packages() -> Result {
    let lock = Path::new("package-lock.json");
    let installed = Path::new("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(lock).and_then(|m| m.modified()),
        std::fs::metadata(installed).and_then(|m| m.modified()),
    ) {
        (Ok(l), Ok(i)) => i >= l && Path::new("node_modules/.bin/wasm-opt").exists(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    steps::begin(
        "npm ci (wasm-opt, playwright-core, axe-core, the benchmark's peers)",
        Some("10 to 30 s"),
        Some("check that npm can reach its registry (or your mirror), then run `npm ci` to see its own error"),
    );
    crate::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

// ---------------------------------------------------------------------------------------------
// Node.

/// "v20.20.2" → (20, 20).
pub fn node_version(output: &str) -> Option<(u32, u32)> {
    let mut parts = output.trim().trim_start_matches('v').split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Checks Node before anything else. `strict`: the tests need the harness's minimum; the build
/// only needs a Node that runs npm and wasm-opt, so an older one gets a warning.
pub fn check_node(strict: bool) -> Result {
    let (min_major, min_minor) = NODE_MIN;
    let how = "install Node 20 LTS or newer from https://nodejs.org (or `nvm install 20`); Debian 12's own \
               `nodejs` package is Node 18, too old for the tests";
    let Some(out) = crate::output(Command::new("node").arg("--version")) else {
        return Err(format!(
            "Node.js is not on PATH: the build needs it (npm, wasm-opt) and the tests need Node {min_major}.{min_minor} \
             or newer: {how}"
        ));
    };
    let Some(v) = node_version(&out) else {
        return Err(format!("cannot read Node's version from `node --version`: {}", out.trim()));
    };
    if v >= NODE_MIN {
        return Ok(());
    }
    let text = format!(
        "Node {} is too old: the end-to-end tests need Node {min_major}.{min_minor} or newer (their harness uses \
         import.meta.dirname); {how}",
        out.trim()
    );
    if strict {
        Err(text)
    } else {
        println!("warning: {text}");
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// The browser.

/// The browser the tests drive and the driver wasm-bindgen-test uses.
pub struct Browser {
    pub chromium: PathBuf,
    pub driver: PathBuf,
}

const BROWSERS: [&str; 3] = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"];
const DRIVERS: [&str; 3] =
    ["/usr/bin/chromedriver", "/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver"];

const POINT_AT_YOURS: &str = "Or point the tests at a Chrome or Chromium you already have: \
    CHROMIUM=/path/to/chrome CHROMEDRIVER=/path/to/chromedriver cargo xtask test \
    (CHROME= works as well as CHROMIUM=; ChromeDriver's major version must match the browser's)";

/// `$CHROMIUM` (or `$CHROME`) and `$CHROMEDRIVER` when set, else the first that exists of the
/// distribution's usual places. An error when a variable names a file that is not there.
fn find_browser() -> Result<(Option<PathBuf>, Option<PathBuf>)> {
    let from_env = |names: &[&str]| -> Result<Option<PathBuf>> {
        for name in names {
            if let Some(v) = env::var_os(name).filter(|v| !v.is_empty()) {
                let p = PathBuf::from(&v);
                let p = if p.components().count() == 1 {
                    which(&p.to_string_lossy(), &env::var_os("PATH").unwrap_or_default()).unwrap_or(p)
                } else {
                    p
                };
                return if is_executable(&p) {
                    Ok(Some(p))
                } else {
                    Err(format!("{name}={} is not an executable file", v.to_string_lossy()))
                };
            }
        }
        Ok(None)
    };
    let first = |list: &[&str]| list.iter().map(PathBuf::from).find(|p| is_executable(p));
    let browser = from_env(&["CHROMIUM", "CHROME"])?.or_else(|| first(&BROWSERS));
    let driver = from_env(&["CHROMEDRIVER"])?.or_else(|| first(&DRIVERS));
    Ok((browser, driver))
}

/// What `/etc/os-release` says: `ID` and `ID_LIKE`.
#[derive(Debug, Default)]
pub struct Os {
    pub id: String,
    pub id_like: String,
}

impl Os {
    fn read() -> Os {
        let text = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
                .map(|v| v.trim_matches('"').to_owned())
                .unwrap_or_default()
        };
        if cfg!(target_os = "macos") {
            return Os { id: "macos".into(), id_like: String::new() };
        }
        Os { id: field("ID"), id_like: field("ID_LIKE") }
    }

    fn is(&self, name: &str) -> bool {
        self.id == name || self.id_like.split_whitespace().any(|w| w == name)
    }
}

/// How the browser gets installed here.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// apt-get, as root or through sudo; each command's words.
    Apt { sudo: bool, install: Vec<String>, update: Vec<String> },
    /// Nothing xtask may do: the command to run, for the developer.
    Manual(String),
}

/// apt-get on Debian and Ubuntu (and their derivatives) when root or `sudo` is there, else the
/// command for the developer to run; `None` on other systems.
pub fn apt_plan(os: &Os, root: bool, has_sudo: bool, has_apt: bool, packages: &[&str]) -> Option<Plan> {
    if !(os.is("debian") || os.is("ubuntu")) {
        return None;
    }
    let apt = |args: &[&str]| -> Vec<String> {
        let mut words: Vec<String> = if root { vec![] } else { vec!["sudo".into()] };
        words.push("apt-get".into());
        words.extend(args.iter().map(|s| s.to_string()));
        words
    };
    let install: Vec<&str> =
        ["install", "-y", "--no-install-recommends"].into_iter().chain(packages.iter().copied()).collect();
    if has_apt && (root || has_sudo) {
        return Some(Plan::Apt { sudo: !root, install: apt(&install), update: apt(&["update"]) });
    }
    Some(Plan::Manual(format!("su -c 'apt-get update && apt-get {}'", install.join(" "))))
}

/// The plan for the browser on this system: [`apt_plan`], or elsewhere the distribution's own
/// command, for the developer to run.
pub fn browser_plan(os: &Os, root: bool, has_sudo: bool, has_apt: bool) -> Plan {
    let packages: &[&str] = if os.is("ubuntu") {
        // Ubuntu's Chromium is a snap; these apt packages install it and its driver.
        &["chromium-browser", "chromium-chromedriver"]
    } else {
        &["chromium", "chromium-driver"]
    };
    if let Some(plan) = apt_plan(os, root, has_sudo, has_apt, packages) {
        return plan;
    }
    let command = if os.is("fedora") || os.is("rhel") {
        "sudo dnf install chromium chromedriver"
    } else if os.is("arch") {
        "sudo pacman -S chromium   # includes chromedriver"
    } else if os.is("opensuse") || os.is("suse") {
        "sudo zypper install chromium chromedriver"
    } else if os.is("alpine") {
        "sudo apk add chromium chromium-chromedriver"
    } else if os.id == "macos" {
        "brew install --cask google-chrome chromedriver   # then CHROME=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\""
    } else {
        "install Chromium (or Chrome) and the ChromeDriver of the same version with your system's package manager"
    };
    Plan::Manual(command.into())
}

/// This system, as the plans need it: (os, root, sudo on PATH, apt-get on PATH).
fn system() -> (Os, bool, bool, bool) {
    let root = crate::output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0");
    let path = env::var_os("PATH").unwrap_or_default();
    (Os::read(), root, which("sudo", &path).is_some(), which("apt-get", &path).is_some())
}

/// Runs an apt plan as its own step: install, and if that fails, update the package lists and
/// install again. With sudo, says first what will run.
fn run_apt(sudo: bool, install: &[String], update: &[String], title: &str, hint: &'static str) -> Result {
    steps::begin(title, Some("1 to 3 min (downloads about 100 MB)"), Some(hint));
    if sudo {
        println!("Not root: running these with sudo (it may ask for your password):");
        println!("    {}", install.join(" "));
        println!("    (first, if the package lists are stale: {})", update.join(" "));
    }
    let cmd = |words: &[String]| {
        let mut c = Command::new(&words[0]);
        c.args(&words[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    if crate::run(&mut cmd(install)).is_err() {
        crate::run(&mut cmd(update))?;
        crate::run(&mut cmd(install))?;
    }
    Ok(())
}

/// Installs Debian packages, where that is allowed (see [`apt_plan`]); elsewhere an error naming
/// the command to run.
pub fn apt_install(packages: &[&str], purpose: &str) -> Result {
    let (os, root, sudo, apt) = system();
    let list = packages.join(" ");
    match apt_plan(&os, root, sudo, apt, packages) {
        Some(Plan::Apt { sudo, install, update }) => run_apt(
            sudo,
            &install,
            &update,
            &format!("install {list} with apt-get, for {purpose}"),
            "run the apt-get command above yourself to see its error",
        ),
        Some(Plan::Manual(command)) => Err(format!(
            "{purpose} needs the Debian packages {list}, and xtask runs apt-get only as root or with sudo. \
             Install them with:\n    {command}"
        )),
        None => Err(format!(
            "{purpose} needs what the Debian packages {list} provide, and xtask installs system packages only \
             on Debian or Ubuntu: install the equivalents with your system's package manager"
        )),
    }
}

/// Finds the browser and its driver, installing them where that is allowed.
pub fn ensure_browser() -> Result<Browser> {
    if let (Some(chromium), Some(driver)) = find_browser()? {
        return Ok(Browser { chromium, driver });
    }
    let (os, root, has_sudo, has_apt) = system();
    match browser_plan(&os, root, has_sudo, has_apt) {
        Plan::Manual(command) => {
            return Err(format!(
                "the tests need Chromium and ChromeDriver, and xtask does not install system packages here.\n\
                 Install them with:\n    {command}\n{POINT_AT_YOURS}"
            ))
        }
        Plan::Apt { sudo, install, update } => {
            run_apt(sudo, &install, &update, "install Chromium and ChromeDriver with apt-get", POINT_AT_YOURS)?
        }
    }
    match find_browser()? {
        (Some(chromium), Some(driver)) => Ok(Browser { chromium, driver }),
        _ => Err(format!(
            "apt-get installed the packages, but Chromium or ChromeDriver is not where expected. {POINT_AT_YOURS}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn the_developers_own_tools_are_used_only_at_the_exact_version() {
        // The right version first on PATH: used as it is, nothing installed.
        assert_eq!(choose(&[v("0.21.14")], &[None], "0.21.14"), Choice::Path);
        // Another version on PATH (say, in ~/.cargo/bin): the cache, or an install into it.
        assert_eq!(choose(&[v("0.20.0")], &[v("0.21.14")], "0.21.14"), Choice::Cache);
        assert_eq!(choose(&[v("0.20.0")], &[None], "0.21.14"), Choice::Install);
        // Nothing on PATH.
        assert_eq!(choose(&[None], &[None], "0.21.14"), Choice::Install);
        assert_eq!(choose(&[None], &[v("0.21.14")], "0.21.14"), Choice::Cache);
        // Every binary of the tool must match: a right wasm-bindgen with a wrong test runner is
        // not the tool, and neither is a half-installed cache.
        assert_eq!(choose(&[v("0.2.130"), v("0.2.100")], &[v("0.2.130"), None], "0.2.130"), Choice::Install);
        assert_eq!(choose(&[v("0.2.130"), v("0.2.130")], &[None, None], "0.2.130"), Choice::Path);
        // A cached copy of another version does not count.
        assert_eq!(choose(&[None], &[v("0.21.13")], "0.21.14"), Choice::Install);
    }

    #[test]
    fn versions_are_read_from_version_lines() {
        assert_eq!(version_in("trunk 0.21.14\n").as_deref(), Some("0.21.14"));
        assert_eq!(version_in("wasm-bindgen 0.2.130").as_deref(), Some("0.2.130"));
        assert_eq!(version_in("wasm-bindgen-test-runner 0.2.130\n").as_deref(), Some("0.2.130"));
        assert_eq!(version_in("fake v1.2.3").as_deref(), Some("1.2.3"));
        assert_eq!(version_in("usage: trunk [OPTIONS]"), None);
        assert_eq!(version_in(""), None);
        assert_eq!(node_version("v20.20.2\n"), Some((20, 20)));
        assert_eq!(node_version("v18.19.0"), Some((18, 19)));
        assert!(node_version("v20.11.0").unwrap() >= NODE_MIN);
        assert!(node_version("v20.10.9").unwrap() < NODE_MIN);
        assert!(node_version("v22.1.0").unwrap() >= NODE_MIN);
    }

    #[test]
    fn installs_go_into_the_given_root_only() {
        let root = Path::new("/cache/llm-chronicle/tools/trunk-0.21.14");
        let args: Vec<String> =
            install_args("trunk", "0.21.14", root, true).iter().map(|a| a.to_string_lossy().into_owned()).collect();
        assert_eq!(
            args,
            [
                "install",
                "trunk",
                "--version",
                "0.21.14",
                "--locked",
                "--force",
                "--root",
                "/cache/llm-chronicle/tools/trunk-0.21.14"
            ]
        );
        let args: Vec<String> = install_args("wasm-bindgen-cli", "0.2.130", root, false)
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert!(!args.contains(&"--locked".to_owned()), "{args:?}");
        assert_eq!(args.iter().filter(|a| *a == "--root").count(), 1);
    }

    #[test]
    fn which_finds_the_first_executable_on_the_path() {
        let base = env::temp_dir().join(format!("xtask-which-{}", std::process::id()));
        let (a, b) = (base.join("a"), base.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("tool"), "not executable").unwrap();
        std::fs::write(b.join("tool"), "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(b.join("tool"), std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let path = env::join_paths([&a, &b]).unwrap();
        assert_eq!(which("tool", &path), Some(b.join("tool")));
        assert_eq!(which("absent", &path), None);
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn system_packages_are_installed_only_on_debian_or_ubuntu_with_root_or_sudo() {
        let debian = Os { id: "debian".into(), id_like: String::new() };
        let ubuntu = Os { id: "ubuntu".into(), id_like: "debian".into() };
        let mint = Os { id: "linuxmint".into(), id_like: "ubuntu debian".into() };
        let fedora = Os { id: "fedora".into(), id_like: String::new() };
        match browser_plan(&debian, true, false, true) {
            Plan::Apt { sudo: false, install, .. } => {
                assert_eq!(install.join(" "), "apt-get install -y --no-install-recommends chromium chromium-driver")
            }
            p => panic!("{p:?}"),
        }
        match browser_plan(&debian, false, true, true) {
            Plan::Apt { sudo: true, install, update } => {
                assert_eq!(install[0], "sudo");
                assert_eq!(update.join(" "), "sudo apt-get update");
            }
            p => panic!("{p:?}"),
        }
        match browser_plan(&mint, false, true, true) {
            Plan::Apt { install, .. } => {
                assert!(install.ends_with(&["chromium-browser".into(), "chromium-chromedriver".into()]))
            }
            p => panic!("{p:?}"),
        }
        assert!(matches!(browser_plan(&ubuntu, true, false, true), Plan::Apt { .. }));
        // Neither root nor sudo: the command to run, not an attempt.
        assert_eq!(
            browser_plan(&debian, false, false, true),
            Plan::Manual(
                "su -c 'apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver'".into()
            )
        );
        // Another system: its own command, never apt.
        assert_eq!(
            browser_plan(&fedora, true, true, false),
            Plan::Manual("sudo dnf install chromium chromedriver".into())
        );
        assert!(matches!(browser_plan(&Os::default(), true, true, true), Plan::Manual(_)));
    }

    /// Trunk.toml's pre_build hook, in a throwaway HOME: it stops a build whose tools trunk would
    /// download, names the command that installs them, and lets a build through once trunk's
    /// cache has them, whatever other versions PATH holds.
    #[cfg(unix)]
    #[test]
    fn the_trunk_hook_stops_a_build_that_would_download() {
        use std::os::unix::fs::PermissionsExt;
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        env::set_current_dir(root).unwrap();
        let home = env::temp_dir().join(format!("xtask-hook-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        let fake_bin = home.join(".cargo/bin");
        std::fs::create_dir_all(&fake_bin).unwrap();
        let script = |path: &Path, text: &str| {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        };
        // The developer's own tools, at versions this project cannot use.
        script(&fake_bin.join("wasm-bindgen"), "#!/bin/sh\necho 'wasm-bindgen 0.1.0'\n");
        script(&fake_bin.join("wasm-opt"), "#!/bin/sh\necho 'wasm-opt version 1 (version_1)'\n");
        let hook = || {
            Command::new("sh")
                .arg("xtask/trunk-tools.sh")
                .current_dir(root)
                .env_clear()
                .env("HOME", &home)
                .env("PATH", format!("{}:/usr/bin:/bin", fake_bin.display()))
                .env("TRUNK_PROFILE", "release")
                .output()
                .unwrap()
        };
        let out = hook();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{err}");
        let wb = crate::locked_version("wasm-bindgen").unwrap();
        assert!(err.contains(&format!("wasm-bindgen {wb}")) && err.contains("wasm-opt version_"), "{err}");
        assert!(err.contains("cargo xtask build"), "{err}");

        let pin = wasm_opt_pin().unwrap();
        let cache = home.join(".cache/trunk");
        script(&cache.join(format!("wasm-bindgen-{wb}/wasm-bindgen")), "#!/bin/sh\n");
        let out = hook();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && !err.contains("wasm-bindgen 0") && err.contains(&pin), "{err}");
        script(&cache.join(format!("wasm-opt-{pin}/bin/wasm-opt")), "#!/bin/sh\n");
        let out = hook();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::remove_dir_all(&home).unwrap();
    }

    #[test]
    fn the_wasm_opt_pin_matches_package_json() {
        env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
        let pin = wasm_opt_pin().unwrap();
        assert!(pin.starts_with("version_"), "{pin}");
    }
}
