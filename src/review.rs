//! Person-centred reviews, outcomes, actions and the support plan.
