//! Trunk's entry point: mount the widget on `#llm-chronicle`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    llm_chronicle::start();
}
