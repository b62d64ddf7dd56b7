//! One file (or folder) per view. A view reads the state with [`crate::app::use_store`] and the
//! dataset with [`crate::app::use_chronicle`] (the timeline also reads the viewport, with
//! [`crate::app::use_viewport`]), renders what `chronicle-core` decided, and wires DOM events to
//! actions.

mod about;
pub mod detail;
pub(crate) mod embed;
mod errors;
mod filters;
mod header;
mod list;
mod matrix;
pub mod openness;
mod story;
mod timeline;
mod trend;
pub mod width;

pub use about::About;
pub use detail::Detail;
pub use embed::Embed;
pub use errors::DataErrors;
pub use filters::Filters;
pub use header::Header;
pub use list::EventList;
pub use matrix::Matrix;
pub use openness::OpennessMatrix;
pub use story::Story;
pub use timeline::Timeline;
pub use trend::Trend;
