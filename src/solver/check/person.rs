//! The person-overlap rule: one person's sessions may not overlap.

use super::{Constraint, Out, Resolved, span, violation};

impl Resolved<'_> {
    /// For every two sessions of one person at their chosen placements, the
    /// minutes they overlap, named on the later one (by start, then end, then
    /// index), whether or not workers are on them.
    pub(super) fn check_person_overlap(&self, out: &mut Out) {
        let mut timed: Vec<_> = self
            .problem
            .sessions
            .iter()
            .enumerate()
            .filter_map(|(s, session)| {
                let (start, end) = span(self.placement[s]?);
                Some((session.person.as_ref()?, start, end, s))
            })
            .collect();
        timed.sort();
        for (i, &(person, _, end, _)) in timed.iter().enumerate() {
            for &(other, start, other_end, t) in &timed[i + 1..] {
                if other != person || start >= end {
                    break;
                }
                let minutes = end.min(other_end) - start;
                if minutes > 0 {
                    out.push(self.at(violation(Constraint::PersonOverlap, minutes), t));
                }
            }
        }
    }
}
