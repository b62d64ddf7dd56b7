//! An event's lineage: itself, the chains of models and papers it descends from and that descend
//! from it (not its siblings or cousins), and the edges of those chains. The timeline brings the
//! lineage of the selected, hovered or focused event forward and lets the rest recede.
//!
//! Also which edges are the big branches, drawn at full strength when nothing is selected: an
//! edge that crosses lanes (a new architecture family, as BERT and GPT from the Transformer) or
//! that carries weights or outputs (a fine-tune, a distillation, a derived model: the LLaMA
//! family). A lab's next version in the same lane, and a borrowed idea, stay quiet.

use std::collections::HashSet;

use crate::model::Relation;
use crate::Chronicle;

/// The lineage of one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Lineage {
    /// `events[i]`: event `i` is in it.
    events: Vec<bool>,
    /// Its edges, as (parent, child).
    edges: HashSet<(usize, usize)>,
}

impl Lineage {
    /// The lineage of event `i`: up through its parents and down through its children, as far
    /// as the chain goes. A borrowed idea (`inspired-by`) is a step the chain takes but does not
    /// go on from: the papers that inspired a model are in its lineage, their own ancestors are
    /// not; nor is everything a model inspired in turn, which for GPT-3 would be most of the
    /// field. Each event is visited once, so a cycle (which validation refuses) could not loop.
    pub fn of(c: &Chronicle, i: usize) -> Self {
        let mut l = Lineage { events: vec![false; c.events().len()], edges: HashSet::new() };
        l.events[i] = true;
        for up in [true, false] {
            let mut seen = vec![false; c.events().len()];
            seen[i] = true;
            let mut stack = vec![i];
            while let Some(j) = stack.pop() {
                let next: Vec<usize> = if up { c.parents(j).collect() } else { c.children(j).to_vec() };
                for k in next {
                    let (parent, child) = if up { (k, j) } else { (j, k) };
                    l.edges.insert((parent, child));
                    l.events[k] = true;
                    if !seen[k] && relation(c, parent, child) != Some(Relation::InspiredBy) {
                        seen[k] = true;
                        stack.push(k);
                    }
                }
            }
        }
        l
    }

    /// Whether event `i` is in the lineage.
    pub fn contains(&self, i: usize) -> bool {
        self.events[i]
    }

    /// Whether the edge `parent → child` is part of the lineage (an edge between two of its
    /// events that its chains do not take, such as one straight from an ancestor to a
    /// descendant, is not).
    pub fn has_edge(&self, parent: usize, child: usize) -> bool {
        self.edges.contains(&(parent, child))
    }

    /// The events in the lineage, in file order.
    pub fn events(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.events.len()).filter(|&i| self.events[i])
    }
}

/// How `child` names `parent`.
fn relation(c: &Chronicle, parent: usize, child: usize) -> Option<Relation> {
    let id = &c.events()[parent].id;
    c.events()[child].parents.iter().find(|l| &l.id == id).map(|l| l.relation)
}

/// Whether the edge `parent → child` is one of the big branches (see the module's doc).
pub fn is_branch(c: &Chronicle, parent: usize, child: usize) -> bool {
    c.events()[parent].family != c.events()[child].family
        || matches!(
            relation(c, parent, child),
            Some(Relation::FineTunedFrom | Relation::DistilledFrom | Relation::DerivedFrom)
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_json;

    const FIXTURE: &str = include_str!("../tests/fixtures/scene.json");

    #[test]
    fn a_lineage_is_ancestors_and_descendants_not_cousins() {
        let c = load_json(FIXTURE).unwrap();
        let at = |id: &str| c.find(id).unwrap();
        // GPT-1 derives from the Transformer; BERT is inspired by GPT-1 (and derives from the
        // Transformer); T5 is inspired by BERT.
        let ids = |l: &Lineage| l.events().map(|i| c.events()[i].id.as_str()).collect::<Vec<_>>();
        let l = Lineage::of(&c, at("gpt-1"));
        assert_eq!(ids(&l), ["transformer", "gpt-1", "bert"], "an idea borrowed is one step, not a chain");
        assert!(!l.contains(at("llama")), "a cousin (also from the Transformer) is not in it");
        assert!(l.has_edge(at("transformer"), at("gpt-1")) && l.has_edge(at("gpt-1"), at("bert")));
        assert!(!l.has_edge(at("transformer"), at("bert")), "an edge around the event is not its own");
        let t5 = Lineage::of(&c, at("t5"));
        assert_eq!(ids(&t5), ["transformer", "bert", "t5"]);
        let alone = Lineage::of(&c, at("word2vec"));
        assert_eq!(ids(&alone), ["word2vec"], "an event with no edges is its own lineage");
    }

    #[test]
    fn the_lineage_of_the_shipped_gpt_3_follows_its_chains() {
        let c = load_json(crate::SHIPPED_JSON).unwrap();
        let at = |id: &str| c.find(id).unwrap();
        let l = Lineage::of(&c, at("gpt-3"));
        for id in ["gpt-2", "gpt-1", "transformer", "instructgpt", "chatgpt", "alpaca", "llama"] {
            assert!(l.contains(at(id)), "{id}");
        }
        assert!(!l.contains(at("bert")), "BERT is a cousin");
        assert!(l.has_edge(at("instructgpt"), at("alpaca")), "distilled from a descendant: in the chain");
        // Inspired by GPT-3, LLaMA is one step; its own fine-tunes come only through other chains.
        assert!(l.has_edge(at("gpt-3"), at("llama")) && !l.has_edge(at("llama"), at("alpaca")));
        assert!(l.events().count() < c.events().len() / 3, "a lineage, not the whole field");
    }

    #[test]
    fn branches_cross_lanes_or_carry_weights() {
        let c = load_json(crate::SHIPPED_JSON).unwrap();
        let at = |id: &str| c.find(id).unwrap();
        assert!(is_branch(&c, at("transformer"), at("bert")), "the BERT/GPT split crosses lanes");
        assert!(is_branch(&c, at("transformer"), at("gpt-1")));
        assert!(!is_branch(&c, at("gpt-2"), at("gpt-3")), "a next version in the same lane is quiet");
    }
}
