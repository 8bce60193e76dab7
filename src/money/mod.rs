//! Money: the rate card, the Individual Service Fund agreement, its ledger and statements.
