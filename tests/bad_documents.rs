//! Bad documents: the plan, the solver configuration and the rota, written
//! to JSON, then cut short, given a value of the wrong type, stripped of a
//! field or sprinkled with garbage, and read back with `serde_json` and the
//! crate's loader. Every outcome is a value or a typed error; never a panic.
//! A document that still reads is validated and compiled, which must not
//! panic either.
//!
//! The default run tries 64 cases per property. A longer run, kept out of
//! CI: `PERFECT_WEEK_FUZZ_CASES=100000 cargo test --release --test
//! integration bad_documents::`. Inputs it has caught are kept in
//! `tests/fixtures/bad_documents/` (see the README there) and replayed by
//! `every_fixture_reads_to_a_value_or_a_typed_error`.

use crate::sample;

use std::sync::OnceLock;

use perfect_week::load::{self, LoadError};
use perfect_week::plan::Plan;
use perfect_week::rota::Rota;
use perfect_week::solver::{SolverConfig, solve};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// The three documents, as JSON values.
fn documents() -> &'static [(&'static str, Value); 3] {
    static DOCS: OnceLock<[(&'static str, Value); 3]> = OnceLock::new();
    DOCS.get_or_init(|| {
        let plan = sample::plan();
        let compiled = plan
            .compile()
            .unwrap_or_else(|e| panic!("the sample does not compile: {e}"));
        let config = SolverConfig::default().with_seed(1).with_max_steps(2_000);
        let solution = solve(compiled.problem(), &config).unwrap_or_else(|e| panic!("{e}"));
        let rota = compiled.rota(&solution);
        let value = |v: Result<Value, serde_json::Error>| v.unwrap_or_else(|e| panic!("{e}"));
        [
            ("plan", value(serde_json::to_value(&plan))),
            (
                "config",
                value(serde_json::to_value(sample::solver_config())),
            ),
            ("rota", value(serde_json::to_value(&rota))),
        ]
    })
}

/// One step of a path into a document.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    At(usize),
}

/// The loader's way of writing a path: `workers[3].contract.hourly_pay`.
fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::At(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Every path in the document (the root too), in document order.
fn paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(here.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    here.push(Step::Key(k.clone()));
                    walk(v, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    here.push(Step::At(i));
                    walk(v, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

fn at_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::At(i) => v.get_mut(*i),
    })
}

/// A value of another JSON type than `v`.
fn flipped(v: &Value) -> Value {
    match v {
        Value::String(_) => Value::from(7),
        Value::Number(_) => Value::from("seven"),
        Value::Bool(_) => Value::from("yes"),
        Value::Null => Value::from(vec![1, 2]),
        Value::Array(_) => Value::from(false),
        Value::Object(_) => Value::from(-1),
    }
}

fn cases() -> u32 {
    std::env::var("PERFECT_WEEK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

/// Reads `text` as the named document through `serde_json` and the loader;
/// both must agree on whether it reads, and whatever reads must validate and
/// compile without panicking.
fn read(doc: &str, text: &str) -> Result<(), LoadError> {
    fn both<T: serde::de::DeserializeOwned>(text: &str) -> Result<Option<T>, LoadError> {
        let plain = serde_json::from_str::<T>(text);
        let loaded = load::from_str::<T>(text);
        assert_eq!(
            plain.is_ok(),
            loaded.is_ok(),
            "serde_json and the loader disagree"
        );
        loaded.map(Some)
    }
    match doc {
        "plan" => {
            if let Some(plan) = both::<Plan>(text)?
                && plan.validate().is_ok()
            {
                let _ = plan.compile();
            }
        }
        "config" => {
            both::<SolverConfig>(text)?;
        }
        _ => {
            if let Some(rota) = both::<Rota>(text)? {
                let _ = rota.to_string();
            }
        }
    }
    Ok(())
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_cut_short_document_is_a_typed_error(doc in 0usize..3, cut in any::<Index>()) {
        let (name, value) = &documents()[doc];
        let text = pretty(value);
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let err = read(name, &text[..end]).err();
        prop_assert!(err.is_some(), "a cut-short {} was accepted", name);
        let err = err.unwrap_or_else(|| unreachable!());
        prop_assert!(err.line_column().is_some(), "{}", err);
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_by_its_path(doc in 0usize..3, which in any::<Index>()) {
        let (name, value) = &documents()[doc];
        let all = paths(value);
        let path = &all[which.index(all.len())];
        let mut mutated = value.clone();
        if let Some(slot) = at_mut(&mut mutated, path) {
            *slot = flipped(slot);
        }
        if let Err(err) = read(name, &pretty(&mutated)) {
            // The error names the field, or a place on the way to it (an
            // enum or a map key is reported at its container).
            let want = path_text(path);
            let got = err.path().unwrap_or("");
            prop_assert!(want.starts_with(got), "mutated {} but the error names {:?}: {}", want, got, err);
            if !got.is_empty() {
                prop_assert!(err.to_string().contains(got), "{}", err);
            }
        }
    }

    #[test]
    fn a_missing_field_is_a_value_or_a_typed_error(doc in 0usize..3, which in any::<Index>()) {
        let (name, value) = &documents()[doc];
        let all: Vec<_> = paths(value)
            .into_iter()
            .filter(|p| matches!(p.last(), Some(Step::Key(_))))
            .collect();
        prop_assume!(!all.is_empty());
        let path = &all[which.index(all.len())];
        let mut mutated = value.clone();
        if let (Some(parent), Some(Step::Key(key))) =
            (at_mut(&mut mutated, &path[..path.len() - 1]), path.last())
            && let Some(map) = parent.as_object_mut()
        {
            map.remove(key);
        }
        if let Err(err) = read(name, &pretty(&mutated)) {
            let want = path_text(path);
            let got = err.path().unwrap_or("");
            prop_assert!(want.starts_with(got), "dropped {} but the error names {:?}: {}", want, got, err);
        }
    }

    #[test]
    fn garbage_anywhere_is_a_value_or_a_typed_error(
        doc in 0usize..3,
        at in any::<Index>(),
        garbage in prop::collection::vec(any::<char>(), 1..8),
    ) {
        let (name, value) = &documents()[doc];
        let mut text = pretty(value);
        let mut i = at.index(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        text.insert_str(i, &garbage.iter().collect::<String>());
        if let Err(err) = read(name, &text) {
            prop_assert!(err.line_column().is_some(), "{}", err);
        }
    }
}

#[test]
fn every_fixture_reads_to_a_value_or_a_typed_error() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad_documents");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("no fixtures in {}", dir.display());
    };
    let mut seen = 0;
    for entry in entries.flatten() {
        let file = entry.path();
        let Some(stem) = file.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if file.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let doc = stem.split('-').next().unwrap_or("");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let result = read(doc, &text);
        let from_file = match doc {
            "plan" => load::from_file::<Plan>(&file).err(),
            "config" => load::from_file::<SolverConfig>(&file).err(),
            _ => load::from_file::<Rota>(&file).err(),
        };
        if let Some(err) = &from_file {
            assert_eq!(err.file(), Some(file.as_path()));
            assert!(
                err.to_string().starts_with(&file.display().to_string()),
                "{err}"
            );
        }
        assert_eq!(result.is_ok(), from_file.is_none());
        seen += 1;
    }
    assert!(seen > 0, "no fixtures found");
}
