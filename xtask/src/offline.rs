//! Networking made impossible for a command: an HTTP proxy on loopback that refuses every
//! request and remembers where each one was going, so a check can say what was attempted.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Result<T = ()> = std::result::Result<T, String>;

/// The proxy. Its thread lives until xtask exits; it only answers on loopback.
pub struct Refuser {
    url: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Refuser {
    pub fn start() -> Result<Refuser> {
        let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot open a loopback port: {e}"))?;
        let url = format!("http://{}", listener.local_addr().map_err(|e| e.to_string())?);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { continue };
                let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
                let mut line = String::new();
                let _ = BufReader::new(&conn).read_line(&mut line);
                log.lock().unwrap_or_else(|e| e.into_inner()).push(line.trim().to_owned());
                let _ = conn.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
        });
        Ok(Refuser { url, seen })
    }

    /// Sends every request `cmd` (and its children) make through the proxy: the variables that
    /// reqwest (trunk's downloads and update check), curl (cargo) and npm read, and no
    /// exceptions.
    pub fn apply(&self, cmd: &mut Command) {
        for var in
            ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy", "CARGO_HTTP_PROXY"]
        {
            cmd.env(var, &self.url);
        }
        cmd.env_remove("NO_PROXY").env_remove("no_proxy");
    }

    /// The request lines refused so far ("CONNECT github.com:443 HTTP/1.1").
    pub fn refused(&self) -> Vec<String> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// The host a proxy request line names: "CONNECT crates.io:443 HTTP/1.1" → "crates.io",
/// "GET http://example.org/x HTTP/1.1" → "example.org".
pub fn host(line: &str) -> Option<&str> {
    let target = line.split_whitespace().nth(1)?;
    let authority = target.split_once("://").map_or(target, |(_, rest)| rest);
    let authority = authority.split('/').next()?;
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    (!host.is_empty()).then_some(host)
}

/// The one request a plain trunk run may make: its update check, a look at crates.io's API that
/// fails quietly offline. Everything else (github.com downloads of wasm-bindgen or wasm-opt,
/// cargo's index.crates.io and static.crates.io) is a failure.
pub fn allowed(line: &str) -> bool {
    host(line) == Some("crates.io")
}

/// Asks `http://127.0.0.1:port/` once a second until its page holds `marker`, while `server`
/// runs, for at most `limit`. How long it took, or why it never came.
pub fn wait_for_page(port: u16, marker: &str, server: &mut std::process::Child, limit: Duration) -> Result<Duration> {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(status)) = server.try_wait() {
            return Err(format!("the server stopped ({status}) before it served the page"));
        }
        if get(port).is_some_and(|page| page.contains(marker)) {
            return Ok(start.elapsed());
        }
        // A poll, not a wait before an assert: the server answers when its build is done.
        std::thread::sleep(Duration::from_secs(1));
    }
    Err(format!("no page with {marker} at http://127.0.0.1:{port}/ after {} s", limit.as_secs()))
}

/// The body of `GET /` on a loopback port, if it answers.
fn get(port: u16) -> Option<String> {
    use std::io::Read;
    let mut conn = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    conn.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    conn.write_all(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut answer = String::new();
    conn.read_to_string(&mut answer).ok()?;
    answer.starts_with("HTTP/1.").then_some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpStream;

    #[test]
    fn hosts_are_read_from_request_lines() {
        assert_eq!(host("CONNECT crates.io:443 HTTP/1.1"), Some("crates.io"));
        assert_eq!(host("CONNECT github.com:443 HTTP/1.1"), Some("github.com"));
        assert_eq!(host("GET http://example.org/a/b HTTP/1.1"), Some("example.org"));
        assert_eq!(host("GET http://example.org:8080/ HTTP/1.1"), Some("example.org"));
        assert_eq!(host(""), None);
        assert!(allowed("CONNECT crates.io:443 HTTP/1.1"));
        assert!(!allowed("CONNECT index.crates.io:443 HTTP/1.1"));
        assert!(!allowed("CONNECT static.crates.io:443 HTTP/1.1"));
        assert!(!allowed("CONNECT github.com:443 HTTP/1.1"));
        assert!(!allowed("garbage"));
    }

    #[test]
    fn the_proxy_refuses_and_remembers() {
        let proxy = Refuser::start().unwrap();
        let addr = proxy.url.trim_start_matches("http://").to_owned();
        let mut conn = TcpStream::connect(&addr).unwrap();
        conn.write_all(b"CONNECT github.com:443 HTTP/1.1\r\nHost: github.com:443\r\n\r\n").unwrap();
        let mut answer = String::new();
        conn.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
        assert_eq!(proxy.refused(), ["CONNECT github.com:443 HTTP/1.1"]);
        let mut cmd = Command::new("true");
        proxy.apply(&mut cmd);
        let https = cmd.get_envs().find(|(k, _)| *k == "HTTPS_PROXY").and_then(|(_, v)| v);
        assert_eq!(https.map(|v| v.to_string_lossy().into_owned()), Some(proxy.url.clone()));
    }

    #[test]
    fn waiting_for_a_page_sees_its_marker_or_the_server_stop() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { continue };
                let mut line = String::new();
                let _ = BufReader::new(&conn).read_line(&mut line);
                let _ = conn.write_all(b"HTTP/1.0 200 OK\r\n\r\n<div id=\"llm-chronicle\"></div>");
            }
        });
        let mut sleeper = Command::new("sleep").arg("30").spawn().unwrap();
        let found = wait_for_page(port, "id=\"llm-chronicle\"", &mut sleeper, Duration::from_secs(20));
        assert!(found.is_ok(), "{found:?}");
        let missing =
            wait_for_page(port, "nowhere", &mut Command::new("true").spawn().unwrap(), Duration::from_secs(20));
        assert!(missing.unwrap_err().contains("stopped"));
        let _ = sleeper.kill();
    }
}
