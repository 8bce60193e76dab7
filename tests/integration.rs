//! The integration tests, built as one test binary: one module per file of
//! `tests/` (a directory with a `main.rs` is a module too), so the crate,
//! the sample and the JSON readers they share are compiled and linked once
//! rather than once a file. A test's name starts with its file's:
//! `cargo test --test integration story::` runs `tests/story.rs`.
//!
//! `tests/curtois.rs` is a test binary of its own: it reads the benchmark
//! instances, which the published package leaves out, and so does it.
//!
//! A new file in `tests/` is not built until it is named here (the package
//! sets `autotests = false`); the last test below fails until it is.

// Helpers shared by several modules, each compiled once: the sample of
// `examples/`, a small one-person plan, and small random solver problems
// (written, as for the solver's unit tests, against the solver's types that
// their includer glob-imports).
#[path = "../examples/sample/mod.rs"]
mod sample;
mod tiny;
use perfect_week::solver::*;
mod solver_common;

mod agreement;
mod bad_documents;
mod bound_in_words;
mod care_service;
#[path = "checker/main.rs"]
mod checker;
mod clock_change_rota;
mod conflicts;
#[path = "consumer/main.rs"]
mod consumer;
mod domain_examples;
mod domain_props;
mod explain;
mod glob_imports;
mod interop_about_me;
mod interop_records;
mod money_overflow;
mod person_in_two_places;
mod plan;
mod root_api;
mod sick_call;
mod solver_behaviour;
mod story;
mod threads;

// The checker's files name their shared helpers `crate::common`, as when
// the checker was a test binary of its own.
use checker::common;

/// Every test file and test directory of `tests/` is a module above, and
/// every helper directory (a `mod.rs`, no `main.rs`) is not a test.
#[test]
fn every_test_file_is_a_module_of_this_binary() -> Result<(), Box<dyn std::error::Error>> {
    let root = include_str!("integration.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a file name")?
            .to_owned();
        let is_test = if path.is_dir() {
            path.join("main.rs").exists()
        } else {
            path.extension().is_some_and(|e| e == "rs")
                && name != "integration"
                && name != "curtois"
        };
        if is_test && !root.contains(&format!("\nmod {name};\n")) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "add to tests/integration.rs: {missing:?}"
    );
    Ok(())
}
