//! The person-centred thinking tools: one-page profile, important to and for, communication chart, decision making, matching support.
