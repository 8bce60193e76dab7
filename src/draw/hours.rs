//! One worker's weeks: hours planned against their contract.

use chrono::Duration;

use super::hours_words;
use super::svg::{Fill, Svg};
use crate::rota::RotaEntry;
use crate::solver::AverageWeek;
use crate::staff::Worker;

const LEFT: f64 = 190.0;
const TOP: f64 = 70.0;
const ROW: f64 = 64.0;
const BAR: f64 = 26.0;
const SCALE_WIDTH: f64 = 560.0;
const FONT: f64 = 11.0;
/// The working-time average limit drawn on each week, in minutes: the
/// solver's default rule (Working Time Regulations: 48 hours), not a second
/// definition of it.
const AVERAGE_LIMIT: i64 = AverageWeek::DEFAULT_MAX_MINUTES;

/// Draws `worker`'s planned hours in each of `weeks` weeks from `start`
/// (a Monday) against their contract: a bar per week labelled with its
/// hours, a solid line at the contract's maximum, a dashed one at its
/// minimum, and the part of a bar above the maximum hatched and labelled
/// OVER. The last row gives the average week against the 48-hour limit.
///
/// Hours are real elapsed time of the `entries` the worker is on, counted
/// in the week of the date each starts. The result is a standalone SVG
/// document with a `<title>` and a `<desc>` that says every figure in
/// words.
///
/// ```
/// use chrono::NaiveDate;
/// use perfect_week::draw::worker_weeks;
/// use perfect_week::staff::{Contract, Worker};
///
/// let contract = Contract::new(40 * 60, "12.71".parse()?).with_min_minutes_per_week(16 * 60);
/// let born = NaiveDate::from_ymd_opt(1990, 1, 1).ok_or("date")?;
/// let sam = Worker::new("sam", "Sam Jones", born, contract);
/// let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
/// let svg = worker_weeks(&sam, &[], monday, 4);
/// assert!(svg.contains("Week 4") && svg.contains("max 40 h"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn worker_weeks(
    worker: &Worker,
    entries: &[RotaEntry],
    start: chrono::NaiveDate,
    weeks: u32,
) -> String {
    let worked: Vec<i64> = (0..i64::from(weeks))
        .map(|week| {
            let from = start + Duration::days(7 * week);
            let to = from + Duration::days(7);
            entries
                .iter()
                .filter(|e| e.date >= from && e.date < to)
                .filter(|e| e.workers.iter().any(|w| w.id == worker.id))
                .map(RotaEntry::minutes)
                .sum()
        })
        .collect();
    let contract = &worker.contract;
    let (min, max) = (
        i64::from(contract.min_minutes_per_week),
        i64::from(contract.max_minutes_per_week),
    );
    let average = worked.iter().sum::<i64>() / i64::from(weeks.max(1));
    let top = worked
        .iter()
        .copied()
        .chain([max, AVERAGE_LIMIT])
        .max()
        .unwrap_or(AVERAGE_LIMIT)
        .max(60);
    let x_of = |minutes: i64| LEFT + minutes as f64 / top as f64 * SCALE_WIDTH;

    let name = &worker.name;
    let title = format!(
        "{name}: hours planned in {weeks} weeks from {}, against the contract",
        start.format("%-d %B %Y")
    );
    let rows: Vec<String> = worked
        .iter()
        .enumerate()
        .map(|(i, m)| format!("week {}: {}", i + 1, hours_words(*m)))
        .collect();
    let desc = format!(
        "{name}'s contract is {} to {} a week. Planned: {}. Average {} a week{}.",
        hours_words(min),
        hours_words(max),
        rows.join(", "),
        hours_words(average),
        if contract.opted_out_of_48h {
            " (opted out of the 48-hour average)"
        } else {
            " against the 48-hour average limit"
        }
    );
    let height = TOP + (f64::from(weeks) + 1.0) * ROW + 40.0;
    let width = LEFT + SCALE_WIDTH + 300.0;
    let mut svg = Svg::new(width, height, &title, &desc);
    svg.text(20.0, 26.0, 16.0, true, "start", &title);
    svg.text(
        20.0,
        46.0,
        FONT,
        false,
        "start",
        "Solid line: contract maximum. Dashed line: contract minimum. Hatched and OVER: above the maximum.",
    );

    let bottom = TOP + f64::from(weeks) * ROW;
    svg.group(&format!("Contract maximum {}", hours_words(max)));
    svg.line((x_of(max), TOP - 8.0), (x_of(max), bottom), false);
    svg.text(
        x_of(max),
        TOP - 10.0,
        FONT,
        true,
        "middle",
        &format!("max {}", hours_words(max)),
    );
    svg.end_group();
    if min > 0 {
        svg.group(&format!("Contract minimum {}", hours_words(min)));
        svg.line((x_of(min), TOP - 8.0), (x_of(min), bottom), true);
        svg.text(
            x_of(min),
            bottom + 14.0,
            FONT,
            false,
            "middle",
            &format!("min {}", hours_words(min)),
        );
        svg.end_group();
    }

    for (i, minutes) in worked.iter().enumerate() {
        let y = TOP + i as f64 * ROW + 8.0;
        let monday = start + Duration::days(7 * i as i64);
        let label = format!("Week {} (from {})", i + 1, monday.format("%a %-d %b"));
        let mut words = hours_words(*minutes);
        if *minutes > max {
            words.push_str(&format!(", OVER by {}", hours_words(minutes - max)));
        } else if *minutes < min {
            words.push_str(&format!(
                ", under the minimum by {}",
                hours_words(min - minutes)
            ));
        }
        svg.group(&format!("{label}: {words}"));
        svg.text(LEFT - 10.0, y + BAR / 2.0 + 4.0, FONT, false, "end", &label);
        let within = (*minutes).min(max);
        svg.rect(LEFT, y, x_of(within) - LEFT, BAR, Fill::Shaded);
        if *minutes > max {
            svg.rect(x_of(max), y, x_of(*minutes) - x_of(max), BAR, Fill::Hatched);
        }
        svg.text(
            x_of(*minutes) + 6.0,
            y + BAR / 2.0 + 4.0,
            FONT,
            true,
            "start",
            &words,
        );
        svg.end_group();
    }

    let y = bottom + 30.0;
    let limit = if contract.opted_out_of_48h {
        "opted out of the 48-hour average".to_owned()
    } else {
        format!("limit {}", hours_words(AVERAGE_LIMIT))
    };
    let words = format!("Average week: {} ({limit})", hours_words(average));
    svg.group(&words);
    svg.line((LEFT, y), (x_of(average), y), false);
    svg.line(
        (x_of(AVERAGE_LIMIT), y - 8.0),
        (x_of(AVERAGE_LIMIT), y + 8.0),
        false,
    );
    svg.text(LEFT - 10.0, y + 4.0, FONT, true, "end", "Average week");
    svg.text(
        x_of(AVERAGE_LIMIT),
        y + 20.0,
        FONT,
        false,
        "middle",
        &hours_words(AVERAGE_LIMIT),
    );
    svg.text(x_of(average) + 6.0, y + 4.0, FONT, false, "start", &words);
    svg.end_group();
    svg.finish()
}
