//! CSV, one row per seat of each session.

use std::fmt::Write as _;

use crate::rota::Rota;
use crate::week::Funding;

/// The rota as CSV (RFC 4180, CRLF line ends): one row per worker on each
/// session, one row with an empty worker for each seat still unfilled, and
/// one row for a session that needs no worker. Columns:
/// `date,start,end,minutes,person,activity,what,worker_id,worker,funding,charge`.
/// Times are local. `charge` is the session's whole charge to the fund,
/// repeated on each of its rows: to total charges, count one row per session.
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
                entry.date.to_string(),
                entry.local_start.format("%H:%M").to_string(),
                entry.local_end.format("%H:%M").to_string(),
                entry.minutes().to_string(),
                entry
                    .person
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                entry
                    .activity
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                entry.what.clone(),
                id,
                name,
                funding_name(entry.funding).to_owned(),
                entry.charge.to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
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
    use super::quote;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("tea, two sugars"), "\"tea, two sugars\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
