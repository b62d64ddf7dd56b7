//! What the reader's choices mean for each event: whether it matches the filters, whether the
//! story highlights it, and its level on the criterion the timeline is coloured by. Every view that
//! marks events (the timeline, the narrow list, the filter count) reads the same answers.

use crate::filter::{Filter, FilterMode};
use crate::model::{Criterion, Level};
use crate::state::State;
use crate::Chronicle;

/// The reader's choices, read against one dataset.
pub struct Query<'a> {
    pub chronicle: &'a Chronicle,
    /// `mask[i]`: event `i` matches the filters.
    pub mask: Vec<bool>,
    /// Non-matching events are left out, not dimmed.
    pub hide: bool,
    /// The events of the story stop being shown.
    story: Vec<&'a str>,
    /// The criterion the timeline is coloured by.
    pub colour_by: Option<&'a Criterion>,
}

impl<'a> Query<'a> {
    pub fn new(chronicle: &'a Chronicle, filter: &Filter, colour_by: Option<&str>, story: Option<usize>) -> Self {
        let story = story
            .and_then(|k| chronicle.data.story.get(k))
            .map(|s| s.events.iter().map(String::as_str).collect())
            .unwrap_or_default();
        Query {
            chronicle,
            mask: filter.mask(chronicle),
            hide: filter.mode == FilterMode::Hide && filter.is_active(),
            story,
            colour_by: colour_by.and_then(|id| chronicle.data.criteria.iter().find(|k| k.id == id)),
        }
    }

    /// The query of a state: its filters, colouring and story stop.
    pub fn of_state(chronicle: &'a Chronicle, state: &State) -> Self {
        Self::new(chronicle, &state.filter, state.colour_by.as_deref(), state.story)
    }

    /// What layout leaves out: the non-matching events when they are hidden, else nothing (an
    /// empty slice includes every event).
    pub fn include(&self) -> &[bool] {
        if self.hide {
            &self.mask
        } else {
            &[]
        }
    }

    pub fn matches(&self, i: usize) -> bool {
        self.mask[i]
    }

    /// Whether the story stop being shown names event `id`.
    pub fn highlighted(&self, id: &str) -> bool {
        self.story.contains(&id)
    }

    /// With the timeline coloured by a criterion: `Some(level)` for an event that has a matrix
    /// row with that criterion, `Some(None)` for one that has not. `None` when not coloured.
    pub fn colour(&self, id: &str) -> Option<Option<Level>> {
        let criterion = self.colour_by?;
        let row = self.chronicle.data.openness.iter().find(|r| r.model == id);
        Some(row.and_then(|r| r.cells.get(&criterion.id)).map(|cell| cell.level))
    }

    /// How many events match the filters.
    pub fn count(&self) -> usize {
        self.mask.iter().filter(|m| **m).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_json;

    const FIXTURE: &str = include_str!("../tests/fixtures/scene.json");

    #[test]
    fn a_query_reads_filters_story_and_colour() {
        let c = load_json(FIXTURE).unwrap();
        let mut filter = Filter { query: "bert".into(), ..Filter::default() };
        let q = Query::new(&c, &filter, Some("base-weights"), Some(0));
        assert_eq!(q.count(), 1);
        assert!(q.matches(c.find("bert").unwrap()));
        assert!(!q.matches(c.find("gpt-1").unwrap()));
        assert!(q.include().is_empty(), "dimming leaves every event in");
        assert!(q.highlighted("transformer"));
        assert!(!q.highlighted("bert"));
        assert_eq!(q.colour("bert"), Some(Some(Level::Open)));
        assert_eq!(q.colour("gpt-4"), Some(Some(Level::Closed)));
        assert_eq!(q.colour("transformer"), Some(None), "no matrix row");
        filter.mode = FilterMode::Hide;
        let q = Query::new(&c, &filter, None, None);
        assert_eq!(q.include().iter().filter(|m| **m).count(), 1);
        assert_eq!(q.colour("bert"), None);
    }
}
