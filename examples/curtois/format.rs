//! The text format of the Curtois & Qu shift-scheduling instances, and of the
//! rosters the `curtois` example writes.
//!
//! Shared by the example, its tests and its benches with
//! `#[path = "../examples/curtois/format.rs"] mod format;`: it is not part of
//! the crate's API.
//!
//! # Instances
//! Plain text, CRLF or LF line endings. A line whose first non-blank character
//! is `#` is a comment; blank lines are ignored; a line `SECTION_<NAME>` starts
//! a section; data lines are comma separated (fields trimmed). The sections,
//! each required exactly once, in any order:
//!
//! * `SECTION_HORIZON`: one line, the number of days `H` (whole weeks; day 0
//!   is a Monday).
//! * `SECTION_SHIFTS`: `ShiftID, LengthInMinutes, CannotFollow` where
//!   `CannotFollow` is a `|`-separated, possibly empty, list of shift ids that
//!   may not be worked the day after this shift.
//! * `SECTION_STAFF`: `ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes,
//!   MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff,
//!   MaxWeekends` with `MaxShifts` a `|`-separated list of `ShiftID=max`
//!   (a shift type not listed has no limit).
//! * `SECTION_DAYS_OFF`: `EmployeeID, day, day, …`.
//! * `SECTION_SHIFT_ON_REQUESTS` / `SECTION_SHIFT_OFF_REQUESTS`:
//!   `EmployeeID, Day, ShiftID, Weight`.
//! * `SECTION_COVER`: `Day, ShiftID, Requirement, WeightUnder, WeightOver`,
//!   at most one row per day and shift.
//!
//! Numbers are whole and at least 0; a signed zero (`-0`) is read as 0.
//!
//! Every error names the file and the line (the line past the end for a
//! section that is missing, as in a truncated file); parsing never panics.
//!
//! # Rosters
//! One line per employee, in `SECTION_STAFF` order; on each, one
//! whitespace-separated token per day: the shift id worked, or `-` for a day
//! off.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// A parsed instance. Employees and shifts are referred to by their index in
/// [`Instance::staff`] and [`Instance::shifts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// The file name it was read from (for messages).
    pub name: String,
    /// Number of days; a positive multiple of 7.
    pub horizon: usize,
    /// The shift types, in file order.
    pub shifts: Vec<Shift>,
    /// The employees, in file order.
    pub staff: Vec<Employee>,
    /// Requests to work a shift on a day (penalty if not granted).
    pub on_requests: Vec<Request>,
    /// Requests not to work a shift on a day (penalty if worked).
    pub off_requests: Vec<Request>,
    /// Preferred head-counts, at most one row per day and shift.
    pub cover: Vec<CoverRow>,
}

/// A shift type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    /// Its id, e.g. `D`.
    pub id: String,
    /// Length in minutes, 1 to 1440.
    pub minutes: i64,
    /// Shift indices that may not be worked the day after this one.
    pub cannot_follow: Vec<usize>,
}

/// An employee and their limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employee {
    /// Their id, e.g. `A`.
    pub id: String,
    /// Most shifts of each type (indexed by shift); `None`: not limited.
    pub max_shifts: Vec<Option<u32>>,
    /// Most minutes over the horizon.
    pub max_total_minutes: i64,
    /// Fewest minutes over the horizon.
    pub min_total_minutes: i64,
    /// Most consecutive working days.
    pub max_consecutive_shifts: u32,
    /// Fewest consecutive working days in a run.
    pub min_consecutive_shifts: u32,
    /// Fewest consecutive days off in a run.
    pub min_consecutive_days_off: u32,
    /// Most weekends with any work.
    pub max_weekends: u32,
    /// Days they must not work, in file order, each once.
    pub days_off: Vec<usize>,
}

/// A shift-on or shift-off request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// Employee index.
    pub employee: usize,
    /// Day index.
    pub day: usize,
    /// Shift index.
    pub shift: usize,
    /// Penalty when not met.
    pub weight: i64,
}

/// A preferred head-count for one shift on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverRow {
    /// Day index.
    pub day: usize,
    /// Shift index.
    pub shift: usize,
    /// Wanted number of employees.
    pub requirement: u32,
    /// Penalty per missing employee.
    pub under_weight: i64,
    /// Penalty per extra employee.
    pub over_weight: i64,
}

/// A roster as a grid: `grid[employee][day]` is the shift worked, or `None`.
pub type Grid = Vec<Vec<Option<usize>>>;

impl Instance {
    /// Index of the shift with this id.
    pub fn shift_index(&self, id: &str) -> Option<usize> {
        self.shifts.iter().position(|s| s.id == id)
    }

    /// Number of fixed days off over all employees.
    pub fn days_off_count(&self) -> usize {
        self.staff.iter().map(|e| e.days_off.len()).sum()
    }

    /// The cover row of a day and shift, if any.
    pub fn cover_row(&self, day: usize, shift: usize) -> Option<&CoverRow> {
        self.cover.iter().find(|c| c.day == day && c.shift == shift)
    }
}

/// An error reading an instance or a roster: the file, the line (1-based)
/// when there is one, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The file name.
    pub file: String,
    /// The line, 1-based; `None` when the file could not be read at all.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// The file name of a path, for messages.
fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads a file as UTF-8 text; an error names the line of the first bad byte.
fn read_text(path: &Path) -> Result<(String, String), ParseError> {
    let name = display_name(path);
    let bytes = std::fs::read(path).map_err(|e| ParseError {
        file: name.clone(),
        line: None,
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(ParseError {
                file: name,
                line: Some(line),
                message: "not UTF-8 text".to_owned(),
            })
        }
    }
}

/// Reads and parses an instance file.
pub fn read_instance(path: &Path) -> Result<Instance, ParseError> {
    let (name, text) = read_text(path)?;
    parse_instance(&name, &text)
}

/// Reads and parses a roster file for `instance`.
pub fn read_roster(instance: &Instance, path: &Path) -> Result<Grid, ParseError> {
    let (name, text) = read_text(path)?;
    parse_roster(instance, &name, &text)
}

const SECTIONS: [&str; 7] = [
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
];

/// The fewest and most fields of a data line in each section (a shift's
/// empty CannotFollow may be left out with its comma; a days-off line lists
/// any number of days).
const FIELDS: [(usize, usize); 7] = [
    (1, 1),
    (2, 3),
    (8, 8),
    (1, usize::MAX),
    (4, 4),
    (4, 4),
    (5, 5),
];

/// One data line: its 1-based number and its fields, trimmed.
struct Line<'a> {
    number: usize,
    fields: Vec<&'a str>,
}

/// Parses instance text; `name` is the file name used in messages.
pub fn parse_instance(name: &str, text: &str) -> Result<Instance, ParseError> {
    let fail = |line: usize, message: String| ParseError {
        file: name.to_owned(),
        line: Some(line),
        message,
    };

    // Pass 1: split into sections of data lines.
    let mut sections: Vec<Option<Vec<Line<'_>>>> = (0..SECTIONS.len()).map(|_| None).collect();
    let mut current: Option<usize> = None;
    let mut last_line = 0;
    for (index, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let number = index + 1;
        last_line = number;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("SECTION_") {
            let Some(s) = SECTIONS.iter().position(|&h| h == line) else {
                return Err(fail(number, format!("unknown section {line}")));
            };
            if sections[s].is_some() {
                return Err(fail(number, format!("{line} appears twice")));
            }
            sections[s] = Some(Vec::new());
            current = Some(s);
            continue;
        }
        let Some(s) = current else {
            return Err(fail(number, "data before any SECTION_ line".to_owned()));
        };
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        // Field counts are checked here, in file order, so that a file cut
        // inside a line is reported at that line.
        let (fewest, most) = FIELDS[s];
        if fields.len() < fewest || fields.len() > most {
            return Err(fail(
                number,
                format!(
                    "{}: expected {most} fields, found {}",
                    SECTIONS[s],
                    fields.len()
                ),
            ));
        }
        if let Some(lines) = sections[s].as_mut() {
            lines.push(Line { number, fields });
        }
    }
    let mut sections = sections.into_iter();
    let mut take = |what: &str| -> Result<Vec<Line<'_>>, ParseError> {
        sections.next().flatten().ok_or_else(|| {
            fail(
                last_line + 1,
                format!("end of file: {what} is missing (truncated file?)"),
            )
        })
    };
    let horizon_lines = take(SECTIONS[0])?;
    let shift_lines = take(SECTIONS[1])?;
    let staff_lines = take(SECTIONS[2])?;
    let days_off_lines = take(SECTIONS[3])?;
    let on_lines = take(SECTIONS[4])?;
    let off_lines = take(SECTIONS[5])?;
    let cover_lines = take(SECTIONS[6])?;

    // Pass 2: each section, in dependency order.
    let horizon = match horizon_lines.as_slice() {
        [line] => {
            let days: usize = number(line.fields[0], "number of days")
                .map_err(|m| fail(line.number, format!("SECTION_HORIZON: {m}")))?;
            if days == 0 || !days.is_multiple_of(7) {
                return Err(fail(
                    line.number,
                    format!("SECTION_HORIZON: {days} days is not a whole number of weeks"),
                ));
            }
            days
        }
        [] => {
            return Err(fail(
                last_line + 1,
                "SECTION_HORIZON has no number of days".to_owned(),
            ));
        }
        [_, extra, ..] => {
            return Err(fail(
                extra.number,
                "SECTION_HORIZON: expected one line, the number of days".to_owned(),
            ));
        }
    };

    // Shifts: ids and lengths first, then CannotFollow (which may name a
    // shift defined further down).
    let mut shifts: Vec<Shift> = Vec::new();
    for line in &shift_lines {
        let id = line.fields[0];
        let at = |m: String| fail(line.number, format!("SECTION_SHIFTS: {m}"));
        if id.is_empty() {
            return Err(at("empty shift id".to_owned()));
        }
        if shifts.iter().any(|s| s.id == id) {
            return Err(at(format!("shift {id} is defined twice")));
        }
        let minutes: i64 = number(line.fields[1], "length in minutes").map_err(at)?;
        if !(1..=1440).contains(&minutes) {
            return Err(at(format!(
                "shift {id} lasts {minutes} minutes; expected 1 to 1440"
            )));
        }
        shifts.push(Shift {
            id: id.to_owned(),
            minutes,
            cannot_follow: Vec::new(),
        });
    }
    let shift_index: HashMap<String, usize> = shifts
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let find_shift = |id: &str, line: usize, section: &str| -> Result<usize, ParseError> {
        shift_index
            .get(id)
            .copied()
            .ok_or_else(|| fail(line, format!("{section}: unknown shift id \"{id}\"")))
    };
    for (shift, line) in shifts.iter_mut().zip(&shift_lines) {
        for id in line.fields.get(2).into_iter().flat_map(|f| f.split('|')) {
            let id = id.trim();
            if !id.is_empty() {
                shift
                    .cannot_follow
                    .push(find_shift(id, line.number, "SECTION_SHIFTS")?);
            }
        }
    }

    let mut staff: Vec<Employee> = Vec::new();
    for line in &staff_lines {
        let f = &line.fields;
        let at = |m: String| fail(line.number, format!("SECTION_STAFF: {m}"));
        let id = f[0];
        if id.is_empty() {
            return Err(at("empty employee id".to_owned()));
        }
        if staff.iter().any(|e| e.id == id) {
            return Err(at(format!("employee {id} is listed twice")));
        }
        let mut max_shifts = vec![None; shifts.len()];
        for entry in f[1].split('|').map(str::trim).filter(|e| !e.is_empty()) {
            let Some((shift, max)) = entry.split_once('=') else {
                return Err(at(format!(
                    "bad MaxShifts entry \"{entry}\": expected ShiftID=max"
                )));
            };
            let shift = find_shift(shift.trim(), line.number, "SECTION_STAFF")?;
            max_shifts[shift] = Some(number(max.trim(), "MaxShifts").map_err(at)?);
        }
        let employee = Employee {
            id: id.to_owned(),
            max_shifts,
            max_total_minutes: number(f[2], "MaxTotalMinutes").map_err(at)?,
            min_total_minutes: number(f[3], "MinTotalMinutes").map_err(at)?,
            max_consecutive_shifts: number(f[4], "MaxConsecutiveShifts").map_err(at)?,
            min_consecutive_shifts: number(f[5], "MinConsecutiveShifts").map_err(at)?,
            min_consecutive_days_off: number(f[6], "MinConsecutiveDaysOff").map_err(at)?,
            max_weekends: number(f[7], "MaxWeekends").map_err(at)?,
            days_off: Vec::new(),
        };
        if employee.min_total_minutes > employee.max_total_minutes {
            return Err(at(format!(
                "employee {id}: MinTotalMinutes is above MaxTotalMinutes"
            )));
        }
        staff.push(employee);
    }
    let employee_index: HashMap<String, usize> = staff
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let find_employee = |id: &str, line: usize, section: &str| -> Result<usize, ParseError> {
        employee_index
            .get(id)
            .copied()
            .ok_or_else(|| fail(line, format!("{section}: unknown employee id \"{id}\"")))
    };
    let day = |field: &str, line: usize, section: &str| -> Result<usize, ParseError> {
        let day: usize = number(field, "day").map_err(|m| fail(line, format!("{section}: {m}")))?;
        if day >= horizon {
            return Err(fail(
                line,
                format!("{section}: day {day} is outside the horizon of {horizon} days"),
            ));
        }
        Ok(day)
    };

    for line in &days_off_lines {
        const S: &str = "SECTION_DAYS_OFF";
        let employee = find_employee(line.fields[0], line.number, S)?;
        for field in &line.fields[1..] {
            let d = day(field, line.number, S)?;
            if !staff[employee].days_off.contains(&d) {
                staff[employee].days_off.push(d);
            }
        }
    }

    let requests = |lines: &[Line<'_>], section: &str| -> Result<Vec<Request>, ParseError> {
        lines
            .iter()
            .map(|line| {
                let f = &line.fields;
                Ok(Request {
                    employee: find_employee(f[0], line.number, section)?,
                    day: day(f[1], line.number, section)?,
                    shift: find_shift(f[2], line.number, section)?,
                    weight: number(f[3], "weight")
                        .map_err(|m| fail(line.number, format!("{section}: {m}")))?,
                })
            })
            .collect()
    };
    let on_requests = requests(&on_lines, SECTIONS[4])?;
    let off_requests = requests(&off_lines, SECTIONS[5])?;

    let mut cover: Vec<CoverRow> = Vec::new();
    for line in &cover_lines {
        const S: &str = "SECTION_COVER";
        let f = &line.fields;
        let at = |m: String| fail(line.number, format!("{S}: {m}"));
        let row = CoverRow {
            day: day(f[0], line.number, S)?,
            shift: find_shift(f[1], line.number, S)?,
            requirement: number(f[2], "Requirement").map_err(at)?,
            under_weight: number(f[3], "weight for under").map_err(at)?,
            over_weight: number(f[4], "weight for over").map_err(at)?,
        };
        if cover
            .iter()
            .any(|c| c.day == row.day && c.shift == row.shift)
        {
            return Err(at(format!(
                "a second row for day {} shift {}",
                row.day, shifts[row.shift].id
            )));
        }
        cover.push(row);
    }

    Ok(Instance {
        name: name.to_owned(),
        horizon,
        shifts,
        staff,
        on_requests,
        off_requests,
        cover,
    })
}

/// Parses a whole number that is at least 0 (every number in the format is).
/// A signed zero (`-0`, `+0`) is zero: official files write cover
/// requirements that way.
fn number<T: std::str::FromStr>(field: &str, what: &str) -> Result<T, String> {
    let digits = field
        .strip_prefix(['-', '+'])
        .filter(|rest| !rest.is_empty() && rest.bytes().all(|b| b == b'0'))
        .unwrap_or(field);
    digits
        .parse()
        .map_err(|_| format!("bad {what} \"{field}\": expected a whole number, 0 or more"))
}

/// Parses roster text for `instance`; `name` is the file name used in
/// messages.
pub fn parse_roster(instance: &Instance, name: &str, text: &str) -> Result<Grid, ParseError> {
    let fail = |line: usize, message: String| ParseError {
        file: name.to_owned(),
        line: Some(line),
        message,
    };
    let mut grid = Grid::new();
    let mut last_line = 0;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        last_line = number;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(employee) = instance.staff.get(grid.len()) else {
            return Err(fail(
                number,
                format!("more lines than the {} employees", instance.staff.len()),
            ));
        };
        let tokens: Vec<&str> = line.split_whitespace().collect();
        if tokens.len() != instance.horizon {
            return Err(fail(
                number,
                format!(
                    "employee {}: expected {} days, found {}",
                    employee.id,
                    instance.horizon,
                    tokens.len()
                ),
            ));
        }
        let row = tokens
            .iter()
            .map(|&token| match token {
                "-" => Ok(None),
                id => instance
                    .shift_index(id)
                    .map(Some)
                    .ok_or_else(|| fail(number, format!("unknown shift id \"{id}\""))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        grid.push(row);
    }
    if grid.len() != instance.staff.len() {
        return Err(fail(
            last_line + 1,
            format!(
                "end of file after {} of {} employees",
                grid.len(),
                instance.staff.len()
            ),
        ));
    }
    Ok(grid)
}

/// Writes a roster: one line per employee, one token per day.
pub fn write_roster(instance: &Instance, grid: &Grid) -> String {
    let mut out = String::new();
    for row in grid {
        let tokens: Vec<&str> = row
            .iter()
            .map(|cell| cell.map_or("-", |s| instance.shifts[s].id.as_str()))
            .collect();
        out.push_str(&tokens.join(" "));
        out.push('\n');
    }
    out
}
