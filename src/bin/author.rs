//! The authoring page's entry point (`author.html`): mount the authoring app. A binary of its own,
//! so the reader's WASM (`src/main.rs`) carries none of it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    llm_chronicle::start_author();
}
