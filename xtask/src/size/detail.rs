//! Where the WASM's bytes go: `cargo xtask size --detail`.
//!
//! The shipped WASM has no names, so the report builds it again with the `size-report` profile
//! (the release profile with the name section kept), runs wasm-bindgen and wasm-opt on it as
//! Trunk does for `index.html` (same level, same extra parameters) but with `-g` so the names
//! survive, and reads the result: the size of each function body, grouped by the crate its name
//! starts with, and the data section. The build is for the report only and is never shipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the report's build is written (inside the workspace's target directory).
const OUT_DIR: &str = "target/size-report-wasm";

/// What the WASM is made of.
#[derive(Debug, Default)]
pub struct Breakdown {
    /// Each defined function: (name, body bytes). Imported functions have no body.
    pub functions: Vec<(String, usize)>,
    /// Bytes of the code section, of the data section (the segments' contents), and of the file.
    pub code: usize,
    pub data: usize,
    pub total: usize,
    /// The data segments' contents, joined, for their gzip size.
    pub data_bytes: Vec<u8>,
}

/// The binary the report looks into: the lean reader, whose size the budget is for.
const BIN: &str = "llm-chronicle-lean";

/// Builds the lean reader's WASM with names kept, as Trunk would optimise it; returns its path.
pub fn build() -> Result<PathBuf, String> {
    let index = std::fs::read_to_string("index.html").map_err(|e| format!("index.html: {e}"))?;
    let (bin, level, params, features) = trunk_rust_link(&index, BIN)?;
    crate::step(&format!("the WASM of `{bin}` with names (profile size-report), for the report"));
    // v0 symbol names carry the generic arguments, so each instance of a generic function (a
    // component's `view`, a sort for one type) is told apart.
    crate::run(crate::cargo().env("RUSTFLAGS", "-Csymbol-mangling-version=v0").args([
        "build",
        "--profile",
        "size-report",
        "--target",
        crate::WASM_TARGET,
        "--bin",
        &bin,
        "--features",
        &features,
    ]))?;
    // wasm-bindgen and wasm-opt of the versions the release build uses.
    let tools = crate::tools::toolchain()?;
    let out = Path::new(OUT_DIR);
    let input = format!("target/{}/size-report/{bin}.wasm", crate::WASM_TARGET);
    crate::run(
        Command::new("wasm-bindgen")
            .args(["--target=web", "--no-typescript", &format!("--out-dir={OUT_DIR}"), &format!("--out-name={bin}")])
            .arg(&input)
            .env("PATH", &tools.path),
    )?;
    let bound = out.join(format!("{bin}_bg.wasm"));
    let named = out.join(format!("{bin}_named.wasm"));
    let mut opt = Command::new("wasm-opt");
    opt.arg(format!("--output={}", named.display())).arg(format!("-O{level}")).arg(&bound).arg("-g").args(&params);
    crate::run(opt.env("PATH", &tools.path))?;
    Ok(named)
}

/// The bin, wasm-opt level, extra wasm-opt parameters and cargo features of `index.html`'s
/// `<link data-trunk rel="rust">` for `bin`, which Trunk reads to build that WASM.
fn trunk_rust_link(index: &str, bin: &str) -> Result<(String, String, Vec<String>, String), String> {
    let link = index
        .split('<')
        .find(|tag| {
            tag.starts_with("link")
                && tag.contains("data-trunk")
                && tag.contains("rel=\"rust\"")
                && tag.contains(&format!("data-bin=\"{bin}\""))
        })
        .ok_or(format!("index.html has no <link data-trunk rel=\"rust\" data-bin=\"{bin}\">"))?;
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        let start = link.find(&key)? + key.len();
        Some(link[start..start + link[start..].find('"')?].to_owned())
    };
    let bin = attr("data-bin").ok_or("index.html's rust link names no data-bin")?;
    let level = attr("data-wasm-opt").unwrap_or_else(|| "s".to_owned());
    let params =
        attr("data-wasm-opt-params").map(|p| p.split_whitespace().map(str::to_owned).collect()).unwrap_or_default();
    Ok((bin, level, params, attr("data-cargo-features").unwrap_or_default()))
}

/// Reads a WASM file's functions (named from its name section) and sections.
pub fn analyse(wasm: &[u8]) -> Result<Breakdown, String> {
    use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};
    let err = |e: wasmparser::BinaryReaderError| e.to_string();
    let mut out = Breakdown { total: wasm.len(), ..Breakdown::default() };
    let mut imported = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(err)? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import.map_err(err)?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionStart { size, .. } => out.code = size as usize,
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::DataSection(reader) => {
                for data in reader {
                    let data = data.map_err(err)?;
                    out.data += data.data.len();
                    out.data_bytes.extend_from_slice(data.data);
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names_reader) = reader.as_known() {
                    for name in names_reader {
                        if let Name::Function(map) = name.map_err(err)? {
                            for naming in map {
                                let naming = naming.map_err(err)?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out.functions = bodies
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported + i as u32;
            let name = names.get(&index).map_or_else(|| format!("(function {index}, no name)"), |n| clean(n));
            (name, size)
        })
        .collect();
    Ok(out)
}

/// A function's name, demangled, without the symbol hash, the crates' disambiguators
/// (`core[c5930c85a12de822]`) or the suffix wasm-opt gives a duplicated name (`.566`).
fn clean(name: &str) -> String {
    let name = format!("{:#}", rustc_demangle::demangle(name));
    let name = match name.rfind("::h") {
        Some(i) if name.len() - i == 19 && name[i + 3..].bytes().all(|b| b.is_ascii_hexdigit()) => &name[..i],
        _ => &name,
    };
    let name = match name.rfind('.') {
        Some(i) if i + 1 < name.len() && name[i + 1..].bytes().all(|b| b.is_ascii_digit()) => &name[..i],
        _ => name,
    };
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        match tail.find(']') {
            Some(j) if j >= 8 && tail[..j].bytes().all(|b| b.is_ascii_hexdigit()) => rest = &tail[j + 1..],
            _ => {
                out.push('[');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

const PRIMITIVES: [&str; 17] = [
    "str", "char", "bool", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    "f32", "f64",
];

/// The crate a function's code comes from: the first path segment of its name, or of the type in
/// `<Type as Trait>::f` (the trait's crate when the type is a primitive or a reference to a type
/// parameter). wasm-bindgen's generated exports and the compiler's builtins get names of their own.
pub fn crate_of(name: &str) -> &str {
    if name.starts_with("__wbg") || name.starts_with("__wbindgen") || name.starts_with("__externref") {
        return "wasm_bindgen";
    }
    // Adapters wasm-bindgen writes (`mountElement externref shim`), named or not.
    if name.ends_with(" shim") {
        return "wasm_bindgen";
    }
    if name.starts_with("(function ") {
        return "(no name)";
    }
    // A component's own `view` (or hook body) is inlined into Yew's lifecycle instance for it: it
    // is the component's crate's code.
    for wrapper in ["CompStateInner<", "FunctionComponent<"] {
        if let Some(i) = name.find(wrapper).filter(|_| name.starts_with("<yew::")) {
            let inner = &name[i + wrapper.len()..];
            if let Some(j) =
                inner.find("::").filter(|&j| inner[..j].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            {
                return &inner[..j];
            }
        }
    }
    let mut s = name;
    loop {
        let before = s;
        for prefix in ["<", "&", "mut ", "*const ", "*mut ", "dyn ", "[", "(", "impl "] {
            s = s.strip_prefix(prefix).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    let (first, rest) = s.split_at(end);
    if rest.starts_with("::") && !first.is_empty() {
        return first;
    }
    // An inherent method of a primitive type (`<str>::to_lowercase`, `<[usize]>::sort_by`).
    if name.starts_with('<') && rest.starts_with(['>', ';', ']']) && PRIMITIVES.contains(&first) {
        return "core";
    }
    // A primitive or generic self type (`<str as core::fmt::Display>::fmt`, `<&T as …>`): the trait's crate.
    if let Some(i) = name.find(" as ") {
        let tail = &name[i + 4..];
        if let Some(j) = tail.find("::") {
            let krate = &tail[..j];
            // A trait of a primitive type's own (`<u8 as <[_]>::to_vec_in::ConvertVec>`).
            return if krate.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') { krate } else { "core" };
        }
    }
    if name.contains("::") {
        "(other)"
    } else {
        "(no crate: builtins, exports)"
    }
}

/// The module of a function (its first two path segments), for the core and alloc split.
fn module_of(name: &str) -> String {
    let krate = crate_of(name);
    let Some(start) = name.find(&format!("{krate}::")) else { return krate.to_owned() };
    let rest = &name[start + krate.len() + 2..];
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    format!("{krate}::{}", &rest[..end])
}

/// Bytes and function count per key, largest first.
fn group(functions: &[(String, usize)], key: impl Fn(&str) -> String) -> Vec<(String, usize, usize)> {
    let mut groups: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (name, size) in functions {
        let g = groups.entry(key(name)).or_default();
        g.0 += size;
        g.1 += 1;
    }
    let mut out: Vec<(String, usize, usize)> = groups.into_iter().map(|(k, (b, n))| (k, b, n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Every function, largest first, one a line: bytes, crate, name.
pub fn listing(b: &Breakdown) -> String {
    let mut functions: Vec<&(String, usize)> = b.functions.iter().collect();
    functions.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    functions.iter().map(|(name, size)| format!("{size}\t{}\t{name}\n", crate_of(name))).collect()
}

/// Where [`listing`] is written.
pub const LISTING: &str = "target/size-report-wasm/functions.tsv";

/// Prints the breakdown: sections, top crates, core and alloc by module, top functions.
pub fn print(b: &Breakdown, top_functions: usize) {
    let pct = |n: usize, of: usize| if of == 0 { 0.0 } else { 100.0 * n as f64 / of as f64 };
    let bodies: usize = b.functions.iter().map(|f| f.1).sum();
    println!(
        "\nThe reader's WASM with names, optimised as shipped: {} bytes; code section {} ({:.1} %), \
         data {} ({:.1} %, {} gzip)",
        b.total,
        b.code,
        pct(b.code, b.total),
        b.data,
        pct(b.data, b.total),
        super::gzip_len(&b.data_bytes)
    );
    println!(
        "\n{:<32} {:>9} {:>7} {:>6}  (share of the function bodies, {bodies} bytes)",
        "crate", "bytes", "share", "fns"
    );
    for (krate, bytes, n) in group(&b.functions, |n| crate_of(n).to_owned()).iter().take(20) {
        println!("{krate:<32} {bytes:>9} {:>6.1}% {n:>6}", pct(*bytes, bodies));
    }
    println!("\n{:<32} {:>9} {:>7} {:>6}", "module (core, alloc, std)", "bytes", "share", "fns");
    let std_modules = group(&b.functions, module_of);
    for (module, bytes, n) in
        std_modules.iter().filter(|m| ["core::", "alloc::", "std::"].iter().any(|p| m.0.starts_with(p))).take(12)
    {
        println!("{module:<32} {bytes:>9} {:>6.1}% {n:>6}", pct(*bytes, bodies));
    }
    let mut functions: Vec<&(String, usize)> = b.functions.iter().collect();
    functions.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    println!("\n{:>9} {:>7}  function", "bytes", "share");
    for (name, size) in functions.into_iter().take(top_functions) {
        let short: String = name.chars().take(150).collect();
        println!("{size:>9} {:>6.1}%  {short}", pct(*size, bodies));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_belongs_to_the_crate_its_path_or_self_type_starts_with() {
        assert_eq!(crate_of("yew::dom_bundle::bnode::BNode::reconcile"), "yew");
        assert_eq!(crate_of("<chronicle_core::date::Date as core::fmt::Display>::fmt"), "chronicle_core");
        assert_eq!(crate_of("<&T as core::fmt::Debug>::fmt"), "core");
        assert_eq!(crate_of("<str as serde::Serialize>::serialize"), "serde");
        assert_eq!(crate_of("core::ptr::drop_in_place<yew::html::Html>"), "core");
        assert_eq!(crate_of("<<a::B as c::D>::E as f::G>::h"), "a");
        assert_eq!(crate_of("__wbindgen_malloc"), "wasm_bindgen");
        assert_eq!(
            crate_of("<yew::html::component::lifecycle::CompStateInner<llm_chronicle::app::App> as yew::html::component::lifecycle::Stateful>::view"),
            "llm_chronicle"
        );
        assert_eq!(crate_of("memcpy"), "(no crate: builtins, exports)");
        assert_eq!(crate_of("mountElement externref shim"), "wasm_bindgen");
        assert_eq!(crate_of("(function 12, no name)"), "(no name)");
        assert_eq!(crate_of("<str>::to_lowercase"), "core");
        assert_eq!(crate_of("<[usize]>::sort_by::<a::b::{closure#0}>"), "core");
        assert_eq!(crate_of("<u8 as <[_]>::to_vec_in::ConvertVec>::to_vec::<alloc::alloc::Global>"), "core");
        assert_eq!(module_of("core::slice::sort::stable::drift::sort<u32>"), "core::slice");
        assert_eq!(module_of("<&T as core::fmt::Debug>::fmt"), "core::fmt");
    }

    #[test]
    fn names_lose_their_hash_and_are_demangled() {
        assert_eq!(clean("core::fmt::write::h0123456789abcdef"), "core::fmt::write");
        assert_eq!(clean("_ZN4core3fmt5write17h0123456789abcdefE"), "core::fmt::write");
        assert_eq!(clean("memcpy"), "memcpy");
        assert_eq!(
            clean("<alloc[3ca501edff3f0c7c]::string::String as core[c5930c85a12de822]::fmt::Write>::write_char.566"),
            "<alloc::string::String as core::fmt::Write>::write_char"
        );
        assert_eq!(clean("core::slice::<impl [T]>::sort"), "core::slice::<impl [T]>::sort");
    }

    #[test]
    fn the_index_html_link_gives_the_bin_wasm_opt_flags_and_features() {
        let html = r#"<link data-trunk rel="css" href="x.css" />
            <link data-trunk rel="rust" data-bin="full" data-wasm-opt="s" />
            <link data-trunk rel="rust" data-bin="reader" data-type="worker" data-cargo-features="lean" data-wasm-opt="z" data-wasm-opt-params="--converge -c" />
            <link data-trunk rel="rust" data-bin="author" data-type="worker" />"#;
        let (bin, level, params, features) = trunk_rust_link(html, "reader").unwrap();
        assert_eq!((bin.as_str(), level.as_str(), features.as_str()), ("reader", "z", "lean"));
        assert_eq!(params, ["--converge", "-c"]);
        assert!(trunk_rust_link(html, "other").is_err());
    }

    /// A module with one imported and two defined functions, the second named, and one data
    /// segment, written byte by byte.
    #[test]
    fn function_sizes_skip_imports_and_take_their_names() {
        let section = |id: u8, body: &[u8]| [&[id, body.len() as u8][..], body].concat();
        let wasm = [
            &b"\0asm\x01\0\0\0"[..],
            &section(1, &[1, 0x60, 0, 0]),                             // type 0: () -> ()
            &section(2, &[1, 1, b'm', 1, b'f', 0x00, 0]),              // import m.f: type 0
            &section(3, &[2, 0, 0]),                                   // two functions of type 0
            &section(5, &[1, 0, 1]),                                   // one memory
            &section(10, &[2, 2, 0, 0x0b, 4, 0, 0x01, 0x01, 0x0b]),    // bodies of 2 and 4 bytes
            &section(11, &[1, 0, 0x41, 0, 0x0b, 3, b'a', b'b', b'c']), // data "abc" at 0
            &section(0, &[4, b'n', b'a', b'm', b'e', 1, 6, 1, 2, 3, b'x', b'_', b'y']), // fn 2 = x_y
        ]
        .concat();
        let b = analyse(&wasm).unwrap();
        assert_eq!(b.functions, [("(function 1, no name)".to_owned(), 2), ("x_y".to_owned(), 4)]);
        assert_eq!((b.data, b.data_bytes.as_slice(), b.total), (3, &b"abc"[..], wasm.len()));
    }
}
