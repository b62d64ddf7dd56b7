//! Markup written as text, for the views that are static for their inputs (the event list and the
//! drawn timeline): hydrating them costs nothing, redrawing them is one `innerHTML`, and Yew keeps
//! no virtual nodes for them. Every text and attribute value goes through [`Markup::text`] or
//! [`Markup::attr`], which escape it as Yew does; the rest is literal markup written here.

pub use chronicle_core::markup::Markup;

/// A drawing with a number no earlier drawing had. Effects that mark a drawing (selection, tab
/// stop) depend on the number, not on the drawing's address: once an old drawing is freed, a new
/// one may well be allocated at the same address.
pub struct Drawn<T> {
    pub serial: u64,
    value: T,
}

impl<T> Drawn<T> {
    pub fn new(value: T) -> Self {
        thread_local! {
            static DRAWINGS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
        }
        let serial = DRAWINGS.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        Drawn { serial, value }
    }
}

impl<T> std::ops::Deref for Drawn<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_drawing_gets_a_new_number() {
        let (a, b) = (super::Drawn::new(1), super::Drawn::new(1));
        assert!(b.serial > a.serial);
        assert_eq!(*a + *b, 2);
    }
}
