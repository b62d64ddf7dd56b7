//! LLM Chronicle's Yew widget. It renders what `chronicle-core` computes and owns nothing else:
//! DOM events become [`chronicle_core::state::Action`]s, and layout comes back as plain structs.
//!
//! - [`app`]: the root component and the shared state context;
//! - [`components`]: one file per view (header, timeline, detail panel, matrix, error panel);
//! - `browser`: reading the page (URL, `<html lang>`, browser languages) and mounting (wasm only);
//! - [`panic`]: the hook that replaces a crashed widget with a message.

pub mod app;
pub mod components;
pub mod panic;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use app::{App, AppProps, Data};
#[cfg(target_arch = "wasm32")]
pub use browser::{mount, start};
