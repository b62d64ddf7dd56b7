//! The page's start-up: how the prerendered page answers the reader before the WASM runs, and
//! how the widget takes over. The sequence is drawn in `ARCHITECTURE.md`.
//!
//! - [`protocol`]: every name the start-up script shares with Rust and the stylesheet;
//! - `early.js`: events answer clicks, other input is kept, the deferred parts become DOM, and the
//!   reader's intent is watched for;
//! - `load.js`: after the first frame and the reader's intent, the WASM, its glue and the dataset
//!   are loaded and the widget started;
//! - `script` (build time): the three put together into one file with the built files' names.

pub mod protocol;
#[cfg(feature = "ssr")]
pub mod script;
