//! Calendar dates as the dataset writes them: `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`.
//!
//! Dates are plain integers, never local time, so nothing here depends on the reader's timezone.

use std::cmp::Ordering;
use std::fmt;

/// A date with year precision, month precision or day precision.
///
/// Ordering is chronological by the earliest instant each date can mean, so `2018` sorts before
/// `2018-06`, which sorts before `2018-06-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12, when known.
    pub month: Option<u8>,
    /// 1–31, when known (only together with a month).
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// The month is not 1–12.
    Month(u32),
    /// The day does not exist in that month.
    Day { day: u32, max: u8 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""),
            DateError::Month(m) => write!(f, "month {m} is not between 1 and 12"),
            DateError::Day { day, max } => {
                write!(f, "day {day} does not exist (this month has {max} days)")
            }
        }
    }
}

/// `true` in Gregorian leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// The span of `start..end` (two dates as written) in fractional years: from the start's first
/// moment to the end's last, so `span("2018", "2020")` is 2018.0..2021.0. `None` if either date does
/// not parse. Eras and story stops cover their whole end year (or month, or day) this way.
///
/// ```
/// use chronicle_core::date::span;
/// assert_eq!(span("2018", "2020"), Some((2018.0, 2021.0)));
/// assert_eq!(span("2018", "nope"), None);
/// ```
pub fn span(start: &str, end: &str) -> Option<(f64, f64)> {
    Some((Date::parse(start).ok()?.fractional_year(), Date::parse(end).ok()?.end_fractional_year()))
}

impl Date {
    /// A year-precision date.
    pub const fn year(year: i32) -> Self {
        Date { year, month: None, day: None }
    }

    /// Parses `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`.
    ///
    /// ```
    /// use chronicle_core::date::{Date, DateError};
    /// assert_eq!(Date::parse("2017-06-12").unwrap().to_string(), "2017-06-12");
    /// assert_eq!(Date::parse("2023-13-40"), Err(DateError::Month(13)));
    /// assert_eq!(Date::parse("2023-02-29"), Err(DateError::Day { day: 29, max: 28 }));
    /// ```
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let mut parts = s.split('-');
        let year = parts.next().and_then(|y| digits(y, 4)).ok_or(DateError::Format)? as i32;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(digits(m, 2).ok_or(DateError::Format)?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(digits(d, 2).ok_or(DateError::Format)?),
        };
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(m));
            }
            if let Some(d) = day {
                let max = days_in_month(year, m as u8);
                if d < 1 || d > u32::from(max) {
                    return Err(DateError::Day { day: d, max });
                }
            }
        }
        Ok(Date { year, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }

    /// The date as a fractional year, at the start of the period it names.
    ///
    /// ```
    /// use chronicle_core::date::Date;
    /// assert_eq!(Date::parse("2018").unwrap().fractional_year(), 2018.0);
    /// // 1 July 2018 is day 181 (0-based) of a 365-day year.
    /// let x = Date::parse("2018-07-01").unwrap().fractional_year();
    /// assert!((x - (2018.0 + 181.0 / 365.0)).abs() < 1e-9);
    /// ```
    pub fn fractional_year(&self) -> f64 {
        let Some(month) = self.month else {
            return f64::from(self.year);
        };
        let days_before: u32 = (1..month).map(|m| u32::from(days_in_month(self.year, m))).sum();
        let day0 = u32::from(self.day.unwrap_or(1)) - 1;
        let len = if is_leap(self.year) { 366.0 } else { 365.0 };
        f64::from(self.year) + f64::from(days_before + day0) / len
    }

    /// The fractional year at the end of the period the date names (the start of the next year,
    /// month or day), so an era that "ends 2003" includes all of 2003.
    ///
    /// ```
    /// use chronicle_core::date::Date;
    /// assert_eq!(Date::parse("2003").unwrap().end_fractional_year(), 2004.0);
    /// assert_eq!(Date::parse("2003-12").unwrap().end_fractional_year(), 2004.0);
    /// ```
    pub fn end_fractional_year(&self) -> f64 {
        match (self.month, self.day) {
            (None, _) => f64::from(self.year + 1),
            (Some(12), None) => f64::from(self.year + 1),
            (Some(m), None) => Date { year: self.year, month: Some(m + 1), day: None }.fractional_year(),
            (Some(_), Some(_)) => self.fractional_year() + 1.0 / if is_leap(self.year) { 366.0 } else { 365.0 },
        }
    }

    fn key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(Date::parse("1948").unwrap(), Date::year(1948));
        assert_eq!(Date::parse("2017-06").unwrap(), Date { year: 2017, month: Some(6), day: None });
        assert_eq!(Date::parse("2024-02-29").unwrap().day, Some(29));
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        for bad in ["", "98", "2018-6", "2018-06-1", "2018/06/01", "2018-06-01-01", "２０１８", "-2018", "2018-"] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad:?}");
        }
        assert_eq!(Date::parse("2023-00"), Err(DateError::Month(0)));
        assert_eq!(Date::parse("2023-13-40"), Err(DateError::Month(13)));
        assert_eq!(Date::parse("2023-04-31"), Err(DateError::Day { day: 31, max: 30 }));
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::Day { day: 29, max: 28 }));
        assert_eq!(Date::parse("2023-01-00"), Err(DateError::Day { day: 0, max: 31 }));
    }

    #[test]
    fn orders_coarser_dates_first_within_their_period() {
        let mut v: Vec<Date> =
            ["2018-06-11", "2018", "2017-12-31", "2018-06"].iter().map(|s| Date::parse(s).unwrap()).collect();
        v.sort();
        let s: Vec<String> = v.iter().map(Date::to_string).collect();
        assert_eq!(s, ["2017-12-31", "2018", "2018-06", "2018-06-11"]);
    }

    #[test]
    fn fractional_year_handles_leap_years() {
        let d = Date::parse("2020-12-31").unwrap().fractional_year();
        assert!((d - (2020.0 + 365.0 / 366.0)).abs() < 1e-12);
    }

    proptest! {
        #[test]
        fn display_round_trips(y in 1000i32..2999, m in 1u8..=12, d in 1u8..=31) {
            let d = d.min(days_in_month(y, m));
            let date = Date { year: y, month: Some(m), day: Some(d) };
            prop_assert_eq!(Date::parse(&date.to_string()).unwrap(), date);
        }

        #[test]
        fn fractional_year_is_monotonic(a in 1000i32..2999, am in 1u8..=12, ad in 1u8..=28,
                                        b in 1000i32..2999, bm in 1u8..=12, bd in 1u8..=28) {
            let x = Date { year: a, month: Some(am), day: Some(ad) };
            let y = Date { year: b, month: Some(bm), day: Some(bd) };
            prop_assert_eq!(x.cmp(&y), x.fractional_year().partial_cmp(&y.fractional_year()).unwrap());
            prop_assert!(x.fractional_year() >= f64::from(a) && x.fractional_year() < f64::from(a + 1));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = Date::parse(&s);
        }
    }
}
