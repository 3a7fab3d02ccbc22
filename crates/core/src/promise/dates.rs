//! When a step of a letter says it will be done: the dates and deadlines English writes
//! ("by March 15", "15 March 2027", "in Q1", "by the end of next month", "within two
//! weeks"), read against the day the letter was published. A date without a year is the
//! first such day on or after publication; a month or quarter means its last day.

use crate::checks::detect::fixed;
use chrono::{Datelike, Days, Months, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

const MONTH: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

fn month_number(name: &str) -> Option<u32> {
    let n = match name.to_lowercase().get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn small_number(word: &str) -> Option<u64> {
    let n = match word.to_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        "fourteen" => 14,
        "thirty" => 30,
        "sixty" => 60,
        "ninety" => 90,
        digits => return digits.parse().ok(),
    };
    Some(n)
}

static ISO: LazyLock<Regex> = LazyLock::new(|| fixed(r"\b(\d{4})-(\d{2})-(\d{2})\b"));

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
    ))
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b\.?(?:,?\s+(\d{{4}})\b)?"
    ))
});

/// A month on its own needs a preposition before it, so that "we may" is not May.
static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(?:by|in|during|before|until|through|over)\s+(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+|early\s+|mid-?\s*|late\s+)?{MONTH}\b(?:\s+(\d{{4}})\b)?"
    ))
});

static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:q([1-4])|(first|second|third|fourth)\s+quarter)\b(?:\s+(?:of\s+)?(?:fy\s*)?(\d{4})\b)?",
    )
});

static HALF: LazyLock<Regex> = LazyLock::new(|| {
    fixed(r"(?i)\b(?:h([12])|(first|second)\s+half)\b(?:\s+(?:of\s+)?(\d{4})\b)?")
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:(by\s+the\s+end\s+of|by\s+end\s+of|the\s+end\s+of|by|before|in|during)\s+)?(?:(early|mid-?|late)\s*)?(20\d{2})\b",
    )
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:within|in\s+the\s+next|over\s+the\s+next|in)\s+(?:the\s+next\s+)?(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|sixty|ninety)\s+(days?|weeks?|months?)\b",
    )
});

static END_OF: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(this|next|the)\s+(week|month|quarter|year)\b",
    )
});

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// The first `(month, day)` on or after `from`, this year or the next.
fn next_day(from: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(from.year(), month, day)?;
    if this >= from {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(from.year() + 1, month, day)
    }
}

fn next_month_end(from: NaiveDate, month: u32) -> Option<NaiveDate> {
    let this = last_of_month(from.year(), month)?;
    if this >= from {
        Some(this)
    } else {
        last_of_month(from.year() + 1, month)
    }
}

fn year_of(caps: &Captures, group: usize) -> Option<i32> {
    caps.get(group).and_then(|m| m.as_str().parse().ok())
}

fn ordinal(word: &str) -> Option<u32> {
    match word.to_lowercase().as_str() {
        "first" | "1" => Some(1),
        "second" | "2" => Some(2),
        "third" | "3" => Some(3),
        "fourth" | "4" => Some(4),
        _ => None,
    }
}

/// The last day of a period of `months` months numbered `n` (quarter 1 ends in March).
fn period_end(from: NaiveDate, year: Option<i32>, n: u32, months: u32) -> Option<NaiveDate> {
    let end_month = n * months;
    match year {
        Some(y) => last_of_month(y, end_month),
        None => next_month_end(from, end_month),
    }
}

/// Every deadline the step names, as dates, with where each was written.
pub fn deadlines(step: &str, published: NaiveDate) -> Vec<(std::ops::Range<usize>, NaiveDate)> {
    let mut out: Vec<(std::ops::Range<usize>, NaiveDate)> = Vec::new();
    let mut push = |range: std::ops::Range<usize>, date: Option<NaiveDate>| {
        if let Some(date) = date
            && !out
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            out.push((range, date));
        }
    };
    for c in ISO.captures_iter(step) {
        let (y, m, d) = (year_of(&c, 1), year_of(&c, 2), year_of(&c, 3));
        let date = match (y, m, d) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m as u32, d as u32),
            _ => None,
        };
        push(c.get(0).map_or(0..0, |m| m.range()), date);
    }
    for (re, month_group, day_group) in [(&*MONTH_DAY, 1, 2), (&*DAY_MONTH, 2, 1)] {
        for c in re.captures_iter(step) {
            let month = c.get(month_group).and_then(|m| month_number(m.as_str()));
            let day = c
                .get(day_group)
                .and_then(|m| m.as_str().parse::<u32>().ok());
            let date = match (month, day, year_of(&c, 3)) {
                (Some(m), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y, m, d),
                (Some(m), Some(d), None) => next_day(published, m, d),
                _ => None,
            };
            push(c.get(0).map_or(0..0, |m| m.range()), date);
        }
    }
    for c in MONTH_ONLY.captures_iter(step) {
        let month = c.get(1).and_then(|m| month_number(m.as_str()));
        let date = match (month, year_of(&c, 2)) {
            (Some(m), Some(y)) => last_of_month(y, m),
            (Some(m), None) => next_month_end(published, m),
            _ => None,
        };
        push(c.get(0).map_or(0..0, |m| m.range()), date);
    }
    for (re, months) in [(&*QUARTER, 3), (&*HALF, 6)] {
        for c in re.captures_iter(step) {
            let n = c.get(1).or(c.get(2)).and_then(|m| ordinal(m.as_str()));
            let date = n.and_then(|n| period_end(published, year_of(&c, 3), n, months));
            push(c.get(0).map_or(0..0, |m| m.range()), date);
        }
    }
    for c in YEAR.captures_iter(step) {
        let lead = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        let part = c.get(2).map_or("", |m| m.as_str()).to_lowercase();
        if lead.is_empty() && part.is_empty() {
            continue;
        }
        let date = year_of(&c, 3).and_then(|y| {
            if part.starts_with("early") {
                NaiveDate::from_ymd_opt(y, 3, 31)
            } else if part.starts_with("mid") {
                NaiveDate::from_ymd_opt(y, 6, 30)
            } else if part.is_empty() && (lead == "by" || lead == "before") {
                NaiveDate::from_ymd_opt(y, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, 12, 31)
            }
        });
        push(c.get(0).map_or(0..0, |m| m.range()), date);
    }
    for c in RELATIVE.captures_iter(step) {
        let n = c.get(1).and_then(|m| small_number(m.as_str()));
        let unit = c.get(2).map_or("", |m| m.as_str()).to_lowercase();
        let date = n.and_then(|n| {
            if unit.starts_with("day") {
                published.checked_add_days(Days::new(n))
            } else if unit.starts_with("week") {
                published.checked_add_days(Days::new(n * 7))
            } else {
                published.checked_add_months(Months::new(u32::try_from(n).ok()?))
            }
        });
        push(c.get(0).map_or(0..0, |m| m.range()), date);
    }
    for c in END_OF.captures_iter(step) {
        let which = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        let unit = c.get(2).map_or("", |m| m.as_str()).to_lowercase();
        let next = which == "next";
        let date = match unit.as_str() {
            "week" => {
                let to_sunday = 6 - published.weekday().num_days_from_monday() as u64;
                published.checked_add_days(Days::new(to_sunday + if next { 7 } else { 0 }))
            }
            "month" => {
                let base = if next {
                    published.checked_add_months(Months::new(1))
                } else {
                    Some(published)
                };
                base.and_then(|b| last_of_month(b.year(), b.month()))
            }
            "quarter" => {
                let q = (published.month() - 1) / 3 + 1;
                let end = last_of_month(published.year(), q * 3);
                if next {
                    end.and_then(|e| e.checked_add_days(Days::new(1)))
                        .and_then(|d| last_of_month(d.year(), d.month() + 2))
                } else {
                    end
                }
            }
            _ => NaiveDate::from_ymd_opt(published.year() + i32::from(next), 12, 31),
        };
        push(c.get(0).map_or(0..0, |m| m.range()), date);
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn due(step: &str) -> Vec<NaiveDate> {
        deadlines(step, d(2026, 11, 20))
            .into_iter()
            .map(|(_, d)| d)
            .collect()
    }

    #[test]
    fn reads_the_ways_english_writes_a_date() {
        assert_eq!(due("We will finish by March 15, 2027."), [d(2027, 3, 15)]);
        assert_eq!(due("We will finish by 15 March 2027."), [d(2027, 3, 15)]);
        assert_eq!(due("Due 2027-01-31."), [d(2027, 1, 31)]);
        assert_eq!(due("We will finish by Jan. 9th."), [d(2027, 1, 9)]);
        assert_eq!(due("We will add it by December 3."), [d(2026, 12, 3)]);
        assert_eq!(
            due("By the end of February we will have it."),
            [d(2027, 2, 28)]
        );
        assert_eq!(due("In Q1 2027 we move."), [d(2027, 3, 31)]);
        assert_eq!(due("In the first quarter we move."), [d(2027, 3, 31)]);
        assert_eq!(due("In the second half of 2027."), [d(2027, 12, 31)]);
        assert_eq!(
            due("Within two weeks we will publish it."),
            [d(2026, 12, 4)]
        );
        assert_eq!(due("In the next 30 days."), [d(2026, 12, 20)]);
        assert_eq!(due("By the end of next month."), [d(2026, 12, 31)]);
        assert_eq!(due("By the end of this quarter."), [d(2026, 12, 31)]);
        assert_eq!(due("By the end of next quarter."), [d(2027, 3, 31)]);
        assert_eq!(due("By the end of the year."), [d(2026, 12, 31)]);
        assert_eq!(due("In early 2027."), [d(2027, 3, 31)]);
    }

    #[test]
    fn a_modal_verb_is_not_a_month() {
        assert!(due("We may add more regions later.").is_empty());
        assert!(due("The team will march on.").is_empty());
        assert!(due("In the coming weeks we will say more.").is_empty());
    }
}
