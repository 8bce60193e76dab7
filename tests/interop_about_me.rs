//! PRSB About Me: a one-page profile written out and read back is the same
//! profile, for any statements; bad records are refused naming the item.

use chrono::{NaiveDate, NaiveDateTime};
use perfect_week::interop::InteropError;
use perfect_week::interop::about_me::{AboutMe, AboutMeHistory, AboutMeSection, MultiMedia};
use perfect_week::person::{Category, Importance, ImportanceItem};
use perfect_week::{OnePageProfile, Person};
use proptest::prelude::*;

fn updated(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(14, 30, 0))
        .unwrap_or_default()
}

/// Statements that try to break the text format: line breaks, lines that
/// look like items or headings, indents, blanks, any character.
fn statement() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,30}",
        "- .{0,10}",
        ".{0,10}:",
        "  .{0,10}\n- .{0,5}:",
        Just(String::new()),
        Just("\n".to_owned()),
        "[a-z ]{1,20}",
    ]
}

fn statements() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(statement(), 0..5)
}

// Field by field, so the test does not depend on the profile being built
// with a struct literal.
#[allow(clippy::field_reassign_with_default)]
fn profile() -> impl Strategy<Value = OnePageProfile> {
    (
        statements(),
        statements(),
        statements(),
        proptest::option::of(statement()),
    )
        .prop_map(|(appreciations, important_to_me, how_best, photo)| {
            let mut profile = OnePageProfile::default();
            profile.appreciations = appreciations;
            profile.important_to_me = important_to_me;
            profile.how_best_to_support_me = how_best;
            profile.photo = photo;
            profile
        })
}

fn item(statement: &str, importance: Importance, category: Category) -> ImportanceItem {
    ImportanceItem {
        statement: statement.into(),
        importance,
        category,
        evidence: vec![],
        priority: 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Profile → About Me → (dataset JSON →) profile is the identity, with
    /// or without the person's other tools beside the profile.
    #[test]
    fn profile_round_trips_through_about_me(profile in profile(), others in any::<bool>()) {
        let mut person = Person::new("p", "P");
        person.profile = profile.clone();
        if others {
            person.importance = vec![
                item("My sister", Importance::To, Category::People),
                item("Gardening", Importance::To, Category::ThingsToDo),
                item("Insulin at 8", Importance::For, Category::Health),
            ];
        }
        let exported = AboutMe::from_person(&person, None, updated(10));
        let nothing = profile.is_blank() && profile.photo.is_none() && !others;
        if nothing {
            let refused = matches!(exported, Err(InteropError::NoSections { .. }));
            prop_assert!(refused);
            return Ok(());
        }
        let about = exported.map_err(|e| TestCaseError::fail(e.to_string()))?.record;
        let back = about.to_profile("p").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back.record, &profile);
        let json = about.to_dataset_json().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let read = AboutMe::from_dataset_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read, &about);
        prop_assert_eq!(read.to_profile("p").map_err(|e| TestCaseError::fail(e.to_string()))?.record, profile);
    }
}

#[test]
fn the_dataset_json_uses_the_dataset_element_names_and_codes()
-> Result<(), Box<dyn std::error::Error>> {
    let about = AboutMe::new(updated(10))
        .with_text(AboutMeSection::MyWellness, "Tired on Mondays")
        .with_multimedia(
            AboutMeSection::HowICommunicate,
            MultiMedia::link("https://example.org/ava-signs.mp4").with_mime_type("video/mp4"),
        )
        .with_supported_by("Priya Shah, support worker");
    let json: serde_json::Value = serde_json::from_str(&about.to_dataset_json()?)?;
    let entry = &json["About Me"]["About Me record entry"];
    assert_eq!(
        entry["My wellness"]["Coded value"]["code"],
        "1515891000000109"
    );
    assert_eq!(
        entry["My wellness"]["About Me response"]["Free text"],
        "Tired on Mondays"
    );
    let media = &entry["How I communicate and how to communicate with me"]["About Me response"]["Multi-media"];
    assert_eq!(media["Multi-media MIME type"], "video/mp4");
    assert_eq!(
        media["Multi-media URL"],
        "https://example.org/ava-signs.mp4"
    );
    assert_eq!(
        entry["Supported to write this by"],
        "Priya Shah, support worker"
    );
    assert_eq!(entry["Date last updated"], "2026-03-10T14:30:00");
    // Sections not written are left out, not written empty.
    assert!(
        entry.get("My wellness").is_some() && entry.get("People who are important to me").is_none()
    );
    Ok(())
}

#[test]
fn every_section_has_its_own_code() {
    let mut codes: Vec<&str> = AboutMeSection::ALL
        .iter()
        .map(|s| s.snomed_code())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 7);
    for section in AboutMeSection::ALL {
        assert_eq!(
            AboutMeSection::from_code(section.snomed_code()),
            Some(section)
        );
    }
    assert_eq!(AboutMeSection::from_code("1515861000000104"), None);
}

#[test]
fn a_person_with_nothing_to_say_is_refused_by_name() {
    let err = AboutMe::from_person(&Person::new("nobody", "No One"), None, updated(1)).err();
    assert_eq!(
        err.map(|e| e.to_string()),
        Some(
            "person \"nobody\": has no sections to write (every About Me section would be empty)"
                .into()
        )
    );
    let empty = AboutMe::new(updated(1));
    assert!(matches!(
        empty.validate("x"),
        Err(InteropError::NoSections { .. })
    ));
}

#[test]
fn a_section_with_another_sections_code_is_refused() -> Result<(), Box<dyn std::error::Error>> {
    let json = AboutMe::new(updated(1))
        .with_text(AboutMeSection::MyWellness, "Fine")
        .to_dataset_json()?
        .replace("1515891000000109", "1515901000000105");
    let err = AboutMe::from_dataset_json(&json)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("section \"My wellness\""), "{err}");
    assert!(err.contains("1515901000000105"), "{err}");
    Ok(())
}

#[test]
fn supported_by_longer_than_the_dataset_allows_is_refused() {
    let about = AboutMe::new(updated(1))
        .with_text(AboutMeSection::MyWellness, "Fine")
        .with_supported_by("x".repeat(151));
    let err = about
        .validate("person \"ava\"")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("Supported to write this by") && err.contains("151"),
        "{err}"
    );
}

#[test]
fn about_me_written_elsewhere_reads_line_by_line_and_reports_the_rest()
-> Result<(), Box<dyn std::error::Error>> {
    let about = AboutMe::new(updated(2))
        .with_text(
            AboutMeSection::WhatIsMostImportantToMe,
            "My dog, Rex\n\nMy allotment",
        )
        .with_text(
            AboutMeSection::MyWellness,
            "I get migraines in bright light",
        );
    let back = about.to_profile("rex's owner")?;
    assert_eq!(
        back.record.important_to_me,
        vec!["My dog, Rex", "My allotment"]
    );
    assert_eq!(back.report.items.len(), 2, "{}", back.report);
    assert_eq!(back.report.about("My wellness").count(), 1);
    Ok(())
}

#[test]
fn history_keeps_every_version_and_refuses_going_back() -> Result<(), Box<dyn std::error::Error>> {
    let mut history = AboutMeHistory::new("ava");
    let first = AboutMe::new(updated(1)).with_text(AboutMeSection::MyWellness, "One");
    let second = AboutMe::new(updated(9)).with_text(AboutMeSection::MyWellness, "Two");
    assert_eq!(history.record(first.clone())?, 1);
    assert_eq!(history.record(second.clone())?, 2);
    assert_eq!(history.as_at(updated(5)), Some(&first));
    let err = history
        .record(first.clone())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("person \"ava\" About Me version 3"), "{err}");
    assert_eq!(history.versions(), &[first.clone(), second.clone()]);
    // Through JSON the order is checked again.
    let json = serde_json::to_string(&history)?;
    let back: AboutMeHistory = serde_json::from_str(&json)?;
    assert_eq!(back, history);
    let swapped = json.replacen("2026-03-01", "2026-03-31", 1);
    assert!(serde_json::from_str::<AboutMeHistory>(&swapped).is_err());
    // An entry with no date is refused.
    let mut undated = second;
    undated.date_last_updated = None;
    assert!(matches!(
        history.record(undated),
        Err(InteropError::Missing { .. })
    ));
    Ok(())
}

#[test]
fn a_document_not_in_the_dataset_shape_is_refused_at_its_place() {
    let json = r#"{"About Me": {"About Me record entry": {"My wellness": {"Coded value": 7}}}}"#;
    let err = AboutMe::from_dataset_json(json)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with(
            "About Me document at About Me.About Me record entry.My wellness.Coded value:"
        ),
        "{err}"
    );
}
