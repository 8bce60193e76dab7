//! Errors: typed, `#[non_exhaustive]`, naming the offending item.
