//! Reading the crate's JSON documents, with errors a person can act on.
//!
//! Every data type of the crate is `serde`, so a [`Plan`](crate::plan::Plan),
//! a [`SolverConfig`](crate::solver::SolverConfig) or a
//! [`Rota`](crate::rota::Rota) can be kept as JSON. [`from_str`] and
//! [`from_file`] read any of them (any `DeserializeOwned` type) and, when the
//! document is wrong, return a [`LoadError`] that names the file, the place
//! in the document (`workers[3].contract.max_minutes_per_week`), the line and
//! column, and what is wrong. They never panic.
//!
//! ```
//! use perfect_week::load::{self, Problem};
//! use perfect_week::staff::Contract;
//!
//! let text = r#"{
//!   "min_minutes_per_week": 0,
//!   "max_minutes_per_week": "forty hours",
//!   "hourly_pay": "12.71",
//!   "opted_out_of_48h": false
//! }"#;
//! let err = load::from_str::<Contract>(text).err().ok_or("it should fail")?;
//! assert_eq!(err.path(), Some("max_minutes_per_week"));
//! assert_eq!(err.line_column(), Some((3, 39)));
//! assert_eq!(err.problem(), Some(Problem::Data));
//! assert!(err.to_string().starts_with("line 3, column 39, at max_minutes_per_week: invalid type"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What kind of mistake a document has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Problem {
    /// Not JSON: a stray character, a missing comma or quote.
    Syntax,
    /// JSON, but not the expected data: a field missing or of the wrong
    /// type, an unknown variant, a value out of range.
    Data,
    /// The document stops before it is complete (cut short).
    Eof,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::Syntax => "not valid JSON",
            Problem::Data => "not the expected data",
            Problem::Eof => "cut short",
        })
    }
}

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}: cannot be read: {source}", file.display())]
    Read {
        /// The file.
        file: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The document is not valid JSON of the expected type.
    #[error("{}", Located(self))]
    Document {
        /// The file, when it was read from one.
        file: Option<PathBuf>,
        /// Where in the document, e.g. `workers[3].contract.max_minutes_per_week`
        /// (empty for the document as a whole).
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The kind of mistake.
        problem: Problem,
        /// What is wrong, in the JSON reader's words.
        message: String,
    },
}

/// Displays a [`LoadError::Document`]: `FILE: line L, column C, at PATH: MESSAGE`.
struct Located<'a>(&'a LoadError);

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let LoadError::Document {
            file,
            path,
            line,
            column,
            message,
            ..
        } = self.0
        else {
            return Ok(());
        };
        if let Some(file) = file {
            write!(f, "{}: ", file.display())?;
        }
        write!(f, "line {line}, column {column}")?;
        if !path.is_empty() {
            write!(f, ", at {path}")?;
        }
        write!(f, ": {message}")
    }
}

impl LoadError {
    /// The file the error is about, if any.
    pub fn file(&self) -> Option<&Path> {
        match self {
            LoadError::Read { file, .. } => Some(file),
            LoadError::Document { file, .. } => file.as_deref(),
        }
    }

    /// The place in the document (`workers[3].contract.max_minutes_per_week`);
    /// `None` when the file could not be read or the mistake is in the
    /// document as a whole.
    pub fn path(&self) -> Option<&str> {
        match self {
            LoadError::Document { path, .. } if !path.is_empty() => Some(path),
            _ => None,
        }
    }

    /// Line and column (from 1) of the mistake, when it is in the document.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Document { line, column, .. } => Some((*line, *column)),
            LoadError::Read { .. } => None,
        }
    }

    /// The kind of mistake, when it is in the document.
    pub fn problem(&self) -> Option<Problem> {
        match self {
            LoadError::Document { problem, .. } => Some(*problem),
            LoadError::Read { .. } => None,
        }
    }
}

/// Reads a document of type `T` from JSON text.
///
/// Trailing characters after the document are an error too.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    read(text, None)
}

/// Reads a document of type `T` from a JSON file; errors name the file.
///
/// ```
/// use perfect_week::load;
/// use perfect_week::plan::Plan;
///
/// let err = load::from_file::<Plan>("no/such/plan.json").err().ok_or("it should fail")?;
/// assert!(err.to_string().starts_with("no/such/plan.json: cannot be read"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_file<T: DeserializeOwned>(file: impl AsRef<Path>) -> Result<T, LoadError> {
    let file = file.as_ref();
    let text = std::fs::read_to_string(file).map_err(|source| LoadError::Read {
        file: file.to_owned(),
        source,
    })?;
    read(&text, Some(file))
}

fn read<T: DeserializeOwned>(text: &str, file: Option<&Path>) -> Result<T, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let located = |path: String, err: serde_json::Error| {
        let problem = match err.classify() {
            serde_json::error::Category::Eof => Problem::Eof,
            serde_json::error::Category::Syntax => Problem::Syntax,
            // Reading from a string never fails on input/output.
            serde_json::error::Category::Data | serde_json::error::Category::Io => Problem::Data,
        };
        let (line, column) = (err.line(), err.column());
        let full = err.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        LoadError::Document {
            file: file.map(Path::to_owned),
            path,
            line,
            column,
            problem,
            message,
        }
    };
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        // The crate writes the whole document as ".".
        let path = if path == "." { String::new() } else { path };
        located(path, err.into_inner())
    })?;
    de.end().map_err(|err| located(String::new(), err))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{PersonPlan, Plan};
    use crate::staff::{Contract, Worker};
    use crate::week::{PerfectWeek, RotaPeriod};
    use crate::{Person, ids::PersonId};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn plan(workers: usize) -> Plan {
        let monday = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap_or(NaiveDate::MIN);
        let born = NaiveDate::from_ymd_opt(1990, 6, 1).unwrap_or(NaiveDate::MIN);
        let contract = Contract {
            min_minutes_per_week: 0,
            max_minutes_per_week: 20 * 60,
            hourly_pay: rust_decimal::Decimal::new(1271, 2),
            opted_out_of_48h: false,
        };
        let workers = (0..workers)
            .map(|i| {
                Worker::new(
                    format!("w{i}"),
                    format!("Worker {i}"),
                    born,
                    contract.clone(),
                )
            })
            .collect();
        let week = PerfectWeek {
            person: PersonId::new("ava"),
            activities: vec![],
        };
        let person = PersonPlan::new(Person::new("ava", "Ava"), week, None);
        Plan::new(
            RotaPeriod::new(monday, 1, chrono_tz::Europe::London),
            vec![person],
            workers,
        )
    }

    fn pretty(plan: &Plan) -> String {
        serde_json::to_string_pretty(plan).unwrap_or_default()
    }

    #[test]
    fn a_good_document_round_trips() {
        let plan = plan(3);
        let back: Plan = from_str(&pretty(&plan)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, plan);
    }

    #[test]
    fn a_wrong_type_names_the_path_line_and_column() {
        let text = pretty(&plan(4)).replacen(
            "\"max_minutes_per_week\": 1200",
            "\"max_minutes_per_week\": \"lots\"",
            4,
        );
        let err = match from_str::<Plan>(&text) {
            Err(err) => err,
            Ok(_) => panic!("a string for minutes was accepted"),
        };
        assert_eq!(err.path(), Some("workers[0].contract.max_minutes_per_week"));
        assert_eq!(err.problem(), Some(Problem::Data));
        let (line, _) = err.line_column().unwrap_or_default();
        let expected = text
            .lines()
            .position(|l| l.contains("\"lots\""))
            .map(|i| i + 1);
        assert_eq!(Some(line), expected);
        assert!(
            err.to_string().contains("invalid type: string \"lots\""),
            "{err}"
        );
    }

    #[test]
    fn trailing_characters_and_bad_syntax_are_errors() {
        let text = format!("{} x", pretty(&plan(1)));
        let err = from_str::<Plan>(&text).err();
        assert_eq!(
            err.as_ref().and_then(LoadError::problem),
            Some(Problem::Syntax)
        );
        assert_eq!(err.as_ref().and_then(LoadError::path), None);
        let err = from_str::<Plan>("{\"period\": [}").err();
        assert_eq!(err.and_then(|e| e.problem()), Some(Problem::Syntax));
    }

    #[test]
    fn a_file_error_names_the_file() {
        let dir = std::env::temp_dir().join(format!("perfect-week-load-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("plan.json");
        let written = std::fs::write(&file, "{\"period\": ");
        assert!(written.is_ok());
        let err = from_file::<Plan>(&file).err();
        let _ = std::fs::remove_dir_all(&dir);
        let err = err.unwrap_or_else(|| panic!("a cut-short file was accepted"));
        assert_eq!(err.file(), Some(file.as_path()));
        assert_eq!(err.problem(), Some(Problem::Eof));
        assert!(
            err.to_string()
                .starts_with(&format!("{}: line 1, column 11", file.display()))
        );
    }

    proptest! {
        #[test]
        fn a_cut_short_document_names_its_position(cut in 0.0f64..1.0) {
            let text = pretty(&plan(3));
            let mut end = (cut * text.len() as f64) as usize;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let err = from_str::<Plan>(&text[..end]).err();
            prop_assert!(err.is_some(), "a cut-short document was accepted");
            let err = err.unwrap_or_else(|| unreachable!());
            let (line, column) = err.line_column().unwrap_or_default();
            let lines = text[..end].split('\n').count();
            prop_assert!(line >= 1 && line <= lines, "line {} of {}", line, lines);
            prop_assert!(column <= text.len());
            let place = format!("line {line}, column {column}");
            prop_assert!(err.to_string().contains(&place));
        }

        #[test]
        fn a_mistyped_field_names_its_path(worker in 0usize..5, field in 0usize..4) {
            let plan = plan(5);
            let mut value = serde_json::to_value(&plan).unwrap_or_default();
            let name = ["min_minutes_per_week", "max_minutes_per_week", "hourly_pay", "opted_out_of_48h"][field];
            let replacement = match field {
                // A flag where money is expected, text where numbers and a
                // flag are expected.
                2 => serde_json::json!(true),
                _ => serde_json::json!("forty"),
            };
            value["workers"][worker]["contract"][name] = replacement;
            let text = serde_json::to_string_pretty(&value).unwrap_or_default();
            let err = from_str::<Plan>(&text).err();
            prop_assert!(err.is_some(), "a mistyped field was accepted");
            let err = err.unwrap_or_else(|| unreachable!());
            let path = format!("workers[{worker}].contract.{name}");
            prop_assert_eq!(err.path(), Some(path.as_str()));
            let named = err.to_string().contains(&path);
            prop_assert!(named);
        }
    }
}
