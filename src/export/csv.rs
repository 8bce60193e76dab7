//! CSV, one row per seat of each session.

use std::fmt::Write as _;

use crate::rota::Rota;
use crate::week::Funding;

/// The rota as CSV (RFC 4180, CRLF line ends): one row per worker on each
/// session, one row with an empty worker for each seat still unfilled, and
/// one row for a session that needs no worker. Columns:
/// `date,start,end,minutes,person,activity,what,worker_id,worker,funding,charge`.
/// Times are local, "HH:MM", with the offset from UTC where the clock alone
/// could be read two ways ("01:30 (UTC+01:00)", as
/// [`RotaEntry::times`](crate::rota::RotaEntry::times) says). `charge` is the session's whole charge to the fund,
/// repeated on each of its rows: to total charges, count one row per session.
///
/// Names and descriptions come from people and staff, so a text cell
/// (`person`, `activity`, `what`, `worker_id`, `worker`) that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`:
/// spreadsheet programs would otherwise run it as a formula (CSV
/// injection). The rest of the text is kept as it was.
///
/// ```
/// # use perfect_week::export::to_csv;
/// # fn show(rota: &perfect_week::rota::Rota) {
/// let text = to_csv(rota);
/// assert!(text.starts_with("date,start,end"));
/// # }
/// ```
pub fn to_csv(rota: &Rota) -> String {
    let mut out = String::from(
        "date,start,end,minutes,person,activity,what,worker_id,worker,funding,charge\r\n",
    );
    for entry in &rota.entries {
        let mut seats: Vec<(String, String)> = entry
            .workers
            .iter()
            .map(|w| (w.id.to_string(), w.name.clone()))
            .collect();
        let empty = (entry.needed as usize).saturating_sub(seats.len());
        seats.extend(std::iter::repeat_n((String::new(), String::new()), empty));
        if seats.is_empty() {
            seats.push((String::new(), String::new()));
        }
        for (id, name) in seats {
            let fields = [
                quote(&entry.date.to_string()),
                quote(&entry.start_clock(Some(rota.period.zone))),
                quote(&entry.end_clock(Some(rota.period.zone))),
                quote(&entry.minutes().to_string()),
                text(
                    &entry
                        .person
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
                text(
                    &entry
                        .activity
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
                text(&entry.what),
                text(&id),
                text(&name),
                quote(funding_name(entry.funding)),
                quote(&entry.charge.to_string()),
            ];
            let line: Vec<&str> = fields.iter().map(String::as_str).collect();
            let _ = write!(out, "{}\r\n", line.join(","));
        }
    }
    out
}

fn funding_name(funding: Funding) -> &'static str {
    match funding {
        Funding::Flexi => "flexi",
        Funding::Core => "core",
        Funding::Unpaid => "unpaid",
        Funding::Community => "community",
    }
}

/// A text cell: a leading `'` when a spreadsheet would read the text as a
/// formula, then quoted as any field.
fn text(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        quote(&format!("'{field}"))
    } else {
        quote(field)
    }
}

/// Quotes a field when it holds a comma, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{quote, text};

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("tea, two sugars"), "\"tea, two sugars\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn text_that_would_run_as_a_formula_is_kept_as_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("+44 7700"), "'+44 7700");
        assert_eq!(text("-sam"), "'-sam");
        assert_eq!(text("@home"), "'@home");
        assert_eq!(text("\tcell"), "'\tcell");
        assert_eq!(text("\rcell"), "\"'\rcell\"");
        assert_eq!(text("Ava"), "Ava");
        assert_eq!(text(""), "");
        assert_eq!(text("swim, then tea"), "\"swim, then tea\"");
        // Only the first character counts.
        assert_eq!(text("a=b"), "a=b");
    }
}
