//! PRSB About Me: the person's own account of what matters to them, in the
//! seven sections of the PRSB About Me standard, each coded in SNOMED CT.
//!
//! The shape follows the PRSB About Me dataset, version 2.01: `About Me` →
//! `About Me record entry` → one group per section, each with a `Coded
//! value` and an `About Me response` (`Free text` and `Multi-media`:
//! `Multi-media filename`, `Multi-media MIME type`, `Multi-media file`,
//! `Multi-media URL`), then `Supported to write this by` (text, at most 150
//! characters) and `Date last updated` (a date and time to the minute).
//! [`AboutMe`]'s serde names are those element names, and
//! [`AboutMe::to_dataset_json`] wraps it in the two outer groups.
//!
//! The dataset keeps one record entry in view and asks systems to keep the
//! earlier ones as an audit trail: [`AboutMeHistory`] adds versions and
//! never overwrites one.
//!
//! # From a person
//!
//! [`AboutMe::from_person`] writes each section from the person-centred
//! thinking tools, as lists under headings (a heading line ending in `:`,
//! one `- ` line per statement):
//!
//! | About Me section | what goes in it, under which heading |
//! |---|---|
//! | What is most important to me | "What is important to me" (the one-page profile), "Also important to me" (other things important *to* the person); the profile's photo as the section's `Multi-media URL` |
//! | People who are important to me | "People who matter to me" (things important to the person about people) |
//! | How I communicate and how to communicate with me | "What I am telling you" and "How to tell me things" (the communication chart) |
//! | My wellness | "Important for me" (things important *for* the person: health, safety, being part of the community) |
//! | Please do and please do not | the decision-making profile ("How I like to get information", "How to give me choices", "Ways to help me understand", "Good times to ask me to decide", "Please do not ask me to decide") and "What we agreed" (each balance issue and what was agreed) |
//! | How and when to support me | "How best to support me" (the one-page profile) and "My week" (the perfect week's routines, when given) |
//! | Also worth knowing about me | "What people like and admire about me" (the one-page profile) |
//!
//! "What people like and admire about me" has no About Me section of its
//! own; it goes under its own heading in "Also worth knowing about me",
//! which is the closest fit, and reads back from there.
//!
//! # Back to a one-page profile
//!
//! [`AboutMe::to_profile`] reads the three headings of the one-page profile
//! and the photo back, so that a profile written out and read back is the
//! same profile. About Me written by other software has no such headings:
//! then each line of "What is most important to me", "How and when to
//! support me" and "Also worth knowing about me" becomes one statement of
//! the matching heading. Text with no place in a one-page profile stays in
//! the About Me record and is listed in the report.
//!
//! ```
//! use perfect_week::chrono::NaiveDate;
//! use perfect_week::interop::about_me::{AboutMe, AboutMeSection};
//! use perfect_week::{OnePageProfile, Person};
//!
//! let mut ava = Person::new("ava", "Ava Thompson");
//! ava.profile = OnePageProfile {
//!     appreciations: vec!["A laugh you can hear down the corridor".into()],
//!     important_to_me: vec!["Seeing my Mum every Sunday".into()],
//!     how_best_to_support_me: vec!["Tell me who is coming the day before".into()],
//!     photo: None,
//! };
//! let updated = NaiveDate::from_ymd_opt(2026, 3, 10).and_then(|d| d.and_hms_opt(14, 0, 0))
//!     .ok_or("date")?;
//! let about = AboutMe::from_person(&ava, None, updated)?.record
//!     .with_supported_by("Priya Shah, support worker, 01632 960000");
//! assert_eq!(
//!     about.text(AboutMeSection::AlsoWorthKnowingAboutMe),
//!     Some("What people like and admire about me:\n- A laugh you can hear down the corridor")
//! );
//! let json = about.to_dataset_json()?;
//! assert!(json.contains("\"About Me record entry\""));
//! assert!(json.contains("1515921000000101"));
//! let back = AboutMe::from_dataset_json(&json)?;
//! assert_eq!(back.to_profile("ava")?.record, ava.profile);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::text::{parse, push_block};
use super::{Exported, InteropError, Report};
use crate::ids::PersonId;
use crate::person::{Decider, Importance, OnePageProfile, Person};
use crate::week::{PerfectWeek, Timing};
use crate::words::{clock, day_name};

/// The SNOMED CT code system's URI.
pub const SNOMED_CT: &str = "http://snomed.info/sct";

/// The standard's name, as reports give it.
const STANDARD: &str = "PRSB About Me 2.01";

/// The most characters "Supported to write this by" may hold (the
/// dataset's `maxLength`).
pub const SUPPORTED_BY_MAX_CHARS: usize = 150;

/// The seven sections of About Me, each with its SNOMED CT concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum AboutMeSection {
    /// What is most important to me, key information for an emergency
    /// included.
    WhatIsMostImportantToMe,
    /// People who are important to me (and who not to contact).
    PeopleWhoAreImportantToMe,
    /// How I communicate and how to communicate with me.
    HowICommunicate,
    /// My wellness: typical, unwell and really unwell days, triggers, signs.
    MyWellness,
    /// Please do and please do not.
    PleaseDoAndPleaseDoNot,
    /// How and when to support me: routines, personal care, medication.
    HowAndWhenToSupportMe,
    /// Also worth knowing about me: history, skills, likes, dislikes.
    AlsoWorthKnowingAboutMe,
}

impl AboutMeSection {
    /// Every section, in the dataset's order.
    pub const ALL: [AboutMeSection; 7] = [
        AboutMeSection::WhatIsMostImportantToMe,
        AboutMeSection::PeopleWhoAreImportantToMe,
        AboutMeSection::HowICommunicate,
        AboutMeSection::MyWellness,
        AboutMeSection::PleaseDoAndPleaseDoNot,
        AboutMeSection::HowAndWhenToSupportMe,
        AboutMeSection::AlsoWorthKnowingAboutMe,
    ];

    /// The section's SNOMED CT concept id (UK edition).
    ///
    /// ```
    /// use perfect_week::interop::about_me::AboutMeSection;
    /// assert_eq!(AboutMeSection::MyWellness.snomed_code(), "1515891000000109");
    /// ```
    pub fn snomed_code(self) -> &'static str {
        match self {
            AboutMeSection::WhatIsMostImportantToMe => "1515861000000103",
            AboutMeSection::PeopleWhoAreImportantToMe => "1515871000000105",
            AboutMeSection::HowICommunicate => "1515881000000107",
            AboutMeSection::MyWellness => "1515891000000109",
            AboutMeSection::PleaseDoAndPleaseDoNot => "1515901000000105",
            AboutMeSection::HowAndWhenToSupportMe => "1515911000000107",
            AboutMeSection::AlsoWorthKnowingAboutMe => "1515921000000101",
        }
    }

    /// The section's name: the dataset's element name and the SNOMED CT
    /// concept's term.
    pub fn name(self) -> &'static str {
        match self {
            AboutMeSection::WhatIsMostImportantToMe => "What is most important to me",
            AboutMeSection::PeopleWhoAreImportantToMe => "People who are important to me",
            AboutMeSection::HowICommunicate => "How I communicate and how to communicate with me",
            AboutMeSection::MyWellness => "My wellness",
            AboutMeSection::PleaseDoAndPleaseDoNot => "Please do and please do not",
            AboutMeSection::HowAndWhenToSupportMe => "How and when to support me",
            AboutMeSection::AlsoWorthKnowingAboutMe => "Also worth knowing about me",
        }
    }

    /// The section with SNOMED CT concept id `code`, if any.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.snomed_code() == code)
    }

    /// The coded value the section carries.
    pub fn coded_value(self) -> CodedValue {
        CodedValue {
            system: SNOMED_CT.to_owned(),
            code: self.snomed_code().to_owned(),
            display: self.name().to_owned(),
        }
    }
}

/// A coded value: a concept of a code system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CodedValue {
    /// The code system's URI ([`SNOMED_CT`] here).
    pub system: String,
    /// The concept id.
    pub code: String,
    /// The concept's term.
    pub display: String,
}

/// The dataset's `Multi-media` group: a file stored inline or a link to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MultiMedia {
    /// The file's name, without its extension.
    #[serde(
        rename = "Multi-media filename",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filename: Option<String>,
    /// Its MIME type (`image/jpeg`, `video/mp4`).
    #[serde(
        rename = "Multi-media MIME type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mime_type: Option<String>,
    /// The file itself, when stored inline (base64).
    #[serde(
        rename = "Multi-media file",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file: Option<String>,
    /// Where the file is, when stored elsewhere (a URL or a file name).
    #[serde(
        rename = "Multi-media URL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
}

impl MultiMedia {
    /// A link to a file.
    pub fn link(url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::default()
        }
    }

    /// The same, with a MIME type.
    pub fn with_mime_type(mut self, mime_type: impl Into<String>) -> Self {
        self.mime_type = Some(mime_type.into());
        self
    }
}

/// The dataset's `About Me response`: free text and a multimedia file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AboutMeResponse {
    /// The person's words.
    #[serde(rename = "Free text", default, skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    /// A photo, video or sound file.
    #[serde(
        rename = "Multi-media",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub multimedia: Option<MultiMedia>,
}

/// One section of a record entry: its code and the response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SectionEntry {
    /// The section's SNOMED CT concept.
    #[serde(rename = "Coded value")]
    pub coded_value: CodedValue,
    /// What the person says.
    #[serde(rename = "About Me response", default)]
    pub response: AboutMeResponse,
}

/// An About Me record entry (dataset `About Me record entry`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AboutMe {
    /// What is most important to me.
    #[serde(
        rename = "What is most important to me",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub what_is_most_important_to_me: Option<SectionEntry>,
    /// People who are important to me.
    #[serde(
        rename = "People who are important to me",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub people_who_are_important_to_me: Option<SectionEntry>,
    /// How I communicate and how to communicate with me.
    #[serde(
        rename = "How I communicate and how to communicate with me",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub how_i_communicate: Option<SectionEntry>,
    /// My wellness.
    #[serde(
        rename = "My wellness",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub my_wellness: Option<SectionEntry>,
    /// Please do and please do not.
    #[serde(
        rename = "Please do and please do not",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub please_do_and_please_do_not: Option<SectionEntry>,
    /// How and when to support me.
    #[serde(
        rename = "How and when to support me",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub how_and_when_to_support_me: Option<SectionEntry>,
    /// Also worth knowing about me.
    #[serde(
        rename = "Also worth knowing about me",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub also_worth_knowing_about_me: Option<SectionEntry>,
    /// Who supported the person to write it: name, relationship or role,
    /// contact details.
    #[serde(
        rename = "Supported to write this by",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub supported_to_write_this_by: Option<String>,
    /// When it was written or last updated.
    #[serde(
        rename = "Date last updated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_last_updated: Option<NaiveDateTime>,
}

/// The dataset's two outer groups, for [`AboutMe::to_dataset_json`].
#[derive(Serialize, Deserialize)]
struct Dataset {
    #[serde(rename = "About Me")]
    about_me: DatasetAboutMe,
}

#[derive(Serialize, Deserialize)]
struct DatasetAboutMe {
    #[serde(rename = "About Me record entry")]
    entry: AboutMe,
}

// Headings under which the crate's lists are written.
const IMPORTANT_TO_ME: &str = "What is important to me";
const ALSO_IMPORTANT: &str = "Also important to me";
const PEOPLE: &str = "People who matter to me";
const TELLING_YOU: &str = "What I am telling you";
const TELLING_ME: &str = "How to tell me things";
const HEALTH: &str = "Important for me";
const INFORMATION: &str = "How I like to get information";
const CHOICES: &str = "How to give me choices";
const UNDERSTAND: &str = "Ways to help me understand";
const GOOD_TIMES: &str = "Good times to ask me to decide";
const BAD_TIMES: &str = "Please do not ask me to decide";
const AGREED: &str = "What we agreed";
const HOW_BEST: &str = "How best to support me";
const MY_WEEK: &str = "My week";
const APPRECIATE: &str = "What people like and admire about me";

impl AboutMe {
    /// An empty record entry, last updated at `updated`.
    pub fn new(updated: NaiveDateTime) -> Self {
        Self {
            what_is_most_important_to_me: None,
            people_who_are_important_to_me: None,
            how_i_communicate: None,
            my_wellness: None,
            please_do_and_please_do_not: None,
            how_and_when_to_support_me: None,
            also_worth_knowing_about_me: None,
            supported_to_write_this_by: None,
            date_last_updated: Some(updated),
        }
    }

    fn slot(&mut self, section: AboutMeSection) -> &mut Option<SectionEntry> {
        match section {
            AboutMeSection::WhatIsMostImportantToMe => &mut self.what_is_most_important_to_me,
            AboutMeSection::PeopleWhoAreImportantToMe => &mut self.people_who_are_important_to_me,
            AboutMeSection::HowICommunicate => &mut self.how_i_communicate,
            AboutMeSection::MyWellness => &mut self.my_wellness,
            AboutMeSection::PleaseDoAndPleaseDoNot => &mut self.please_do_and_please_do_not,
            AboutMeSection::HowAndWhenToSupportMe => &mut self.how_and_when_to_support_me,
            AboutMeSection::AlsoWorthKnowingAboutMe => &mut self.also_worth_knowing_about_me,
        }
    }

    fn entry_mut(&mut self, section: AboutMeSection) -> &mut SectionEntry {
        self.slot(section).get_or_insert_with(|| SectionEntry {
            coded_value: section.coded_value(),
            response: AboutMeResponse::default(),
        })
    }

    /// The section's entry, if it was written.
    pub fn section(&self, section: AboutMeSection) -> Option<&SectionEntry> {
        match section {
            AboutMeSection::WhatIsMostImportantToMe => self.what_is_most_important_to_me.as_ref(),
            AboutMeSection::PeopleWhoAreImportantToMe => {
                self.people_who_are_important_to_me.as_ref()
            }
            AboutMeSection::HowICommunicate => self.how_i_communicate.as_ref(),
            AboutMeSection::MyWellness => self.my_wellness.as_ref(),
            AboutMeSection::PleaseDoAndPleaseDoNot => self.please_do_and_please_do_not.as_ref(),
            AboutMeSection::HowAndWhenToSupportMe => self.how_and_when_to_support_me.as_ref(),
            AboutMeSection::AlsoWorthKnowingAboutMe => self.also_worth_knowing_about_me.as_ref(),
        }
    }

    /// The section's free text, if any.
    pub fn text(&self, section: AboutMeSection) -> Option<&str> {
        self.section(section)
            .and_then(|s| s.response.free_text.as_deref())
    }

    /// The sections written, in the dataset's order.
    pub fn sections(&self) -> impl Iterator<Item = (AboutMeSection, &SectionEntry)> {
        AboutMeSection::ALL
            .into_iter()
            .filter_map(|s| self.section(s).map(|entry| (s, entry)))
    }

    /// The same record with `text` as the section's free text (replacing
    /// any).
    pub fn with_text(mut self, section: AboutMeSection, text: impl Into<String>) -> Self {
        self.entry_mut(section).response.free_text = Some(text.into());
        self
    }

    /// The same record with `media` in the section (replacing any).
    pub fn with_multimedia(mut self, section: AboutMeSection, media: MultiMedia) -> Self {
        self.entry_mut(section).response.multimedia = Some(media);
        self
    }

    /// The same record naming who supported the person to write it.
    pub fn with_supported_by(mut self, who: impl Into<String>) -> Self {
        self.supported_to_write_this_by = Some(who.into());
        self
    }

    /// Writes About Me from `person`'s tools and, when given, the routines
    /// of their perfect week (see the [module docs](self) for where each
    /// goes). The report lists what About Me has no place for: the matching
    /// profile, the decision-making agreement (FHIR carries it as Consent),
    /// the evidence, category and priority of each important-to/for item,
    /// and photos or videos of the communication chart.
    ///
    /// # Errors
    /// [`InteropError::NoSections`] when the person has nothing to write in
    /// any section.
    pub fn from_person(
        person: &Person,
        routines: Option<&PerfectWeek>,
        updated: NaiveDateTime,
    ) -> Result<Exported<AboutMe>, InteropError> {
        let me = format!("person \"{}\"", person.id);
        let mut report = Report::new(STANDARD);
        let mut about = AboutMe::new(updated);
        let profile = &person.profile;
        let statements = |importance: Importance, people: Option<bool>| -> Vec<&str> {
            person
                .items(importance)
                .filter(|i| {
                    people
                        .is_none_or(|p| p == matches!(i.category, crate::person::Category::People))
                })
                .map(|i| i.statement.as_str())
                .collect()
        };

        let mut text = String::new();
        push_block(&mut text, IMPORTANT_TO_ME, &profile.important_to_me);
        push_block(
            &mut text,
            ALSO_IMPORTANT,
            &statements(Importance::To, Some(false)),
        );
        about.set(AboutMeSection::WhatIsMostImportantToMe, text);
        if let Some(photo) = &profile.photo {
            about = about.with_multimedia(
                AboutMeSection::WhatIsMostImportantToMe,
                MultiMedia::link(photo.clone()),
            );
        }

        let mut text = String::new();
        push_block(&mut text, PEOPLE, &statements(Importance::To, Some(true)));
        about.set(AboutMeSection::PeopleWhoAreImportantToMe, text);

        let chart = &person.communication;
        let telling_you: Vec<String> = chart
            .understanding
            .iter()
            .map(|row| {
                format!(
                    "{}, when {}, it may mean: {}. Please: {}",
                    row.context,
                    row.behaviour,
                    row.meanings.join("; or "),
                    row.response
                )
            })
            .collect();
        let telling_me: Vec<String> = chart
            .telling
            .iter()
            .map(|row| {
                format!(
                    "{}: {}. How you know I have understood: {}",
                    row.what_we_want_to_convey, row.how_we_do_it, row.how_we_know_they_understood
                )
            })
            .collect();
        for (i, row) in chart.understanding.iter().enumerate() {
            if !row.media.is_empty() {
                report.push(
                    format!("{me} communication chart row {} media", i + 1),
                    "About Me holds one multimedia file per section; the row's photos or videos stay in the crate's JSON",
                );
            }
        }
        let mut text = String::new();
        push_block(&mut text, TELLING_YOU, &telling_you);
        push_block(&mut text, TELLING_ME, &telling_me);
        about.set(AboutMeSection::HowICommunicate, text);

        let mut text = String::new();
        push_block(&mut text, HEALTH, &statements(Importance::For, None));
        about.set(AboutMeSection::MyWellness, text);

        let decisions = &person.decision_profile;
        let agreed: Vec<String> = person
            .balance
            .iter()
            .map(|b| format!("{} — we agreed: {}", b.tension, b.agreed_approach))
            .collect();
        let mut text = String::new();
        push_block(&mut text, INFORMATION, &decisions.how_i_like_information);
        push_block(&mut text, CHOICES, &decisions.how_to_present_choices);
        push_block(&mut text, UNDERSTAND, &decisions.ways_to_help_me_understand);
        push_block(&mut text, GOOD_TIMES, &decisions.good_times_to_decide);
        push_block(&mut text, BAD_TIMES, &decisions.bad_times_to_decide);
        push_block(&mut text, AGREED, &agreed);
        about.set(AboutMeSection::PleaseDoAndPleaseDoNot, text);

        let week: Vec<String> = routines
            .map(|week| {
                let mut activities: Vec<_> = week.activities.iter().collect();
                activities.sort_by_key(|a| (a.day.num_days_from_monday(), start_of(&a.timing)));
                activities.iter().map(|a| routine(a)).collect()
            })
            .unwrap_or_default();
        if let Some(week) = routines {
            report.push(
                format!("person \"{}\" perfect week", week.person),
                "each activity is written as a line of \"How and when to support me\"; the support it needs, who may give it and what pays for it are not (FHIR's CarePlan carries the week)",
            );
        }
        let mut text = String::new();
        push_block(&mut text, HOW_BEST, &profile.how_best_to_support_me);
        push_block(&mut text, MY_WEEK, &week);
        about.set(AboutMeSection::HowAndWhenToSupportMe, text);

        let mut text = String::new();
        push_block(&mut text, APPRECIATE, &profile.appreciations);
        about.set(AboutMeSection::AlsoWorthKnowingAboutMe, text);

        if about.sections().next().is_none() {
            return Err(InteropError::NoSections { item: me });
        }
        if !person.importance.is_empty() {
            report.push(
                format!("{me} importance items"),
                "each statement is written; its evidence, category and priority are not",
            );
        }
        if !person.decision_agreement.is_empty() {
            let deciders: Vec<String> = person
                .decision_agreement
                .iter()
                .map(|row| {
                    let who = match &row.final_decider {
                        Decider::Person => "the person".to_owned(),
                        Decider::Named(name) => name.clone(),
                        Decider::Shared(names) => names.join(" and "),
                        Decider::BestInterests => "a best-interests decision".to_owned(),
                    };
                    format!("{} ({who})", row.decision_area)
                })
                .collect();
            report.push(
                format!("{me} decision-making agreement"),
                format!(
                    "About Me has no section for who decides what ({}); FHIR carries it as one Consent per decision",
                    deciders.join(", ")
                ),
            );
        }
        if !person.matching.rows.is_empty() || !person.matching.excluded_workers.is_empty() {
            report.push(
                format!("{me} matching profile"),
                "About Me has no place for the skills, characteristics and workers the person wants or refuses; it stays in the crate's JSON",
            );
        }
        Ok(Exported::new(about, report))
    }

    /// Sets the section's free text, leaving the section out when `text` is
    /// empty.
    fn set(&mut self, section: AboutMeSection, text: String) {
        if !text.is_empty() {
            self.entry_mut(section).response.free_text = Some(text);
        }
    }

    /// Checks the record entry: at least one section, each carrying its own
    /// SNOMED CT code, and "Supported to write this by" within 150
    /// characters. `item` names the record in an error.
    ///
    /// # Errors
    /// [`InteropError::NoSections`], [`InteropError::WrongCode`] or
    /// [`InteropError::Conflict`], naming the record and section.
    pub fn validate(&self, item: &str) -> Result<(), InteropError> {
        if self.sections().next().is_none() {
            return Err(InteropError::NoSections {
                item: format!("About Me of {item}"),
            });
        }
        for (section, entry) in self.sections() {
            let code = &entry.coded_value;
            if code.code != section.snomed_code() || code.system != SNOMED_CT {
                return Err(InteropError::WrongCode {
                    item: format!("About Me of {item} section \"{}\"", section.name()),
                    expected: format!("{SNOMED_CT}|{}", section.snomed_code()),
                    found: format!("{}|{}", code.system, code.code),
                });
            }
        }
        if let Some(who) = &self.supported_to_write_this_by
            && who.chars().count() > SUPPORTED_BY_MAX_CHARS
        {
            return Err(InteropError::Conflict {
                item: format!("About Me of {item} \"Supported to write this by\""),
                reason: format!(
                    "{} characters, more than the dataset's {SUPPORTED_BY_MAX_CHARS}",
                    who.chars().count()
                ),
            });
        }
        Ok(())
    }

    /// Reads the one-page profile back (see the [module docs](self)).
    /// `person` names the record in the report and errors; the report
    /// lists every section, heading or line with no place in a one-page
    /// profile (it stays in this record).
    ///
    /// # Errors
    /// As [`AboutMe::validate`].
    pub fn to_profile(&self, person: &str) -> Result<Exported<OnePageProfile>, InteropError> {
        self.validate(person)?;
        let mut report = Report::new(STANDARD);
        let mut profile = OnePageProfile::default();
        let mine = [
            (AboutMeSection::WhatIsMostImportantToMe, IMPORTANT_TO_ME),
            (AboutMeSection::HowAndWhenToSupportMe, HOW_BEST),
            (AboutMeSection::AlsoWorthKnowingAboutMe, APPRECIATE),
        ];
        for (section, entry) in self.sections() {
            let item = format!("About Me of {person} section \"{}\"", section.name());
            let parsed = parse(entry.response.free_text.as_deref().unwrap_or(""));
            let heading = mine.iter().find(|(s, _)| *s == section).map(|(_, h)| *h);
            let target = match section {
                AboutMeSection::WhatIsMostImportantToMe => Some(&mut profile.important_to_me),
                AboutMeSection::HowAndWhenToSupportMe => Some(&mut profile.how_best_to_support_me),
                AboutMeSection::AlsoWorthKnowingAboutMe => Some(&mut profile.appreciations),
                _ => None,
            };
            match (heading, target) {
                (Some(heading), Some(target)) if parsed.blocks.is_empty() => {
                    if !parsed.prose.is_empty() {
                        target.extend(parsed.prose.iter().cloned());
                        report.push(
                            item.clone(),
                            format!(
                                "no headings: each line read as one statement of \"{heading}\""
                            ),
                        );
                    }
                }
                (Some(heading), Some(target)) => {
                    if let Some(items) = parsed.items(heading) {
                        target.extend(items.iter().cloned());
                    }
                    for block in parsed.blocks.iter().filter(|b| b.heading != heading) {
                        report.push(
                            format!("{item} \"{}\"", block.heading),
                            "no place in a one-page profile; kept in the About Me record",
                        );
                    }
                    if !parsed.prose.is_empty() {
                        report.push(
                            format!("{item} text outside the lists"),
                            "no place in a one-page profile; kept in the About Me record",
                        );
                    }
                }
                _ => {
                    if entry.response.free_text.is_some() {
                        report.push(
                            item.clone(),
                            "no place in a one-page profile; kept in the About Me record",
                        );
                    }
                }
            }
            if let Some(media) = &entry.response.multimedia {
                if section == AboutMeSection::WhatIsMostImportantToMe && media.url.is_some() {
                    profile.photo = media.url.clone();
                    if media.filename.is_some() || media.mime_type.is_some() || media.file.is_some()
                    {
                        report.push(
                            format!("{item} multimedia"),
                            "its URL is the profile's photo; its name, type and inline file stay in the About Me record",
                        );
                    }
                } else {
                    report.push(
                        format!("{item} multimedia"),
                        "a one-page profile holds one photo, read from \"What is most important to me\"; kept in the About Me record",
                    );
                }
            }
        }
        if self.supported_to_write_this_by.is_some() {
            report.push(
                format!("About Me of {person} \"Supported to write this by\""),
                "a one-page profile does not say who helped write it; kept in the About Me record",
            );
        }
        Ok(Exported::new(profile, report))
    }

    /// The record entry as the PRSB dataset's JSON: `{"About Me": {"About
    /// Me record entry": {…}}}`, pretty-printed.
    ///
    /// # Errors
    /// Serialising plain data does not fail; the error is serde's.
    pub fn to_dataset_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&Dataset {
            about_me: DatasetAboutMe {
                entry: self.clone(),
            },
        })
    }

    /// Reads the PRSB dataset's JSON written by
    /// [`AboutMe::to_dataset_json`] (or by other software in that shape)
    /// and checks it with [`AboutMe::validate`].
    ///
    /// # Errors
    /// [`InteropError::Malformed`] naming the place in the document (`About
    /// Me.About Me record entry.My wellness…`) for JSON not in the
    /// dataset's shape; otherwise as [`AboutMe::validate`].
    pub fn from_dataset_json(json: &str) -> Result<AboutMe, InteropError> {
        let reader = &mut serde_json::Deserializer::from_str(json);
        let dataset: Dataset =
            serde_path_to_error::deserialize(reader).map_err(|e| InteropError::Malformed {
                item: format!("About Me document at {}", e.path()),
                reason: e.inner().to_string(),
            })?;
        let about = dataset.about_me.entry;
        about.validate("the document")?;
        Ok(about)
    }
}

/// Minutes from midnight of an activity's (preferred) start, for ordering.
fn start_of(timing: &Timing) -> chrono::NaiveTime {
    match timing {
        Timing::Fixed { start } => *start,
        Timing::Flexible { preferred, .. } => *preferred,
    }
}

/// An activity of the week as a line: "Tuesday 10:00, 90 minutes: Swimming".
fn routine(activity: &crate::week::Activity) -> String {
    let day = day_name(activity.day);
    let when = match &activity.timing {
        Timing::Fixed { start } => clock(*start),
        Timing::Flexible {
            earliest,
            latest_end,
            preferred,
            ..
        } => format!(
            "between {} and {}, best at {}",
            clock(*earliest),
            clock(*latest_end),
            clock(*preferred)
        ),
    };
    format!(
        "{day} {when}, {} minutes: {}",
        activity.minutes, activity.name
    )
}

/// Every version of a person's About Me, oldest first; a new version is
/// added, never written over an old one.
///
/// ```
/// use perfect_week::chrono::NaiveDate;
/// use perfect_week::interop::about_me::{AboutMe, AboutMeHistory, AboutMeSection};
///
/// let at = |day| NaiveDate::from_ymd_opt(2026, 3, day).and_then(|d| d.and_hms_opt(9, 0, 0))
///     .ok_or("date");
/// let mut history = AboutMeHistory::new("ava");
/// history.record(AboutMe::new(at(1)?).with_text(AboutMeSection::MyWellness, "Well"))?;
/// history.record(AboutMe::new(at(9)?).with_text(AboutMeSection::MyWellness, "Tired"))?;
/// assert_eq!(history.versions().len(), 2);
/// assert_eq!(history.latest().and_then(|a| a.text(AboutMeSection::MyWellness)), Some("Tired"));
/// // An entry dated before the latest is refused, not slotted in.
/// assert!(history.record(AboutMe::new(at(5)?).with_text(AboutMeSection::MyWellness, "?")).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "HistoryData")]
pub struct AboutMeHistory {
    person: PersonId,
    versions: Vec<AboutMe>,
}

/// The serde form of [`AboutMeHistory`], checked on the way in.
#[derive(Deserialize)]
struct HistoryData {
    person: PersonId,
    versions: Vec<AboutMe>,
}

impl TryFrom<HistoryData> for AboutMeHistory {
    type Error = InteropError;

    fn try_from(data: HistoryData) -> Result<Self, Self::Error> {
        let mut history = AboutMeHistory::new(data.person);
        for about in data.versions {
            history.record(about)?;
        }
        Ok(history)
    }
}

impl AboutMeHistory {
    /// A person's history, with no version yet.
    pub fn new(person: impl Into<PersonId>) -> Self {
        Self {
            person: person.into(),
            versions: Vec::new(),
        }
    }

    /// Whose About Me it is.
    pub fn person(&self) -> &PersonId {
        &self.person
    }

    /// Adds `about` as the newest version and returns its number (from 1).
    ///
    /// # Errors
    /// The version is checked with [`AboutMe::validate`]; it must carry its
    /// "Date last updated", no earlier than the latest version's
    /// ([`InteropError::Missing`], [`InteropError::Conflict`]).
    pub fn record(&mut self, about: AboutMe) -> Result<usize, InteropError> {
        let number = self.versions.len() + 1;
        let item = format!("person \"{}\" About Me version {number}", self.person);
        about.validate(&item)?;
        let Some(date) = about.date_last_updated else {
            return Err(InteropError::Missing {
                item,
                what: "\"Date last updated\"".into(),
            });
        };
        if let Some(latest) = self.latest().and_then(|a| a.date_last_updated)
            && date < latest
        {
            return Err(InteropError::Conflict {
                item,
                reason: format!("last updated {date}, before the latest version's {latest}"),
            });
        }
        self.versions.push(about);
        Ok(number)
    }

    /// The version in view: the latest.
    pub fn latest(&self) -> Option<&AboutMe> {
        self.versions.last()
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> &[AboutMe] {
        &self.versions
    }

    /// The version in force at `at`: the latest updated at or before it.
    pub fn as_at(&self, at: NaiveDateTime) -> Option<&AboutMe> {
        self.versions
            .iter()
            .rev()
            .find(|a| a.date_last_updated.is_some_and(|d| d <= at))
    }
}
