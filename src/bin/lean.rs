//! The lean reader's entry point (`llm-chronicle-lean`, built with the feature `lean`): a page
//! showing the site's own dataset loads it instead of the full reader (`src/main.rs`), which the
//! start-up script loads for an author's `?data=`, or when the site's dataset cannot be shown.

fn main() {
    #[cfg(target_arch = "wasm32")]
    llm_chronicle::start();
}
