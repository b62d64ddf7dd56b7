//! One file per view. Each reads the store through [`crate::app::use_store`] and renders structs
//! computed by `chronicle-core`.

mod detail;
mod errors;
mod header;
mod matrix;
mod timeline;

pub use detail::Detail;
pub use errors::DataErrors;
pub use header::Header;
pub use matrix::Matrix;
pub use timeline::Timeline;
