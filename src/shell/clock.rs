//! The date, for files that carry one (a new dataset's `as_of`).

/// Today's date in UTC, as `YYYY-MM-DD`.
#[must_use]
pub fn today() -> String {
    // humantime renders the system clock as RFC 3339 in UTC ("2026-12-02T01:40:00Z"); the date is its
    // first ten characters.
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()[..10].to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_date() {
        let today = super::today();
        let parts: Vec<&str> = today.split('-').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [4, 2, 2], "{today}");
        assert!(parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())), "{today}");
        assert!(today.as_str() >= "2026-01-01", "{today}");
    }
}
