//! Every engine a reader uses: besides Chromium, Firefox ESR (Gecko) and WebKitGTK (WebKit,
//! Safari's engine), from Debian's packages, and the smoke suite that runs the same steps in all
//! three (`tests/engines/smoke.test.mjs`). No browser is downloaded: Firefox is driven over
//! WebDriver BiDi by puppeteer-core (an npm package without a browser of its own), WebKitGTK's
//! MiniBrowser over classic WebDriver by `WebKitWebDriver`, on a virtual display (`xvfb-run`).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{run, step, tools, Result};

const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";
/// `xvfb-run` needs it to give the display its cookie.
const XAUTH: &str = "/usr/bin/xauth";
/// The Debian packages that provide the above (MiniBrowser comes with webkit2gtk-driver's
/// dependency libwebkit2gtk-4.1-0).
const PACKAGES: [&str; 4] = ["firefox-esr", "webkit2gtk-driver", "xvfb", "xauth"];

/// Installs Firefox ESR, WebKitGTK's WebDriver and MiniBrowser, and Xvfb, unless present.
pub fn ensure() -> Result {
    let present = [FIREFOX, WEBKIT_WEBDRIVER, XVFB_RUN, XAUTH].iter().all(|p| Path::new(p).exists());
    if present && mini_browser().is_some() {
        return Ok(());
    }
    tools::apt_install(&PACKAGES, "the smoke suite in Firefox ESR and WebKitGTK")?;
    mini_browser()
        .map(|_| ())
        .ok_or_else(|| "webkit2gtk-driver is installed but MiniBrowser is not where Debian puts it".into())
}

/// Runs the smoke suite against the release build in `dist/`, with `chromium` as Chromium.
pub fn smoke(chromium: &Path) -> Result {
    step("smoke suite of dist/ in Chromium, Firefox ESR and WebKitGTK");
    let mini = mini_browser().ok_or("MiniBrowser is missing: install webkit2gtk-driver")?;
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/engines/smoke.test.mjs"])
        .env("CHROMIUM", chromium)
        .env("FIREFOX", FIREFOX)
        .env("MINIBROWSER", mini)
        .env("WEBKIT_WEBDRIVER", WEBKIT_WEBDRIVER))
}

/// MiniBrowser, which Debian keeps beside the WebKitGTK library in the architecture's folder
/// (`/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/` on amd64).
fn mini_browser() -> Option<PathBuf> {
    find_mini_browser(Path::new("/usr/lib"))
}

fn find_mini_browser(lib: &Path) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(lib)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("webkit2gtk-4.1/MiniBrowser"))
        .filter(|p| p.is_file())
        .collect();
    candidates.sort();
    candidates.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::find_mini_browser;

    #[test]
    fn mini_browser_is_found_in_the_architecture_folder() {
        let lib = std::env::temp_dir().join(format!("llmc-engines-{}", std::process::id()));
        let dir = lib.join("aarch64-linux-gnu/webkit2gtk-4.1");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(lib.join("python3")).unwrap();
        assert_eq!(find_mini_browser(&lib), None, "no MiniBrowser yet");
        std::fs::write(dir.join("MiniBrowser"), "").unwrap();
        assert_eq!(find_mini_browser(&lib), Some(dir.join("MiniBrowser")));
        std::fs::remove_dir_all(&lib).unwrap();
    }
}
