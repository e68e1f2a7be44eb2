//! How old the evidence is: each source's age in days since the dataset last checked it, and which
//! sources are older than a freshness limit allows (`versus check --stale`, the sources list).

use super::{CitedSource, Dataset, Source, is_calendar_date};
use crate::engine::diagnostic::Invalid;

/// How long a source stays fresh by default: a year after it was last checked.
pub const DEFAULT_FRESHNESS_DAYS: u32 = 365;
/// How long a `volatile` source (a registry's latest version, an SDK's major, a support list) stays
/// fresh: 30 days, or the general limit when that is shorter.
pub const VOLATILE_FRESHNESS_DAYS: u32 = 30;
/// The longest limit `--stale` takes: a century, far past any source's age.
const MAX_DURATION_DAYS: u32 = 36_500;

/// The freshness limit, in days since a source was last checked: `days` for every source, and the
/// shorter of `days` and [`VOLATILE_FRESHNESS_DAYS`] for a volatile one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    pub days: u32,
}

impl Default for Freshness {
    /// [`DEFAULT_FRESHNESS_DAYS`], and [`VOLATILE_FRESHNESS_DAYS`] for volatile sources.
    fn default() -> Self {
        Self { days: DEFAULT_FRESHNESS_DAYS }
    }
}

impl Freshness {
    /// The most days `source` may go unchecked.
    #[must_use]
    pub fn limit(self, source: &Source) -> u32 {
        if source.volatile { self.days.min(VOLATILE_FRESHNESS_DAYS) } else { self.days }
    }

    /// Whether `source` was last checked longer ago than its limit allows, as of `today`
    /// (YYYY-MM-DD). A date that cannot be read is not called stale.
    #[must_use]
    pub fn is_stale(self, source: &Source, today: &str) -> bool {
        source.age_days(today).is_some_and(|age| age > i64::from(self.limit(source)))
    }
}

impl Source {
    /// Days from `checked` to `today` (YYYY-MM-DD): negative if `today` is earlier, `None` if either
    /// is not a date.
    #[must_use]
    pub fn age_days(&self, today: &str) -> Option<i64> {
        Some(day_number(today)? - day_number(&self.checked)?)
    }
}

/// A source older than its freshness limit, with who cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleSource<'a> {
    pub cited: CitedSource<'a>,
    pub age_days: i64,
    pub limit_days: u32,
}

impl Dataset {
    /// Every source (once, by URL, in the order the file first cites it) last checked longer ago than
    /// `freshness` allows, as of `today` (YYYY-MM-DD).
    #[must_use]
    pub fn stale_sources(&self, today: &str, freshness: Freshness) -> Vec<StaleSource<'_>> {
        self.cited_sources()
            .into_iter()
            .filter(|cited| freshness.is_stale(cited.source, today))
            .map(|cited| StaleSource {
                age_days: cited.source.age_days(today).unwrap_or_default(),
                limit_days: freshness.limit(cited.source),
                cited,
            })
            .collect()
    }
}

/// A freshness limit as written on the command line: a number of days (`90d`) or weeks (`12w`).
///
/// # Errors
/// Anything else, or more than a century.
pub fn parse_duration(text: &str) -> Result<u32, Invalid> {
    let wrong = || Invalid(format!("`{text}` is not a duration: write a number of days or weeks, such as 90d or 12w"));
    let text = text.trim();
    let (number, per) = match text.char_indices().last() {
        Some((at, 'd')) => (&text[..at], 1),
        Some((at, 'w')) => (&text[..at], 7),
        _ => return Err(wrong()),
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(wrong());
    }
    let days = number.parse::<u32>().ok().and_then(|n| n.checked_mul(per)).filter(|&d| d <= MAX_DURATION_DAYS);
    days.ok_or_else(|| Invalid(format!("`{text}` is longer than the limit of {MAX_DURATION_DAYS} days")))
}

/// The number of days from 1970-01-01 to `date` (YYYY-MM-DD), if it is a date.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    if !is_calendar_date(date) {
        return None;
    }
    let part = |range: std::ops::Range<usize>| date.get(range).and_then(|s| s.parse::<i64>().ok());
    let (year, month, day) = (part(0..4)?, part(5..7)?, part(8..10)?);
    // Howard Hinnant's days_from_civil: years start in March, so the leap day ends one.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(checked: &str, volatile: bool) -> Source {
        Source {
            title: "t".into(),
            url: "https://example.com".into(),
            published: None,
            checked: checked.into(),
            volatile,
        }
    }

    #[test]
    fn days_are_counted_across_months_years_and_leap_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01").zip(day_number("2000-02-28")).map(|(a, b)| a - b), Some(2));
        assert_eq!(day_number("2027-01-01").zip(day_number("2026-01-01")).map(|(a, b)| a - b), Some(365));
        assert_eq!(source("2026-12-02", false).age_days("2026-12-06"), Some(4));
        assert_eq!(source("2026-12-06", false).age_days("2026-12-02"), Some(-4));
        assert_eq!(source("2026-12-02", false).age_days("yesterday"), None);
    }

    #[test]
    fn volatile_sources_go_stale_sooner() {
        let days = Freshness { days: 90 };
        assert!(!days.is_stale(&source("2026-09-07", false), "2026-12-06"), "90 days old is not older than 90");
        assert!(days.is_stale(&source("2026-09-06", false), "2026-12-06"));
        assert_eq!(days.limit(&source("2026-12-01", true)), VOLATILE_FRESHNESS_DAYS);
        assert!(days.is_stale(&source("2026-11-05", true), "2026-12-06"), "31 days for a volatile source");
        assert_eq!(Freshness { days: 7 }.limit(&source("2026-12-01", true)), 7, "the shorter limit wins");
        assert_eq!(Freshness::default().days, DEFAULT_FRESHNESS_DAYS);
    }

    #[test]
    fn durations_are_days_or_weeks() {
        assert_eq!(parse_duration("90d"), Ok(90));
        assert_eq!(parse_duration("12w"), Ok(84));
        assert_eq!(parse_duration("0d"), Ok(0));
        for bad in ["90", "d", "-3d", "3 d", "1.5w", "3m", ""] {
            assert!(parse_duration(bad).unwrap_err().0.contains("is not a duration"), "{bad}");
        }
        assert!(parse_duration("99999999999d").unwrap_err().0.contains("longer than the limit"));
    }
}
