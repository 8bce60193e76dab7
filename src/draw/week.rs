//! A person's perfect week beside the week the rota plans.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::svg::{Fill, Svg};
use super::{clock, day_name};
use crate::rota::RotaEntry;
use crate::week::{Activity, PerfectWeek, Timing};

const LEFT: f64 = 52.0;
const TOP: f64 = 96.0;
const COLUMN: f64 = 104.0;
const DAY_GAP: f64 = 14.0;
const PER_MINUTE: f64 = 0.9;
const FONT: f64 = 10.0;
const LEGEND: f64 = 96.0;

/// A box to draw in one column: minutes from midnight, how it looks, its
/// label and the longer text behind it.
struct Block {
    from: i64,
    to: i64,
    fill: Fill,
    label: String,
    /// The end of the label that must show even in a short box (who
    /// supports, or how many workers).
    tail: String,
    title: String,
}

/// Draws `name`'s perfect week (what they asked for) beside the rota
/// `entries` planned for the seven days from `monday`: for each day, what
/// they asked for on the left and what was planned on the right, with who
/// supports each session and, hatched and marked UNFILLED, every session
/// with a seat left empty.
///
/// `entries` may hold the whole rota or several people's: only those on the
/// seven days, for the week's person, are drawn. A session past midnight is
/// drawn to midnight and labelled with its end. The result is a standalone
/// SVG document with a `<title>` and a `<desc>` that says in words what is
/// unfilled; every box carries text, and the styles differ by outline and
/// hatching, so the picture reads in black and white.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime, Weekday};
/// use perfect_week::draw::perfect_week_beside_rota;
/// use perfect_week::week::{Activity, PerfectWeek, Timing};
///
/// let swim = Activity::new("swim", "Swimming", Weekday::Tue,
///     Timing::fixed(NaiveTime::from_hms_opt(10, 0, 0).ok_or("time")?), 90);
/// let week = PerfectWeek::new("ava", vec![swim]);
/// let monday = NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?;
/// let svg = perfect_week_beside_rota("Ava", &week, &[], monday);
/// assert!(svg.contains("Swimming") && svg.contains("Tuesday"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn perfect_week_beside_rota(
    name: &str,
    week: &PerfectWeek,
    entries: &[RotaEntry],
    monday: NaiveDate,
) -> String {
    let days: Vec<NaiveDate> = (0..7).map(|d| monday + Duration::days(d)).collect();
    let asked: Vec<Vec<Block>> = days
        .iter()
        .map(|date| {
            week.activities
                .iter()
                .filter(|a| a.day == date.weekday())
                .flat_map(asked_blocks)
                .collect()
        })
        .collect();
    let mine: Vec<&RotaEntry> = entries
        .iter()
        .filter(|e| e.person.as_ref() == Some(&week.person))
        .filter(|e| e.date >= monday && e.date < monday + Duration::days(7))
        .collect();
    let planned: Vec<Vec<Block>> = days
        .iter()
        .map(|date| {
            mine.iter()
                .filter(|e| e.date == *date)
                .map(|e| planned_block(e))
                .collect()
        })
        .collect();

    // The hours shown: from the earliest start to the latest end, whole hours.
    let all = asked.iter().chain(&planned).flatten();
    let first = all.clone().map(|b| b.from).min().unwrap_or(8 * 60);
    let last = all.map(|b| b.to).max().unwrap_or(20 * 60);
    let first_hour = (first / 60).clamp(0, 23);
    let last_hour = ((last + 59) / 60).clamp(first_hour + 1, 24);
    let y_of = |minute: i64| TOP + (minute - first_hour * 60) as f64 * PER_MINUTE;
    let height = y_of(last_hour * 60) + LEGEND;
    let width = LEFT + 7.0 * (2.0 * COLUMN + DAY_GAP) + 10.0;

    let unfilled: Vec<String> = mine
        .iter()
        .filter(|e| !e.is_filled())
        .map(|e| {
            format!(
                "{} {} {}",
                day_name(e.date.weekday()),
                clock(e.local_start.time()),
                e.what
            )
        })
        .collect();
    let title = format!(
        "{name}'s perfect week beside the rota for the week of {}",
        monday.format("%-d %B %Y")
    );
    let desc = format!(
        "For each day, Monday to Sunday, the left column shows what {name} asked for and the \
         right column what the rota plans, with who supports each session. {} sessions are \
         planned; {}",
        mine.len(),
        if unfilled.is_empty() {
            "every one has the workers it needs.".to_owned()
        } else {
            format!("these still need a worker: {}.", unfilled.join("; "))
        }
    );
    let mut svg = Svg::new(width, height, &title, &desc);
    svg.text(LEFT, 24.0, 16.0, true, "start", &title);
    svg.text(
        LEFT,
        44.0,
        FONT + 1.0,
        false,
        "start",
        "Left: asked for. Right: planned. Hatched and UNFILLED: a seat no worker could take.",
    );

    // Hour lines and labels.
    for hour in first_hour..=last_hour {
        let y = y_of(hour * 60);
        svg.line((LEFT - 4.0, y), (width - 10.0, y), true);
        svg.text(
            LEFT - 6.0,
            y + 3.5,
            FONT,
            false,
            "end",
            &format!("{hour:02}:00"),
        );
    }
    for (i, date) in days.iter().enumerate() {
        let x = LEFT + i as f64 * (2.0 * COLUMN + DAY_GAP);
        let middle = x + COLUMN;
        let heading = format!("{} {}", day_name(date.weekday()), date.format("%-d %b"));
        svg.text(middle, 66.0, FONT + 2.0, true, "middle", &heading);
        svg.text(x + COLUMN / 2.0, 84.0, FONT, false, "middle", "asked for");
        svg.text(
            middle + COLUMN / 2.0,
            84.0,
            FONT,
            false,
            "middle",
            "planned",
        );
        for (column, blocks) in [(x, &asked[i]), (middle, &planned[i])] {
            draw_column(&mut svg, column, blocks, &y_of);
        }
    }
    legend(&mut svg, y_of(last_hour * 60) + 20.0);
    svg.finish()
}

/// The boxes for one activity the person asked for: a flexible one shows
/// its window dashed and its preferred time inside it.
fn asked_blocks(activity: &Activity) -> Vec<Block> {
    let minutes = i64::from(activity.minutes);
    let support = match activity.support.workers {
        0 => "no paid support".to_owned(),
        1 => "1 worker".to_owned(),
        n => format!("{n} workers"),
    };
    let plain = if activity.support.workers == 0 {
        Fill::Dashed
    } else {
        Fill::Plain
    };
    match activity.timing {
        Timing::Fixed { start } => {
            let from = minute_of(start);
            let until = if from + minutes > 24 * 60 {
                let end = start.overflowing_add_signed(Duration::minutes(minutes)).0;
                format!(", until {} next day", clock(end))
            } else {
                String::new()
            };
            vec![Block {
                from,
                to: (from + minutes).min(24 * 60),
                fill: plain,
                label: format!("{} {}", clock(start), activity.name),
                tail: format!("({support}{until})"),
                title: format!(
                    "Asked for: {} at {} for {} min, {support}",
                    activity.name,
                    clock(start),
                    minutes
                ),
            }]
        }
        Timing::Flexible {
            earliest,
            latest_end,
            preferred,
            ..
        } => {
            let from = minute_of(preferred);
            let window = format!("{}–{}", clock(earliest), clock(latest_end));
            vec![
                Block {
                    from: minute_of(earliest),
                    to: minute_of(latest_end).max(minute_of(earliest) + minutes),
                    fill: Fill::Dashed,
                    label: String::new(),
                    tail: String::new(),
                    title: format!("{} may move within {window}", activity.name),
                },
                Block {
                    from,
                    to: from + minutes,
                    fill: plain,
                    label: format!("{} {}", clock(preferred), activity.name),
                    tail: format!("(any time {window})"),
                    title: format!(
                        "Asked for: {} for {} min, best at {}, any time {window}, {support}",
                        activity.name,
                        minutes,
                        clock(preferred)
                    ),
                },
            ]
        }
    }
}

/// The box for one planned session.
fn planned_block(entry: &RotaEntry) -> Block {
    let from = minute_of(entry.local_start.time());
    let to = minutes_to_end(
        entry.local_start.naive_local(),
        entry.local_end.naive_local(),
    );
    let past_midnight = if to > 24 * 60 {
        format!(" (until {} next day)", entry.end_clock(None))
    } else {
        String::new()
    };
    let time = entry.start_clock(None);
    let (fill, who) = if entry.needed == 0 {
        (Fill::Dashed, "no paid support".to_owned())
    } else if entry.is_filled() {
        (Fill::Shaded, format!("with {}", entry.worker_names()))
    } else {
        let missing = entry.needed as usize - entry.workers.len();
        let with = if entry.workers.is_empty() {
            String::new()
        } else {
            format!(", with {}", entry.worker_names())
        };
        (
            Fill::Hatched,
            format!("UNFILLED: needs {missing} more{with}"),
        )
    };
    Block {
        from,
        to: to.min(24 * 60),
        fill,
        label: format!("{time} {}{past_midnight}", entry.what),
        tail: format!("— {who}"),
        title: format!(
            "Planned: {} {}–{}{past_midnight}, {who}",
            entry.what,
            time,
            entry.end_clock(None)
        ),
    }
}

/// Draws a column's boxes, side by side where they overlap.
fn draw_column(svg: &mut Svg, x: f64, blocks: &[Block], y_of: &dyn Fn(i64) -> f64) {
    // Windows first (they sit behind), then each box in the first lane free.
    let mut order: Vec<&Block> = blocks.iter().collect();
    order.sort_by_key(|b| (!b.label.is_empty(), b.from));
    let mut lane_ends: Vec<i64> = Vec::new();
    let mut lanes = Vec::new();
    for block in &order {
        if block.label.is_empty() {
            lanes.push(0);
            continue;
        }
        let lane = match lane_ends.iter().position(|end| *end <= block.from) {
            Some(lane) => lane,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = block.to;
        lanes.push(lane);
    }
    let count = lane_ends.len().max(1) as f64;
    for (block, lane) in order.iter().zip(lanes) {
        let (top, bottom) = (y_of(block.from), y_of(block.to));
        let (left, wide) = if block.label.is_empty() {
            (x + 1.0, COLUMN - 4.0)
        } else {
            let wide = (COLUMN - 8.0) / count;
            (x + 4.0 + lane as f64 * wide, wide - 2.0)
        };
        svg.group(&block.title);
        svg.rect(left, top, wide, bottom - top, block.fill);
        if !block.label.is_empty() {
            let mut text_left = left + 3.0;
            if block.fill == Fill::Hatched {
                svg.rect(
                    left + 7.0,
                    top + 3.0,
                    wide - 10.0,
                    bottom - top - 6.0,
                    Fill::Blank,
                );
                text_left = left + 9.0;
            }
            let text_wide = wide - (text_left - left) - 3.0;
            svg.wrapped(
                text_left,
                top + 1.0,
                text_wide,
                bottom - top - 3.0,
                FONT,
                &block.label,
                &block.tail,
            );
        }
        svg.end_group();
    }
}

/// A key to the box styles, in words.
fn legend(svg: &mut Svg, y: f64) {
    let keys = [
        (Fill::Plain, "asked for"),
        (Fill::Dashed, "flexible window, or no paid support"),
        (Fill::Shaded, "planned, with who supports"),
        (Fill::Hatched, "UNFILLED: a seat left empty"),
    ];
    let mut x = LEFT;
    for (fill, words) in keys {
        svg.rect(x, y, 26.0, 16.0, fill);
        svg.text(x + 32.0, y + 12.0, FONT + 1.0, false, "start", words);
        x += 44.0 + words.chars().count() as f64 * 6.2;
    }
}

fn minute_of(time: NaiveTime) -> i64 {
    i64::from(time.hour() * 60 + time.minute())
}

/// Minutes from the start's midnight to the end, in local clock time.
fn minutes_to_end(start: NaiveDateTime, end: NaiveDateTime) -> i64 {
    minute_of(start.time()) + (end - start).num_minutes()
}
