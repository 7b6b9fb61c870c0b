//! Exact numbers for scores, totals and means: fractions of integers, so a
//! mean of 149/3 stays below 50 and no threshold decision ever sees a float.

use std::cmp::Ordering;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Div, Sub};

use num_rational::Ratio;
use num_traits::{ToPrimitive, Zero};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Exact(Ratio<i64>);

impl Exact {
    pub const ZERO: Exact = Exact(Ratio::new_raw(0, 1));

    pub fn whole(n: i64) -> Exact {
        Exact(Ratio::from_integer(n))
    }

    /// n/d, reduced. Panics on d == 0, which no caller produces: means
    /// divide by a count that is checked to be positive first.
    pub fn new(n: i64, d: i64) -> Exact {
        Exact(Ratio::new(n, d))
    }

    /// The mean of whole numbers; None for an empty list.
    pub fn mean(values: impl IntoIterator<Item = i64>) -> Option<Exact> {
        let (sum, count) = values
            .into_iter()
            .fold((0i64, 0i64), |(s, c), v| (s + v, c + 1));
        (count > 0).then(|| Exact::new(sum, count))
    }

    pub fn numer(&self) -> i64 {
        *self.0.numer()
    }

    pub fn denom(&self) -> i64 {
        *self.0.denom()
    }

    pub fn is_whole(&self) -> bool {
        self.0.is_integer()
    }

    pub fn min(self, other: Exact) -> Exact {
        if self <= other { self } else { other }
    }

    /// Whole hundredths, rounded toward zero: a displayed total never
    /// reaches a threshold that the exact total misses.
    fn hundredths(&self) -> i64 {
        (self.numer() * 100) / self.denom()
    }

    fn two_decimals(&self, separator: char) -> String {
        let h = self.hundredths();
        let sign = if h < 0 || (h == 0 && self.numer() < 0) {
            "-"
        } else {
            ""
        };
        let h = h.abs();
        format!("{sign}{}{separator}{:02}", h / 100, h % 100)
    }

    /// `71.33`: for JSON and CSV.
    pub fn to_decimal(&self) -> String {
        self.two_decimals('.')
    }

    /// `71,33`: for the Dutch screens and sheets.
    pub fn to_dutch(&self) -> String {
        self.two_decimals(',')
    }

    /// `71,33` for a fraction, `71` for a whole number: for screens where
    /// most values are whole.
    pub fn to_dutch_short(&self) -> String {
        if self.is_whole() {
            self.numer().to_string()
        } else {
            self.to_dutch()
        }
    }

    /// `214/3` or `71`: the exact value as a reduced fraction.
    pub fn to_fraction(&self) -> String {
        if self.is_whole() {
            self.numer().to_string()
        } else {
            format!("{}/{}", self.numer(), self.denom())
        }
    }

    /// The inverse of [`to_fraction`](Exact::to_fraction): `214/3` or `71`.
    pub fn parse_fraction(s: &str) -> Option<Exact> {
        match s.split_once('/') {
            Some((n, d)) => {
                let (n, d) = (n.parse().ok()?, d.parse::<i64>().ok()?);
                (d != 0).then(|| Exact::new(n, d))
            }
            None => s.parse().ok().map(Exact::whole),
        }
    }

    /// For drawing only (bar lengths, colours): never for a decision.
    pub fn approx(&self) -> f32 {
        self.0.to_f32().unwrap_or(0.0)
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal())
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl Add for Exact {
    type Output = Exact;
    fn add(self, rhs: Exact) -> Exact {
        Exact(self.0 + rhs.0)
    }
}

impl Sub for Exact {
    type Output = Exact;
    fn sub(self, rhs: Exact) -> Exact {
        Exact(self.0 - rhs.0)
    }
}

impl Div<i64> for Exact {
    type Output = Exact;
    fn div(self, rhs: i64) -> Exact {
        Exact(self.0 / rhs)
    }
}

impl Sum for Exact {
    fn sum<I: Iterator<Item = Exact>>(iter: I) -> Exact {
        iter.fold(Exact::ZERO, |a, b| a + b)
    }
}

impl From<u32> for Exact {
    fn from(n: u32) -> Exact {
        Exact::whole(i64::from(n))
    }
}

impl Zero for Exact {
    fn zero() -> Exact {
        Exact::ZERO
    }
    fn is_zero(&self) -> bool {
        self.0.is_zero()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_just_under_fifty_stays_under_fifty() {
        let mean = Exact::mean([50, 50, 49]).unwrap();
        assert_eq!(mean.to_fraction(), "149/3");
        assert!(mean < Exact::whole(50));
        assert_eq!(mean.to_decimal(), "49.66");
        assert_eq!(mean.to_dutch(), "49,66");
    }

    #[test]
    fn decimals_round_toward_zero() {
        assert_eq!(Exact::new(214, 3).to_decimal(), "71.33");
        assert_eq!(Exact::new(9999, 200).to_decimal(), "49.99");
        assert_eq!(Exact::new(2, 3).to_decimal(), "0.66");
        assert_eq!(Exact::whole(50).to_decimal(), "50.00");
        assert_eq!(Exact::new(-1, 3).to_decimal(), "-0.33");
    }

    #[test]
    fn whole_numbers_print_as_whole_numbers() {
        assert_eq!(Exact::new(100, 2).to_fraction(), "50");
        assert_eq!(Exact::new(101, 2).to_dutch_short(), "50,50");
        assert_eq!(Exact::whole(7).to_dutch_short(), "7");
    }

    #[test]
    fn an_empty_mean_is_none() {
        assert_eq!(Exact::mean(std::iter::empty()), None);
    }
}
